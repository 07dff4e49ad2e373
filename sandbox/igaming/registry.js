// @ts-check
'use strict';
// One organization's anti-cheat enrollments and self-exclusion registry (docs: igaming/self-exclusion.mdx).
// Lifecycle: anti-cheat enrolls a face the first time it sees it (UNIQUE); a later session with the same face
// is a DUPLICATE of that first session, which keeps the enrollment; an operator excludes a face and/or a
// document number; a purge deletes a session's own enrollment but, as documented, not a registry entry.
// Faces are who an image shows (files/checks.js `faceOf`), so two photos of "ada" are the same face.
// Where the docs are silent:
//  - a document number is `invalid` when, trimmed and upper-cased, it is not 1–64 of A–Z, 0–9 and '-';
//  - registry entries are listed oldest first;
//  - a face exclusion is a registry entry of its own: it stays after a purge, and keeps blocking that face.
const { randomUUID } = require('node:crypto');
const { iso } = require('../core/time');

/**
 * @typedef {object} IdentityEntry
 * @property {string} document_number normalized
 * @property {string | null} reason
 * @property {string | null} added_by
 * @property {string | null} added_at
 * @property {string} [first_name]
 * @property {string} [last_name]
 * @property {string} [sourceSessionId] The session whose face was excluded with it (Exclude Applicant).
 */

/**
 * @typedef {object} FaceExclusion
 * @property {string} sessionId The session whose enrollment was excluded.
 * @property {string} face
 * @property {string | null} reason
 * @property {string} excludedAt
 */

/**
 * @typedef {object} Registry
 * @property {Map<string, IdentityEntry>} identities by normalized document number
 * @property {Map<string, { faceId: string, face: string }>} enrollments each session's own enrolled face
 * @property {Map<string, string>} faceOwners the session that enrolled a face, by face
 * @property {Map<string, string>} duplicates the enrollment a DUPLICATE session matched, by session id
 * @property {Map<string, FaceExclusion>} faceExclusions by the excluded session id
 * @property {Map<string, string>} devices the first session seen with a device fingerprint
 */

/** @returns {Registry} */
const emptyRegistry = () => ({ identities: new Map(), enrollments: new Map(), faceOwners: new Map(), duplicates: new Map(), faceExclusions: new Map(), devices: new Map() });

/**
 * @param {import('../core/store').Dataset} data
 * @param {string} organizationId
 * @returns {Registry}
 */
function registryOf(data, organizationId) {
	let registry = data.igaming.get(organizationId);
	if (!registry) data.igaming.set(organizationId, (registry = emptyRegistry()));
	return registry;
}

/** Trimmed and upper-cased (docs), or null when it cannot be a document number. @param {string} value */
function normalizeDocumentNumber(value) {
	const normalized = value.trim().toUpperCase();
	return /^[A-Z0-9-]{1,64}$/.test(normalized) ? normalized : null;
}

/**
 * @param {Registry} registry
 * @param {string} value as sent
 * @param {{ reason?: string, first_name?: string, last_name?: string, addedBy: string, sourceSessionId?: string }} details
 * @returns {{ document_number: string, status: 'added' | 'already_excluded' | 'invalid' }}
 */
function addIdentity(registry, value, details) {
	const normalized = normalizeDocumentNumber(value);
	if (!normalized) return { document_number: value.trim().toUpperCase(), status: 'invalid' };
	if (registry.identities.has(normalized)) return { document_number: normalized, status: 'already_excluded' };
	registry.identities.set(normalized, {
		document_number: normalized,
		reason: details.reason ?? null,
		added_by: details.addedBy,
		added_at: iso(Date.now()),
		...(details.first_name !== undefined && { first_name: details.first_name }),
		...(details.last_name !== undefined && { last_name: details.last_name }),
		...(details.sourceSessionId !== undefined && { sourceSessionId: details.sourceSessionId }),
	});
	return { document_number: normalized, status: 'added' };
}

/**
 * The enrollment a session's face exclusion acts on: its own, else the one it matched as a DUPLICATE.
 * @param {Registry} registry
 * @param {string} sessionId
 * @returns {string | undefined}
 */
function enrolledSessionFor(registry, sessionId) {
	if (registry.enrollments.has(sessionId)) return sessionId;
	const matched = registry.duplicates.get(sessionId);
	return matched !== undefined && registry.enrollments.has(matched) ? matched : undefined;
}

