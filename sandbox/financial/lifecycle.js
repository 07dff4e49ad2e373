// @ts-check
'use strict';
// What happens to a bank statement or credit terms request outside the API: the applicant finishes it.
// Driven by the control routes and the Sandbox API, never by a DeepIDV API call.
const { iso } = require('../core/time');
const { sampleStatement } = require('./fixtures');

/** @typedef {import('../core/state').SandboxState} SandboxState */

/**
 * The applicant finished: status `completed`, with the sample statement for a bank statement. Sandbox
 * control, not DeepIDV API. Returns a copy, or undefined for an id no live record has.
 * @param {SandboxState} state @param {'bankStatements' | 'creditTerms'} store @param {string} id
 */
function completeRecord(state, store, id) {
	const record = state.store.live[store].get(id);
	if (!record) return undefined;
	record.status = 'completed';
	record.updatedAt = iso(Math.max(Date.now(), Date.parse(record.updatedAt) + 1));
	if (store === 'bankStatements') record.statement = sampleStatement(String(record.Config.period ?? '3'));
	return structuredClone(record);
}

module.exports = { completeRecord };
