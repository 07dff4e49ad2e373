// @ts-check
'use strict';
// Session state changes in the live dataset, each firing its documented webhook event.
const { randomUUID } = require('node:crypto');
const { intFrom } = require('../core/ids');
const { iso, HOUR } = require('../core/time');
const { buildUser, buildRecord, completeRecord, failRecord } = require('./records');

/** @typedef {import('../core/state').SandboxState} SandboxState */
/** @typedef {import('../core/access').Identity} Identity */
/** @typedef {import('../core/store').StoredEntry} StoredEntry */
/** @typedef {import('../workflows/fixtures').WorkflowRecord} WorkflowRecord */
/** @typedef {import('./records').SessionRecord} SessionRecord */

/**
 * A change time strictly after the record's previous updated_at.
 * @param {SessionRecord} record
 */
const changeTime = (record) => Math.max(Date.now(), Date.parse(record.updated_at) + 1);

/**
 * Stores a new PENDING/PENDING session sent by the key's user, with a new applicant user.
 * @param {SandboxState} state
 * @param {Identity} identity
 * @param {import('./validation').CreateSessionInput} input
 * @param {WorkflowRecord | undefined} workflow
 */
function createSession(state, identity, input, workflow) {
	const now = Date.now();
	const applicant = buildUser(randomUUID(), input.first_name, input.last_name, input.email, input.phone, now);
	const record = buildRecord({
		id: randomUUID(),
		organizationId: identity.organization.id,
		applicant,
		senderId: identity.user.id,
		createdAt: now,
		status: 'PENDING',
		progress: 'PENDING',
		n: 0,
		workflow,
		externalId: input.external_id,
		redirectUrl: input.redirect_url,
	});
	if (input.expires_in_hours !== undefined) record.expires_at = iso(now + input.expires_in_hours * HOUR);
	const invites = { send_email_invite: input.send_email_invite ?? true, send_phone_invite: input.send_phone_invite ?? true };
	state.store.live.users.set(applicant.id, applicant);
	state.store.live.sessions.set(record.id, { record, invites });
	state.stats.created += 1;
	state.webhooks.emit('session.created', record);
	return record;
}

/**
 * Manual decision (update-status). Other fields, session_progress included, stay as they are.
 * @param {SandboxState} state
 * @param {SessionRecord} record
 * @param {'VERIFIED' | 'REJECTED'} status
 */
function decideSession(state, record, status) {
	record.status = status;
	record.updated_at = iso(changeTime(record));
	state.webhooks.emit(status === 'VERIFIED' ? 'session.status.verified' : 'session.status.rejected', record);
}

/**
 * The applicant finished: SUBMITTED/COMPLETED with full analysis (control route).
 * @param {SandboxState} state
 * @param {string} id
 */
function submitSession(state, id) {
	const record = state.store.live.sessions.get(id)?.record;
	if (!record) return undefined;
	const applicant = state.store.live.users.get(record.user_id) ?? { first_name: 'Jane', last_name: 'Doe' };
	record.status = 'SUBMITTED';
	completeRecord(record, applicant, intFrom(id), changeTime(record), true);
	state.webhooks.emit('session.status.submitted', record);
	return record;
}

/**
 * Failed-attempt limit reached: FAILED/COMPLETED with meta_data.failureData (control route).
 * @param {SandboxState} state
 * @param {string} id
 */
function failSession(state, id) {
	const record = state.store.live.sessions.get(id)?.record;
	if (!record) return undefined;
	failRecord(record, changeTime(record));
	state.webhooks.emit('session.status.failed', record);
	return record;
}

module.exports = { createSession, decideSession, submitSession, failSession };
