// @ts-check
'use strict';
// DeepIDV age verification (Deep Age, Parent Connect): create (billed; 402 exists), the Parent Connect list
// and record, and the boundaries behind a child attestation. These routes are not among the sandbox key's
// fixture routes (sandbox.mdx), so both keys see the same requests.
const { randomUUID } = require('node:crypto');
const { bill } = require('../core/billing');
const { json, error, invalid, parseJsonBody } = require('../core/http');
const { iso, HOUR } = require('../core/time');
const { parseCreateAgeVerification, parseParentConnectQuery } = require('./validation');
const { newRequest, listPage, boundariesOf } = require('./parent-connect');

/** @typedef {import('../core/router').ApiContext} ApiContext */

/** @param {ApiContext} ctx */
function create(ctx) {
	const body = parseJsonBody(ctx.request.body);
	if ('response' in body) return body.response;
	const parsed = parseCreateAgeVerification(body.value);
	if ('hints' in parsed) return invalid('Invalid request body', parsed.hints);
	const input = parsed.value;
	bill(ctx);
	const now = Date.now();
	const id = randomUUID();
	const expiresAt = input.expiresInHours === undefined ? null : iso(now + input.expiresInHours * HOUR);
	const { ageVerification } = ctx.state;
	ageVerification.created.push({ id, input: structuredClone(input) });
	if (input.method === 'parent-connect') {
		ageVerification.parentConnects.push(
			newRequest({ childSessionId: id, createdAt: now, ageBand: input.ageBand, eulaUrl: input.eulaUrl, restrictions: input.platformRestrictions, inviteExpiresAt: expiresAt }),
		);
	}
	const sessionUrl = ctx.state.options.sessionUrlBase + encodeURIComponent(id);
	return json(200, {
		id,
		session_url: sessionUrl,
		method: input.method === 'quiz' ? 'intel-quiz' : input.method,
		...(input.externalId !== undefined && { external_id: input.externalId }),
		expires_at: expiresAt,
		links: [{ rel: 'session_url', href: sessionUrl, description: 'Age verification link for the applicant' }],
	});
}

/** @param {ApiContext} ctx */
function listParentConnects(ctx) {
	const parsed = parseParentConnectQuery(ctx.request.query);
	if ('hints' in parsed) return invalid('Invalid query parameters', parsed.hints);
	const result = listPage(ctx.state.ageVerification.parentConnects, parsed.value);
	if ('badToken' in result) return invalid('Invalid query parameters', [{ code: 'custom', path: ['next_token'], message: 'Invalid next_token' }]);
	return json(200, result.page);
}

/** @param {ApiContext} ctx */
function getParentConnect(ctx) {
	const found = ctx.state.ageVerification.parentConnects.find((r) => r.id === ctx.params.parentConnectId);
	return found ? json(200, found) : error(404, 'Parent connect request not found');
}

/** @param {ApiContext} ctx */
function getBoundaries(ctx) {
	const found = ctx.state.ageVerification.parentConnects.find((r) => r.child_attestation_id === ctx.params.childAttestationId);
	return found ? json(200, boundariesOf(found)) : error(404, 'Attestation not found');
}

/** @type {import('../core/router').Route<ApiContext>[]} */
module.exports = [
	{ method: 'POST', path: '/v1/age-verification', handler: create },
	{ method: 'GET', path: '/v1/age-verification/parent-connect', handler: listParentConnects },
	{ method: 'GET', path: '/v1/age-verification/parent-connect/:parentConnectId', handler: getParentConnect },
	{ method: 'GET', path: '/v1/age-verification/boundaries/:childAttestationId', handler: getBoundaries },
];
