// @ts-check
'use strict';
// Request validation of the session routes, with Zod-style hints (core/validation.js): every problem is
// reported, not just the first. Choices where the docs are silent:
//  - empty strings are rejected for string fields, and empty query parameters count as absent;
//  - unknown body fields are ignored; `null` is not "absent" (it fails the type check);
//  - hints name the field as the client spelled it (camelCase wins when both spellings are sent).
const { decodeCursor } = require('../core/paging');
const { INVITE_FIELDS, typeHint, nonEmptyString, oneOf, requireObject, hours, parseFields } = require('../core/validation');

/** @typedef {import('../core/validation').Hint} Hint */
/** @typedef {import('../core/validation').Check} Check */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** Create-session fields: [snake_case, camelCase, check, required]. */
const CREATE_FIELDS = [
	...INVITE_FIELDS,
	/** @type {const} */ (['workflow_id', 'workflowId', nonEmptyString, false]),
	/** @type {const} */ (['expires_in_hours', 'expiresInHours', hours, false]),
];

/**
 * @typedef {object} CreateSessionInput
 * @property {string} first_name
 * @property {string} last_name
 * @property {string} email
 * @property {string} phone
 * @property {string} [external_id]
 * @property {boolean} [send_email_invite]
 * @property {boolean} [send_phone_invite]
 * @property {string} [workflow_id]
 * @property {string} [redirect_url]
 * @property {number} [expires_in_hours]
 */

/**
 * POST /v1/sessions body: snake_case and camelCase accepted, camelCase wins; result keyed snake_case.
 * @param {unknown} body
 * @returns {{ value: CreateSessionInput } | { hints: Hint[] }}
 */
function parseCreateSession(body) {
	const notObject = requireObject(body);
	if (notObject) return notObject;
	const parsed = parseFields(/** @type {Record<string, unknown>} */ (body), CREATE_FIELDS);
	return 'hints' in parsed ? parsed : { value: /** @type {CreateSessionInput} */ (parsed.value) };
}

const DECISIONS = ['VERIFIED', 'REJECTED'];

/**
 * PATCH …/update-status body: `new_status` exactly VERIFIED or REJECTED.
 * @param {unknown} body
 * @returns {{ value: { new_status: 'VERIFIED' | 'REJECTED' } } | { hints: Hint[] }}
 */
function parseUpdateStatus(body) {
	const notObject = requireObject(body);
	if (notObject) return notObject;
	const status = /** @type {Record<string, unknown>} */ (body).new_status;
	if (status === undefined) return { hints: [typeHint('string', status, ['new_status'])] };
	const bad = oneOf(DECISIONS)(status, ['new_status']);
	return bad ? { hints: [bad] } : { value: { new_status: /** @type {'VERIFIED' | 'REJECTED'} */ (status) } };
}

/**
 * ISO-8601 date or date-time to epoch ms; NaN when invalid. A date-time without offset is taken as UTC, and
 * a bare date means its 00:00 UTC (so end_date=2025-02-28 excludes later times that day).
 * @param {string} text
 */
function parseIsoDate(text) {
	const match = ISO_DATE.exec(text);
	if (!match) return NaN;
	return Date.parse(text.includes('T') && !match[1] ? `${text}Z` : text);
}

/**
 * @typedef {object} ListQuery
 * @property {number} limit
 * @property {import('../core/paging').Position | null} after
 * @property {number} [startMs]
 * @property {number} [endMs]
 * @property {boolean} byOrganization
 * @property {string} [externalId]
 * @property {string} [workflowId]
 */

/**
 * GET /v1/sessions query.
 * @param {Record<string, string>} query
 * @returns {{ value: ListQuery } | { hints: Hint[] }}
 */
function parseListQuery(query) {
	const get = (/** @type {string} */ name) => (query[name] === '' ? undefined : query[name]);
	/** @type {Hint[]} */
	const hints = [];
	/** @type {ListQuery} */
	const value = { limit: 50, after: null, byOrganization: false, externalId: get('external_id'), workflowId: get('workflow_id') };

	const limit = get('limit');
	if (limit !== undefined) {
		const n = Number(limit);
		const message = 'limit must be an integer between 1 and 500';
		if (!/^\d+$/.test(limit)) hints.push({ code: 'invalid_type', expected: 'integer', path: ['limit'], message });
		else if (n < 1) hints.push({ code: 'too_small', minimum: 1, path: ['limit'], message });
		else if (n > 500) hints.push({ code: 'too_big', maximum: 500, path: ['limit'], message });
		else value.limit = n;
	}
	const token = get('next_token');
	if (token !== undefined) {
		value.after = decodeCursor(token);
		if (!value.after) hints.push({ code: 'custom', path: ['next_token'], message: 'Invalid next_token' });
	}
	for (const [name, key] of /** @type {const} */ ([['start_date', 'startMs'], ['end_date', 'endMs']])) {
		const text = get(name);
		if (text === undefined) continue;
		const ms = parseIsoDate(text);
		if (Number.isNaN(ms)) hints.push({ code: 'invalid_string', validation: 'datetime', path: [name], message: `${name} must be an ISO-8601 date` });
		else value[key] = ms;
	}
	const byOrganization = get('by_organization');
	if (byOrganization !== undefined) {
		if (byOrganization === 'true' || byOrganization === 'false') value.byOrganization = byOrganization === 'true';
		else hints.push({ code: 'invalid_type', expected: 'boolean', path: ['by_organization'], message: "by_organization must be 'true' or 'false'" });
	}
	return hints.length > 0 ? { hints } : { value };
}

module.exports = { parseCreateSession, parseUpdateStatus, parseListQuery };
