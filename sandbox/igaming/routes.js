// @ts-check
'use strict';
// DeepIDV's iGaming routes (docs: igaming/*.mdx, api-reference/igaming/*.mdx; OAS):
//   POST   /v1/igaming/injection                 { session_id, device_integrity?, media_source?, frame_timing? }
//   POST   /v1/igaming/vpn-detection             { session_id, ip_address }
//   POST   /v1/igaming/ip-jurisdiction           { session_id, ip_address }
//   POST   /v1/igaming/anti-cheat                { session_id, image (base64 JPEG/PNG), device_fingerprint? }
//   DELETE /v1/igaming/anti-cheat/{session_id}   purge the session's own enrollment → { deleted, face_id }
//   GET    /v1/igaming/self-exclusion?limit=     → { entries, truncated }
//   POST   /v1/igaming/self-exclusion/identity   { document_number | document_numbers, reason?, first_name?, last_name? }
//   DELETE /v1/igaming/self-exclusion/identity/{document_number} → { removed, face_unexcluded }
//   POST   /v1/igaming/self-exclusion/face       { session_id, reason? } → { excluded, session_id?, reason?, matched_session_id? }
//   DELETE /v1/igaming/self-exclusion/face/{session_id} → { unexcluded, matched_session_id? }
//   POST   /v1/igaming/self-exclusion/applicant  { session_id, reason? } → { face_attached, document_number, identity_status?, matched_session_id?, message? }
// The four checks fail soft: a body that fails the schema is a 400, an unknown session (or one of another
// organization) a 404, and everything else 200 — UNAVAILABLE / allow when the step is not configured (option
// igamingStepsConfigured) or the input cannot be used. `block` marks the session FAILED/COMPLETED and sends
// session.status.failed, as a failed session does. The management routes document no 404 (only Exclude
// Applicant does); the others answer an unknown session as having nothing enrolled. Nothing here is billed:
// the docs do not price these calls. The sandbox key gets the same answers but never changes a fixture's status.
//
// Anti-cheat, in order: an image that is not base64 JPEG/PNG or shows no face → UNAVAILABLE / allow; the
// session's scanned document number on the registry, or a face matching an excluded face → SELF_EXCLUSION /
// block; a face another session enrolled → DUPLICATE / manual-review; a new face → enrolled, UNIQUE, and
// allow — or flag when its device fingerprint was first seen on another session (multi-accounting signal).
// Running it again for the session that enrolled the face answers UNIQUE / allow.
const { json, error, invalid, parseJsonBody } = require('../core/http');
const { iso } = require('../core/time');
const { factsOf } = require('../files/images');
const { faceOf } = require('../files/checks');
const validation = require('./validation');
const fixtures = require('./fixtures');
const registry = require('./registry');

/** @typedef {import('../core/router').ApiContext} ApiContext */
/** @typedef {import('../core/http').ApiResponse} ApiResponse */
/** @typedef {import('../sessions/records').SessionRecord} SessionRecord */

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const NOT_FOUND = 'Session not found';

/**
 * The body, parsed with `parse`; or the 400.
 * @template T
 * @param {ApiContext} ctx
 * @param {(body: unknown) => { value: T } | { hints: import('../core/validation').Hint[] }} parse
 * @returns {{ value: T } | { response: ApiResponse }}
 */
function readBody(ctx, parse) {
	const body = parseJsonBody(ctx.request.body);
	if ('response' in body) return body;
	const parsed = parse(body.value);
	return 'hints' in parsed ? { response: invalid('Invalid request body', parsed.hints) } : parsed;
}

/** The organization's session with this id. @param {ApiContext} ctx @param {string} id @returns {SessionRecord | undefined} */
function sessionOf(ctx, id) {
	const record = ctx.data.sessions.get(id)?.record;
	return record && record.organization_id === ctx.identity.organization.id ? record : undefined;
}

/** @param {ApiContext} ctx */
const registryOf = (ctx) => registry.registryOf(ctx.data, ctx.identity.organization.id);

/**
 * `block` fails the session (docs); the sandbox key's fixtures stay as they are.
 * @param {ApiContext} ctx @param {SessionRecord} record @param {string} action
 */
