// @ts-check
'use strict';
// Building blocks of request validation with Zod-style issues ("hints"), as in DeepIDV's 400 `{message, hints}`
// answers. Each domain's validation.js builds its bodies' checks from these. Choices where the docs are silent:
//  - empty strings are rejected for string fields; `null` is not "absent" (it fails the type check).

/** A Zod-style issue in a 400 `{message, hints}` answer. @typedef {{ code: string, path: (string | number)[], message: string, [extra: string]: unknown }} Hint */
/** @typedef {(value: unknown, path: (string | number)[]) => Hint | null} Check */

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

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

module.exports = { EMAIL, typeHint, nonEmptyString, matching, oneOf, requireObject };
