// @ts-check
'use strict';
// The request pipeline. A DeepIDV API request is recorded, may draw a fault, waits `latencyMs`, then:
//   fault when 'before' → API key → rate limit → sandbox-key write guard → route → fault when 'after' → send.
// A fault's delay comes first; then `reset` destroys the socket, `status` answers with that status, and a
// delay-only fault lets the normal answer through. Control routes (/__sandbox/…) skip all of this.
const { readBody, splitUrl, send, error, parseJsonBody } = require('./http');
const { createRouter } = require('./router');
const { authenticate, sandboxWriteGuard } = require('./access');
const { retryAfterHeader, tooManyRequests } = require('./rate-limit');
const { faultResponse } = require('./faults');
const sessionRoutes = require('../sessions/routes');
const workflowRoutes = require('../workflows/routes');
const progressRoutes = require('../sessions/progress-routes');
const reVerificationRoutes = require('../sessions/re-verifications');
const authRoutes = require('./auth-routes');
const screeningRoutes = require('../screening/routes');
const asyncJobRoutes = require('../screening/async-job-routes');
const fileRoutes = require('../files/routes');
const financialRoutes = require('../financial/routes');
const profileRoutes = require('../profiles/routes');
const controlRoutes = require('./control-routes');
const ageVerificationRoutes = require('../age-verification/routes');
const creditCheckRoutes = require('../credit-checks/routes');
const amlRoutes = require('../aml/routes');
const igamingRoutes = require('../igaming/routes');
const workflowRunnerRoutes = require('../workflow-runner/routes');
const workflowRunnerControlRoutes = require('../workflow-runner/control-routes');

/** @typedef {import('./state').SandboxState} SandboxState */
/** @typedef {import('./http').ApiResponse} ApiResponse */
/** @typedef {import('./state').RecordedRequest} RecordedRequest */
/** @typedef {import('./faults').FaultRule} FaultRule */
/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */

const CONTROL_PREFIX = '/__sandbox/';

/** @param {SandboxState} state */
function createRequestListener(state) {
	const api = createRouter([...ageVerificationRoutes, ...amlRoutes, ...creditCheckRoutes, ...sessionRoutes, ...workflowRunnerRoutes, ...progressRoutes, ...reVerificationRoutes, ...workflowRoutes, ...authRoutes, ...screeningRoutes, ...asyncJobRoutes, ...fileRoutes, ...financialRoutes, ...profileRoutes, ...igamingRoutes]);
	const control = createRouter([...controlRoutes, ...workflowRunnerControlRoutes]);

	/**
	 * @param {IncomingMessage} req
	 * @param {ServerResponse} res
	 */
	async function handle(req, res) {
		const receivedAt = Date.now();
		const body = await readBody(req);
		const method = req.method ?? 'GET';
		const { path, query } = splitUrl(req.url ?? '/');
		if (path.startsWith(CONTROL_PREFIX)) {
			const match = control(method, path);
			send(res, 'response' in match ? match.response : await match.route.handler({ state, body, params: match.params }));
			return;
		}

		const parsed = parseJsonBody(body);
		/** @type {RecordedRequest} */
		const request = { method, path, query, headers: { ...req.headers }, body, json: 'value' in parsed ? parsed.value : undefined, receivedAt };
		state.requests.push(request);
		state.stats.requests += 1;
		const fault = state.faults.take(method, path, state.options.faults);
		if (fault) state.stats.faultsInjected += 1;

		await state.timers.sleep(state.options.latencyMs);
		if (fault?.when === 'before' && (await applyFault(fault, request, req, res))) return;
		const response = await answer(request);
		if (fault?.when === 'after' && (await applyFault(fault, request, req, res))) return;
		send(res, response);
		state.log(`${method} ${path} → ${response.status}`);
	}

	/**
	 * @param {RecordedRequest} request
	 * @returns {Promise<ApiResponse>}
	 */
	async function answer(request) {
		if (request.path !== '/v1' && !request.path.startsWith('/v1/')) return error(404, 'Not found');
		const auth = authenticate(state, request.headers['x-api-key']);
		if ('response' in auth) return auth.response;
		const verdict = state.limiter?.(auth.identity.key);
		if (verdict && !verdict.ok) {
			state.stats.rateLimited += 1;
			return tooManyRequests(retryAfterHeader(state.options.retryAfter, verdict.retryAfterSeconds));
		}
		const guard = sandboxWriteGuard(auth.identity, request.method, request.path);
		if (guard) return guard;
		const match = api(request.method, request.path);
		if ('response' in match) return match.response;
		const data = auth.identity.mode === 'sandbox' ? state.store.sandbox : state.store.live;
		return match.route.handler({ state, identity: auth.identity, data, request, params: match.params });
	}

	/**
	 * @param {FaultRule} fault
	 * @param {RecordedRequest} request
	 * @param {IncomingMessage} req
	 * @param {ServerResponse} res
	 * @returns {Promise<boolean>} whether the fault ended the exchange
	 */
	async function applyFault(fault, request, req, res) {
		await state.timers.sleep(fault.delayMs ?? 0);
		if (fault.reset) {
			state.stats.resets += 1;
			req.socket.resetAndDestroy();
			state.log(`${request.method} ${request.path} → socket reset (fault, ${fault.when})`);
			return true;
		}
		if (fault.status === undefined) return false;
		if (fault.status === 429) state.stats.rateLimited += 1;
		send(res, faultResponse(fault.status, fault.retryAfter, state.options.retryAfter));
		state.log(`${request.method} ${request.path} → ${fault.status} (fault, ${fault.when})`);
		return true;
	}

	/**
	 * @param {IncomingMessage} req
	 * @param {ServerResponse} res
	 */
	return function listener(req, res) {
		handle(req, res).catch((err) => {
			console.error('deepidv sandbox: internal error', err);
			send(res, error(500, 'Internal Server Error'));
		});
	};
}

module.exports = { createRequestListener };
