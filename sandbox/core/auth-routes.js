// @ts-check
'use strict';
// GET /v1/auth/verify: DeepIDV's connection test.
const { json } = require('./http');

/** @param {import('./router').ApiContext} ctx */
function verify(ctx) {
	const { id, name } = ctx.identity.organization;
	return json(200, { valid: true, organization: { id, name, status: 'active' } });
}

/** @type {import('./router').Route<import('./router').ApiContext>[]} */
module.exports = [{ method: 'GET', path: '/v1/auth/verify', handler: verify }];
