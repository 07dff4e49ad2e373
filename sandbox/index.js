// @ts-check
'use strict';
// Local DeepIDV sandbox server: a stand-in for https://api.deepidv.com/v1 for this package's tests and
// manual runs (`node sandbox/cli.js`). It implements only documented DeepIDV behaviour; where the docs are
// silent or conflict, an option decides (types.d.ts). Types: index.d.ts.
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
const { sandboxImage, factsOf } = require('./files/images');

/** @typedef {import('./index').Sandbox} Sandbox */
/** @typedef {import('./types').SessionRecord} SessionRecord */

/**
 * @param {import('./types').SandboxOptions} [input]
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

	/** @param {SessionRecord | undefined} record */
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
		expireAsyncJobs: () => state.asyncJobs.expireAll(),
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
