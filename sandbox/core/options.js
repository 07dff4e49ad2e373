// @ts-check
'use strict';
// Sandbox options: defaults and validation. Where DeepIDV's docs are silent or conflict, the behaviour is an
// option (RuntimeOptions below says what each one means) and the default is the documented or most common variant.
const { normalizeFault } = require('./faults');

/** @typedef {import('./faults').FaultRule} FaultRule */
/** @typedef {import('./rate-limit').RateLimitOptions} RateLimitOptions */
/** @typedef {import('./webhooks').WebhookRetryOptions} WebhookRetryOptions */

/**
 * Options that `configure()` and `POST /__sandbox/config` may change at runtime.
 * @typedef {object} RuntimeOptions
 * @property {number} [latencyMs] Fixed delay before every DeepIDV API answer. Default 0.
 * @property {false | true | Partial<RateLimitOptions>} [rateLimit] `false` disables; `true` or a partial object uses the documented 25/s, burst 35, 10000/day.
 * @property {false | 'seconds' | 'http-date'} [retryAfter] Whether 429s carry Retry-After (undocumented by DeepIDV, honoured by its SDK). Default false.
 * @property {401 | 403} [missingKeyStatus] Status for a missing x-api-key: 403 (OAS, old docs; default) or 401 (auth page).
 * @property {'error' | 'detail'} [authErrorShape] Auth error body key: 'error' (default) or 'detail' (auth page example).
 * @property {'id' | 'idv_id' | 'both'} [createIdField] Name of the id in the create response: 'id' (default), 'idv_id' or 'both'.
 * @property {'not-found' | 'random'} [sandboxUnknownId] Sandbox key, GET of a non-fixture session id: 404 (default) or a generated record.
 * @property {FaultRule[]} [faults] Probabilistic fault rules, first hit wins.
 * @property {number} [seed] PRNG seed for probabilistic faults.
 * @property {Partial<WebhookRetryOptions>} [webhookRetry]
 * @property {number} [webhookTimeoutMs] A delivery with no answer within this time counts as failed. Default 10000 (documented).
 * @property {string} [sessionUrlBase] Prefix of the `session_url` returned on create (undocumented format).
 * @property {number} [uploadUrlTtlSeconds] How long an upload URL from /v1/upload/presign stays valid (undocumented). Default 900 (15 minutes).
 * @property {number} [faceMatchThreshold] Face-match threshold (0–100) of face/compare and identity/verify (undocumented). Default 80.
 * @property {0 | 1} [currentStepBase] Whether a workflow progress answer's `current_step` counts from 0 (default) or 1 (undocumented).
 * @property {number} [reVerificationTtlHours] How long a re-verification stays open, in hours (undocumented). Default 72.
 * @property {400 | 404} [unknownWorkflowStepStatus] Status for a step config PATCH naming a step the workflow does not have (undocumented): 404 (default) or 400.
 * @property {number} [financialPageSize] Records per page of the bank statement and credit terms lists (undocumented; they take no `limit`). Default 50.
 * @property {'refused' | 'allowed'} [creditCheckCreateWithSandboxKey] Whether the sandbox key may create credit checks: 'refused' with the sandbox
 *   key's 403 (default: the docs block writes on the credit-check routes) or 'allowed' (the create routes are /v1/credit-check/…, not the
 *   documented /v1/credit-checks).
 * @property {Array<{ id: string, cadenceDays: number | null }>} [amlBots] The organisation's running transaction-risk bots (undocumented): `cadenceDays`
 *   null is a bot whose check interval is not configured. Default one bot, 'agt-sandbox-txn', every 30 days.
 * @property {string} [amlBaseCurrency] The organisation's base currency for AML amounts (undocumented). Default 'USD'.
 * @property {number} [amlMonthlyQuota] AML transactions per month, counted per record sent with the live key (the count is undocumented). Default 100000 (the docs' example).
 * @property {number} [amlMaxRecords] Records per AML ingest request over which it answers 400 BATCH_TOO_LARGE. Default 500 (documented); lower it to test a client's splitting.
 * @property {number} [amlMaxBodyBytes] Body size over which AML ingest answers 413 ("5 MB", read as 5,000,000 bytes). Default 5000000.
 * @property {boolean} [quiet] No request log lines. Default true for the library, false in the CLI.
 * @property {'optional' | 'required'} [screeningEmail] Whether pep-sanctions and adverse-media require `email`: 'optional' (newest OAS; default) or
 *   'required' (OAS-140 and the SDK).
 * @property {'async' | 'sync'} [titleCheckMode] Title check as an async job (both OAS revisions; default) or a synchronous 200 (SDK, agent skills).
 * @property {number} [asyncJobDelayMs] How long after creation an async job is ready or failed. Default 2000 (undocumented).
 * @property {number | null} [asyncJobReadyAfterPolls] When set, an async job is ready or failed on exactly this GET instead (for tests). Default null.
 * @property {number} [asyncJobTtlMs] How long a job can be fetched before GET answers 404. Default 24 h (undocumented).
 * @property {boolean} [igamingStepsConfigured] Whether the sessions' workflows have the four iGaming check steps (the sandbox has no
 *   workflow step for them). Default true; false: every iGaming check answers the documented fail-soft UNAVAILABLE / allow.
 * @property {number | null} [runnerFailureLimit] Workflow Runner: the session-wide failure budget of a new headless session (`attempts_remaining`;
 *   null = no limit). Set in the Admin Console, not by the API; default 3 (the docs' examples). addRunnerWorkflow can set it per workflow.
 * @property {'auto' | 'none'} [runnerDecision] What a finished run ends as: 'auto' (default) SUBMITTED then VERIFIED, or REJECTED when an
 *   advisory check did not pass (each with its webhook); 'none' stays SUBMITTED for a manual decision. Undocumented.
 * @property {number | Record<string, number>} [runnerNotReadyPolls] How many `action: complete` calls of a multi-phase step answer 409
 *   `<STEP>_RESULT_NOT_READY` before the result is ready: one number for every step, or per step id (others 0). Default 0.
 * @property {number | null} [runnerPollIntervalSeconds] Overrides the documented `poll_interval_seconds` (PHONE_VERIFICATION 5, PROOFCALL 30)
 *   in requirements, for tests. Default null (documented values).
 * @property {number} [runnerIdTypeConfidenceThreshold] ID_TYPE_LOW_CONFIDENCE below this (0–100) when the step config sets no
 *   id_confidence_threshold. Default 50 (undocumented).
 * @property {'reject-session' | 'invalid'} [runnerConsentDeclined] CONSENT with `accepted: false`: 'reject-session' (default) ends the run
 *   REJECTED (session.status.rejected); 'invalid' answers 400. Undocumented.
 * @property {string[]} [runnerNotRunnableSteps] Step ids (API form) that answer 501 "not runnable through the API yet". Default [].
 * @property {number} [runnerStepLatencyMs] How long a step submission is processed; a second submission for the session meanwhile
 *   answers 409 (concurrent conflict). Default 0.
 * @property {boolean} [runnerCreatedWebhook] Whether creating a headless session fires session.created (the docs are silent). Default true.
 */

