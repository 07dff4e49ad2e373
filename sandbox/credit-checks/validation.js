// @ts-check
'use strict';
// Request validation of POST /v1/credit-check/{hard|soft} (OAS CreateCreditCheckRequest): snake_case and
// camelCase accepted, camelCase wins; every problem reported as a Zod-style hint. `uatType` is a free
// string (OAS: "UAT scenario id", no values listed).
const { EMAIL, PHONE, nonEmptyString, matching, requireObject, boolean, httpsUrl, parseFields } = require('../core/validation');

/** @typedef {import('../core/validation').Hint} Hint */

const FIELDS = /** @type {const} */ ([
	['first_name', 'firstName', nonEmptyString, true],
	['last_name', 'lastName', nonEmptyString, true],
	['email', 'email', matching(EMAIL, 'email', 'Invalid email'), true],
	['phone', 'phone', matching(PHONE, 'regex', 'Phone number must be in E.164 format, e.g. +14155552671'), true],
	['external_id', 'externalId', nonEmptyString, false],
	['send_email_invite', 'sendEmailInvite', boolean, false],
	['send_phone_invite', 'sendPhoneInvite', boolean, false],
	['redirect_url', 'redirectUrl', httpsUrl, false],
	['uat', 'uat', boolean, false],
	['uat_type', 'uatType', nonEmptyString, false],
]);

/**
 * @typedef {object} CreateCreditCheckInput
 * @property {string} first_name
 * @property {string} last_name
 * @property {string} email
 * @property {string} phone
 * @property {string} [external_id]
 * @property {boolean} [send_email_invite]
 * @property {boolean} [send_phone_invite]
 * @property {string} [redirect_url]
 * @property {boolean} [uat]
 * @property {string} [uat_type]
 */

/**
 * @param {unknown} body
 * @returns {{ value: CreateCreditCheckInput } | { hints: Hint[] }}
 */
function parseCreateCreditCheck(body) {
	const notObject = requireObject(body);
	if (notObject) return notObject;
	const parsed = parseFields(/** @type {Record<string, unknown>} */ (body), FIELDS);
	return 'hints' in parsed ? parsed : { value: /** @type {CreateCreditCheckInput} */ (parsed.value) };
}

module.exports = { parseCreateCreditCheck };
