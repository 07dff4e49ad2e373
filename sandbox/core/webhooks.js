// @ts-check
'use strict';
// Webhook deliveries as DeepIDV documents them: POST `{"type", "data": <session record>}` (for
// parent_connect.consent_given: the Parent Connect request, whose child_attestation_id Boundaries → Get takes) with
// `Content-Type: application/json` and `deepidv-signature: <the registered secret itself>` (not an HMAC).
// Any 2xx is delivered; another status, a network error or no answer within webhookTimeoutMs is retried
// per webhookRetry. Deliveries never delay the API answer. Registration has no DeepIDV API (Admin Console
// only), hence the control route / addWebhook.
const http = require('node:http');
const https = require('node:https');
const { randomBytes, randomUUID } = require('node:crypto');

/** @typedef {import('../sessions/records').SessionRecord} SessionRecord */

/**
 * @typedef {object} WebhookRetryOptions
 * @property {number} attempts Total attempts including the first.
 * @property {number[]} delaysMs Delay before attempt 2, 3, …; the last value repeats when the list is shorter.
 */

/** @typedef {import('../age-verification/parent-connect').ParentConnectRecord} ParentConnectRecord */

/** @typedef {{ type: WebhookEventType, data: SessionRecord | ParentConnectRecord }} WebhookPayload */

/**
 * @typedef {object} WebhookRegistration
 * @property {string} url
 * @property {string} [secret] Sent verbatim as `deepidv-signature`; generated (`whsec_…`) when omitted.
 * @property {WebhookEventType[]} [events] Event types to receive; all when omitted.
 */

/** @typedef {{ id: string, url: string, secret: string, events: WebhookEventType[] | null }} Webhook */

/**
 * @typedef {object} Delivery
 * @property {string} url
 * @property {WebhookEventType} type
 * @property {number} attempt 1 for the first try.
 * @property {number} [status] HTTP status of the receiver's answer, if there was one.
 * @property {string} [error] Why there was none (network error, timeout).
 * @property {WebhookPayload} body
 * @property {number} at
 */

const EVENT_TYPES = /** @type {const} */ (['session.created', 'session.status.submitted', 'session.status.verified', 'session.status.rejected', 'session.status.failed', 'parent_connect.consent_given']);
/** @typedef {typeof EVENT_TYPES[number]} WebhookEventType */

/**
 * @param {{
 *   timers: import('./state').SandboxState['timers'],
 *   deliveries: Delivery[],
 *   options: () => import('./options').ResolvedOptions,
 * }} deps
 */
function createWebhooks({ timers, deliveries, options }) {
	/** @type {Webhook[]} */
	const hooks = [];
	/** @type {Set<http.ClientRequest>} */
	const inflight = new Set();

	/**
	 * @param {unknown} input `{ url, secret?, events? }`; throws TypeError when invalid
	 * @returns {Webhook}
	 */
	function register(input) {
		if (!input || typeof input !== 'object') throw new TypeError('webhook registration must be an object');
		const { url, secret = `whsec_${randomBytes(24).toString('hex')}`, events } = /** @type {Record<string, unknown>} */ (input);
		if (typeof url !== 'string' || !URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) throw new TypeError('url must be an http(s) URL');
		if (typeof secret !== 'string' || secret === '') throw new TypeError('secret must be a non-empty string');
		if (events !== undefined && !(Array.isArray(events) && events.every((type) => EVENT_TYPES.includes(type)))) {
			throw new TypeError(`events must be an array of ${EVENT_TYPES.join(', ')}`);
		}
		const hook = { id: randomUUID(), url, secret, events: /** @type {WebhookEventType[] | undefined} */ (events) ?? null };
		hooks.push(hook);
		return { ...hook };
	}

	/**
	 * Schedules a delivery of the record as it is now to every receiver of this event type.
	 * @param {WebhookEventType} type
	 * @param {SessionRecord | ParentConnectRecord} record
	 */
	function emit(type, record) {
		/** @type {WebhookPayload} */
		const body = { type, data: structuredClone(record) };
		for (const hook of hooks) {
			if (!hook.events || hook.events.includes(type)) timers.later(0, () => attempt(hook, body, 1));
		}
	}

	/**
	 * @param {Webhook} hook
	 * @param {WebhookPayload} body
	 * @param {number} n attempt number, from 1
	 */
	async function attempt(hook, body, n) {
		const outcome = await post(hook, JSON.stringify(body));
		if (timers.closed) return;
		deliveries.push({ url: hook.url, type: body.type, attempt: n, ...outcome, body, at: Date.now() });
		const delivered = 'status' in outcome && outcome.status >= 200 && outcome.status < 300;
		const { attempts, delaysMs } = options().webhookRetry;
		if (!delivered && n < attempts) timers.later(delaysMs[Math.min(n - 1, delaysMs.length - 1)], () => attempt(hook, body, n + 1));
	}

	/**
	 * @param {Webhook} hook
	 * @param {string} payload
	 * @returns {Promise<{ status: number } | { error: string }>}
	 */
	function post(hook, payload) {
		const timeoutMs = options().webhookTimeoutMs;
		const client = hook.url.startsWith('https:') ? https : http;
		return new Promise((resolve) => {
			const req = client.request(hook.url, {
				method: 'POST',
				agent: false,
				headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), 'deepidv-signature': hook.secret },
			});
			const timer = setTimeout(() => req.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
			/** @param {{ status: number } | { error: string }} outcome */
			const settle = (outcome) => {
				clearTimeout(timer);
				inflight.delete(req);
				resolve(outcome);
			};
			req.on('response', (res) => {
				res.resume();
				settle({ status: /** @type {number} */ (res.statusCode) });
			});
			req.on('error', (err) => settle({ error: err.message }));
			inflight.add(req);
			req.end(payload);
		});
	}

	return {
		register,
		emit,
		list: () => hooks.map((hook) => ({ ...hook })),
		clear() {
			hooks.length = 0;
		},
		/** Aborts deliveries in flight; pending retries die with the timers. */
		close() {
			for (const req of inflight) req.destroy();
		},
	};
}

module.exports = { createWebhooks };
