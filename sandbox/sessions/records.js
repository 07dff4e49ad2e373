// @ts-check
'use strict';
// Builders for realistic session records. Field names and nesting follow DeepIDV's retrieve-session and
// webhook event docs; the values are made up but deterministic (driven by the variation number `n`).
const { MINUTE, HOUR, iso } = require('../core/time');

/** @typedef {import('../workflows/fixtures').WorkflowRecord} WorkflowRecord */

/**
 * Session record as DeepIDV returns it (snake_case; `status`, `type`, `session_progress` are open strings).
 * @typedef {object} SessionRecord
 * @property {string} id
 * @property {string} organization_id
 * @property {string} user_id
 * @property {string} sender_user_id
 * @property {string} created_at
 * @property {string} updated_at
 * @property {string} status
 * @property {string} type
 * @property {string} session_progress
 * @property {string} [external_id]
 * @property {string} [workflow_id]
 * @property {string} [submitted_at]
 * @property {string} [redirect_url]
 * @property {string} [expires_at]
 * @property {string[]} [workflow_steps]
 * @property {Record<string, unknown>} [meta_data]
 * @property {Record<string, boolean>} [uploads]
 * @property {Record<string, unknown>} [analysis_data]
 */

/** @typedef {{ id: string, email: string, first_name: string, last_name: string, phone: string, created_at: string, updated_at: string }} User */

/** @typedef {{ id: string, name: string, status: string }} Organization */

/**
 * Invite flags given at creation (DeepIDV does not echo them; the sandbox keeps them for tests).
 * @typedef {{ send_email_invite: boolean, send_phone_invite: boolean }} InviteFlags
 */

/** State/province code as printed on ID documents, and the documented applicantSubmissionLocationDetails. */
const PLACES = [
	{ code: 'ON', details: { city: 'Toronto', subdivision: 'Ontario', country: 'Canada', countryIsoCode: 'CA', continent: 'North America', postalCode: 'M5V', latitude: 43.6426, longitude: -79.3871, timeZone: 'America/Toronto' } },
	{ code: 'BC', details: { city: 'Vancouver', subdivision: 'British Columbia', country: 'Canada', countryIsoCode: 'CA', continent: 'North America', postalCode: 'V6B', latitude: 49.2827, longitude: -123.1207, timeZone: 'America/Vancouver' } },
	{ code: 'TX', details: { city: 'Austin', subdivision: 'Texas', country: 'United States', countryIsoCode: 'US', continent: 'North America', postalCode: '78701', latitude: 30.2672, longitude: -97.7431, timeZone: 'America/Chicago' } },
	{ code: 'CO', details: { city: 'Denver', subdivision: 'Colorado', country: 'United States', countryIsoCode: 'US', continent: 'North America', postalCode: '80202', latitude: 39.7392, longitude: -104.9903, timeZone: 'America/Denver' } },
];

/**
 * @param {string} id
 * @param {string} firstName
 * @param {string} lastName
 * @param {string} email
 * @param {string} phone
 * @param {number} createdAt epoch ms
 * @returns {User}
 */
function buildUser(id, firstName, lastName, email, phone, createdAt) {
	const at = iso(createdAt);
	return { id, email, first_name: firstName, last_name: lastName, phone, created_at: at, updated_at: at };
}

/**
 * @typedef {object} RecordSpec
 * @property {string} id
 * @property {string} organizationId
 * @property {User} applicant
 * @property {string} senderId
 * @property {number} createdAt epoch ms
 * @property {string} status
 * @property {string} progress
 * @property {number} n variation number
 * @property {WorkflowRecord} [workflow]
 * @property {string} [externalId]
 * @property {string} [redirectUrl]
 */

/**
 * A stored-looking record in the given state, with the data that state implies.
 * @param {RecordSpec} spec
 * @returns {SessionRecord}
 */