function enforce(ctx, record, action) {
	if (action !== 'block' || ctx.identity.mode === 'sandbox' || record.status === 'FAILED') return;
	record.status = 'FAILED';
	record.session_progress = 'COMPLETED';
	record.updated_at = iso(Math.max(Date.now(), Date.parse(record.updated_at) + 1));
	ctx.state.webhooks.emit('session.status.failed', record);
}

/**
 * Runs one of the four checks: the body, the session, then `check` unless the step is not configured.
 * @template {{ action: string }} A
 * @template {{ session_id: string }} B
 * @param {ApiContext} ctx
 * @param {(body: unknown) => { value: B } | { hints: import('../core/validation').Hint[] }} parse
 * @param {A} unavailable
 * @param {(body: B, record: SessionRecord) => A} check
 */
function runCheck(ctx, parse, unavailable, check) {
	const body = readBody(ctx, parse);
	if ('response' in body) return body.response;
	const record = sessionOf(ctx, body.value.session_id);
	if (!record) return error(404, NOT_FOUND);
	const answer = ctx.state.options.igamingStepsConfigured ? check(body.value, record) : unavailable;
	enforce(ctx, record, answer.action);
	return json(200, answer);
}

/** @param {ApiContext} ctx */
const vpnDetection = (ctx) => runCheck(ctx, validation.parseIpCheck, fixtures.UNAVAILABLE_IP, (body) => fixtures.vpnDetection(body.ip_address));
/** @param {ApiContext} ctx */
const ipJurisdiction = (ctx) => runCheck(ctx, validation.parseIpCheck, fixtures.UNAVAILABLE_IP, (body) => fixtures.ipJurisdiction(body.ip_address));
/** @param {ApiContext} ctx */
const injection = (ctx) =>
	runCheck(ctx, validation.parseInjection, { verdict: 'UNAVAILABLE', action: 'allow', confidence: null, escalation: null }, (body) => fixtures.injection(body.groups));

/**
 * The document number OCR'd on the session (its ID analysis), if any.
 * @param {SessionRecord} record
 * @returns {string | undefined}
 */
function scannedDocumentNumber(record) {
	const analysis = /** @type {{ id_analysis_data?: { id_extracted_text?: Array<{ type: string, value: string }> } } | undefined} */ (record.analysis_data);
	const value = analysis?.id_analysis_data?.id_extracted_text?.find((field) => field.type === 'DOCUMENT_NUMBER')?.value;
	return typeof value === 'string' && value.trim() !== '' ? value.trim().toUpperCase() : undefined;
}

/** The face in a base64 JPEG/PNG, or null when there is none to use. @param {string} image */
function faceIn(image) {
	if (!BASE64.test(image)) return null;
	const facts = factsOf(Buffer.from(image, 'base64'));
	if (facts.format !== 'image/jpeg' && facts.format !== 'image/png') return null;
	return faceOf(facts);
}

/** @param {ApiContext} ctx */
const antiCheat = (ctx) =>
	runCheck(ctx, validation.parseAntiCheat, { verdict: 'UNAVAILABLE', action: 'allow' }, (body, record) => {
		const face = faceIn(body.image);
		if (face === null) return { verdict: 'UNAVAILABLE', action: 'allow' };
		const own = registryOf(ctx);
		const documentNumber = scannedDocumentNumber(record);
		if ((documentNumber !== undefined && own.identities.has(documentNumber)) || registry.faceExcluded(own, face)) return { verdict: 'SELF_EXCLUSION', action: 'block' };
		const owner = own.faceOwners.get(face);
		if (owner !== undefined && owner !== record.id) {
			own.duplicates.set(record.id, owner);
			return { verdict: 'DUPLICATE', action: 'manual-review' };
		}
		if (owner === undefined) registry.enroll(own, record.id, face);
		const fingerprint = body.device_fingerprint;
		const firstOnDevice = fingerprint === undefined ? undefined : own.devices.get(fingerprint);
		if (fingerprint !== undefined && firstOnDevice === undefined) own.devices.set(fingerprint, record.id);
		return { verdict: 'UNIQUE', action: firstOnDevice !== undefined && firstOnDevice !== record.id ? 'flag' : 'allow' };
	});

