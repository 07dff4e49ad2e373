// @ts-check
'use strict';
// Request bodies of the screening routes (camelCase, as DeepIDV documents them), checked like the session
// routes: Zod-style hints, every problem reported, unknown fields ignored.
// Choices where the docs are silent or conflict:
//  - `email` of pep-sanctions and adverse-media is optional (newest OAS) unless `screeningEmail: 'required'`
//    (OAS-140 and the SDK);
//  - `dateOfBirth` must be YYYY-MM-DD and a real calendar date (what Zod's `.date()` checks);
//  - carrier checks take the looser documented phone form and read a bare 10-digit number as +1.
const { EMAIL, typeHint, nonEmptyString, matching, oneOf, requireObject } = require('../core/validation');

/** @typedef {import('../core/validation').Hint} Hint */
/** @typedef {import('../core/validation').Check} Check */

const CARRIER_PHONE = /^\+?[0-9()\-\s.]{7,20}$/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const COUNTRY = /^[A-Za-z]{2}$/;

/** @param {number} max @returns {Check} */
const text = (max) => (value, path) =>
	nonEmptyString(value, path) ??
	(String(value).length > max ? { code: 'too_big', maximum: max, type: 'string', path, message: `String must contain at most ${max} character(s)` } : null);

/** @type {Check} */
function isoDay(value, path) {
	const bad = nonEmptyString(value, path);
	if (bad) return bad;
	const match = ISO_DAY.exec(String(value));
	const [year, month, day] = match ? match.slice(1).map(Number) : [];
	const date = match ? new Date(Date.UTC(year, month - 1, day)) : null;
	const real = date !== null && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
	return real ? null : { code: 'invalid_string', validation: 'date', path, message: 'Invalid date, expected YYYY-MM-DD' };
}

const email = matching(EMAIL, 'email', 'Invalid email');
const country = matching(COUNTRY, 'regex', 'country must be an ISO 3166-1 alpha-2 code, e.g. GB');
const carrierPhone = matching(CARRIER_PHONE, 'regex', 'Invalid phone number');

/**
 * @param {unknown} body
 * @param {ReadonlyArray<readonly [string, Check, boolean]>} fields [name, check, required]
 * @returns {{ value: Record<string, any> } | { hints: Hint[] }}
 */
function parseFields(body, fields) {
	const notObject = requireObject(body);
	if (notObject) return notObject;
	const source = /** @type {Record<string, unknown>} */ (body);
	/** @type {Record<string, unknown>} */
	const value = {};
	/** @type {Hint[]} */
	const hints = [];
	for (const [name, check, required] of fields) {
		if (source[name] === undefined && !required) continue;
		const hint = check(source[name], [name]);
		if (hint) hints.push(hint);
		else value[name] = source[name];
	}
	return hints.length > 0 ? { hints } : { value };
}

/** @param {boolean} emailRequired */
const personFields = (emailRequired) =>
	/** @type {const} */ ([
		['firstName', text(255), true],
		['lastName', text(255), true],
		['dateOfBirth', isoDay, true],
		['email', email, emailRequired],
	]);

/**
 * POST /v1/screening/pep-sanctions
 * @param {unknown} body
 * @param {boolean} emailRequired
 */
function parsePepSanctions(body, emailRequired) {
	return parseFields(body, personFields(emailRequired));
}

/**
 * POST /v1/screening/adverse-media; `country` is case-insensitive and returned upper-case.
 * @param {unknown} body
 * @param {boolean} emailRequired
 */
function parseAdverseMedia(body, emailRequired) {
	const parsed = parseFields(body, [...personFields(emailRequired), ['country', country, false]]);
	if ('value' in parsed && parsed.value.country !== undefined) parsed.value.country = parsed.value.country.toUpperCase();
	return parsed;
}

/**
 * POST /v1/screening/title-check
 * @param {unknown} body
 */
function parseTitleCheck(body) {
	return parseFields(body, [
		['email', email, true],
		['firstName', text(255), true],
		['lastName', text(255), true],
		['address', text(500), true],
	]);
}

/**
 * Digits of a carrier-check phone with a leading +; a bare 10-digit number is North American (+1).
 * @param {string} phone
 */
function normalizeCarrierPhone(phone) {
	const digits = phone.replace(/\D/g, '');
	if (!phone.trim().startsWith('+') && digits.length === 10) return `+1${digits}`;
	return `+${digits}`;
}

const SENSITIVITIES = ['low', 'medium', 'high'];
const STRICTNESS = ['relaxed', 'medium', 'strict'];

/**
 * The carrier checks: `phone` or `sessionId` (at least one), optional applicant details, and each check's
 * own fields. `kind` is 'trust' | 'age_gate' | 'ownership'.
 * @param {unknown} body
 * @param {'trust' | 'age_gate' | 'ownership'} kind
 */
function parseCarrierCheck(body, kind) {
	/** @type {Array<readonly [string, Check, boolean]>} */
	const fields = [
		['phone', carrierPhone, false],
		['sessionId', nonEmptyString, false],
		['email', email, false],
		['firstName', text(255), false],
		['lastName', text(255), false],
	];
	if (kind === 'trust') fields.push(['sensitivity', oneOf(SENSITIVITIES), false]);
	if (kind === 'ownership') fields.push(['address', text(500), false], ['dateOfBirth', isoDay, false], ['strictness', oneOf(STRICTNESS), false]);
	const parsed = parseFields(body, fields);
	if ('hints' in parsed) return parsed;
	const input = parsed.value;
	/** @type {Hint[]} */
	const hints = [];
	if (input.phone === undefined && input.sessionId === undefined) {
		hints.push({ ...typeHint('string', undefined, ['phone']), message: 'Either phone or sessionId is required' });
	}
	if (kind === 'ownership' && input.sessionId === undefined && input.firstName === undefined && input.lastName === undefined) {
		hints.push({ code: 'custom', path: ['firstName'], message: 'firstName or lastName is required unless sessionId is given' });
	}
	if (hints.length > 0) return { hints };
	if (input.phone !== undefined) input.phone = normalizeCarrierPhone(input.phone);
	return { value: input };
}

module.exports = { parsePepSanctions, parseAdverseMedia, parseTitleCheck, parseCarrierCheck };
