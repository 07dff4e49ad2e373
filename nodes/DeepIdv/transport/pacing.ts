/**
 * The numbers behind RateLimiter's adaptation to a shared DeepIDV limit. Chosen with a simulation of
 * several executions against DeepIDV's 25/s, burst 35 bucket and then measured with `npm run bench
 * -- --executions 3` (docs/benchmarks.md); change them only with a new measurement.
 */
export const PACING = {
	/**
	 * Share of the burst an execution may spend at once from the start (three executions started
	 * together fit in DeepIDV's bucket)…
	 */
	initialBurstShare: 0.3,
	/**
	 * …the rest only after this many seconds without a 429: sending at the full rate, two or more
	 * executions empty DeepIDV's bucket sooner, so by then this one is probably alone. A 429 before
	 * then halves the rate, like a storm.
	 */
	aloneAfterSeconds: 2,
	/**
	 * A pacer left with nothing to do for this many seconds holds the burst back again when work
	 * comes, as a new one does: by then DeepIDV's bucket has refilled (35 tokens at 25 per second:
	 * 1.4 s) and so has this pacer's, and executions that start together again, here or on other
	 * workers, would otherwise each send a full burst, and the first to ask here would take it all.
	 */
	restartAfterSeconds: 1,
	/** How many recent outcomes are remembered to tell a storm from a shared limit. */
	outcomeWindow: 20,
	/** At least this share of recent requests refused: a storm (everyone far over the limit). */
	stormShare: 0.8,
	/** In a storm a 429 halves the rate, every round trip… */
	stormDecrease: 0.5,
	/** …but not below this share of the configured rate, so a latecomer is not starved. */
	stormFloorShare: 0.2,
	/** This many refusals among the recent outcomes: other executions share the limit. */
	competingAfter: 2,
	/** With competition, a 429 cuts the rate by 30%… */
	decrease: 0.7,
	/** …at most once per this many requests sent, so no execution is cut far below its share. */
	cutEvery: 5,
	/** A lone 429 of an execution that never met competition (clock drift): a 5% cut. */
	strayDecrease: 0.95,
	/**
	 * Executions that asked for a permit within this many seconds count as being paced: a pacer
	 * serving n of them cuts by a 1/n share and climbs n times as fast (see RateLimiter).
	 */
	flowSeconds: 2,
	/** Requests per second regained per second without a 429 (per execution being paced). */
	increasePerSecond: 1.5,
	/** After this many seconds without a cut, the climb speeds up (capacity has probably freed up)… */
	probeAfterSeconds: 3,
	/** …by this many requests per second per second³. */
	probe: 2,
	/**
	 * Tokens the full bucket keeps short of DeepIDV's burst (at most a tenth of it): requests
	 * reach DeepIDV with uneven delays, and one that arrives sooner after the previous one than it
	 * was sent would otherwise find DeepIDV's bucket empty. Four tokens absorb 160 ms at 25 per
	 * second and cost 160 ms on a run (measured on a busy machine: 2 tokens, 9 and 1% 429s in 3 ×
	 * 300; 4 tokens, 1 to 2).
	 */
	jitterReserve: 4,
	/** The rate never drops below this share of the configured one, so items keep moving. */
	floorShare: 0.04,
	/**
	 * A process's pacer for an organisation is dropped after this many seconds with nobody waiting
	 * and every answer in: its bucket is full again by then, and an execution starting later starts
	 * afresh, as it would on another worker.
	 */
	idleDropSeconds: 30,
} as const;

/** The last few outcomes of an execution's requests: refused (429) or not. */
export class OutcomeWindow {
	private readonly outcomes: boolean[] = [];

	constructor(private readonly capacity: number) {}

	add(refused: boolean): void {
		this.outcomes.push(refused);
		if (this.outcomes.length > this.capacity) this.outcomes.shift();
	}

	size(): number {
		return this.outcomes.length;
	}

	refused(): number {
		return this.outcomes.filter(Boolean).length;
	}
}
