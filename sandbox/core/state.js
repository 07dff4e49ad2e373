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
const { seedParentConnects } = require('../age-verification/parent-connect');
const { createRunnerStore } = require('../workflow-runner/execution');

/** @typedef {import('./webhooks').Delivery} Delivery */
/** @typedef {import('./access').Identity} Identity */
/** @typedef {import('../files/uploads').PendingUpload} PendingUpload */
/** @typedef {import('../files/uploads').RecordedUpload} RecordedUpload */
/** @typedef {import('./options').ResolvedOptions} ResolvedOptions */

/**
 * @typedef {object} RecordedRequest
 * @property {string} method
 * @property {string} path Raw path as received (still percent-encoded), without the query.
 * @property {Record<string, string>} query
 * @property {Record<string, string | string[] | undefined>} headers Lower-cased header names.
 * @property {string} body
 * @property {unknown} json
 * @property {number} receivedAt
 * @property {true} [billed] Set once DeepIDV billed this request (a screening it acted on), even if a fault then hid the answer.
 */

/**
 * @typedef {object} SandboxStats
 * @property {number} requests DeepIDV API requests received (control routes excluded).
 * @property {number} rateLimited 429 answers sent, by the rate limiter or injected.
 * @property {number} faultsInjected Faults taken from the queue or rolled from the rules.
 * @property {number} resets Sockets reset by a fault.
 * @property {number} created Sessions created through POST /v1/sessions or /v1/idv.
 * @property {Record<string, number>} billed Billed screening calls per route path, e.g. `{ '/v1/screening/pep-sanctions': 1 }`. Counted when
 *   DeepIDV acts, even if a fault then hides the answer; 503s, replays and free session checks are not.
 * @property {number} uploads Finished uploads (PUTs the upload host accepted).
 */

/**
 * @typedef {object} SandboxState
 * @property {ResolvedOptions} options
 * @property {ReturnType<typeof createStore>} store
 * @property {Map<string, Identity>} identities
 * @property {SandboxStats} stats
 * @property {RecordedRequest[]} requests
 * @property {RecordedUpload[]} uploadRequests
 * @property {Map<string, PendingUpload>} files Upload URLs DeepIDV handed out, by fileKey.
 * @property {Delivery[]} deliveries
 * @property {ReturnType<typeof createTimers>} timers
 * @property {ReturnType<typeof createFaults>} faults
 * @property {ReturnType<typeof createRateLimiter> | null} limiter
 * @property {ReturnType<typeof createWebhooks>} webhooks
 * @property {ReturnType<typeof createAsyncJobs>} asyncJobs
 * @property {{ created: Array<{ id: string, input: import('../age-verification/validation').CreateAgeVerificationInput }>, parentConnects: import('../age-verification/parent-connect').ParentConnectRecord[] }} ageVerification
 *   Age verifications created, and the Parent Connect requests (seeded, plus one per parent-connect create).
 * @property {Array<{ id: string, inquiry: 'hard' | 'soft', uat: boolean, input: import('../credit-checks/validation').CreateCreditCheckInput }>} creditChecks Credit checks created.
 * @property {import('../workflow-runner/execution').RunnerStore} runner Workflow Runner executions and the upload keys minted for them.
 * @property {string} baseUrl 'http://host:port', set once listening.
 * @property {string} uploadBaseUrl The upload host's 'http://host:port', set once listening.
 * @property {(line: string) => void} log
 */

/**
 * @param {ResolvedOptions} options
 * @returns {SandboxState}
 */
function createState(options) {
	const store = createStore();
	const timers = createTimers();
	/** @type {Delivery[]} */
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
		ageVerification: { created: [], parentConnects: seedParentConnects() },
		creditChecks: [],
		runner: createRunnerStore(),
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