/** @typedef {{ live: string, sandbox: string }} SandboxKeys */

/** @typedef {RuntimeOptions & { host?: string, port?: number, keys?: Partial<SandboxKeys> }} SandboxOptions */

/**
 * @typedef {object} ResolvedOptions
 * @property {string} host
 * @property {number} port
 * @property {Readonly<SandboxKeys>} keys
 * @property {number} latencyMs
 * @property {RateLimitOptions | false} rateLimit
 * @property {false | 'seconds' | 'http-date'} retryAfter
 * @property {401 | 403} missingKeyStatus
 * @property {'error' | 'detail'} authErrorShape
 * @property {'id' | 'idv_id' | 'both'} createIdField
 * @property {'not-found' | 'random'} sandboxUnknownId
 * @property {FaultRule[]} faults
 * @property {number} seed
 * @property {WebhookRetryOptions} webhookRetry
 * @property {number} webhookTimeoutMs
 * @property {string} sessionUrlBase
 * @property {boolean} quiet
 * @property {'optional' | 'required'} screeningEmail
 * @property {'async' | 'sync'} titleCheckMode
 * @property {number} asyncJobDelayMs
 * @property {number | null} asyncJobReadyAfterPolls
 * @property {number} asyncJobTtlMs
 * @property {number} uploadUrlTtlSeconds
 * @property {number} faceMatchThreshold
 * @property {0 | 1} currentStepBase
 * @property {number} reVerificationTtlHours
 * @property {400 | 404} unknownWorkflowStepStatus
 * @property {number} financialPageSize
 * @property {'refused' | 'allowed'} creditCheckCreateWithSandboxKey
 * @property {boolean} igamingStepsConfigured
 * @property {number | null} runnerFailureLimit
 * @property {'auto' | 'none'} runnerDecision
 * @property {number | Record<string, number>} runnerNotReadyPolls
 * @property {number | null} runnerPollIntervalSeconds
 * @property {number} runnerIdTypeConfidenceThreshold
 * @property {'reject-session' | 'invalid'} runnerConsentDeclined
 * @property {string[]} runnerNotRunnableSteps
 * @property {number} runnerStepLatencyMs
 * @property {boolean} runnerCreatedWebhook
 * @property {Array<{ id: string, cadenceDays: number | null }>} amlBots
 * @property {string} amlBaseCurrency
 * @property {number} amlMonthlyQuota
 * @property {number} amlMaxRecords
 * @property {number} amlMaxBodyBytes
 */

