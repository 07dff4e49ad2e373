// @ts-check
'use strict';
// API-key checks on /v1 routes, and the documented restrictions of DeepIDV's Sandbox API Key.
const { json, error } = require('./http');

/** @typedef {import('./state').SandboxState} SandboxState */
/** @typedef {import('./http').ApiResponse} ApiResponse */
/** @typedef {import('../sessions/records').Organization} Organization */
/** @typedef {import('../sessions/records').User} User */

/**
 * Who an API key is: both default keys belong to the same user; the sandbox key reads fixtures only.
 * @typedef {{ mode: 'live' | 'sandbox', key: string, organization: Organization, user: User }} Identity
 */

const SANDBOX_WRITE_MESSAGE = 'This is a sandbox API key. Use a live API key to create or modify resources.';
/**
 * Routes whose GETs answer fixtures for the sandbox key; `/v1/idv` is the deprecated alias of session create.
 * `/v1/re-verifications` has no GET, but its OAS entry documents the same 403 for a sandbox key.
 */
const SANDBOX_ROUTES = ['/v1/sessions', '/v1/idv', '/v1/financial', '/v1/workflows', '/v1/credit-checks', '/v1/re-verifications'];
const WRITE_METHODS = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

/**
 * Missing key: `missingKeyStatus` (403 per OAS and the old docs, 401 per the auth page); unknown key: 401.
 * The body key is `error` or `detail` (`authErrorShape`); the messages are the old docs' ones.
 * @param {SandboxState} state
 * @param {string | string[] | undefined} key the x-api-key header
 * @returns {{ identity: Identity } | { response: ApiResponse }}
 */
function authenticate(state, key) {
	const { missingKeyStatus, authErrorShape } = state.options;
	if (key === undefined || key === '') return { response: json(missingKeyStatus, { [authErrorShape]: 'API key is missing.' }) };
	const identity = typeof key === 'string' ? state.identities.get(key) : undefined;
	if (!identity) return { response: json(401, { [authErrorShape]: 'Invalid API key.' }) };
	return { identity };
}

/**
 * 403 for any write with the sandbox key on the routes that have sandbox fixtures.
 * @param {Identity} identity
 * @param {string} method
 * @param {string} path raw path
 * @returns {ApiResponse | null}
 */
function sandboxWriteGuard(identity, method, path) {
	if (identity.mode !== 'sandbox' || !WRITE_METHODS.has(method)) return null;
	const guarded = SANDBOX_ROUTES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
	return guarded ? error(403, SANDBOX_WRITE_MESSAGE) : null;
}

module.exports = { authenticate, sandboxWriteGuard, SANDBOX_WRITE_MESSAGE };
