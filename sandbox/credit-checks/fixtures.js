// @ts-check
'use strict';
// The sandbox key's credit checks (docs: sandbox.mdx, "Credit Checks"): four well-known IDs with the
// documented type, score, score status and overall risk; soft checks carry the score only, hard ones the
// insights too. The docs show no record: the other field names (status, insights, createdAt) are ours.
const { intFrom } = require('../core/ids');

/**
 * @typedef {object} CreditCheckRecord
 * @property {string} id
 * @property {'SOFT' | 'HARD'} type
 * @property {string} status
 * @property {number} score
 * @property {string} scoreStatus
 * @property {string} [overallRisk]
 * @property {{ summary: string, categories: Array<{ name: string, rating: string }> }} [insights]
 * @property {string} createdAt
 */

/**
 * @param {string} id
 * @param {'SOFT' | 'HARD'} type
 * @param {number} score
 * @param {string} scoreStatus
 * @param {string} [overallRisk]
 * @param {string} [summary]
 * @param {Array<[string, string]>} [categories]
 * @returns {CreditCheckRecord}
 */
function record(id, type, score, scoreStatus, overallRisk, summary, categories = []) {
	return {
		id,
		type,
		status: 'COMPLETED',
		score,
		scoreStatus,
		...(overallRisk !== undefined && { overallRisk }),
		...(summary !== undefined && { insights: { summary, categories: categories.map(([name, rating]) => ({ name, rating })) } }),
		createdAt: '2025-01-06T15:00:00.000Z',
	};
}

/** @type {readonly CreditCheckRecord[]} */
const FIXTURES = Object.freeze([
	record('test_soft_pass', 'SOFT', 741, 'FAIR'),
	record('test_hard_pass', 'HARD', 741, 'FAIR', 'LOW', 'Clean profile: excellent payment history and low utilization.', [
		['payment_history', 'EXCELLENT'],
		['utilization', 'LOW'],
	]),
	record('test_hard_review', 'HARD', 612, 'POOR', 'MEDIUM', 'Late payments, high utilization and a paid collection.', [
		['payment_history', 'LATE_PAYMENTS'],
		['utilization', 'HIGH'],
		['collections', 'PAID'],
	]),
	record('test_hard_high_risk', 'HARD', 480, 'HIGH_RISK', 'HIGH', 'Active consumer proposal, unpaid collections and a fraud alert.', [
		['public_records', 'CONSUMER_PROPOSAL'],
		['collections', 'UNPAID'],
		['fraud_alert', 'ACTIVE'],
	]),
]);

/**
 * A copy of a fixture, or for any other id (option sandboxUnknownId 'random') a record derived from it.
 * @param {string} id
 * @param {boolean} generate
 * @returns {CreditCheckRecord | undefined}
 */
function creditCheckFixture(id, generate) {
	const fixture = FIXTURES.find((candidate) => candidate.id === id);
	if (fixture) return structuredClone(fixture);
	if (!generate) return undefined;
	const n = intFrom(id);
	const score = 300 + (n % 601);
	return record(id, n % 2 === 0 ? 'SOFT' : 'HARD', score, score >= 700 ? 'FAIR' : score >= 560 ? 'POOR' : 'HIGH_RISK');
}

/** The four fixtures, as GET /v1/credit-checks lists them. */
const listCreditChecks = () => structuredClone([...FIXTURES]);

module.exports = { creditCheckFixture, listCreditChecks };
