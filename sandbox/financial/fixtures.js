// @ts-check
'use strict';
// The bank statement and credit terms records, and the sandbox key's documented fixtures: bank statements
// `test_completed` and `test_pending` (D-sandbox). The OAS gives the record's fields but not the values of
// `status` and `type` or the shape of `Config` and `statement`; those below are the sandbox's own, marked so
// in the docs: status `pending` → `completed`, the create body's settings in `Config`, and a small parsed
// statement.

/**
 * A BankStatementRecord (OAS), also the shape of credit terms records.
 * @typedef {object} InvitedRecord
 * @property {string} id
 * @property {string} organizationId
 * @property {string} userId
 * @property {string} senderUserId
 * @property {string} createdAt
 * @property {string} updatedAt
 * @property {string} status
 * @property {string} type
 * @property {string} [externalId]
 * @property {Record<string, unknown>} Config
 * @property {Record<string, unknown>} [statement] Only when status is completed.
 */

/** The parsed statement the sandbox shows for a completed bank statement (its shape is undocumented). */
function sampleStatement(/** @type {string} */ period) {
	return {
		institution: 'Sandbox Bank',
		accountType: 'checking',
		currency: 'CAD',
		periodMonths: Number(period),
		averageMonthlyIncome: 5200,
		averageMonthlyExpenses: 3900,
		closingBalance: 8450.25,
	};
}

/**
 * @param {{ organizationId: string, senderUserId: string }} owner
 * @returns {InvitedRecord[]}
 */
function bankStatementFixtures({ organizationId, senderUserId }) {
	const at = '2025-01-06T10:00:00.000Z';
	const base = { organizationId, userId: 'test_user', senderUserId, createdAt: at, updatedAt: at, type: 'bank-statement' };
	const config = { email: 'jane.doe@example.com', firstName: 'Jane', lastName: 'Doe', phone: '+15192223333', period: '3' };
	return [
		{ id: 'test_completed', ...base, status: 'completed', Config: config, statement: sampleStatement('3') },
		{ id: 'test_pending', ...base, status: 'pending', Config: config },
	];
}

module.exports = { bankStatementFixtures, sampleStatement };
