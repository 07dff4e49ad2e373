// @ts-check
'use strict';
// Path-pattern routing on the raw path: ':name' matches exactly one segment, which is then percent-decoded
// (so an id containing '/' must arrive as %2F).
const { error } = require('./http');

/** @typedef {import('./http').ApiResponse} ApiResponse */
/** @typedef {import('./store').Dataset} Dataset */
/** @typedef {import('./access').Identity} Identity */
/** @typedef {import('./state').RecordedRequest} RecordedRequest */
/** @typedef {import('./state').SandboxState} SandboxState */

/**
 * What a DeepIDV API route handler gets.
 * @typedef {object} ApiContext
 * @property {SandboxState} state
 * @property {Identity} identity
 * @property {Dataset} data The live dataset, or the fixtures for the sandbox key.
 * @property {RecordedRequest} request
 * @property {Record<string, string>} params
 */

/** What a control route handler gets. @typedef {{ state: SandboxState, body: string, params: Record<string, string> }} ControlContext */

/**
 * @template C
 * @typedef {object} Route
 * @property {string} method
 * @property {string} path Raw path pattern; ':name' matches one segment.
 * @property {(context: C) => ApiResponse | Promise<ApiResponse>} handler
 */

/**
 * @template C
 * @param {Route<C>[]} routes
 */
function createRouter(routes) {
	const compiled = routes.map((route) => ({ route, segments: route.path.split('/') }));

	/**
	 * @param {string} method
	 * @param {string} path raw path
	 * @returns {{ route: Route<C>, params: Record<string, string> } | { response: ApiResponse }}
	 */
	return function match(method, path) {
		const segments = path.split('/');
		/** @type {string[]} */
		const allowed = [];
		for (const { route, segments: pattern } of compiled) {
			const params = matchSegments(pattern, segments);
			if (!params) continue;
			if (route.method !== method) {
				allowed.push(route.method);
				continue;
			}
			const decoded = decodeParams(params);
			if (!decoded) return { response: error(400, 'Invalid path parameter') };
			return { route, params: decoded };
		}
		if (allowed.length > 0) return { response: error(405, 'Method Not Allowed', { allow: allowed.join(', ') }) };
		return { response: error(404, 'Not found') };
	};
}

/**
 * @param {string[]} pattern
 * @param {string[]} segments
 * @returns {Record<string, string> | null} raw parameter values
 */
function matchSegments(pattern, segments) {
	if (pattern.length !== segments.length) return null;
	/** @type {Record<string, string>} */
	const params = {};
	for (let i = 0; i < pattern.length; i++) {
		if (pattern[i].startsWith(':')) {
			if (segments[i] === '') return null;
			params[pattern[i].slice(1)] = segments[i];
		} else if (pattern[i] !== segments[i]) {
			return null;
		}
	}
	return params;
}

/** @param {Record<string, string>} params */
function decodeParams(params) {
	try {
		return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, decodeURIComponent(value)]));
	} catch {
		return null;
	}
}

module.exports = { createRouter };
