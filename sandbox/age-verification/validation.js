// @ts-check
'use strict';
// Request validation of the age-verification routes (OAS /v1/age-verification…), with Zod-style hints. The
// create body is camelCase (the OAS mentions no snake_case). Redirect and EULA URLs must be https (the SDK's
// rule; the OAS says uri). Platform restrictions and the EULA are refused for methods other than
// parent-connect (OAS description); the shape checks (select needs options, min <= max, unique keys) are the
// SDK's.
const { EMAIL, PHONE, typeHint, nonEmptyString, matching, oneOf, requireObject, boolean, httpsUrl, hours, parseFields } = require('../core/validation');

/** @typedef {import('../core/validation').Hint} Hint */
/** @typedef {import('../core/validation').Check} Check */

const METHODS = ['quiz', 'credit-card', 'parent-connect'];
const STATUSES = ['PENDING', 'PARENT_INVITED', 'PARENT_VERIFIED', 'CONSENT_GIVEN', 'EXPIRED', 'DECLINED'];

/** @type {Check} */
const number = (value, path) => (typeof value === 'number' && Number.isFinite(value) ? null : typeHint('number', value, path));

/** @type {Check} */
function stringArray(value, path) {
	if (!Array.isArray(value)) return typeHint('array', value, path);
	const bad = value.findIndex((item) => typeof item !== 'string');
	return bad === -1 ? null : typeHint('string', value[bad], [...path, bad]);
}

const RESTRICTION_FIELDS = /** @type {const} */ ([
	['key', 'key', nonEmptyString, true],
	['label', 'label', nonEmptyString, true],
	['type', 'type', oneOf(['toggle', 'number', 'select', 'minutes']), true],
	['category', 'category', oneOf(['feature', 'content']), false],
	['required', 'required', boolean, false],
	['min', 'min', number, false],
	['max', 'max', number, false],
	['options', 'options', stringArray, false],
]);

/**
 * @param {unknown} value
 * @param {(string | number)[]} path
 * @returns {Hint[]}
 */
function restrictionHints(value, path) {
	if (!Array.isArray(value)) return [typeHint('array', value, path)];
	/** @type {Hint[]} */
	const hints = [];
	const keys = new Set();
	value.forEach((item, index) => {
		const at = [...path, index];
		const notObject = requireObject(item);
		if (notObject) return hints.push(...notObject.hints.map((hint) => ({ ...hint, path: at })));
		const parsed = parseFields(item, RESTRICTION_FIELDS);
		if ('hints' in parsed) return hints.push(...parsed.hints.map((hint) => ({ ...hint, path: [...at, ...hint.path] })));
		const r = parsed.value;
		if (r.type === 'select' && !(Array.isArray(r.options) && r.options.length > 0)) {
			hints.push({ code: 'custom', path: [...at, 'options'], message: `restriction "${r.key}" is a select and must offer at least one option` });
		}
		if (typeof r.min === 'number' && typeof r.max === 'number' && r.min > r.max) {
			hints.push({ code: 'custom', path: [...at, 'min'], message: `restriction "${r.key}" has min greater than max` });
		}
		if (keys.has(r.key)) hints.push({ code: 'custom', path: [...at, 'key'], message: `duplicate restriction key "${r.key}"` });
		keys.add(r.key);
		return undefined;
	});
	return hints;
}

const CREATE_FIELDS = /** @type {const} */ ([
	['email', 'email', matching(EMAIL, 'email', 'Invalid email'), true],
	['firstName', 'firstName', nonEmptyString, true],
	['lastName', 'lastName', nonEmptyString, true],
	['phone', 'phone', matching(PHONE, 'regex', 'Phone number must be in E.164 format, e.g. +14155552671'), true],
	['method', 'method', oneOf(METHODS), true],
	['externalId', 'externalId', nonEmptyString, false],
	['sendEmailInvite', 'sendEmailInvite', boolean, false],
	['sendPhoneInvite', 'sendPhoneInvite', boolean, false],
	['redirectUrl', 'redirectUrl', httpsUrl, false],
	['expiresInHours', 'expiresInHours', hours, false],
	['ageBand', 'ageBand', nonEmptyString, false],
	['eulaUrl', 'eulaUrl', httpsUrl, false],
]);

