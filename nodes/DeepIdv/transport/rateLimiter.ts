import { sleep as n8nSleep } from 'n8n-workflow';

import { OutcomeWindow, PACING } from './pacing';

export interface Clock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

export const realClock: Clock = { now: () => Date.now(), sleep: n8nSleep };

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
 * Who asks for a permit: one node execution (its TransportSettings). Each execution's callers are
 * served in the order they asked, and the executions in turn, one permit each.
 */
export type Lane = object;

/**
 * Paces the requests of every execution in this process that uses one DeepIDV organisation (see
 * organisationPacers.ts): a token bucket at the configured rate (DeepIDV documents 25 per second
 * with bursts of 35), shared fairly: the executions with callers waiting are served in turn, one
 * permit each, so a late joiner gets its share at its first request and an execution with many
 * items waiting gets no more than one with a few.
 *
 * DeepIDV's limit is per organisation, so requests this process cannot see share it too: other
 * queue-mode workers and webhook processes (which share no memory with this one) and other
 * applications on the key. The pace therefore still adapts to the 429s, in the manner of TCP's
 * congestion control (see pacing.ts for the numbers):
 * - a held-back burst: a pacer starts with a third of the burst and the configured rate, and gets
 *   the rest of the burst after a couple of seconds without a 429; so does a pacer that has had
 *   nothing to do for a second. Workers started together then fit in DeepIDV's bucket at first
 *   instead of each firing a full burst into it, and executions starting together here share the
 *   burst instead of the first one to ask taking it; alone, the burst is only spent a little later.
 * - a 429 gives up the saved burst and cuts the rate: to half (every round trip) when it comes
 *   while the burst is still held back or while most requests are refused, by 30% at most once per
 *   few requests when the limit is merely shared, and only slightly for a lone 429 of a pacer that
 *   never met competition (the server's and this bucket's clocks drifting apart).
 * - without 429s the rate climbs back linearly, and after a few quiet seconds ever faster, so the
 *   capacity another worker leaves when it finishes is soon taken up.
 */
export class RateLimiter {
	private tokens: number;

	/** Whether all but a share of the burst is kept back, until no 429 has come for a while… */
	private holding = false;

	/** …since this moment. */
	private heldSince = 0;

	private updatedAt: number;

	/**
	 * The last cut: the rate it set, when, how many requests had been let through by then, and for
	 * how many executions (the climb from it is that many times as steep).
	 */
	private cut?: { rate: number; at: number; sent: number; flows: number };

	/** When each execution last asked for a permit, to count the executions being paced. */
	private readonly askedAt = new Map<Lane, number>();

	/** Whether DeepIDV has refused more than a stray request: other executions share the limit. */
	private competing = false;

	private sent = 0;

	/**
	 * Callers waiting for a token, per execution in the order they asked. The map's order is the
	 * order of turns: an execution served goes to the back, and a new one joins at the back.
	 */
	private readonly waiting = new Map<Lane, Array<(sequence: number) => void>>();

	/** Permits let through and not reported yet. */
	private outstanding = 0;

	/** When a permit was last let through or reported. */
	private activeAt: number;

	private serving = false;

	private readonly outcomes = new OutcomeWindow(PACING.outcomeWindow);

	constructor(
		private readonly ceiling: number,
		private readonly burst: number,
		private readonly clock: Clock = realClock,
	) {
		this.tokens = burst * PACING.initialBurstShare;
		this.updatedAt = clock.now();
		this.activeAt = this.updatedAt;
		this.holdBack();
	}

	/** The current rate in requests per second. */
	get perSecond(): number {
		return this.rateAt(this.clock.now());
	}

	/**
	 * Resolves when the caller may send one request. An execution's callers are served in the order
	 * they asked; the executions (`lane`) in turn.
	 */
	async take(lane: Lane = this): Promise<Permit> {
		const restMs = PACING.restartAfterSeconds * 1000;
		if (this.waiting.size === 0 && this.outstanding === 0 && this.clock.now() - this.activeAt >= restMs) this.holdBack();
		this.askedAt.delete(lane);
		this.askedAt.set(lane, this.clock.now());
		const sequence = await new Promise<number>((resolve) => {
			const queue = this.waiting.get(lane);
			if (queue) queue.push(resolve);
			else this.waiting.set(lane, [resolve]);
			if (!this.serving) void this.serve();
		});
		return this.permit(sequence);
	}

	/**
	 * Whether nothing is left of this pacer's work: nobody waiting, every permit reported, and
	 * nothing let through for `idleMs`. By then the bucket is full again and a cut has climbed back
	 * or is stale, so a fresh pacer would do the same.
	 */
	idle(idleMs: number): boolean {
		return this.waiting.size === 0 && this.outstanding === 0 && this.clock.now() - this.activeAt >= idleMs;
	}

	/**
	 * Keeps all but a third of the burst back (see PACING.initialBurstShare), at the start and after a
	 * rest: what the bucket has saved beyond that third is given only once no 429 has come for a while.
	 */
	private holdBack(): void {
		this.holding = true;
		this.heldSince = this.clock.now();
		this.refill();
	}

