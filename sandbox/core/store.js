// @ts-check
'use strict';
// Mutable state of one sandbox server: a live dataset (what the live key reads and writes, every
// organization) and the read-only sandbox-key fixtures. Both start from seed.js.
const { buildSeed } = require('../sessions/seed');
const { compareNewestFirst } = require('./paging');

/** @typedef {import('../internal').Dataset} Dataset */
/** @typedef {import('../internal').StoredEntry} StoredEntry */
/** @typedef {import('../types').SessionRecord} SessionRecord */

function createStore() {
	const seed = buildSeed();
	return {
		organization: seed.organization,
		keyUser: seed.keyUser,
		colleague: seed.colleague,
		live: toDataset(seed.live),
		sandbox: toDataset(seed.sandbox),
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
 * @returns {import('../types').StoredSession}
 */
function viewEntry(entry) {
	return { session_record: structuredClone(entry.record), invites: entry.invites && { ...entry.invites } };
}

module.exports = { createStore, sessionsNewestFirst, viewEntry };
