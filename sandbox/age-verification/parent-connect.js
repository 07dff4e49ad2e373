// @ts-check
'use strict';
// Parent Connect requests: one per parent-connect age verification, newest first, and the seed every server
// starts with. Documented behaviour kept here: the list reads `limit` requests and only then applies the
// `status` filter, so a page can be short or empty while next_token is not null (OAS); `child_session_id`
// narrows the list before that. A request has no id until the child starts the flow (OAS); the control route
// that records consent gives it one, mints the child's attestation and fires parent_connect.consent_given.
const { randomUUID } = require('node:crypto');
const { uuidFrom } = require('../core/ids');
const { iso, HOUR } = require('../core/time');

/** @typedef {import('./validation').PlatformRestriction} PlatformRestriction */

/**
 * OAS ParentConnectRequest.
 * @typedef {object} ParentConnectRecord
 * @property {string | null} id
 * @property {string} child_session_id
 * @property {string | null} parent_session_id
 * @property {string} status
 * @property {string | null} age_band
 * @property {string | null} contact_method
 * @property {PlatformRestriction[]} platform_restrictions
 * @property {Record<string, unknown> | null} boundaries
 * @property {string | null} eula_url
 * @property {boolean} eula_accepted
 * @property {string | null} child_attestation_id
 * @property {string | null} parent_attestation_id
 * @property {number | null} boundaries_revision
 * @property {string | null} consent_given_at
 * @property {string | null} consent_expires_at
 * @property {string | null} reconsent_due_at
 * @property {string | null} invite_expires_at
 * @property {string | null} declined_at
 * @property {string} created_at
 * @property {string} updated_at
 */

const YEAR = 365 * 24 * HOUR;
const SEED_START = Date.parse('2025-01-06T12:00:00.000Z');
/** Seeded requests, and where the CONSENT_GIVEN ones are: with full pages of 100 the first page holds two,
 * the second none, the third one (the last has boundaries a parent edited since consenting). */
const SEED_COUNT = 230;
const CONSENTED = [3, 97, 215];
const OTHER_STATUSES = ['PENDING', 'PARENT_INVITED', 'PARENT_VERIFIED', 'EXPIRED', 'DECLINED'];
const SEED_RESTRICTIONS = /** @type {PlatformRestriction[]} */ ([
	{ key: 'chat_enabled', label: 'Allow chat', type: 'toggle', category: 'feature', default: false },
	{ key: 'daily_minutes', label: 'Daily play time', type: 'minutes', category: 'content', default: 60, min: 0, max: 240 },
]);

/**
 * A new request, as DeepIDV records it when the age verification is created.
 * @param {{ childSessionId: string, createdAt: number, ageBand?: string, eulaUrl?: string, restrictions?: PlatformRestriction[], inviteExpiresAt?: string | null }} input
 * @returns {ParentConnectRecord}
 */
function newRequest({ childSessionId, createdAt, ageBand, eulaUrl, restrictions = [], inviteExpiresAt = null }) {
	return {
		id: null,
		child_session_id: childSessionId,
		parent_session_id: null,
		status: 'PENDING',
		age_band: ageBand ?? null,
		contact_method: null,
		platform_restrictions: structuredClone(restrictions),
		boundaries: null,
		eula_url: eulaUrl ?? null,
		eula_accepted: false,
		child_attestation_id: null,
		parent_attestation_id: null,
		boundaries_revision: null,
		consent_given_at: null,
		consent_expires_at: null,
		reconsent_due_at: null,
		invite_expires_at: inviteExpiresAt,
		declined_at: null,
		created_at: iso(createdAt),
		updated_at: iso(createdAt),
	};
}

/**
 * The parent consented: the request gets its id (if it had none), the parent's session, the boundaries
 * (the declared defaults, overridden by `chosen`), and the child's and parent's attestations.
 * @param {ParentConnectRecord} request
 * @param {Record<string, unknown>} chosen
 * @param {number} at
 */
function recordConsent(request, chosen, at) {
	const label = request.child_session_id;
	request.id ??= randomUUID();
	request.parent_session_id ??= uuidFrom(`parent-session:${label}`);
	request.status = 'CONSENT_GIVEN';
	request.contact_method ??= 'email';
	request.boundaries = { ...Object.fromEntries(request.platform_restrictions.map((r) => [r.key, r.default ?? null])), ...chosen };
	request.eula_accepted = request.eula_url !== null;
	request.child_attestation_id = `att_${uuidFrom(`child-attestation:${label}`).replace(/-/g, '').slice(0, 24)}`;
	request.parent_attestation_id = `att_${uuidFrom(`parent-attestation:${label}`).replace(/-/g, '').slice(0, 24)}`;
	request.boundaries_revision = 1;
	request.consent_given_at = iso(at);
	request.consent_expires_at = iso(at + YEAR);
	request.reconsent_due_at = iso(at + YEAR - 30 * 24 * HOUR);
	request.updated_at = iso(Math.max(at, Date.parse(request.updated_at) + 1));
}