/**
 * @param {Registry} registry
 * @param {string} sessionId
 * @param {string | undefined} reason
 * @returns {{ excluded: true, session_id: string, matched_session_id?: string } | { excluded: false, reason: 'no_enrolled_face' }}
 */
function excludeFace(registry, sessionId, reason) {
	const target = enrolledSessionFor(registry, sessionId);
	const enrollment = target === undefined ? undefined : registry.enrollments.get(target);
	if (target === undefined || !enrollment) return { excluded: false, reason: 'no_enrolled_face' };
	if (!registry.faceExclusions.has(target)) {
		registry.faceExclusions.set(target, { sessionId: target, face: enrollment.face, reason: reason ?? null, excludedAt: iso(Date.now()) });
	}
	return { excluded: true, session_id: sessionId, ...(target !== sessionId && { matched_session_id: target }) };
}

/**
 * @param {Registry} registry
 * @param {string} sessionId
 * @returns {{ unexcluded: boolean, matched_session_id?: string }}
 */
function clearFace(registry, sessionId) {
	const target = registry.faceExclusions.has(sessionId) ? sessionId : enrolledSessionFor(registry, sessionId);
	if (target === undefined || !registry.faceExclusions.delete(target)) return { unexcluded: false };
	return { unexcluded: true, ...(target !== sessionId && { matched_session_id: target }) };
}

/**
 * @param {Registry} registry
 * @param {string} value the path's document number
 * @returns {{ removed: boolean, face_unexcluded: boolean }}
 */
function removeIdentity(registry, value) {
	const normalized = value.trim().toUpperCase();
	const entry = registry.identities.get(normalized);
	if (!entry) return { removed: false, face_unexcluded: false };
	registry.identities.delete(normalized);
	const faceUnexcluded = entry.sourceSessionId !== undefined && registry.faceExclusions.delete(entry.sourceSessionId);
	return { removed: true, face_unexcluded: faceUnexcluded };
}

/**
 * Deletes the session's own enrollment (no matched-session fallback, docs).
 * @param {Registry} registry
 * @param {string} sessionId
 * @returns {{ deleted: boolean, face_id: string | null }}
 */
function purgeEnrollment(registry, sessionId) {
	const enrollment = registry.enrollments.get(sessionId);
	if (!enrollment) return { deleted: false, face_id: null };
	registry.enrollments.delete(sessionId);
	if (registry.faceOwners.get(enrollment.face) === sessionId) registry.faceOwners.delete(enrollment.face);
	for (const [duplicate, original] of registry.duplicates) if (original === sessionId) registry.duplicates.delete(duplicate);
	return { deleted: true, face_id: enrollment.faceId };
}

/**
 * Enrolls a face for a session (anti-cheat's first sight).
 * @param {Registry} registry
 * @param {string} sessionId
 * @param {string} face
 */
function enroll(registry, sessionId, face) {
	registry.enrollments.set(sessionId, { faceId: randomUUID(), face });
	registry.faceOwners.set(face, sessionId);
}

/** Whether a face is on the registry. @param {Registry} registry @param {string} face */
const faceExcluded = (registry, face) => [...registry.faceExclusions.values()].some((exclusion) => exclusion.face === face);

/**
 * The registry as GET /v1/igaming/self-exclusion lists it: identity entries, then the face entries that no
 * identity entry links to, oldest first, cut at `limit`.
 * @param {Registry} registry
 * @param {number} limit
 */
function listEntries(registry, limit) {
	const linked = new Set([...registry.identities.values()].map((entry) => entry.sourceSessionId).filter((id) => id !== undefined));
	const entries = [
		...[...registry.identities.values()].map((entry) => {
			// The link to the face is the sandbox's own bookkeeping, not a field DeepIDV lists.
			const listed = /** @type {Partial<IdentityEntry>} */ ({ ...entry });
			delete listed.sourceSessionId;
			return { type: 'identity', ...listed };
		}),
		...[...registry.faceExclusions.values()]
			.filter((exclusion) => !linked.has(exclusion.sessionId))
			.map((exclusion) => ({ type: 'face', session_id: exclusion.sessionId, reason: exclusion.reason, excluded_at: exclusion.excludedAt })),
	];
	return { entries: entries.slice(0, limit), truncated: entries.length > limit };
}

module.exports = { registryOf, normalizeDocumentNumber, addIdentity, excludeFace, clearFace, removeIdentity, purgeEnrollment, enroll, faceExcluded, enrolledSessionFor, listEntries };