/** Fixed keys so that scripts and docs can use them; `sk_` as in the SDK's redacted key form. */
const DEFAULT_KEYS = Object.freeze({ live: 'sk_live_local_sandbox_0000000000000001', sandbox: 'sk_sandbox_local_sandbox_00000000000001' });

const DEFAULT_RATE_LIMIT = Object.freeze({ perSecond: 25, burst: 35, perDay: 10000 });

/** @type {Omit<ResolvedOptions, 'host' | 'port' | 'keys'>} */
const RUNTIME_DEFAULTS = {
	latencyMs: 0,
	rateLimit: DEFAULT_RATE_LIMIT,
	retryAfter: false,
	missingKeyStatus: 403,
	authErrorShape: 'error',
	createIdField: 'id',
	sandboxUnknownId: 'not-found',
	faults: [],
	seed: 20250106,
	// DeepIDV retries failed deliveries on an undocumented schedule; this one is ours.
	webhookRetry: { attempts: 5, delaysMs: [1000, 2000, 4000, 8000] },
	webhookTimeoutMs: 10000,
	// The format of session_url is undocumented; `.invalid` makes clear it leads nowhere.
	sessionUrlBase: 'https://verify.deepidv.invalid/session/',
	// Newest OAS: email optional on pep-sanctions and adverse-media (OAS-140 and the SDK require it).
	screeningEmail: 'optional',
	// Both OAS revisions: a title check is an async job (the SDK and agent skills: synchronous 200).
	titleCheckMode: 'async',
	// How long jobs take and are kept is undocumented; the SDK polls every 2 s for up to 180 s.
	asyncJobDelayMs: 2000,
	asyncJobReadyAfterPolls: null,
	asyncJobTtlMs: 24 * 3600e3,
	// DeepIDV documents neither how long its upload URLs stay valid nor its face-match threshold.
	uploadUrlTtlSeconds: 900,
	faceMatchThreshold: 80,
	// DeepIDV documents neither how current_step counts, how long a re-verification stays open, nor what a
	// step config PATCH answers for a step the workflow does not have.
	currentStepBase: 0,
	reVerificationTtlHours: 72,
	unknownWorkflowStepStatus: 404,
	// DeepIDV documents no page size for the bank statement and credit terms lists.
	financialPageSize: 50,
	// sandbox.mdx blocks writes on /v1/credit-checks; the create routes are /v1/credit-check/{hard|soft}.
	creditCheckCreateWithSandboxKey: 'refused',
	// An iGaming check runs only when its step is on the session's workflow; the sandbox's workflows have no such step.
	igamingStepsConfigured: true,
	// The Workflow Runner's failure budget is an Admin Console setting (3 in the docs' examples); what a finished run ends as,
	// how long async results take, and a declined consent are undocumented.
	runnerFailureLimit: 3,
	runnerDecision: 'auto',
	runnerNotReadyPolls: 0,
	runnerPollIntervalSeconds: null,
	runnerIdTypeConfidenceThreshold: 50,
	runnerConsentDeclined: 'reject-session',
	runnerNotRunnableSteps: [],
	runnerStepLatencyMs: 0,
	runnerCreatedWebhook: true,
	// DeepIDV documents neither the bots, the base currency, how the quota counts nor whether "5 MB" is 10^6 or 2^20.
	amlBots: [{ id: 'agt-sandbox-txn', cadenceDays: 30 }],
	amlBaseCurrency: 'USD',
	amlMonthlyQuota: 100000,
	amlMaxRecords: 500,
	amlMaxBodyBytes: 5_000_000,
	quiet: true,
};

/**
 * @param {string} name
 * @param {unknown[]} allowed
 */
const oneOf = (name, allowed) => (/** @type {unknown} */ value) => {
	if (!allowed.includes(value)) throw new TypeError(`${name} must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`);
	return value;
};

