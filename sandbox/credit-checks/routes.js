// @ts-check
'use strict';
// DeepIDV credit checks: POST /v1/credit-check/{hard|soft} (billed unless `uat`), and the read API
// GET /v1/credit-checks[/{id}], which DeepIDV answers with 501 for live keys while it is in preview and
// with fixtures for the sandbox key (OAS and sandbox.mdx). Whether the sandbox key may create credit checks
// is not documented (the sandbox routes are named /v1/credit-checks): option creditCheckCreateWithSandboxKey.
const { randomUUID } = require('node:crypto');
const { bill } = require('../core/billing');
const { json, error, invalid, parseJsonBody } = require('../core/http');
const { SANDBOX_WRITE_MESSAGE } = require('../core/access');
const { parseCreateCreditCheck } = require('./validation');
const { creditCheckFixture, listCreditChecks } = require('./fixtures');

/** @typedef {import('../core/router').ApiContext} ApiContext */

const PREVIEW = 'Credit Checks read API is not yet generally available. Use a sandbox API key to preview test responses.';

/** @param {'hard' | 'soft'} inquiry */
const create = (inquiry) => (/** @type {ApiContext} */ ctx) => {
	if (ctx.identity.mode === 'sandbox' && ctx.state.options.creditCheckCreateWithSandboxKey === 'refused') return error(403, SANDBOX_WRITE_MESSAGE);
	const body = parseJsonBody(ctx.request.body);
	if ('response' in body) return body.response;
	const parsed = parseCreateCreditCheck(body.value);
	if ('hints' in parsed) return invalid('Invalid request body', parsed.hints);
	const input = parsed.value;
	if (input.uat !== true) bill(ctx);
	const id = randomUUID();
	const sessionUrl = ctx.state.options.sessionUrlBase + encodeURIComponent(id);
	ctx.state.creditChecks.push({ id, inquiry, uat: input.uat === true, input });
	return json(200, {
		id,
		session_url: sessionUrl,
		type: `credit-check-${inquiry}`,
		...(input.external_id !== undefined && { externalId: input.external_id }),
		links: [{ rel: 'session_url', href: sessionUrl, description: 'Credit check link for the applicant' }],
	});
};

/** @param {ApiContext} ctx */
function list(ctx) {
	if (ctx.identity.mode !== 'sandbox') return error(501, PREVIEW);
	return json(200, { creditChecks: listCreditChecks(), next_token: null });
}

/** @param {ApiContext} ctx */
function retrieve(ctx) {
	if (ctx.identity.mode !== 'sandbox') return error(501, PREVIEW);
	const found = creditCheckFixture(ctx.params.id, ctx.state.options.sandboxUnknownId === 'random');
	return found ? json(200, found) : error(404, 'Credit check not found');
}

/** @type {import('../core/router').Route<ApiContext>[]} */
module.exports = [
	{ method: 'POST', path: '/v1/credit-check/hard', handler: create('hard') },
	{ method: 'POST', path: '/v1/credit-check/soft', handler: create('soft') },
	{ method: 'GET', path: '/v1/credit-checks', handler: list },
	{ method: 'GET', path: '/v1/credit-checks/:id', handler: retrieve },
];
