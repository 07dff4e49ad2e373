// @ts-check
'use strict';
// The sessions DeepIDV's documented Sandbox API Key answers: five fixtures (one per status), run by the
// fixture workflow `test_workflow` (workflows/fixtures.js). The live organization gets its own, writable
// copies (see seed.js).
const { uuidFrom, intFrom } = require('../core/ids');
const { HOUR } = require('../core/time');
const { buildUser, buildRecord } = require('./records');

/** @typedef {import('./records').SessionRecord} SessionRecord */
/** @typedef {import('./records').User} User */
/** @typedef {import('../workflows/fixtures').WorkflowRecord} WorkflowRecord */

const FIXTURE_SESSIONS = [
	{ id: 'test_verified', status: 'VERIFIED', progress: 'COMPLETED', name: ['Ada', 'Lovelace'] },
	{ id: 'test_rejected', status: 'REJECTED', progress: 'COMPLETED', name: ['Brook', 'Mercer'] },
	{ id: 'test_submitted', status: 'SUBMITTED', progress: 'COMPLETED', name: ['Cyrus', 'Hale'] },
	{ id: 'test_pending', status: 'PENDING', progress: 'PENDING', name: ['Dana', 'Okafor'] },
	{ id: 'test_voided', status: 'VOIDED', progress: 'COMPLETED', name: ['Elle', 'Tanaka'] },
];

const FIXTURE_START = Date.UTC(2025, 2, 3, 15, 0, 0);

/**
 * Fresh copies of the fixture sessions and their applicants.
 * @param {string} organizationId
 * @param {string} senderId
 * @param {WorkflowRecord} workflow
 * @returns {{ record: SessionRecord, applicant: User }[]}
 */
function fixtureSessions(organizationId, senderId, workflow) {
	return FIXTURE_SESSIONS.map((fixture, n) => {
		const createdAt = FIXTURE_START + n * 24 * HOUR;
		const [first, last] = fixture.name;
		const applicant = buildUser(uuidFrom(`fixture-${fixture.id}`), first, last, `${first}.${last}@example.com`.toLowerCase(), `+1604555010${n}`, createdAt);
		const record = buildRecord({ id: fixture.id, organizationId, applicant, senderId, createdAt, status: fixture.status, progress: fixture.progress, n, workflow });
		return { record, applicant };
	});
}

/**
 * For `sandboxUnknownId: 'random'`: a record for any id, generated from a hash of the id
 * (so the same id always gives the same answer) in one of the five fixture states.
 * @param {string} id
 * @param {string} organizationId
 * @param {string} senderId
 * @param {WorkflowRecord} workflow
 */
function generatedSession(id, organizationId, senderId, workflow) {
	const n = intFrom(`generated-${id}`);
	const fixture = FIXTURE_SESSIONS[n % FIXTURE_SESSIONS.length];
	const createdAt = FIXTURE_START - (n % 90) * 24 * HOUR;
	const applicant = buildUser(uuidFrom(`generated-applicant-${id}`), 'Sam', 'Sample', 'sam.sample@example.com', '+16045550199', createdAt);
	const record = buildRecord({ id, organizationId, applicant, senderId, createdAt, status: fixture.status, progress: fixture.progress, n, workflow });
	return { record, applicant };
}

module.exports = { fixtureSessions, generatedSession };
