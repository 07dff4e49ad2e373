// @ts-check
'use strict';
// Local DeepIDV sandbox server: a stand-in for https://api.deepidv.com/v1 for this package's tests and
// manual runs (`node sandbox/cli.js`). It implements only documented DeepIDV behaviour; where the docs are
// silent or conflict, an option decides (RuntimeOptions, core/options.js). Layout: README.md.
const { totalBilled } = require('./core/billing');
const http = require('node:http');
const { randomUUID } = require('node:crypto');
const { DEFAULT_KEYS, resolveOptions } = require('./core/options');
const { createState, configure } = require('./core/state');
const { createRequestListener } = require('./core/server');
const { viewEntry } = require('./core/store');
const { compareNewestFirst } = require('./core/paging');
const { submitSession, failSession } = require('./sessions/lifecycle');
const { createUploadListener } = require('./files/uploads');
const { completeRecord } = require('./financial/lifecycle');
const { consentParentConnect } = require('./age-verification/parent-connect');
const { sandboxImage, factsOf } = require('./files/images');
const runnerControl = require('./workflow-runner/control');

/**
 * The public types, each defined next to the code it describes.
 * @typedef {import('./sessions/records').SessionRecord} SessionRecord
 * @typedef {import('./sessions/records').User} User
 * @typedef {import('./sessions/records').Organization} Organization
 * @typedef {import('./sessions/records').InviteFlags} InviteFlags
 * @typedef {import('./core/store').StoredSession} StoredSession
 * @typedef {import('./core/faults').FaultMatch} FaultMatch
 * @typedef {import('./core/faults').Fault} Fault
 * @typedef {import('./core/faults').FaultRule} FaultRule
 * @typedef {import('./core/rate-limit').RateLimitOptions} RateLimitOptions
 * @typedef {import('./core/options').RuntimeOptions} RuntimeOptions
 * @typedef {import('./core/options').SandboxOptions} SandboxOptions
 * @typedef {import('./core/options').SandboxKeys} SandboxKeys
 * @typedef {import('./core/state').RecordedRequest} RecordedRequest
 * @typedef {import('./core/state').SandboxStats} SandboxStats
 * @typedef {import('./core/webhooks').WebhookRetryOptions} WebhookRetryOptions
 * @typedef {import('./core/webhooks').WebhookEventType} WebhookEventType
 * @typedef {import('./core/webhooks').WebhookPayload} WebhookPayload
 * @typedef {import('./core/webhooks').WebhookRegistration} WebhookRegistration
 * @typedef {import('./core/webhooks').Webhook} Webhook
 * @typedef {import('./core/webhooks').Delivery} Delivery
 * @typedef {import('./files/uploads').RecordedUpload} RecordedUpload
 * @typedef {import('./files/images').ImageSpec} ImageSpec
 * @typedef {import('./files/images').ImageFacts} ImageFacts
 * @typedef {import('./financial/fixtures').InvitedRecord} InvitedRecord
 * @typedef {import('./profiles/routes').Profile} Profile
 * @typedef {import('./aml/routes').StoredTransaction} StoredTransaction
 * @typedef {import('./aml/routes').MonitoredUser} MonitoredUser
 * @typedef {import('./age-verification/parent-connect').ParentConnectRecord} ParentConnectRecord
 * @typedef {import('./workflows/fixtures').WorkflowRecord} WorkflowRecord
 * @typedef {import('./workflow-runner/control').RunnerWorkflowSpec} RunnerWorkflowSpec
 * @typedef {import('./workflow-runner/execution').Execution} RunnerExecution
 * @typedef {import('./workflow-runner/execution').LivenessResult} LivenessResult
 */