/** The seeded requests, newest first: the same on every server. @returns {ParentConnectRecord[]} */
function seedParentConnects() {
	return Array.from({ length: SEED_COUNT }, (_, n) => {
		const createdAt = SEED_START - n * HOUR;
		const request = newRequest({ childSessionId: uuidFrom(`parent-connect-child:${n}`), createdAt, ageBand: '13-15', restrictions: SEED_RESTRICTIONS });
		request.id = uuidFrom(`parent-connect:${n}`);
		request.contact_method = 'email';
		if (CONSENTED.includes(n)) {
			recordConsent(request, { daily_minutes: 90 }, createdAt + HOUR / 2);
			if (n === CONSENTED[CONSENTED.length - 1]) {
				request.boundaries = { chat_enabled: true, daily_minutes: 45 };
				request.boundaries_revision = 2;
			}
		} else {
			request.status = OTHER_STATUSES[n % OTHER_STATUSES.length];
			if (request.status === 'DECLINED') request.declined_at = iso(createdAt + HOUR / 2);
			request.updated_at = iso(createdAt + HOUR / 2);
		}
		return request;
	});
}

/** @param {ParentConnectRecord} a @param {ParentConnectRecord} b */
function newestFirst(a, b) {
	const byTime = Date.parse(b.created_at) - Date.parse(a.created_at);
	if (byTime !== 0) return byTime;
	return a.child_session_id < b.child_session_id ? 1 : a.child_session_id > b.child_session_id ? -1 : 0;
}

/** @param {ParentConnectRecord} last */
const encodeToken = (last) => Buffer.from(JSON.stringify({ created_at: last.created_at, child_session_id: last.child_session_id })).toString('base64');

/**
 * @param {string} token
 * @returns {{ created_at: string, child_session_id: string } | null}
 */
function decodeToken(token) {
	const bytes = Buffer.from(token, 'base64');
	if (bytes.length === 0 || bytes.toString('base64') !== token) return null;
	try {
		const value = JSON.parse(bytes.toString('utf8'));
		return typeof value?.created_at === 'string' && typeof value.child_session_id === 'string' ? value : null;
	} catch {
		return null;
	}
}

/**
 * One page: `limit` requests after the token (of those of `childSessionId`, when given), then filtered by status.
 * @param {ParentConnectRecord[]} requests
 * @param {import('./validation').ParentConnectQuery} query
 * @returns {{ page: { parent_connect_requests: ParentConnectRecord[], next_token: string | null } } | { badToken: true }}
 */
function listPage(requests, query) {
	const sorted = requests.filter((r) => query.childSessionId === undefined || r.child_session_id === query.childSessionId).sort(newestFirst);
	let start = 0;
	if (query.nextToken !== undefined) {
		const after = decodeToken(query.nextToken);
		if (!after) return { badToken: true };
		start = sorted.findIndex((r) => newestFirst(r, /** @type {ParentConnectRecord} */ (after)) > 0);
		if (start === -1) start = sorted.length;
	}
	const read = sorted.slice(start, start + query.limit);
	const more = start + query.limit < sorted.length;
	const matching = read.filter((r) => query.status === undefined || r.status === query.status);
	return { page: { parent_connect_requests: structuredClone(matching), next_token: more ? encodeToken(read[read.length - 1]) : null } };
}

/**
 * OAS BoundariesResponse of a request whose child attestation has been minted.
 * @param {ParentConnectRecord} r
 */
function boundariesOf(r) {
	const revision = r.boundaries_revision ?? 1;
	return {
		child_attestation_id: r.child_attestation_id,
		parent_attestation_id: r.parent_attestation_id,
		parent_connect_id: r.id,
		age_band: r.age_band,
		parental_consent: r.status === 'CONSENT_GIVEN',
		eula_accepted: r.eula_accepted,
		boundaries: structuredClone(r.boundaries ?? {}),
		boundaries_revision: revision,
		boundaries_match_attestation: revision === 1,
		consent_expires_at: r.consent_expires_at,
		updated_at: r.updated_at,
	};
}

module.exports = { newRequest, recordConsent, seedParentConnects, listPage, boundariesOf };

/**
 * The parent of the child of age verification `childSessionId` consented (control route): records it and
 * fires parent_connect.consent_given with the request. Undefined when no such request exists.
 * @param {import('../core/state').SandboxState} state
 * @param {string} childSessionId
 * @param {Record<string, unknown>} [chosen] the parent's choices; the declared defaults otherwise
 */
function consentParentConnect(state, childSessionId, chosen = {}) {
	const request = state.ageVerification.parentConnects.find((r) => r.child_session_id === childSessionId);
	if (!request) return undefined;
	recordConsent(request, chosen, Date.now());
	state.webhooks.emit('parent_connect.consent_given', request);
	return request;
}

module.exports.consentParentConnect = consentParentConnect;