/**
 * @param {string} name
 * @param {(n: number) => boolean} ok
 * @param {string} rule
 */
const numberWhere = (name, ok, rule) => (/** @type {unknown} */ value) => {
	if (typeof value !== 'number' || !ok(value)) throw new TypeError(`${name} must be ${rule}`);
	return value;
};

const nonNegative = (/** @type {string} */ name) => numberWhere(name, (n) => n >= 0, 'a number >= 0');
const positive = (/** @type {string} */ name) => numberWhere(name, (n) => n > 0, 'a number > 0');

/** @param {unknown} value */
function plainObject(value, /** @type {string} */ name) {
	if (!value || typeof value !== 'object' || Array.isArray(value)) throw new TypeError(`${name} must be an object`);
	return /** @type {Record<string, unknown>} */ (value);
}

/** Per runtime option: validate and normalize a new value (given the current one). */
/** @type {Record<string, (value: unknown, current: any) => unknown>} */
const RUNTIME = {
	latencyMs: nonNegative('latencyMs'),
	rateLimit(value) {
		if (value === false) return false;
		if (value === true) return DEFAULT_RATE_LIMIT;
		const merged = { ...DEFAULT_RATE_LIMIT, ...plainObject(value, 'rateLimit') };
		for (const key of /** @type {const} */ (['perSecond', 'burst', 'perDay'])) positive(`rateLimit.${key}`)(merged[key]);
		return merged;
	},
	retryAfter: oneOf('retryAfter', [false, 'seconds', 'http-date']),
	missingKeyStatus: oneOf('missingKeyStatus', [401, 403]),
	authErrorShape: oneOf('authErrorShape', ['error', 'detail']),
	createIdField: oneOf('createIdField', ['id', 'idv_id', 'both']),
	sandboxUnknownId: oneOf('sandboxUnknownId', ['not-found', 'random']),
	faults(value) {
		if (!Array.isArray(value)) throw new TypeError('faults must be an array');
		return value.map((rule) => normalizeFault(rule, true));
	},
	seed: numberWhere('seed', Number.isInteger, 'an integer'),
	webhookRetry(value, current) {
		const merged = { ...current, ...plainObject(value, 'webhookRetry') };
		numberWhere('webhookRetry.attempts', (n) => Number.isInteger(n) && n >= 1, 'an integer >= 1')(merged.attempts);
		if (!Array.isArray(merged.delaysMs) || merged.delaysMs.length === 0) throw new TypeError('webhookRetry.delaysMs must be a non-empty array');
		merged.delaysMs.forEach(nonNegative('webhookRetry.delaysMs[]'));
		return merged;
	},
	webhookTimeoutMs: positive('webhookTimeoutMs'),
	sessionUrlBase(value) {
		if (typeof value !== 'string') throw new TypeError('sessionUrlBase must be a string');
		return value;
	},
	quiet: oneOf('quiet', [true, false]),
	screeningEmail: oneOf('screeningEmail', ['optional', 'required']),
	titleCheckMode: oneOf('titleCheckMode', ['async', 'sync']),
	asyncJobDelayMs: nonNegative('asyncJobDelayMs'),
	asyncJobReadyAfterPolls(value) {
		if (value === null) return null;
		return numberWhere('asyncJobReadyAfterPolls', (n) => Number.isInteger(n) && n >= 1, 'null or an integer >= 1')(value);
	},
	asyncJobTtlMs: positive('asyncJobTtlMs'),
	uploadUrlTtlSeconds: nonNegative('uploadUrlTtlSeconds'),
	faceMatchThreshold: numberWhere('faceMatchThreshold', (n) => n >= 0 && n <= 100, 'a number 0-100'),
	currentStepBase: oneOf('currentStepBase', [0, 1]),
	reVerificationTtlHours: positive('reVerificationTtlHours'),
	unknownWorkflowStepStatus: oneOf('unknownWorkflowStepStatus', [400, 404]),
	financialPageSize: numberWhere('financialPageSize', (n) => Number.isInteger(n) && n >= 1, 'an integer >= 1'),
	creditCheckCreateWithSandboxKey: oneOf('creditCheckCreateWithSandboxKey', ['refused', 'allowed']),
	igamingStepsConfigured: oneOf('igamingStepsConfigured', [true, false]),
	runnerFailureLimit(value) {
		if (value === null) return null;
		return numberWhere('runnerFailureLimit', (n) => Number.isInteger(n) && n >= 1, 'null or an integer >= 1')(value);
	},
	runnerDecision: oneOf('runnerDecision', ['auto', 'none']),
	runnerNotReadyPolls(value) {
		const count = numberWhere('runnerNotReadyPolls', (n) => Number.isInteger(n) && n >= 0, 'an integer >= 0 or an object of them per step id');
		if (typeof value === 'number') return count(value);
		const perStep = plainObject(value, 'runnerNotReadyPolls');
		Object.values(perStep).forEach(count);
		return { ...perStep };
	},
	runnerPollIntervalSeconds(value) {
		if (value === null) return null;
		return nonNegative('runnerPollIntervalSeconds')(value);
	},
	runnerIdTypeConfidenceThreshold: numberWhere('runnerIdTypeConfidenceThreshold', (n) => n >= 0 && n <= 100, 'a number 0-100'),
	runnerConsentDeclined: oneOf('runnerConsentDeclined', ['reject-session', 'invalid']),
	runnerNotRunnableSteps(value) {
		if (!Array.isArray(value) || !value.every((id) => typeof id === 'string')) throw new TypeError('runnerNotRunnableSteps must be an array of step ids');
		return [...value];
	},
	runnerStepLatencyMs: nonNegative('runnerStepLatencyMs'),
	runnerCreatedWebhook: oneOf('runnerCreatedWebhook', [true, false]),
	amlBots(value) {
		if (!Array.isArray(value)) throw new TypeError('amlBots must be an array');
		return value.map((bot, index) => {
			const { id, cadenceDays } = plainObject(bot, `amlBots[${index}]`);
			if (typeof id !== 'string' || id === '') throw new TypeError(`amlBots[${index}].id must be a non-empty string`);
			if (cadenceDays !== null) numberWhere(`amlBots[${index}].cadenceDays`, (n) => Number.isInteger(n) && n >= 0, 'null or an integer >= 0')(cadenceDays);
			return { id, cadenceDays: /** @type {number | null} */ (cadenceDays) };
		});
	},
	amlBaseCurrency: (value) => {
		if (typeof value !== 'string' || !/^[A-Z]{3}$/.test(value)) throw new TypeError('amlBaseCurrency must be a 3-letter currency code');
		return value;
	},
	amlMonthlyQuota: numberWhere('amlMonthlyQuota', (n) => Number.isInteger(n) && n >= 0, 'an integer >= 0'),
	amlMaxRecords: numberWhere('amlMaxRecords', (n) => Number.isInteger(n) && n >= 1, 'an integer >= 1'),
	amlMaxBodyBytes: numberWhere('amlMaxBodyBytes', (n) => Number.isInteger(n) && n >= 1, 'an integer >= 1'),
};