/**
 * The members of a Sandbox.
 * @typedef {object} SandboxMembers
 * @property {string} url e.g. 'http://127.0.0.1:PORT' (no trailing slash).
 * @property {Readonly<SandboxKeys>} keys
 * @property {string} uploadUrl e.g. 'http://127.0.0.1:PORT': the upload host (S3's stand-in) that presigned upload URLs point to.
 * @property {readonly RecordedRequest[]} requests Live list of DeepIDV API requests in arrival order (control routes are not recorded).
 * @property {readonly RecordedUpload[]} uploads Live list of requests to the upload host, in arrival order.
 * @property {Readonly<SandboxStats>} stats Live counters.
 * @property {readonly Delivery[]} deliveries Live list of webhook delivery attempts.
 * @property {() => void} clearRequests Empties `requests` and `uploads`.
 * @property {(options: RuntimeOptions) => void} configure Throws TypeError on an unknown option or a bad value.
 * @property {(faults: Fault[]) => void} injectFaults Queue one-shot faults; each is consumed by the next request it matches.
 * @property {(id: string) => StoredSession | undefined} getSession Copy of a live-organization session (any organization), or undefined.
 * @property {() => StoredSession[]} listSessions Copies of all stored live sessions, newest first.
 * @property {(record: Partial<SessionRecord>) => SessionRecord} addSession Store a session directly (no webhook), replacing one with the same id; defaults fill the missing required fields.
 * @property {(registration: WebhookRegistration) => Webhook} addWebhook Same as POST /__sandbox/webhooks.
 * @property {() => void} clearWebhooks Same as DELETE /__sandbox/webhooks.
 * @property {(id: string) => SessionRecord | undefined} submitSession Same as POST /__sandbox/sessions/{id}/submit; undefined for an unknown id.
 * @property {(id: string) => SessionRecord | undefined} failSession Same as POST /__sandbox/sessions/{id}/fail; undefined for an unknown id.
 * @property {(id: string) => InvitedRecord | undefined} completeBankStatement Same as POST /__sandbox/financial/{id}/complete; undefined for an unknown id.
 * @property {(id: string) => InvitedRecord | undefined} completeCreditTerms Same as POST /__sandbox/credit-terms/{id}/complete; undefined for an unknown id.
 * @property {(id: string) => InvitedRecord | undefined} getBankStatement Copy of a live bank statement request, or undefined.
 * @property {(id: string) => InvitedRecord | undefined} getCreditTerms Copy of a live credit terms request, or undefined.
 * @property {(id: string) => Profile | undefined} getProfile Copy of a live branding profile, or undefined.
 * @property {(clientTxnId: string) => StoredTransaction | undefined} getAmlTransaction Copy of a live AML transaction and its revisions, or undefined.
 * @property {() => number} amlTransactionCount How many AML transactions the live key has stored.
 * @property {(month?: string) => number} amlQuotaUsed AML records counted against the live key's quota in a month (YYYY-MM; default this month, UTC).
 * @property {() => MonitoredUser[]} listMonitoredUsers Copies of the live key's AML enrolments, in the order they were made.
 * @property {ReadonlyArray<{ id: string, inquiry: 'hard' | 'soft', uat: boolean }>} creditChecks Live list of the credit checks created (with the parsed body as `input`).
 * @property {ReadonlyArray<{ id: string }>} ageVerifications Live list of the age verifications created (with the parsed body as `input`).
 * @property {() => ParentConnectRecord[]} listParentConnects Copies of every Parent Connect request, seeded and created, newest first.
 * @property {(ageVerificationId: string, boundaries?: Record<string, unknown>) => ParentConnectRecord | undefined} consentParentConnect Same as
 *   POST /__sandbox/age-verification/{id}/consent: the parent consents (with these choices, else the declared defaults) and
 *   parent_connect.consent_given is sent; undefined when that age verification has no Parent Connect request.
 * @property {() => number} expireAsyncJobs Same as POST /__sandbox/async-jobs/expire: every async job answers 404 from now on. Returns how many.
 * @property {(fileKey: string) => ImageFacts | undefined} uploadedFile What the upload host stored for a fileKey (size, SHA-256, format, marker), or undefined before a valid PUT.
 * @property {(spec: RunnerWorkflowSpec) => WorkflowRecord} addRunnerWorkflow A workflow of the live key's organization with these steps (and
 *   configs, failure budget, status), for POST /v1/workflows/{id}/sessions. Throws TypeError on a bad spec.
 * @property {(sessionId: string) => RunnerExecution | undefined} getRunnerExecution Copy of a headless session's Workflow Runner execution, or undefined.
 * @property {(sessionId: string, result: LivenessResult) => boolean} setRunnerLiveness What the liveness provider reports on FACE_LIVENESS
 *   `complete` for this session (status, confidence, the face it saw); false for a session without a runner execution.
 * @property {(sessionId: string) => SessionRecord | undefined} expireRunnerSession Expires a PENDING headless session now; undefined when unknown.
 * @property {() => Promise<void>} close Stops listening (API and upload host), drops open connections and cancels pending webhook retries.
 */

/** A running sandbox server: the API and upload hosts, live records of what they received, and controls. @typedef {Readonly<SandboxMembers>} Sandbox */

/**
 * @param {SandboxOptions} [input]
 * @returns {Promise<Sandbox>}
 */
