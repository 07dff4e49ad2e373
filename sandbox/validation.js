// @ts-check
'use strict';
// Request validation with Zod-style issues ("hints"), as in DeepIDV's 400 `{message, hints}` answers.
// Every problem is reported, not just the first. Choices where the docs are silent:
//  - empty strings are rejected for string fields, and empty query parameters count as absent;
//  - unknown body fields are ignored; `null` is not "absent" (it fails the type check);
//  - hints name the field as the client spelled it (camelCase wins when both spellings are sent).
const { decodeCursor } = require('./paging');

/** @typedef {import('./internal').Hint} Hint */
/** @typedef {(value: unknown, path: (string | number)[]) => Hint | null} Check */

const PHONE = /^\+[1-9]\d{9,14}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** @param {unknown} value */
const typeName = (value) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/**
 * @param {string} expected
 * @param {unknown} value
 * @param {(string | number)[]} path
 * @returns {Hint}
 */
function typeHint(expected, value, path) {
	const received = typeName(value);
	return { code: 'invalid_type', expected, received, path, message: received === 'undefined' ? 'Required' : `Expected ${expected}, received ${received}` };
}

/** @type {Check} */
function nonEmptyString(value, path) {
	if (typeof value !== 'string') return typeHint('string', value, path);
	return value === '' ? { code: 'too_small', minimum: 1, type: 'string', path, message: 'String must contain at least 1 character(s)' } : null;
}

/** @param {RegExp} pattern @param {string} validation @param {string} message @returns {Check} */
const matching = (pattern, validation, message) => (value, path) =>
	nonEmptyString(value, path) ?? (pattern.test(String(value)) ? null : { code: 'invalid_string', validation, path, message });

/** @type {Check} */
function boolean(value, path) {
	return typeof value === 'boolean' ? null : typeHint('boolean', value, path);
}

/** @type {Check} */
function httpsUrl(value, path) {
	const bad = nonEmptyString(value, path);
	if (bad) return bad;
	if (!URL.canParse(String(value))) return { code: 'invalid_string', validation: 'url', path, message: 'Invalid url' };
	return new URL(String(value)).protocol === 'https:' ? null : { code: 'custom', path, message: 'URL must use https' };
}

/** @type {Check} */
function hours(value, path) {
	if (typeof value !== 'number') return typeHint('number', value, path);
	if (!Number.isInteger(value)) return { code: 'invalid_type', expected: 'integer', received: 'float', path, message: 'Expected integer, received float' };
	if (value < 1) return { code: 'too_small', minimum: 1, type: 'number', path, message: 'Number must be greater than or equal to 1' };
	if (value > 8760) return { code: 'too_big', maximum: 8760, type: 'number', path, message: 'Number must be less than or equal to 8760' };
	return null;
}

/** Create-session fields: [snake_case, camelCase, check, required]. */
const CREATE_FIELDS = /** @type {const} */ ([
	['first_name', 'firstName', nonEmptyString, true],
	['last_name', 'lastName', nonEmptyString, true],
	['email', 'email', matching(EMAIL, 'email', 'Invalid email'), true],
	['phone', 'phone', matching(PHONE, 'regex', 'Phone number must be in E.164 format, e.g. +14155552671'), true],
	['external_id', 'externalId', nonEmptyString, false],
	['send_email_invite', 'sendEmailInvite', boolean, false],
	['send_phone_invite', 'sendPhoneInvite', boolean, false],
	['workflow_id', 'workflowId', nonEmptyString, false],
	['redirect_url', 'redirectUrl', httpsUrl, false],
	['expires_in_hours', 'expiresInHours', hours, false],
]);

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
 * @param {unknown} body
 * @returns {{ hints: Hint[] } | null} null when body is an object
 */
function requireObject(body) {
	return body && typeof body === 'object' && !Array.isArray(body) ? null : { hints: [typeHint('object', body, [])] };
}

/**
 * POST /v1/sessions body: snake_case and camelCase accepted, camelCase wins; result keyed snake_case.
 * @param {unknown} body
 * @returns {{ value: CreateSessionInput } | { hints: Hint[] }}
 */