/** @param {ApiContext} ctx */
function purgeEnrollment(ctx) {
	return json(200, registry.purgeEnrollment(registryOf(ctx), ctx.params.session_id));
}

/** @param {ApiContext} ctx */
function listRegistry(ctx) {
	const limit = validation.parseRegistryLimit(ctx.request.query);
	if ('hints' in limit) return invalid('Invalid query parameters', limit.hints);
	return json(200, registry.listEntries(registryOf(ctx), limit.value));
}

/** @param {ApiContext} ctx */
function addIdentity(ctx) {
	const body = readBody(ctx, validation.parseAddIdentity);
	if ('response' in body) return body.response;
	const { numbers, ...details } = body.value;
	const own = registryOf(ctx);
	return json(200, { excluded: numbers.map((number) => registry.addIdentity(own, number, { ...details, addedBy: ctx.identity.user.id })) });
}

/** @param {ApiContext} ctx */
function removeIdentity(ctx) {
	const number = ctx.params.document_number;
	if (number.trim() === '') return invalid('Invalid path parameters', [{ code: 'too_small', minimum: 1, type: 'string', path: ['document_number'], message: 'String must contain at least 1 character(s)' }]);
	return json(200, registry.removeIdentity(registryOf(ctx), number));
}

/** @param {ApiContext} ctx */
function excludeFace(ctx) {
	const body = readBody(ctx, validation.parseSessionExclusion);
	if ('response' in body) return body.response;
	return json(200, registry.excludeFace(registryOf(ctx), body.value.session_id, body.value.reason));
}

/** @param {ApiContext} ctx */
function clearFace(ctx) {
	return json(200, registry.clearFace(registryOf(ctx), ctx.params.session_id));
}

/** @param {ApiContext} ctx */
function excludeApplicant(ctx) {
	const body = readBody(ctx, validation.parseSessionExclusion);
	if ('response' in body) return body.response;
	const { session_id: sessionId, reason } = body.value;
	const record = sessionOf(ctx, sessionId);
	if (!record) return error(404, NOT_FOUND);
	const own = registryOf(ctx);
	const face = registry.excludeFace(own, sessionId, reason);
	const faceSession = face.excluded ? (face.matched_session_id ?? sessionId) : undefined;
	const documentNumber = scannedDocumentNumber(record);
	if (!face.excluded && documentNumber === undefined) return json(200, { face_attached: false, document_number: null, message: 'nothing to exclude for this session' });
	const matched = face.excluded && face.matched_session_id !== undefined ? { matched_session_id: face.matched_session_id } : {};
	if (documentNumber === undefined) return json(200, { face_attached: face.excluded, document_number: null, ...matched });
	const identity = registry.addIdentity(own, documentNumber, { ...(reason !== undefined && { reason }), addedBy: ctx.identity.user.id, ...(faceSession !== undefined && { sourceSessionId: faceSession }) });
	return json(200, { face_attached: face.excluded, document_number: identity.document_number, identity_status: identity.status, ...matched });
}

/** @type {import('../core/router').Route<ApiContext>[]} */
module.exports = [
	{ method: 'POST', path: '/v1/igaming/injection', handler: injection },
	{ method: 'POST', path: '/v1/igaming/vpn-detection', handler: vpnDetection },
	{ method: 'POST', path: '/v1/igaming/ip-jurisdiction', handler: ipJurisdiction },
	{ method: 'POST', path: '/v1/igaming/anti-cheat', handler: antiCheat },
	{ method: 'DELETE', path: '/v1/igaming/anti-cheat/:session_id', handler: purgeEnrollment },
	{ method: 'GET', path: '/v1/igaming/self-exclusion', handler: listRegistry },
	{ method: 'POST', path: '/v1/igaming/self-exclusion/identity', handler: addIdentity },
	{ method: 'DELETE', path: '/v1/igaming/self-exclusion/identity/:document_number', handler: removeIdentity },
	{ method: 'POST', path: '/v1/igaming/self-exclusion/face', handler: excludeFace },
	{ method: 'DELETE', path: '/v1/igaming/self-exclusion/face/:session_id', handler: clearFace },
	{ method: 'POST', path: '/v1/igaming/self-exclusion/applicant', handler: excludeApplicant },
];