function buildRecord(spec) {
	const created = iso(spec.createdAt);
	/** @type {SessionRecord} */
	const record = {
		id: spec.id,
		organization_id: spec.organizationId,
		user_id: spec.applicant.id,
		sender_user_id: spec.senderId,
		created_at: created,
		updated_at: created,
		status: spec.status,
		type: spec.workflow ? 'session' : 'verification',
		session_progress: spec.progress,
	};
	if (spec.externalId !== undefined) record.external_id = spec.externalId;
	if (spec.workflow) {
		record.workflow_id = spec.workflow.id;
		record.workflow_steps = spec.workflow.steps.map((step) => step.id);
	}
	if (spec.redirectUrl !== undefined) record.redirect_url = spec.redirectUrl;

	const submittedAt = spec.createdAt + 2 * HOUR + (spec.n % 50) * MINUTE;
	switch (spec.status) {
		case 'SUBMITTED':
		case 'VERIFIED':
		case 'REJECTED':
			completeRecord(record, spec.applicant, spec.n, submittedAt, spec.status !== 'REJECTED');
			if (spec.status !== 'SUBMITTED') record.updated_at = iso(submittedAt + 20 * HOUR);
			break;
		case 'FAILED':
			failRecord(record, spec.createdAt + HOUR);
			break;
		case 'VOIDED':
			record.updated_at = iso(spec.createdAt + 72 * HOUR);
			break;
		case 'EXPIRED':
			record.expires_at = iso(spec.createdAt + 72 * HOUR);
			record.updated_at = record.expires_at;
			break;
		default:
			if (spec.progress === 'STARTED') record.meta_data = { applicantViewTime: iso(spec.createdAt + 30 * MINUTE) };
	}
	return record;
}

/**
 * Marks a record as submitted with full analysis; `pass: false` gives a declined analysis.
 * @param {SessionRecord} record
 * @param {Pick<User, 'first_name' | 'last_name'>} applicant
 * @param {number} n
 * @param {number} at epoch ms of the submission
 * @param {boolean} pass
 */
function completeRecord(record, applicant, n, at, pass) {
	const steps = record.workflow_steps;
	record.session_progress = 'COMPLETED';
	record.submitted_at = iso(at);
	record.updated_at = iso(at);
	record.uploads = { id_front: true, id_back: true, selfie_front: true, pdf_summary: true };
	if (steps?.includes('FACE_LIVENESS')) Object.assign(record.uploads, { faceliveness: true, faceliveness_preview_clip: true });
	record.analysis_data = analysisData(applicant, n, iso(at), pass, steps);
	record.meta_data = submissionMeta(n, at);
	if (!pass) record.meta_data.declinedData = declinedData(iso(at + MINUTE));
}

/**
 * Marks a record as FAILED after reaching the failed-attempt limit (meta_data.failureData).
 * @param {SessionRecord} record
 * @param {number} at epoch ms
 */
function failRecord(record, at) {
	record.status = 'FAILED';
	record.session_progress = 'COMPLETED';
	record.updated_at = iso(at);
	record.meta_data = {
		...record.meta_data,
		failureData: {
			failedAttempts: 3,
			attempts: [
				{ reason: 'NO_FACE_DETECTED', slot: null, failedAt: iso(at - 9 * MINUTE) },
				{ reason: 'FACE_MISMATCH', slot: 'PRIMARY', failedAt: iso(at - 5 * MINUTE) },
				{ reason: 'FACE_MISMATCH', slot: 'PRIMARY', failedAt: iso(at) },
			],
		},
	};
}

/**
 * @param {Pick<User, 'first_name' | 'last_name'>} applicant
 * @param {number} n
 * @param {string} at
 * @param {boolean} pass
 * @param {string[] | undefined} steps
 */
function analysisData(applicant, n, at, pass, steps) {
	const similarity = pass ? 96 + (n % 39) / 10 : 38 + (n % 25);
	/** @type {Record<string, unknown>} */
	const data = {
		created_at: at,
		id_analysis_data: idAnalysis(applicant, n, pass),
		id_matches_selfie: pass,
		id_matches_face_capture: pass,
		id_matches_liveness: steps?.includes('FACE_LIVENESS') ? pass : null,
		faceliveness_score: pass ? 90 + (n % 10) : 30 + (n % 30),
		compare_faces_data: {
			face_match_confidence: similarity,
			face_match_result: {
				similarity,
				face: { bounding_box: { height: 0.42, left: 0.29, top: 0.21, width: 0.38 }, confidence: 99.98 },
			},
		},
		selected_document_types: { primary: n % 3 === 0 ? 'passport' : 'drivers_license', secondary: null, tertiary: null },
	};
	if (steps?.includes('PEP_SANCTIONS')) data.pep_sanctions_data = { peps: null, sanctions: null, both: null };
	if (steps?.includes('ADVERSE_MEDIA')) data.adverse_media_data = { total_hits: 0, news_exposures: {}, timestamp: at };
	return data;
}