function parseCreateSession(body) {
	const notObject = requireObject(body);
	if (notObject) return notObject;
	const source = /** @type {Record<string, unknown>} */ (body);
	/** @type {Record<string, unknown>} */
	const value = {};
	/** @type {Hint[]} */
	const hints = [];
	for (const [snake, camel, check, required] of CREATE_FIELDS) {
		const name = source[camel] !== undefined ? camel : snake;
		const given = source[name];
		if (given === undefined && !required) continue;
		const hint = check(given, [name]);
		if (hint) hints.push(hint);
		else value[snake] = given;
	}
	return hints.length > 0 ? { hints } : { value: /** @type {CreateSessionInput} */ (value) };
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
	if (typeof status === 'string' && DECISIONS.includes(status)) return { value: { new_status: /** @type {'VERIFIED' | 'REJECTED'} */ (status) } };
	if (status === undefined) return { hints: [typeHint('string', status, ['new_status'])] };
	return {
		hints: [
			{
				code: 'invalid_enum_value',
				options: DECISIONS,
				received: status,
				path: ['new_status'],
				message: `Invalid enum value. Expected 'VERIFIED' | 'REJECTED', received '${String(status)}'`,
			},
		],
	};
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
 * @property {import('./paging').Position | null} after
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

/** DeepIDV's size limit for one image: 15 MiB (the presign endpoint's byteLength maximum). */
const MAX_IMAGE_BYTES = 15728640;
const DOCUMENT_TYPES = ['passport', 'drivers_license', 'national_id', 'auto'];

/**
 * POST /v1/upload/presign body: `{ files: [{ contentType, byteLength }] }`, at least one file.
 * @param {unknown} body
 * @returns {{ value: { contentType: string, byteLength: number }[] } | { hints: Hint[] }}
 */
function parsePresign(body) {
	const notObject = requireObject(body);
	if (notObject) return notObject;
	const files = /** @type {Record<string, unknown>} */ (body).files;
	if (!Array.isArray(files)) return { hints: [typeHint('array', files, ['files'])] };
	if (files.length === 0) return { hints: [{ code: 'too_small', minimum: 1, type: 'array', path: ['files'], message: 'Array must contain at least 1 element(s)' }] };
	/** @type {Hint[]} */
	const hints = [];
	files.forEach((file, index) => {
		const notFile = requireObject(file);
		if (notFile) return hints.push({ ...notFile.hints[0], path: ['files', String(index)] });
		const { contentType, byteLength } = /** @type {Record<string, unknown>} */ (file);
		const typeHintFound = nonEmptyString(contentType, ['files', String(index), 'contentType']);
		if (typeHintFound) hints.push(typeHintFound);
		const path = ['files', String(index), 'byteLength'];
		if (typeof byteLength !== 'number') hints.push(typeHint('number', byteLength, path));
		else if (!Number.isInteger(byteLength)) hints.push({ code: 'invalid_type', expected: 'integer', received: 'float', path, message: 'Expected integer, received float' });
		else if (byteLength < 1) hints.push({ code: 'too_small', minimum: 1, type: 'number', path, message: 'Number must be greater than or equal to 1' });
		else if (byteLength > MAX_IMAGE_BYTES) hints.push({ code: 'too_big', maximum: MAX_IMAGE_BYTES, type: 'number', path, message: `Number must be less than or equal to ${MAX_IMAGE_BYTES}` });
		return undefined;
	});
	return hints.length > 0 ? { hints } : { value: /** @type {{ contentType: string, byteLength: number }[]} */ (files) };
}

/**
 * Body of a file check: the named image fields (non-empty strings) and, where allowed, `documentType`.
 * @param {unknown} body
 * @param {string[]} imageFields
 * @param {boolean} withDocumentType
 * @returns {{ value: { images: string[], documentType?: string } } | { hints: Hint[] }}
 */
function parseFileCheck(body, imageFields, withDocumentType) {
	const notObject = requireObject(body);
	if (notObject) return notObject;
	const source = /** @type {Record<string, unknown>} */ (body);
	/** @type {Hint[]} */
	const hints = [];
	for (const field of imageFields) {
		const hint = nonEmptyString(source[field], [field]);
		if (hint) hints.push(hint);
	}
	const { documentType } = source;
	if (withDocumentType && documentType !== undefined && !DOCUMENT_TYPES.includes(/** @type {string} */ (documentType))) {
		hints.push({
			code: 'invalid_enum_value',
			options: DOCUMENT_TYPES,
			received: documentType,
			path: ['documentType'],
			message: `Invalid enum value. Expected ${DOCUMENT_TYPES.map((t) => `'${t}'`).join(' | ')}, received '${String(documentType)}'`,
		});
	}
	if (hints.length > 0) return { hints };
	return {
		value: {
			images: imageFields.map((field) => /** @type {string} */ (source[field])),
			...(withDocumentType && documentType !== undefined && { documentType: /** @type {string} */ (documentType) }),
		},
	};
}

module.exports = {
	parseCreateSession,
	parseUpdateStatus,
	parseListQuery,
	parsePresign,
	parseFileCheck,
	MAX_IMAGE_BYTES,
	// Building blocks for the other routes' bodies (screening-validation.js).
	PHONE,
	EMAIL,
	typeHint,
	nonEmptyString,
	matching,
	requireObject,
};
