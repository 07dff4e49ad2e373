// @ts-check
'use strict';
// Bodies of POST /v1/financial and POST /v1/credit-terms, camelCase as the OAS documents them, checked with
// Zod-style hints (core/validation.js): every problem is reported. Unknown fields are ignored.
const { EMAIL, typeHint, nonEmptyString, matching, oneOf, requireObject } = require('../core/validation');

/** @typedef {import('../core/validation').Hint} Hint */
/** @typedef {import('../core/validation').Check} Check */

const PHONE = /^\+[1-9]\d{9,14}$/;

/** @type {Check} */
const boolean = (value, path) => (typeof value === 'boolean' ? null : typeHint('boolean', value, path));

/** @type {Check} */
function nonNegativeNumber(value, path) {
	if (typeof value !== 'number' || !Number.isFinite(value)) return typeHint('number', value, path);
	return value < 0 ? { code: 'too_small', minimum: 0, type: 'number', inclusive: true, path, message: 'Number must be greater than or equal to 0' } : null;
}

const email = matching(EMAIL, 'email', 'Invalid email');

/** POST /v1/financial: [field, check, required]; `period` defaults to "3". */
const BANK_STATEMENT_FIELDS = /** @type {const} */ ([
	['email', email, true],
	['firstName', nonEmptyString, true],
	['lastName', nonEmptyString, true],
	['phone', matching(PHONE, 'regex', 'Phone number must be in E.164 format, e.g. +14155552671'), true],
	['period', oneOf(['3', '6', '9']), false],
	['externalId', nonEmptyString, false],
	['sendEmailInvite', boolean, false],
	['sendPhoneInvite', boolean, false],
]);

/** POST /v1/credit-terms: [field, check, required]; `requestedCreditPeriod` defaults to "30". */
const CREDIT_TERMS_FIELDS = /** @type {const} */ ([
	['firstName', nonEmptyString, true],
	['lastName', nonEmptyString, true],
	['businessName', nonEmptyString, true],
	['businessEmail', email, true],
	['businessAddress', nonEmptyString, true],
	['requestedCreditAmount', nonNegativeNumber, true],
	['requestedCreditPeriod', oneOf(['30', '60', '90']), false],
	['externalId', nonEmptyString, false],
	['sendEmailInvite', boolean, false],
]);

/**
 * @param {readonly (readonly [string, Check, boolean])[]} fields
 * @param {unknown} body
 * @returns {{ value: Record<string, unknown> } | { hints: Hint[] }} only the documented fields that were given
 */
function parseFields(fields, body) {
	const notObject = requireObject(body);
	if (notObject) return notObject;
	const source = /** @type {Record<string, unknown>} */ (body);
	/** @type {Hint[]} */
	const hints = [];
	/** @type {Record<string, unknown>} */
	const value = {};
	for (const [name, check, required] of fields) {
		if (source[name] === undefined) {
			if (required) hints.push(typeHint(check === nonNegativeNumber ? 'number' : 'string', undefined, [name]));
			continue;
		}
		const hint = check(source[name], [name]);
		if (hint) hints.push(hint);
		else value[name] = source[name];
	}
	return hints.length > 0 ? { hints } : { value };
}

/** @param {unknown} body */
const parseCreateBankStatement = (body) => parseFields(BANK_STATEMENT_FIELDS, body);
/** @param {unknown} body */
const parseCreateCreditTerms = (body) => parseFields(CREDIT_TERMS_FIELDS, body);

module.exports = { parseCreateBankStatement, parseCreateCreditTerms };