async function startSandbox(input) {
	const options = resolveOptions(input);
	const state = createState(options);
	const server = http.createServer(createRequestListener(state));
	// The upload host (S3's stand-in) listens on a port of its own, so it is another origin than the API.
	const uploadServer = http.createServer(createUploadListener(state));
	state.baseUrl = await listen(server, options.port, options.host);
	state.uploadBaseUrl = await listen(uploadServer, 0, options.host);
	const live = state.store.live;

	/** @template T @param {T | undefined} record */
	const copy = (record) => record && structuredClone(record);

	return {
		url: state.baseUrl,
		uploadUrl: state.uploadBaseUrl,
		keys: options.keys,
		requests: state.requests,
		uploads: state.uploadRequests,
		stats: state.stats,
		deliveries: state.deliveries,
		clearRequests() {
			state.requests.length = 0;
			state.uploadRequests.length = 0;
		},
		configure(partial) {
			configure(state, partial);
		},
		injectFaults(faults) {
			state.faults.inject(faults);
		},
		getSession(id) {
			const entry = live.sessions.get(id);
			return entry && viewEntry(entry);
		},
		listSessions() {
			return [...live.sessions.values()].sort((a, b) => compareNewestFirst(a.record, b.record)).map(viewEntry);
		},
		addSession(partial) {
			const createdAt = partial.created_at ?? new Date().toISOString();
			if (Number.isNaN(Date.parse(createdAt))) throw new TypeError('created_at must be an ISO-8601 date');
			/** @type {SessionRecord} */
			const record = {
				id: randomUUID(),
				organization_id: state.store.organization.id,
				user_id: randomUUID(),
				sender_user_id: state.store.keyUser.id,
				created_at: createdAt,
				updated_at: createdAt,
				status: 'PENDING',
				type: 'verification',
				session_progress: 'PENDING',
				...structuredClone(partial),
			};
			live.sessions.set(record.id, { record, invites: null });
			return structuredClone(record);
		},
		addWebhook: (registration) => state.webhooks.register(registration),
		clearWebhooks: () => state.webhooks.clear(),
		submitSession: (id) => copy(submitSession(state, id)),
		failSession: (id) => copy(failSession(state, id)),
		creditChecks: state.creditChecks,
		ageVerifications: state.ageVerification.created,
		listParentConnects: () =>
			structuredClone(state.ageVerification.parentConnects).sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at) || (a.child_session_id < b.child_session_id ? 1 : -1)),
		consentParentConnect: (id, boundaries) => {
			const request = consentParentConnect(state, id, boundaries);
			return request && structuredClone(request);
		},
		expireAsyncJobs: () => state.asyncJobs.expireAll(),
		completeBankStatement: (id) => completeRecord(state, 'bankStatements', id),
		completeCreditTerms: (id) => completeRecord(state, 'creditTerms', id),
		getBankStatement: (id) => copy(live.bankStatements.get(id)),
		getCreditTerms: (id) => copy(live.creditTerms.get(id)),
		getProfile: (id) => copy(live.profiles.get(id)),
		addRunnerWorkflow: (spec) => structuredClone(runnerControl.addRunnerWorkflow(state, spec)),
		getRunnerExecution: (id) => copy(state.runner.executions.get(id)),
		setRunnerLiveness: (id, result) => runnerControl.setRunnerLiveness(state, id, result),
		expireRunnerSession: (id) => copy(runnerControl.expireRunnerSession(state, id)),
		getAmlTransaction: (id) => copy(live.aml.transactions.get(id)),
		amlTransactionCount: () => live.aml.transactions.size,
		amlQuotaUsed: (month = new Date().toISOString().slice(0, 7)) => live.aml.used.get(month) ?? 0,
		listMonitoredUsers: () => structuredClone([...live.aml.monitored.values()]),
		uploadedFile(fileKey) {
			const stored = state.files.get(fileKey)?.stored;
			return stored ? { ...stored, marker: stored.marker && structuredClone(stored.marker) } : undefined;
		},
		async close() {
			state.timers.close();
			state.webhooks.close();
			await Promise.all([server, uploadServer].map((s) => new Promise((resolve) => {
				s.close(() => resolve(undefined));
				s.closeAllConnections();
			})));
		},
	};
}

/**
 * Starts listening and returns the server's 'http://host:port'.
 * @param {http.Server} server @param {number} port @param {string} host
 * @returns {Promise<string>}
 */
async function listen(server, port, host) {
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			server.off('error', reject);
			resolve(undefined);
		});
	});
	const address = /** @type {import('node:net').AddressInfo} */ (server.address());
	return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
}

module.exports = { startSandbox, DEFAULT_KEYS, sandboxImage, factsOf, totalBilled };
