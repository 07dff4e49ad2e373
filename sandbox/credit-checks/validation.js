// @ts-check
'use strict';
// Request validation of POST /v1/credit-check/{hard|soft} (OAS CreateCreditCheckRequest): snake_case and
// camelCase accepted, camelCase wins; every problem reported as a Zod-style hint. `uatType` is a free
// string (OAS: "UAT scenario id", no values listed).
const { INVITE_FIELDS, nonEmptyString, requireObject, boolean, parseFields } = require('../core/validation');

/** @typedef {import('../core/validation').Hint} Hint */

const FIELDS = [
	...INVITE_FIELDS,
	/** @type {const} */ (['uat', 'uat', boolean, false]),
	/** @type {const} */ (['uat_type', 'uatType', nonEmptyString, false]),
];

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
