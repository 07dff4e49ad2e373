// @ts-check
'use strict';
// Documented DeepIDV limits: 25 requests/s with bursts of 35, and 10,000 requests/day, per API key.
// A token bucket per key; the daily counter resets at 00:00 UTC (DeepIDV does not say when its day starts).
const { error } = require('./http');

/** @typedef {{ perSecond: number, burst: number, perDay: number }} RateLimitOptions */

const DAY_MS = 86400e3;

/**
 * @param {RateLimitOptions} config
 * @returns {(key: string) => { ok: true } | { ok: false, retryAfterSeconds: number }}
 */
function createRateLimiter(config) {
	/** @type {Map<string, { tokens: number, at: number, day: number, used: number }>} */
	const buckets = new Map();
	return function take(key) {
		const now = Date.now();
		const day = Math.floor(now / DAY_MS);
		const bucket = buckets.get(key) ?? { tokens: config.burst, at: now, day, used: 0 };
		buckets.set(key, bucket);
		bucket.tokens = Math.min(config.burst, bucket.tokens + ((now - bucket.at) / 1000) * config.perSecond);
		bucket.at = now;
		if (bucket.day !== day) Object.assign(bucket, { day, used: 0 });
		if (bucket.used >= config.perDay) return { ok: false, retryAfterSeconds: Math.ceil(((day + 1) * DAY_MS - now) / 1000) };
		if (bucket.tokens < 1) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / config.perSecond)) };
		bucket.tokens -= 1;
		bucket.used += 1;
		return { ok: true };
	};
}

/**
 * Retry-After header for a 429 in the configured format (none when `mode` is false).
 * @param {false | 'seconds' | 'http-date'} mode
 * @param {number} seconds
 * @returns {Record<string, string>}
 */
function retryAfterHeader(mode, seconds) {
	if (!mode) return {};
	return { 'retry-after': mode === 'seconds' ? String(seconds) : new Date(Date.now() + seconds * 1000).toUTCString() };
}

/** @param {Record<string, string>} headers */
function tooManyRequests(headers) {
	return error(429, 'Too Many Requests', headers);
}

module.exports = { createRateLimiter, retryAfterHeader, tooManyRequests };
