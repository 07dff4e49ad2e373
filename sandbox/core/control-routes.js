// @ts-check
'use strict';
// Control routes under /__sandbox/ — NOT part of the DeepIDV API. They drive the sandbox from tests, scripts
// or curl: no API key, never rate-limited or faulted, not recorded in `requests`.
//   GET    /__sandbox/requests                 → { requests }        DELETE → 204 (clear)
//   GET    /__sandbox/uploads                  → { uploads } (PUTs received by the upload host)  DELETE → 204
//   GET    /__sandbox/stats                    → stats counters
//   GET    /__sandbox/deliveries               → { deliveries }
//   POST   /__sandbox/config                   runtime options, like sb.configure()         → 204
//   POST   /__sandbox/faults                   [fault, …] one-shot faults, like sb.injectFaults() → 204
//   GET    /__sandbox/webhooks                 → { webhooks }
//   POST   /__sandbox/webhooks                 { url, secret?, events? } → 201 { webhook }
//   DELETE /__sandbox/webhooks                 remove all receivers → 204
//   POST   /__sandbox/sessions/{id}/submit     applicant submitted → { session_record } + session.status.submitted
//   POST   /__sandbox/sessions/{id}/fail       failed-attempt limit → { session_record } + session.status.failed
//   POST   /__sandbox/financial/{id}/complete    applicant shared the statements → the record, completed
//   POST   /__sandbox/credit-terms/{id}/complete applicant finished the application → the record, completed
//   POST   /__sandbox/age-verification/{id}/consent  { boundaries? } the parent of age verification {id} consented
//                                              → the Parent Connect request + parent_connect.consent_given
//   POST   /__sandbox/async-jobs/expire        every async job is gone (GET → 404) → { expired: count }
// JSON can't carry a RegExp: fault `match.path` is a string prefix here.
const { json, error, noContent, parseJsonBody } = require('./http');
const { configure } = require('./state');
const { submitSession, failSession } = require('../sessions/lifecycle');
const { completeRecord } = require('../financial/lifecycle');
const { consentParentConnect } = require('../age-verification/parent-connect');

/** @typedef {import('./router').ControlContext} ControlContext */
/** @typedef {import('./http').ApiResponse} ApiResponse */

/** @param {unknown} record @param {string} name */
const completed = (record, name) => (record ? json(200, record) : error(404, `${name} not found`));

/**
 * Runs `apply` on the JSON body; a TypeError (bad input) becomes a 400.
 * @param {ControlContext} ctx
 * @param {(value: unknown) => ApiResponse} apply
 */
function withBody(ctx, apply) {
	const body = parseJsonBody(ctx.body);
	if ('response' in body) return body.response;
	try {
		return apply(body.value);
	} catch (err) {
		if (err instanceof TypeError) return error(400, err.message);
		throw err;
	}
}

/**
 * @param {(state: import('./state').SandboxState, id: string) => unknown} change
 * @returns {(ctx: ControlContext) => ApiResponse}
 */
const sessionChange = (change) => (ctx) => {
	const record = change(ctx.state, ctx.params.id);
	return record ? json(200, { session_record: record }) : error(404, 'Session not found');
};

/** @type {import('./router').Route<ControlContext>[]} */
module.exports = [
	{ method: 'GET', path: '/__sandbox/requests', handler: (ctx) => json(200, { requests: ctx.state.requests }) },
	{
		method: 'DELETE',
		path: '/__sandbox/requests',
		handler: (ctx) => {
			ctx.state.requests.length = 0;
			return noContent();
		},
	},
	{ method: 'GET', path: '/__sandbox/uploads', handler: (ctx) => json(200, { uploads: ctx.state.uploadRequests }) },
	{
		method: 'DELETE',
		path: '/__sandbox/uploads',
		handler: (ctx) => {
			ctx.state.uploadRequests.length = 0;
			return noContent();
		},
	},
	{ method: 'GET', path: '/__sandbox/stats', handler: (ctx) => json(200, ctx.state.stats) },
	{ method: 'GET', path: '/__sandbox/deliveries', handler: (ctx) => json(200, { deliveries: ctx.state.deliveries }) },
	{
		method: 'POST',
		path: '/__sandbox/config',
		handler: (ctx) =>
			withBody(ctx, (value) => {
				configure(ctx.state, value);
				return noContent();
			}),
	},
	{
		method: 'POST',
		path: '/__sandbox/faults',
		handler: (ctx) =>
			withBody(ctx, (value) => {
				ctx.state.faults.inject(/** @type {unknown[]} */ (value));
				return noContent();
			}),
	},
	{ method: 'GET', path: '/__sandbox/webhooks', handler: (ctx) => json(200, { webhooks: ctx.state.webhooks.list() }) },
	{ method: 'POST', path: '/__sandbox/webhooks', handler: (ctx) => withBody(ctx, (value) => json(201, { webhook: ctx.state.webhooks.register(value) })) },
	{
		method: 'DELETE',
		path: '/__sandbox/webhooks',
		handler: (ctx) => {
			ctx.state.webhooks.clear();
			return noContent();
		},
	},
	{ method: 'POST', path: '/__sandbox/sessions/:id/submit', handler: sessionChange(submitSession) },
	{ method: 'POST', path: '/__sandbox/sessions/:id/fail', handler: sessionChange(failSession) },
	{ method: 'POST', path: '/__sandbox/financial/:id/complete', handler: (ctx) => completed(completeRecord(ctx.state, 'bankStatements', ctx.params.id), 'Bank statement') },
	{ method: 'POST', path: '/__sandbox/credit-terms/:id/complete', handler: (ctx) => completed(completeRecord(ctx.state, 'creditTerms', ctx.params.id), 'Credit terms') },
	{
		method: 'POST',
		path: '/__sandbox/age-verification/:id/consent',
		handler: (ctx) =>
			withBody(ctx, (value) => {
				const chosen = /** @type {{ boundaries?: unknown } | undefined} */ (value)?.boundaries;
				if (chosen !== undefined && (!chosen || typeof chosen !== 'object' || Array.isArray(chosen))) throw new TypeError('boundaries must be an object');
				const request = consentParentConnect(ctx.state, ctx.params.id, /** @type {Record<string, unknown> | undefined} */ (chosen));
				return request ? json(200, request) : error(404, 'No Parent Connect request for this age verification');
			}),
	},
	{ method: 'POST', path: '/__sandbox/async-jobs/expire', handler: (ctx) => json(200, { expired: ctx.state.asyncJobs.expireAll() }) },
];
