// @ts-check
'use strict';
// POST /v1/re-verifications — re-verify a returning customer against a verified session. 201 with a new
// PENDING re-verification, or 200 with the session's open one (`reused: true`). Ineligible sessions get 422
// `{error: <reason>}`. The docs name the reasons but not the rules behind them, nor their order; here:
//   type_not_allowed  the session's type is not `session` or `verification` (identity verification);
//   not_verified      its status is not VERIFIED;
//   reverify_disabled its workflow has re-verification turned off (seeded: "Age Check");
//   no_biometric      it holds no selfie or liveness capture (uploads selfie_front / faceliveness).
// How long a re-verification stays open is undocumented (option reVerificationTtlHours). The OAS types
// session_id as a uuid, but the documented sandbox ids are not uuids: any non-empty string is taken.
const { randomUUID } = require('node:crypto');
const { json, invalid, parseJsonBody } = require('../core/http');
const { nonEmptyString, requireObject } = require('../core/validation');
const { iso, HOUR } = require('../core/time');

/** @typedef {import('../core/router').ApiContext} ApiContext */
/** @typedef {import('./records').SessionRecord} SessionRecord */

/**
 * @typedef {object} ReVerification
 * @property {string} re_verification_id
 * @property {string} original_session_id
 * @property {string} status
 * @property {string} expires_at
 * @property {boolean} reused
 * @property {boolean} consent_required
 * @property {{ challenge_type: string }} liveness
 */

const ALLOWED_TYPES = ['session', 'verification'];

/** @param {string} reason */
const refuse = (reason) => json(422, { error: reason });

/** @param {ApiContext} ctx @param {SessionRecord} record @returns {string | undefined} */
function ineligibility(ctx, record) {
	if (!ALLOWED_TYPES.includes(record.type)) return 'type_not_allowed';
	if (record.status !== 'VERIFIED') return 'not_verified';
	if (record.workflow_id && ctx.data.workflows.get(record.workflow_id)?.reverifyDisabled) return 'reverify_disabled';
	if (!record.uploads?.selfie_front && !record.uploads?.faceliveness) return 'no_biometric';
	return undefined;
}

/** @param {ApiContext} ctx */
function createReVerification(ctx) {
	const body = parseJsonBody(ctx.request.body);
	if ('response' in body) return body.response;
	const notObject = requireObject(body.value);
	if (notObject) return invalid('Invalid request body', notObject.hints);
	const sessionId = /** @type {Record<string, unknown>} */ (body.value).session_id;
	const hint = nonEmptyString(sessionId, ['session_id']);
	if (hint) return invalid('Invalid request body', [hint]);

	const entry = ctx.data.sessions.get(/** @type {string} */ (sessionId));
	if (!entry || entry.record.organization_id !== ctx.identity.organization.id) return json(404, { error: 'not_found' });
	const reason = ineligibility(ctx, entry.record);
	if (reason) return refuse(reason);

	const now = Date.now();
	const open = ctx.data.reVerifications.get(entry.record.id);
	if (open && open.status === 'PENDING' && Date.parse(open.expires_at) > now) return json(200, { ...open, reused: true });
	const created = {
		re_verification_id: randomUUID(),
		original_session_id: entry.record.id,
		status: 'PENDING',
		expires_at: iso(now + ctx.state.options.reVerificationTtlHours * HOUR),
		reused: false,
		consent_required: true,
		liveness: { challenge_type: 'FaceMovementChallenge' },
	};
	ctx.data.reVerifications.set(entry.record.id, created);
	return json(201, created);
}

/** @type {import('../core/router').Route<ApiContext>[]} */
module.exports = [{ method: 'POST', path: '/v1/re-verifications', handler: createReVerification }];
