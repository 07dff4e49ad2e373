import { sleep as n8nSleep } from 'n8n-workflow';

import { OutcomeWindow, PACING } from './pacing';

export interface Clock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

const realClock: Clock = { now: () => Date.now(), sleep: n8nSleep };

/** Permission to send one request. Report how it went exactly once (later reports are ignored). */
export interface Permit {
	/** DeepIDV answered with anything but 429. */
	answered(): void;
	/** DeepIDV answered 429. */
	rateLimited(): void;
	/** No answer came (network failure or timeout). */
	failed(): void;
}

/**
 * Paces one node execution's requests to DeepIDV: a token bucket at the configured rate (DeepIDV
 * documents 25 per second with bursts of 35), served first come, first served.
 *
 * DeepIDV's limit is per organisation, so other executions and workflows on the same API key share
 * it, while nothing is shared between executions here (queue-mode workers share no memory). The
 * pace therefore adapts to the 429s, in the manner of TCP's congestion control (see pacing.ts for
 * the numbers):
 * - slow start: a few requests in flight at first, one more per answer, until the first 429; so
 *   executions started together do not all fire their burst at once. Alone, the held-back burst is
 *   only delayed: its tokens wait in the bucket.
 * - a 429 gives up the saved burst and cuts the rate: hard (to half, every round trip) while most
 *   requests are refused, by 30% at most once per few requests when the limit is merely shared,
 *   and only slightly for a lone 429 of an execution that never met competition (the server's and
 *   this bucket's clocks drifting apart).
 * - without 429s the rate climbs back linearly, and after a few quiet seconds ever faster, so the
 *   capacity an execution leaves when it finishes is soon taken up by the others.
 */
export class RateLimiter {
	private tokens: number;

	private updatedAt: number;

	/** The last cut: the rate it set, when, and how many requests had been let through by then. */
	private cut?: { rate: number; at: number; sent: number };

	/** Whether DeepIDV has refused more than a stray request: other executions share the limit. */
	private competing = false;

	private sent = 0;

	private nextTicket = 0;

	private serving = 0;

	private inFlight = 0;

	private window: number = PACING.initialWindow;

	private readonly slotWaiters: Array<() => void> = [];

	private readonly outcomes = new OutcomeWindow(PACING.outcomeWindow);

	constructor(
		private readonly ceiling: number,
		private readonly burst: number,
		private readonly clock: Clock = realClock,
	) {
		this.tokens = burst;
		this.updatedAt = clock.now();
	}

	/** The current rate in requests per second. */
	get perSecond(): number {
		return this.rateAt(this.clock.now());
	}

	/**
	 * Resolves when the caller may send one request. Callers are served in the order they asked; a
	 * waiting caller re-checks after its estimated wait, so a rate cut meanwhile delays it too.
	 */
	async take(): Promise<Permit> {
		await this.slot();
		const ticket = this.nextTicket++;
		for (;;) {
			const rate = this.refill();
			if (ticket === this.serving && this.tokens >= 1) {
				this.tokens -= 1;
				this.serving++;
				return this.permit(this.sent++);
			}
			const needed = ticket - this.serving + 1 - this.tokens;
			await this.clock.sleep(Math.max(1, Math.ceil((needed / rate) * 1000)));
		}
	}

	/** @param sequence how many requests had been let through before this one */
	private permit(sequence: number): Permit {
		let settled = false;
		const settle = (outcome: () => void) => {
			if (settled) return;
			settled = true;
			this.inFlight--;
			outcome();
			this.wakeSlots();
		};
		return {
			answered: () =>
				settle(() => {
					this.outcomes.add(false);
					if (this.window !== Number.POSITIVE_INFINITY) this.window += 1;
				}),
			rateLimited: () =>
				settle(() => {
					this.outcomes.add(true);
					this.rateLimitedAt(sequence);
				}),
			failed: () => settle(() => undefined),
		};
	}

	private async slot(): Promise<void> {
		if (this.inFlight < this.window) {
			this.inFlight++;
			return;
		}
		await new Promise<void>((resolve) => this.slotWaiters.push(resolve));
	}

	private wakeSlots(): void {
		while (this.inFlight < this.window && this.slotWaiters.length > 0) {
			this.inFlight++;
			this.slotWaiters.shift()!();
		}
	}

	private rateLimitedAt(sequence: number): void {
		const rate = this.refill();
		this.tokens = Math.min(this.tokens, 0);
		this.window = Number.POSITIVE_INFINITY; // slow start is over: the rate alone governs
		const refused = this.outcomes.refused();
		if (refused >= PACING.competingAfter) this.competing = true;
		const storm = refused >= this.outcomes.size() * PACING.stormShare;
		// A 429 to a request sent before the last cut (or, unless in a storm, soon after it) says
		// nothing new about the current rate.
		if (this.cut && sequence < this.cut.sent + (storm ? 0 : PACING.cutEvery)) return;
		const factor = storm ? PACING.stormDecrease : this.competing ? PACING.decrease : PACING.strayDecrease;
		const floor = this.ceiling * (storm ? Math.min(PACING.stormFloorShare, rate / this.ceiling) : PACING.floorShare);
		this.cut = {
			rate: Math.max(floor, rate * factor),
			at: this.clock.now(),
			sent: this.sent,
		};
	}

	private rateAt(now: number): number {
		if (!this.cut) return this.ceiling;
		const seconds = (now - this.cut.at) / 1000;
		const probing = Math.max(0, seconds - PACING.probeAfterSeconds);
		return Math.min(this.ceiling, this.cut.rate + PACING.increasePerSecond * seconds + PACING.probe * probing ** 3);
	}

	/** Adds the tokens earned since the last call and returns the current rate. */
	private refill(): number {
		const now = this.clock.now();
		const rate = this.rateAt(now);
		// The saved burst shrinks with the rate, so a slowed-down execution does not burst at full size.
		const capacity = Math.max(1, (this.burst * rate) / this.ceiling);
		this.tokens = Math.min(capacity, this.tokens + ((now - this.updatedAt) / 1000) * rate);
		this.updatedAt = now;
		return rate;
	}
}
