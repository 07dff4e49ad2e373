import type { NetworkFailureKind } from './failureMessages';

/**
 * When a failed attempt may be repeated. Repeating is only safe where the server either did not
 * act (429, connection refused) or acting twice is harmless (reads, setting the same status).
 * `notIfBilled` is `notIfReceived` for billed screening calls, plus DeepIDV's 503 "upstream
 * unavailable", which DeepIDV documents as not billed.
 */
export type RetryMode = 'idempotent' | 'notIfReceived' | 'notIfBilled';

/** What went wrong with one attempt, as far as retrying is concerned. */
export type AttemptFailure =
	| { kind: 'http'; status: number }
	| { kind: 'network'; network: NetworkFailureKind };

/** 501: DeepIDV has not built this (e.g. the credit-check read API in preview); repeating never helps, and nothing was done. */
const NOT_IMPLEMENTED = 501;

export function isRetryable(mode: RetryMode, failure: AttemptFailure): boolean {
	if (failure.kind === 'http') {
		if (failure.status === 429) return true;
		if (mode === 'notIfBilled' && failure.status === 503) return true;
		return mode === 'idempotent' && failure.status >= 500 && failure.status !== NOT_IMPLEMENTED;
	}
	// A refused connection never reached DeepIDV; a timeout or a reset may have been acted on.
	if (failure.network === 'refused') return true;
	return mode === 'idempotent' && (failure.network === 'timeout' || failure.network === 'reset');
}

/** Whether DeepIDV may have acted on (and billed) a request that failed with this HTTP status. */
export function mayHaveActed(mode: RetryMode, status: number): boolean {
	return status >= 500 && status !== NOT_IMPLEMENTED && !(mode === 'notIfBilled' && status === 503);
}

/** Exponential backoff with full jitter: a random wait in [0, min(base·2^attempt, max)). */
export function backoffDelayMs(attempt: number, baseMs: number, maxMs: number, random = Math.random): number {
	return Math.floor(random() * Math.min(baseMs * 2 ** attempt, maxMs));
}

/**
 * Reads a Retry-After header: delay in seconds, or an HTTP date. DeepIDV does not document the
 * header, but its official SDK honours it, so it is honoured here when present.
 */
export function parseRetryAfterMs(value: unknown, now = Date.now()): number | undefined {
	const text = Array.isArray(value) ? value[0] : value;
	if (typeof text !== 'string' && typeof text !== 'number') return undefined;
	const trimmed = String(text).trim();
	if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000);
	const date = Date.parse(trimmed);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - now);
}
