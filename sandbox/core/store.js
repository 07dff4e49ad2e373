// @ts-check
'use strict';
// Mutable state of one sandbox server: a live dataset (what the live key reads and writes, every
// organization) and the read-only sandbox-key fixtures. Both start from sessions/seed.js.
const { buildSeed } = require('../sessions/seed');
const { compareNewestFirst } = require('./paging');
const { bankStatementFixtures } = require('../financial/fixtures');

/** @typedef {import('../sessions/records').SessionRecord} SessionRecord */
/** @typedef {import('../sessions/records').InviteFlags} InviteFlags */
/** @typedef {import('../sessions/re-verifications').ReVerification} ReVerification */
/** @typedef {import('../sessions/records').User} User */
/** @typedef {import('../workflows/fixtures').WorkflowRecord} WorkflowRecord */
/** @typedef {import('../financial/fixtures').InvitedRecord} InvitedRecord */
/** @typedef {import('../profiles/routes').Profile} Profile */
/** @typedef {import('../aml/routes').AmlData} AmlData */

/**
 * What `getSession` / `listSessions` return: the record plus sandbox-side data.
 * @typedef {object} StoredSession
 * @property {SessionRecord} session_record
 * @property {InviteFlags | null} invites null for seeded sessions and those added with `addSession`.
 */

/** @typedef {{ record: SessionRecord, invites: InviteFlags | null }} StoredEntry */

/**
 * @typedef {object} Dataset
 * @property {Map<string, User>} users
 * @property {Map<string, WorkflowRecord>} workflows
 * @property {Map<string, StoredEntry>} sessions
 * @property {Map<string, ReVerification>} reVerifications The latest re-verification of each session, by original session id.
 * @property {Map<string, InvitedRecord>} bankStatements Bank statement requests (/v1/financial), by id.
 * @property {Map<string, InvitedRecord>} creditTerms Credit terms requests (/v1/credit-terms), by id.
 * @property {Map<string, Profile>} profiles Branding profiles, by id.
 * @property {Map<string, import('../igaming/registry').Registry>} igaming Each organization's anti-cheat enrollments and self-exclusion registry, by organization id.
 * @property {AmlData} aml AML transactions, subjects, monitored users and quota use.
 */

function createStore() {
	const seed = buildSeed();
	const sandbox = toDataset(seed.sandbox);
	// The sandbox key's documented bank statement fixtures (the live key starts with none).
	for (const record of bankStatementFixtures({ organizationId: seed.organization.id, senderUserId: seed.keyUser.id })) sandbox.bankStatements.set(record.id, record);
	// The subject of DeepIDV's AML examples, so the sandbox key can enrol a subject that exists.
	sandbox.aml.subjects.set('cust-8821', { first_name: 'Jane', last_name: 'Chen', country: 'XX' });
	return {
		organization: seed.organization,
		keyUser: seed.keyUser,
		colleague: seed.colleague,
		live: toDataset(seed.live),
		sandbox,
	};
}

/**
 * @param {import('../sessions/seed').SeedDataset} seed
 * @returns {Dataset}
 */
function toDataset(seed) {
	return {
		users: new Map(seed.users.map((user) => [user.id, user])),
		workflows: new Map(seed.workflows.map((workflow) => [workflow.id, workflow])),
		sessions: new Map(seed.sessions.map((record) => [record.id, { record, invites: null }])),
		reVerifications: new Map(),
		bankStatements: new Map(),
		creditTerms: new Map(),
		profiles: new Map(),
		igaming: new Map(),
		aml: { transactions: new Map(), subjects: new Map(), monitored: new Map(), used: new Map() },
	};
}

/**
 * Records of a dataset that pass the filter, newest first.
 * @param {Dataset} data
 * @param {(record: SessionRecord) => boolean} [keep]
 */
function sessionsNewestFirst(data, keep = () => true) {
	return [...data.sessions.values()].map((entry) => entry.record).filter(keep).sort(compareNewestFirst);
}

/**
 * A detached copy for callers outside the server.
 * @param {StoredEntry} entry
 * @returns {StoredSession}
 */
function viewEntry(entry) {
	return { session_record: structuredClone(entry.record), invites: entry.invites && { ...entry.invites } };
}

module.exports = { createStore, sessionsNewestFirst, viewEntry };