	/** The next caller in turn: the first of the execution whose turn it is. */
	private next(): (sequence: number) => void {
		const [lane, queue] = this.waiting.entries().next().value!;
		const resolve = queue.shift()!;
		this.waiting.delete(lane);
		if (queue.length > 0) this.waiting.set(lane, queue);
		return resolve;
	}

	/**
	 * Lets the waiting callers through one token at a time. Only the first in line waits on the
	 * clock, and it re-reads the rate each time it wakes, so a cut or a climb meanwhile counts at once.
	 */
	private async serve(): Promise<void> {
		this.serving = true;
		try {
			while (this.waiting.size > 0) {
				const rate = this.refill();
				if (this.tokens >= 1) {
					this.tokens -= 1;
					this.outstanding++;
					this.activeAt = this.clock.now();
					this.next()(this.sent++);
					continue;
				}
				await this.clock.sleep(Math.max(1, Math.ceil(((1 - this.tokens) / rate) * 1000)));
			}
		} finally {
			this.serving = false;
		}
	}

	/** @param sequence how many requests had been let through before this one */
	private permit(sequence: number): Permit {
		let settled = false;
		const settle = (outcome: () => void) => {
			if (settled) return;
			settled = true;
			this.outstanding--;
			this.activeAt = this.clock.now();
			outcome();
		};
		return {
			answered: () => settle(() => this.outcomes.add(false)),
			rateLimited: () =>
				settle(() => {
					this.outcomes.add(true);
					this.rateLimitedAt(sequence);
				}),
			failed: () => settle(() => undefined),
		};
	}

	private rateLimitedAt(sequence: number): void {
		const rate = this.refill();
		this.tokens = Math.min(this.tokens, 0);
		// Refused while part of the burst was still held back: DeepIDV's bucket had room for this
		// execution alone, so others are using the key, and all at once.
		const early = this.holding;
		this.holding = false;
		const refused = this.outcomes.refused();
		if (early || refused >= PACING.competingAfter) this.competing = true;
		const storm = early || refused >= this.outcomes.size() * PACING.stormShare;
		// A 429 to a request sent before the last cut (or, unless in a storm, soon after it) says
		// nothing new about the current rate.
		if (this.cut && sequence < this.cut.sent + (storm ? 0 : PACING.cutEvery)) return;
		// Against the other processes on the key, this pacer stands for all its executions: like that
		// many TCP flows, each 429 cuts only one of them (a 1/n share of the cut), and each climbs.
		// Executions on several workers then get about the same share each, not each worker.
		const flows = this.flows();
		const decrease = storm ? PACING.stormDecrease : this.competing ? PACING.decrease : PACING.strayDecrease;
		const factor = storm ? decrease : 1 - (1 - decrease) / flows;
		const floor = this.ceiling * (storm ? Math.min(PACING.stormFloorShare, rate / this.ceiling) : PACING.floorShare);
		this.cut = {
			rate: Math.max(floor, rate * factor),
			at: this.clock.now(),
			sent: this.sent,
			flows,
		};
	}

	/** How many executions asked for a permit in the last PACING.flowSeconds (at least one). */
	private flows(): number {
		const since = this.clock.now() - PACING.flowSeconds * 1000;
		for (const [lane, at] of this.askedAt) {
			if (at >= since) break;
			this.askedAt.delete(lane);
		}
		return Math.max(1, this.askedAt.size);
	}

	private rateAt(now: number): number {
		if (!this.cut) return this.ceiling;
		const seconds = (now - this.cut.at) / 1000;
		const probing = Math.max(0, seconds - PACING.probeAfterSeconds);
		const climb = PACING.increasePerSecond * this.cut.flows * seconds;
		return Math.min(this.ceiling, this.cut.rate + climb + PACING.probe * probing ** 3);
	}

	/** The tokens the bucket keeps short of DeepIDV's (see PACING.jitterReserve). */
	private reserve(): number {
		return Math.min(PACING.jitterReserve, this.burst / 10);
	}

	/** Adds the tokens earned since the last call (and the held-back burst when due); returns the rate. */
	private refill(): number {
		const now = this.clock.now();
		const rate = this.rateAt(now);
		const earned = ((now - this.updatedAt) / 1000) * rate;
		// The saved burst shrinks with the rate, so a slowed-down pacer does not burst at full size.
		// While it is held back only a share of it is saved; once it is given, all but a few tokens
		// of DeepIDV's bucket, for the requests that travel faster than the one before them.
		const full = (this.burst * rate) / this.ceiling;
		const share = full * PACING.initialBurstShare;
		let released = 0;
		if (this.holding && now - this.heldSince >= PACING.aloneAfterSeconds * 1000) {
			released = Math.max(0, full - share - this.reserve());
			this.holding = false;
		}
		const capacity = Math.max(1, this.holding ? share : full - this.reserve());
		this.tokens = Math.min(capacity, this.tokens + earned + released);
		this.updatedAt = now;
		return rate;
	}
}
