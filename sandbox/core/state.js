// @ts-check
'use strict';
// Everything one sandbox server holds, and runtime reconfiguration.
const { createStore } = require('./store');
const { createTimers } = require('./timers');
const { createFaults } = require('./faults');
const { createRateLimiter } = require('./rate-limit');
const { createWebhooks } = require('./webhooks');
const { createAsyncJobs } = require('../screening/async-jobs');
const { applyRuntimeOptions } = require('./options');

/** @typedef {import('../internal').SandboxState} SandboxState */

/**
 * @param {import('../internal').ResolvedOptions} options
 * @returns {SandboxState}
 */
function createState(options) {
	const store = createStore();
	const timers = createTimers();
	/** @type {import('../types').Delivery[]} */
	const deliveries = [];
	/** @type {SandboxState} */
	const state = {
		options,
		store,
		identities: new Map(
			/** @type {const} */ (['live', 'sandbox']).map((mode) => [options.keys[mode], { mode, key: options.keys[mode], organization: store.organization, user: store.keyUser }]),
		),
		stats: { requests: 0, rateLimited: 0, faultsInjected: 0, resets: 0, created: 0, billed: {}, uploads: 0 },
		requests: [],
		uploadRequests: [],
		files: new Map(),
		deliveries,
		timers,
		faults: createFaults(options.seed),
		limiter: options.rateLimit ? createRateLimiter(options.rateLimit) : null,
		webhooks: createWebhooks({ timers, deliveries, options: () => state.options }),
		asyncJobs: createAsyncJobs(() => state.options),
		baseUrl: '',
		uploadBaseUrl: '',
		log(line) {
			if (!state.options.quiet) console.log(line);
		},
	};
	return state;
}

/**
 * Applies runtime options; a new rate limit starts with full buckets, a new seed restarts the PRNG.
 * @param {SandboxState} state
 * @param {unknown} partial
 */
function configure(state, partial) {
	const next = applyRuntimeOptions(state.options, partial);
	const changed = /** @type {Record<string, unknown>} */ (partial);
	if (changed.rateLimit !== undefined) state.limiter = next.rateLimit ? createRateLimiter(next.rateLimit) : null;
	if (changed.seed !== undefined) state.faults.reseed(next.seed);
	state.options = next;
}

module.exports = { createState, configure };
