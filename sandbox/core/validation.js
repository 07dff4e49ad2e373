// @ts-check
'use strict';
// Building blocks of request validation with Zod-style issues ("hints"), as in DeepIDV's 400 `{message, hints}`
// answers. Each domain's validation.js builds its bodies' checks from these. Choices where the docs are silent:
//  - empty strings are rejected for string fields; `null` is not "absent" (it fails the type check).

/** A Zod-style issue in a 400 `{message, hints}` answer. @typedef {{ code: string, path: (string | number)[], message: string, [extra: string]: unknown }} Hint */
/** @typedef {(value: unknown, path: (string | number)[]) => Hint | null} Check */

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** DeepIDV's E.164 phone rule (sessions, credit checks, bank statements, age verification). */
const PHONE = /^\+[1-9]\d{9,14}$/;

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

/** @param {readonly string[]} options @returns {Check} */
const oneOf = (options) => (value, path) =>
	typeof value === 'string' && options.includes(value)
		? null
		: {
				code: 'invalid_enum_value',
				options,
				received: value,
				path,
				message: `Invalid enum value. Expected ${options.map((o) => `'${o}'`).join(' | ')}, received '${String(value)}'`,
			};

/**
 * @param {unknown} body
 * @returns {{ hints: Hint[] } | null} null when body is an object
 */
function requireObject(body) {
	return body && typeof body === 'object' && !Array.isArray(body) ? null : { hints: [typeHint('object', body, [])] };
}

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

/** @typedef {readonly [string, string, Check, boolean]} Field [snake_case, camelCase, check, required] */

/**
 * The applicant and invite fields of DeepIDV's create bodies that take both spellings (sessions, credit
 * checks), in that order.
 * @type {readonly Field[]}
 */
const INVITE_FIELDS = [
	['first_name', 'firstName', nonEmptyString, true],
	['last_name', 'lastName', nonEmptyString, true],
	['email', 'email', matching(EMAIL, 'email', 'Invalid email'), true],
	['phone', 'phone', matching(PHONE, 'regex', 'Phone number must be in E.164 format, e.g. +14155552671'), true],
	['external_id', 'externalId', nonEmptyString, false],
	['send_email_invite', 'sendEmailInvite', boolean, false],
	['send_phone_invite', 'sendPhoneInvite', boolean, false],
	['redirect_url', 'redirectUrl', httpsUrl, false],
];

/**
 * Checks a body's fields, each accepted in either spelling (camelCase wins when both are sent, as
 * DeepIDV documents for its create bodies; give the same name twice for a field with one spelling).
 * Every problem is reported; hints name the field as the client spelled it; the value is keyed by
 * the first (snake_case) name. Unknown fields are ignored.
 * @param {Record<string, unknown>} source
 * @param {readonly Field[]} fields
 * @returns {{ value: Record<string, unknown> } | { hints: Hint[] }}
 */
function parseFields(source, fields) {
	/** @type {Record<string, unknown>} */
	const value = {};
	/** @type {Hint[]} */
	const hints = [];
	for (const [snake, camel, check, required] of fields) {
		const name = source[camel] !== undefined ? camel : snake;
		const given = source[name];
		if (given === undefined && !required) continue;
		const hint = check(given, [name]);
		if (hint) hints.push(hint);
		else value[snake] = given;
	}
	return hints.length > 0 ? { hints } : { value };
}

module.exports = { EMAIL, PHONE, INVITE_FIELDS, typeHint, nonEmptyString, matching, oneOf, requireObject, boolean, httpsUrl, hours, parseFields };