/**
 * Returns `current` with the runtime options of `partial` applied; throws TypeError on bad input.
 * @param {ResolvedOptions} current
 * @param {unknown} partial
 * @returns {ResolvedOptions}
 */
function applyRuntimeOptions(current, partial) {
	const next = /** @type {Record<string, unknown>} */ ({ ...current });
	for (const [name, value] of Object.entries(plainObject(partial, 'options'))) {
		if (!Object.hasOwn(RUNTIME, name)) throw new TypeError(`"${name}" is not an option that can be changed at runtime`);
		if (value !== undefined) next[name] = RUNTIME[name](value, next[name]);
	}
	return /** @type {ResolvedOptions} */ (/** @type {unknown} */ (next));
}

/**
 * @param {SandboxOptions} [input]
 * @returns {ResolvedOptions}
 */
function resolveOptions(input = {}) {
	const { host = '127.0.0.1', port = 0, keys = {}, ...runtime } = input;
	if (typeof host !== 'string' || host === '') throw new TypeError('host must be a non-empty string');
	numberWhere('port', (n) => Number.isInteger(n) && n >= 0 && n <= 65535, 'an integer 0-65535')(port);
	const resolvedKeys = { ...DEFAULT_KEYS, ...keys };
	if (typeof resolvedKeys.live !== 'string' || typeof resolvedKeys.sandbox !== 'string' || !resolvedKeys.live || !resolvedKeys.sandbox) {
		throw new TypeError('keys.live and keys.sandbox must be non-empty strings');
	}
	if (resolvedKeys.live === resolvedKeys.sandbox) throw new TypeError('keys.live and keys.sandbox must differ');
	return applyRuntimeOptions({ host, port, keys: Object.freeze(resolvedKeys), ...RUNTIME_DEFAULTS }, runtime);
}

module.exports = { DEFAULT_KEYS, resolveOptions, applyRuntimeOptions };
