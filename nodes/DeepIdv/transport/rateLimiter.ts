import { sleep } from 'n8n-workflow';

/**
 * A token bucket matching DeepIDV's documented limit (25 requests per second, bursts of 35).
 * Callers reserve a token and wait until it is theirs, so concurrent requests queue fairly.
 * One bucket lives for one node execution only: nothing is shared between executions, so 429s
 * from the server (several workflows on one key) are still handled by the retry layer.
 */
export class RateLimiter {
	private tokens: number;

	private updatedAt: number;

	constructor(
		private readonly perSecond: number,
		private readonly burst: number,
		private readonly now: () => number = Date.now,
	) {
		this.tokens = burst;
		this.updatedAt = now();
	}

	async take(): Promise<void> {
		this.refill();
		this.tokens -= 1;
		if (this.tokens < 0) await sleep(Math.ceil((-this.tokens / this.perSecond) * 1000));
	}

	/**
	 * DeepIDV answered 429, so someone else is using the same quota: give up the saved burst so the
	 * requests still queued here go out at the steady rate instead of provoking more 429s.
	 */
	drain(): void {
		this.refill();
		this.tokens = Math.min(this.tokens, 0);
	}

	private refill(): void {
		const now = this.now();
		this.tokens = Math.min(this.burst, this.tokens + ((now - this.updatedAt) / 1000) * this.perSecond);
		this.updatedAt = now;
	}
}
