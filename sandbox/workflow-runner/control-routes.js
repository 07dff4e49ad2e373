// @ts-check
'use strict';
// Control routes of the Workflow Runner — NOT part of the DeepIDV API (no key, never rate-limited or faulted):
//   POST /__sandbox/runner/workflows                 { steps, name?, failureLimit?, status? } → 201 { workflow }
//   GET  /__sandbox/runner/sessions/{id}             → the session's runner execution
//   POST /__sandbox/runner/sessions/{id}/liveness    { status?, confidence?, face? } what FACE_LIVENESS complete reports → 204
//   POST /__sandbox/runner/sessions/{id}/expire      → { session_record }, EXPIRED now
const { json, error, noContent, parseJsonBody } = require('../core/http');
const { addRunnerWorkflow, setRunnerLiveness, expireRunnerSession } = require('./control');

/** @typedef {import('../core/router').ControlContext} ControlContext */
/** @typedef {import('../core/http').ApiResponse} ApiResponse */

/**
 * Runs `apply` on the JSON body; a TypeError (bad input) becomes a 400.
 * @param {ControlContext} ctx @param {(value: any) => ApiResponse} apply
 */
function withBody(ctx, apply) {
	const body = parseJsonBody(ctx.body);
	if ('response' in body) return body.response;
	try {
		return apply(body.value ?? {});
	} catch (err) {
		if (err instanceof TypeError) return error(400, err.message);
		throw err;
	}
}

/** @type {import('../core/router').Route<ControlContext>[]} */
module.exports = [
	{ method: 'POST', path: '/__sandbox/runner/workflows', handler: (ctx) => withBody(ctx, (spec) => json(201, { workflow: addRunnerWorkflow(ctx.state, spec) })) },
	{
		method: 'GET',
		path: '/__sandbox/runner/sessions/:id',
		handler: (ctx) => {
			const execution = ctx.state.runner.executions.get(ctx.params.id);
			return execution ? json(200, execution) : error(404, 'No runner execution for this session');
		},
	},
	{
		method: 'POST',
		path: '/__sandbox/runner/sessions/:id/liveness',
		handler: (ctx) => withBody(ctx, (result) => (setRunnerLiveness(ctx.state, ctx.params.id, result) ? noContent() : error(404, 'No runner execution for this session'))),
	},
	{
		method: 'POST',
		path: '/__sandbox/runner/sessions/:id/expire',
		handler: (ctx) => {
			const record = expireRunnerSession(ctx.state, ctx.params.id);
			return record ? json(200, { session_record: record }) : error(404, 'No runner execution for this session');
		},
	},
];