/**
 * @param {Pick<User, 'first_name' | 'last_name'>} applicant
 * @param {number} n
 * @param {boolean} pass
 */
function idAnalysis(applicant, n, pass) {
	const place = PLACES[n % PLACES.length];
	const birthYear = 1960 + (n % 40);
	return {
		detect_face_data: [
			{
				confidence: 99.9,
				age_range: { low: 2024 - birthYear - 4, high: 2024 - birthYear + 5 },
				quality: { brightness: 78.4 + (n % 10), sharpness: 89.1 },
				bounding_box: { height: 0.31, left: 0.08, top: 0.27, width: 0.21 },
				pose: { pitch: -2.1, yaw: 4.3, roll: 0.7 },
				landmarks: [
					{ x: 0.14, y: 0.38, type: 'eyeLeft' },
					{ x: 0.22, y: 0.38, type: 'eyeRight' },
					{ x: 0.18, y: 0.45, type: 'nose' },
				],
				gender: { value: n % 2 === 0 ? 'Female' : 'Male', confidence: 99.2 },
			},
		],
		id_extracted_text: [
			{ type: 'FIRST_NAME', value: applicant.first_name.toUpperCase(), confidence: 99.3 },
			{ type: 'LAST_NAME', value: applicant.last_name.toUpperCase(), confidence: 99.1 },
			{ type: 'DATE_OF_BIRTH', value: `${birthYear}-0${1 + (n % 9)}-1${n % 10}`, confidence: 98.6 },
			{ type: 'DATE_OF_ISSUE', value: '2021-08-14', confidence: 97.2 },
			{ type: 'EXPIRATION_DATE', value: pass ? '2029-08-14' : '2024-02-29', confidence: 97.8 },
			{ type: 'ID_TYPE', value: n % 3 === 0 ? 'PASSPORT' : 'DRIVER LICENSE', confidence: 95.4 },
			{ type: 'DOCUMENT_NUMBER', value: `D${String(1000003 + n * 7919).slice(-7)}`, confidence: 99.5 },
			{ type: 'ADDRESS', value: `${100 + n} MAIN ST`, confidence: 96.1 },
			{ type: 'CITY_IN_ADDRESS', value: place.details.city.toUpperCase(), confidence: 97.3 },
			{ type: 'STATE_IN_ADDRESS', value: place.code, confidence: 98.2 },
		],
		expiry_date_pass: pass,
		valid_state_pass: true,
		age_restriction_pass: true,
	};
}

/**
 * Applicant device/location data (camelCase keys inside meta_data, as documented).
 * @param {number} n
 * @param {number} at
 * @returns {Record<string, unknown>}
 */
function submissionMeta(n, at) {
	const place = PLACES[n % PLACES.length].details;
	return {
		applicantSubmissionIp: `203.0.113.${(n % 254) + 1}`,
		applicantSubmissionDevice: n % 2 === 0 ? 'iPhone' : 'Android',
		applicantViewTime: iso(at - 12 * MINUTE),
		applicantSubmissionBrowser: n % 2 === 0 ? 'Mobile Safari' : 'Chrome Mobile',
		applicantSubmissionLocation: `${place.city}, ${place.country}`,
		applicantSubmissionLocationDetails: { accuracyRadius: 20, ...place },
	};
}

/** @param {string} at */
function declinedData(at) {
	return {
		declined: true,
		score: 2.5,
		declinedAt: at,
		reason: { code: 'LOW_FACE_MATCH', detail: 'Face match confidence below the workflow threshold', slot: 'PRIMARY', severity: 'CRITICAL' },
	};
}

const EXTENSIONS = /** @type {Record<string, string>} */ ({ pdf_summary: 'pdf', faceliveness_preview_clip: 'mp4' });

/**
 * resource_links of a retrieve answer: one fake presigned GET URL per uploaded slot.
 * @param {SessionRecord} record
 * @returns {Record<string, string>}
 */
function resourceLinks(record) {
	const slots = Object.entries(record.uploads ?? {}).filter(([, uploaded]) => uploaded);
	return Object.fromEntries(
		slots.map(([slot]) => [
			slot,
			`https://uploads.deepidv.invalid/${record.organization_id}/${encodeURIComponent(record.id)}/${slot}.${EXTENSIONS[slot] ?? 'jpg'}?X-Amz-Expires=900`,
		]),
	);
}

module.exports = { buildUser, buildRecord, completeRecord, failRecord, resourceLinks };
