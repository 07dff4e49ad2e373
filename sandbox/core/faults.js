// @ts-check
'use strict';
// Fault injection: a queue of one-shot faults (consumed by the next matching request) and probabilistic
// rules rolled with a seeded PRNG, so that a run with the same seed and requests is reproducible.
const { error, text } = require('./http');
const { retryAfterHeader, tooManyRequests } = require('./rate-limit');

/**
 * @typedef {object} FaultMatch
 * @property {string} [method] HTTP method, case-insensitive.
 * @property {RegExp | string} [path] RegExp tested against the raw path, or a string prefix of it.
 */

/**
 * One fault. At least one of `status`, `reset`, `delayMs` must be set.
 * @typedef {object} Fault
 * @property {number} [status] Answer with this status (400–599) and a fitting body instead of the real answer.
 * @property {boolean} [reset] Destroy the socket (TCP RST) without answering.
 * @property {number} [delayMs] Answer this many ms late (combined with `status`/`reset`: wait first).
 * @property {string} [retryAfter] Exact Retry-After header value to send with the fault's answer.
 * @property {FaultMatch} [match]
 * @property {'before' | 'after'} [when] 'after': perform the request's effect first, then fail. Default 'before'.
 */

/** A probabilistic fault (option `faults`): `probability` 0–1, rolled with the seeded PRNG for every matching request. @typedef {Fault & { probability: number }} FaultRule */

const FAULT_KEYS = new Set(['status', 'reset', 'delayMs', 'retryAfter', 'match', 'when']);

/**
 * Validates a fault (or, with `probabilistic`, a rule) and returns a normalized copy. Throws TypeError.
 * @param {unknown} input
 * @param {boolean} probabilistic
 * @returns {FaultRule}
 */
function normalizeFault(input, probabilistic) {
	if (!input || typeof input !== 'object') throw new TypeError('a fault must be an object');
	const fault = /** @type {Record<string, unknown>} */ (input);
	for (const key of Object.keys(fault)) {
		if (!FAULT_KEYS.has(key) && !(probabilistic && key === 'probability')) throw new TypeError(`unknown fault field "${key}"`);
	}
	// A one-shot fault is a rule that always fires (and is then consumed).
	const { status, reset = false, delayMs = 0, retryAfter, match, when = 'before', probability = probabilistic ? undefined : 1 } = fault;
	if (status !== undefined && !(Number.isInteger(status) && Number(status) >= 400 && Number(status) <= 599)) throw new TypeError('fault status must be an integer 400-599');
	if (typeof reset !== 'boolean') throw new TypeError('fault reset must be a boolean');
	if (typeof delayMs !== 'number' || !(delayMs >= 0)) throw new TypeError('fault delayMs must be a number >= 0');
	if (retryAfter !== undefined && typeof retryAfter !== 'string') throw new TypeError('fault retryAfter must be a string');
	if (when !== 'before' && when !== 'after') throw new TypeError("fault when must be 'before' or 'after'");
	if (typeof probability !== 'number' || !(probability >= 0 && probability <= 1)) throw new TypeError('fault probability must be a number 0-1');
	if (status === undefined && !reset && delayMs === 0) throw new TypeError('a fault needs status, reset or delayMs');
	return {
		status: /** @type {number | undefined} */ (status),
		reset,
		delayMs,
		retryAfter,
		match: normalizeMatch(match),
		when,
		probability,
	};
}

/**
 * @param {unknown} match
 * @returns {FaultMatch | undefined}
 */
function normalizeMatch(match) {
	if (match === undefined) return undefined;
	if (!match || typeof match !== 'object') throw new TypeError('fault match must be an object');
	const { method, path } = /** @type {Record<string, unknown>} */ (match);
	if (method !== undefined && typeof method !== 'string') throw new TypeError('fault match.method must be a string');
	if (path !== undefined && typeof path !== 'string' && !(path instanceof RegExp)) throw new TypeError('fault match.path must be a string prefix or a RegExp');
	return { method: method?.toUpperCase(), path };
}

/**
 * @param {FaultMatch | undefined} match
 * @param {string} method
 * @param {string} path raw path
 */
function matches(match, method, path) {
	if (!match) return true;
	if (match.method !== undefined && match.method !== method) return false;
	if (match.path instanceof RegExp) return match.path.test(path);
	return match.path === undefined || path.startsWith(match.path);
}

/**
 * mulberry32: a tiny seeded PRNG giving floats in [0, 1).
 * @param {number} seed
 */
function prng(seed) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = Math.imul(state ^ (state >>> 15), state | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** @param {number} seed */
function createFaults(seed) {
	/** @type {FaultRule[]} */
	const queue = [];
	let random = prng(seed);
	return {
		/** @param {unknown[]} faults validated all-or-nothing */
		inject(faults) {
			if (!Array.isArray(faults)) throw new TypeError('faults must be an array');
			queue.push(...faults.map((fault) => normalizeFault(fault, false)));
		},
		/** @param {number} nextSeed */
		reseed(nextSeed) {
			random = prng(nextSeed);
		},
		/**
		 * The fault for this request: the first matching queued one (consumed), else the first rule that
		 * matches and wins its roll.
		 * @param {string} method
		 * @param {string} path
		 * @param {FaultRule[]} rules
		 * @returns {FaultRule | undefined}
		 */
		take(method, path, rules) {
			const index = queue.findIndex((fault) => matches(fault.match, method, path));
			if (index !== -1) return queue.splice(index, 1)[0];
			return rules.find((rule) => matches(rule.match, method, path) && random() < rule.probability);
		},
	};
}

/**
 * The answer a status fault sends: 402 is DeepIDV's documented plain-text body; others `{"error": reason}`.
 * @param {number} status
 * @param {string | undefined} retryAfter exact header value from the fault
 * @param {false | 'seconds' | 'http-date'} retryAfterMode for 429s without an explicit value
 */
function faultResponse(status, retryAfter, retryAfterMode) {
	const headers = retryAfter !== undefined ? { 'retry-after': retryAfter } : status === 429 ? retryAfterHeader(retryAfterMode, 1) : {};
	if (status === 402) return text(402, 'Insufficient funds or subscription.', headers);
	if (status === 429) return tooManyRequests(headers);
	return error(status, undefined, headers);
}

module.exports = { createFaults, normalizeFault, faultResponse };