/**
 * @typedef {object} PlatformRestriction
 * @property {string} key
 * @property {string} label
 * @property {'toggle' | 'number' | 'select' | 'minutes'} type
 * @property {'feature' | 'content'} [category]
 * @property {unknown} [default]
 * @property {boolean} [required]
 * @property {number} [min]
 * @property {number} [max]
 * @property {string[]} [options]
 */

/**
 * @typedef {object} CreateAgeVerificationInput
 * @property {string} email
 * @property {string} firstName
 * @property {string} lastName
 * @property {string} phone
 * @property {'quiz' | 'credit-card' | 'parent-connect'} method
 * @property {string} [externalId]
 * @property {boolean} [sendEmailInvite]
 * @property {boolean} [sendPhoneInvite]
 * @property {string} [redirectUrl]
 * @property {number} [expiresInHours]
 * @property {string} [ageBand]
 * @property {string} [eulaUrl]
 * @property {PlatformRestriction[]} [platformRestrictions]
 */

/**
 * @param {unknown} body
 * @returns {{ value: CreateAgeVerificationInput } | { hints: Hint[] }}
 */
function parseCreateAgeVerification(body) {
	const notObject = requireObject(body);
	if (notObject) return notObject;
	const source = /** @type {Record<string, unknown>} */ (body);
	const parsed = parseFields(source, CREATE_FIELDS);
	const hints = 'hints' in parsed ? [...parsed.hints] : [];
	if (source.platformRestrictions !== undefined) hints.push(...restrictionHints(source.platformRestrictions, ['platformRestrictions']));
	if (source.method !== 'parent-connect') {
		for (const field of ['platformRestrictions', 'eulaUrl']) {
			if (source[field] !== undefined) hints.push({ code: 'custom', path: [field], message: `${field} is only valid when method is "parent-connect"` });
		}
	}
	if (hints.length > 0) return { hints };
	const value = /** @type {CreateAgeVerificationInput} */ ('value' in parsed ? parsed.value : {});
	if (source.platformRestrictions !== undefined) value.platformRestrictions = /** @type {PlatformRestriction[]} */ (structuredClone(source.platformRestrictions));
	return { value };
}

/**
 * @typedef {object} ParentConnectQuery
 * @property {number} limit
 * @property {string} [nextToken]
 * @property {string} [childSessionId]
 * @property {string} [status]
 */

/**
 * GET /v1/age-verification/parent-connect query: limit 1–100 (default 50), next_token, child_session_id,
 * status (enum). Empty parameters count as absent.
 * @param {Record<string, string>} query
 * @returns {{ value: ParentConnectQuery } | { hints: Hint[] }}
 */
function parseParentConnectQuery(query) {
	const get = (/** @type {string} */ name) => (query[name] === '' ? undefined : query[name]);
	/** @type {Hint[]} */
	const hints = [];
	/** @type {ParentConnectQuery} */
	const value = { limit: 50, nextToken: get('next_token'), childSessionId: get('child_session_id'), status: get('status') };
	const limit = get('limit');
	if (limit !== undefined) {
		const message = 'limit must be an integer between 1 and 100';
		if (!/^\d+$/.test(limit) || Number(limit) < 1 || Number(limit) > 100) hints.push({ code: 'invalid_type', expected: 'integer', path: ['limit'], message });
		else value.limit = Number(limit);
	}
	if (value.status !== undefined) {
		const bad = oneOf(STATUSES)(value.status, ['status']);
		if (bad) hints.push(bad);
	}
	return hints.length > 0 ? { hints } : { value };
}

module.exports = { parseCreateAgeVerification, parseParentConnectQuery, STATUSES };
