// @ts-check
'use strict';
// Bodies of the Workflow Runner routes, checked with Zod-style hints like the other routes: the headless
// session create (OAS CreateWorkflowSessionRequest; both spellings, camelCase wins), the session uploads
// (SessionUploadsRequest, create-session-uploads page) and each step's submission (the OAS
// `*StepSubmission` schemas; `additionalProperties: false` ones report unknown keys).
const { EMAIL, PHONE, typeHint, nonEmptyString, matching, oneOf, requireObject, boolean, hours, parseFields } = require('../core/validation');
const { LEGACY_SLOTS } = require('./steps');

/** @typedef {import('../core/validation').Hint} Hint */
/** @typedef {import('../core/validation').Check} Check */

/** @type {readonly import('../core/validation').Field[]} */
const CREATE_FIELDS = [
	['first_name', 'firstName', nonEmptyString, true],
	['last_name', 'lastName', nonEmptyString, true],
	['email', 'email', matching(EMAIL, 'email', 'Invalid email'), true],
	['phone', 'phone', matching(PHONE, 'regex', 'Phone number must be in E.164 format, e.g. +14155552671'), true],
	['external_id', 'externalId', nonEmptyString, false],
	['expires_in_hours', 'expiresInHours', hours, false],
];

/** @typedef {{ first_name: string, last_name: string, email: string, phone: string, external_id?: string, expires_in_hours?: number }} CreateRunnerSessionInput */

/**
 * @param {unknown} body
 * @returns {{ value: CreateRunnerSessionInput } | { hints: Hint[] }}
 */
function parseCreateRunnerSession(body) {
	const notObject = requireObject(body);
	if (notObject) return notObject;
	const parsed = parseFields(/** @type {Record<string, unknown>} */ (body), CREATE_FIELDS);
	return 'hints' in parsed ? parsed : { value: /** @type {CreateRunnerSessionInput} */ (parsed.value) };
}

/** @typedef {{ file_name: string, content_type: string, upload_type?: string, slot?: string }} UploadFile */

/**
 * `{ files: [{ file_name, content_type, upload_type | slot }] }`, at least one file; exactly one of upload_type
 * and slot per file; no two files for the same slot.
 * @param {unknown} body
 * @returns {{ value: UploadFile[] } | { hints: Hint[] }}
 */
function parseSessionUploads(body) {
	const notObject = requireObject(body);
	if (notObject) return notObject;
	const { files } = /** @type {Record<string, unknown>} */ (body);
	if (!Array.isArray(files)) return { hints: [typeHint('array', files, ['files'])] };
	if (files.length === 0) return { hints: [{ code: 'too_small', minimum: 1, type: 'array', path: ['files'], message: 'Array must contain at least 1 element(s)' }] };
	/** @type {Hint[]} */
	const hints = [];
	/** @type {Set<string>} */
	const seen = new Set();
	files.forEach((file, index) => {
		const path = ['files', index];
		const notFile = requireObject(file);
		if (notFile) return hints.push({ ...notFile.hints[0], path });
		const f = /** @type {Record<string, unknown>} */ (file);
		for (const key of ['file_name', 'content_type']) {
			const hint = nonEmptyString(f[key], [...path, key]);
			if (hint) hints.push(hint);
		}
		if (f.upload_type !== undefined && f.slot !== undefined) return hints.push({ code: 'custom', path, message: 'Provide either upload_type or slot, not both' });
		if (f.upload_type === undefined && f.slot === undefined) return hints.push({ code: 'custom', path, message: 'Provide upload_type or slot' });
		const hint =
			f.upload_type !== undefined
				? oneOf(LEGACY_SLOTS)(f.upload_type, [...path, 'upload_type'])
				: nonEmptyString(f.slot, [...path, 'slot']) ?? (String(f.slot).length > 255 ? { code: 'too_big', maximum: 255, type: 'string', path: [...path, 'slot'], message: 'String must contain at most 255 character(s)' } : null);
		if (hint) return hints.push(hint);
		const slot = String(f.upload_type ?? f.slot);
		if (seen.has(slot)) hints.push({ code: 'custom', path, message: `Duplicate slot '${slot}'` });
		seen.add(slot);
		return undefined;
	});
	return hints.length > 0 ? { hints } : { value: /** @type {UploadFile[]} */ (files) };
}

/** @type {Check} */
const anything = () => null;
/** @type {Check} */
const date = (value, path) => nonEmptyString(value, path) ?? (/^\d{4}-\d{2}-\d{2}$/.test(String(value)) && !Number.isNaN(Date.parse(String(value))) ? null : { code: 'invalid_string', validation: 'date', path, message: 'Invalid date' });
/** @param {number} max @returns {Check} */
const stringUpTo = (max) => (value, path) => nonEmptyString(value, path) ?? (String(value).length > max ? { code: 'too_big', maximum: max, type: 'string', path, message: `String must contain at most ${max} character(s)` } : null);
/** @type {Check} */
const anyString = (value, path) => (typeof value === 'string' ? null : typeHint('string', value, path));
/** @type {Check} */
const number = (value, path) => (typeof value === 'number' && Number.isFinite(value) ? null : typeHint('number', value, path));
/** @type {Check} */
const trueOnly = (value, path) => (value === true ? null : { code: 'invalid_literal', expected: true, received: value, path, message: 'Invalid literal value, expected true' });
/** @type {Check} */
const stringMap = (value, path) => {
	const notObject = requireObject(value);
	if (notObject) return { ...notObject.hints[0], path };
	const bad = Object.entries(/** @type {Record<string, unknown>} */ (value)).find(([, entry]) => nonEmptyString(entry, []));
	return bad ? nonEmptyString(bad[1], [...path, bad[0]]) : null;
};

/**
 * An object schema: `fields` name → [check, required]; `closed` reports unknown keys as Zod's unrecognized_keys.
 * @typedef {{ fields: Record<string, [Check | Schema, boolean]>, closed: boolean }} Schema
 */

/**
 * @param {Schema} schema @param {unknown} value @param {(string | number)[]} path
 * @returns {Hint[]}
 */
function check(schema, value, path) {
	const notObject = requireObject(value);
	if (notObject) return [{ ...notObject.hints[0], path }];
	const given = /** @type {Record<string, unknown>} */ (value);
	/** @type {Hint[]} */
	const hints = [];
	if (schema.closed) {
		const unknown = Object.keys(given).filter((key) => !Object.hasOwn(schema.fields, key));
		if (unknown.length > 0) hints.push({ code: 'unrecognized_keys', keys: unknown, path, message: `Unrecognized key(s) in object: ${unknown.map((key) => `'${key}'`).join(', ')}` });
	}
	for (const [key, [rule, required]] of Object.entries(schema.fields)) {
		if (given[key] === undefined) {
			if (required) hints.push(typeHint(typeof rule === 'function' ? 'string' : 'object', undefined, [...path, key]));
			continue;
		}
		if (typeof rule === 'function') {
			const hint = rule(given[key], [...path, key]);
			if (hint) hints.push(hint);
		} else {
			hints.push(...check(rule, given[key], [...path, key]));
		}
	}
	return hints;
}

/** @param {Record<string, [Check | Schema, boolean]>} fields @returns {Schema} */
const closed = (fields) => ({ fields, closed: true });
/** @param {Record<string, [Check | Schema, boolean]>} fields @returns {Schema} */
const open = (fields) => ({ fields, closed: false });

/** @param {Schema} schema @returns {Check} */
const listOf = (schema) => (value, path) => {
	if (!Array.isArray(value)) return typeHint('array', value, path);
	for (let i = 0; i < value.length; i++) {
		const [first] = check(schema, value[i], [...path, i]);
		if (first) return first;
	}
	return null;
};

const ID_UPLOADS = open(Object.fromEntries(LEGACY_SLOTS.map((slot) => [slot, /** @type {[Check, boolean]} */ ([anyString, slot === 'id_front' || slot === 'selfie_front'])])));

const IDENTITY = {
	email: /** @type {[Check, boolean]} */ ([anyString, false]),
	first_name: /** @type {[Check, boolean]} */ ([stringUpTo(255), true]),
	last_name: /** @type {[Check, boolean]} */ ([stringUpTo(255), true]),
	date_of_birth: /** @type {[Check, boolean]} */ ([date, true]),
};

const PHASE = /** @type {[Check, boolean]} */ ([oneOf(['start', 'complete']), true]);

const FRAME_META = closed({
	action_id: [nonEmptyString, true],
	action: [oneOf(['hold-still', 'blink', 'turn-left', 'turn-right', 'speak-prompt']), true],
	timestamp: [number, true],
	yaw: [number, true],
	pitch: [number, true],
	roll: [number, true],
	left_eye_openness: [number, true],
	right_eye_openness: [number, true],
	face_detected: [boolean, true],
});

const S3_KEYS = closed({
	...Object.fromEntries([0, 1, 2, 3, 4, 5].map((n) => [`frame_${n}`, /** @type {[Check, boolean]} */ ([nonEmptyString, true])])),
	audio_clip: [nonEmptyString, false],
	video_clip: [nonEmptyString, false],
});

const REFERENCE = closed({
	first_name: [stringUpTo(100), true],
	last_name: [stringUpTo(100), true],
	phone: [matching(/^\+[1-9]\d{7,14}$/, 'regex', 'Invalid phone'), true],
	email: [matching(EMAIL, 'email', 'Invalid email'), false],
	relationship: [stringUpTo(100), false],
});

/** @type {Check} */
const references = (value, path) => {
	if (!Array.isArray(value)) return typeHint('array', value, path);
	if (value.length < 1) return { code: 'too_small', minimum: 1, type: 'array', path, message: 'Array must contain at least 1 element(s)' };
	if (value.length > 3) return { code: 'too_big', maximum: 3, type: 'array', path, message: 'Array must contain at most 3 element(s)' };
	return listOf(REFERENCE)(value, path);
};

/** @type {Check} */
const formAnswers = (value, path) => {
	const notObject = requireObject(value);
	if (notObject) return { ...notObject.hints[0], path };
	for (const [key, answer] of Object.entries(/** @type {Record<string, unknown>} */ (value))) {
		const at = [...path, key];
		if (answer === null || ['string', 'number', 'boolean'].includes(typeof answer)) continue;
		if (Array.isArray(answer)) {
			const bad = answer.findIndex((entry) => typeof entry !== 'string');
			if (bad !== -1) return typeHint('string', answer[bad], [...at, bad]);
			continue;
		}
		const [first] = check(FILE_ANSWER, answer, at);
		if (first) return first;
	}
	return null;
};

const FILE_ANSWER = closed({
	file_key: [nonEmptyString, true],
	file_name: [nonEmptyString, true],
	file_size: [(value, path) => (Number.isInteger(value) && Number(value) >= 0 ? null : typeHint('integer', value, path)), true],
	file_type: [nonEmptyString, true],
});

const CONSENT = closed({ accepted: [boolean, true], legal_name: [nonEmptyString, false], signature_upload: [nonEmptyString, false] });

/**
 * The body schema of each step (for multi-phase steps: of each action). The config-dependent rules (which
 * upload slots, secondary documents, a signature) are checked by the step executors.
 * @type {Record<string, Schema | Record<string, Schema>>}
 */
const SCHEMAS = {
	ID_VERIFICATION: open({ document_type: [nonEmptyString, true], secondary_document_type: [nonEmptyString, false], tertiary_document_type: [nonEmptyString, false], uploads: [ID_UPLOADS, true] }),
	AGE_ESTIMATION: closed({ uploads: [closed({ selfie_front: [nonEmptyString, true] }), true] }),
	CREDIT_CHECK: closed({
		address: [
			closed({ civic_number: [nonEmptyString, true], street_name: [nonEmptyString, true], city: [nonEmptyString, true], province: [nonEmptyString, true], postal_code: [nonEmptyString, true], country: [stringUpTo(Infinity), true] }),
			true,
		],
		date_of_birth: [date, true],
		sin: [matching(/^\d{9}$/, 'regex', 'Invalid'), true],
		consent: [closed({ authorize_credit_check: [trueOnly, true], accept_privacy_policy: [trueOnly, true] }), true],
	}),
	KYB: closed({
		business_legal_name: [nonEmptyString, true],
		business_trading_name: [anyString, false],
		registration_number: [nonEmptyString, true],
		tax_id: [anyString, false],
		entity_type: [nonEmptyString, true],
		jurisdiction_country: [nonEmptyString, true],
		jurisdiction_state: [anyString, false],
		date_of_incorporation: [date, false],
		industry_code: [anyString, false],
		website: [anyString, false],
		registered_address: [closed({ street_address: [nonEmptyString, true], city: [nonEmptyString, true], state_province: [nonEmptyString, true], postal_code: [nonEmptyString, true], country: [nonEmptyString, true] }), true],
		has_beneficial_owners: [boolean, true],
		no_beneficial_owners_attestation: [boolean, false],
		ubos: [listOf(closed({ first_name: [nonEmptyString, true], last_name: [nonEmptyString, true], date_of_birth: [date, false], ownership_percentage: [number, true], control_type: [nonEmptyString, true], nationality: [nonEmptyString, false] })), true],
		has_officers: [boolean, true],
		no_officers_attestation: [boolean, false],
		officers: [listOf(closed({ first_name: [nonEmptyString, true], last_name: [nonEmptyString, true], date_of_birth: [date, false], role: [nonEmptyString, true] })), true],
		documents: [stringMap, true],
	}),
	TITLE_SEARCH: closed({ address: [stringUpTo(500), true] }),
	PEP_SANCTIONS: closed(IDENTITY),
	CUSTOM_PROMPT: closed({ uploads: [stringMap, true] }),
	DOCUMENT_UPLOAD: closed({ uploads: [stringMap, true] }),
	CUSTOM_FORM: closed({ answers: [formAnswers, true] }),
	AI_BANK_STATEMENT_ANALYSIS: closed({}),
	PHONE_TRUST_CHECK: closed({}),
	CARRIER_AGE_GATE: closed({}),
	PHONE_OWNERSHIP_MATCH: closed({}),
	CONSENT,
	FACE_LIVENESS_CONSENT_SETTINGS: CONSENT,
	WHITE_LABEL: closed({ acknowledged: [trueOnly, true] }),
	FACE_LIVENESS: {
		start: open({ action: [anything, true] }),
		complete: open({ action: [anything, true] }),
		'upload-url': open({ action: [anything, true], frame_count: [(v, p) => (Number.isInteger(v) && Number(v) >= 1 && Number(v) <= 8 ? null : typeHint('integer 1-8', v, p)), true], clip_mime_type: [nonEmptyString, false] }),
	},
	DEEPFAKE_DETECTION: {
		start: closed({ action: PHASE, include_audio: [boolean, false] }),
		complete: closed({ action: PHASE, scan_duration_ms: [(v, p) => number(v, p) ?? (Number(v) < 0 ? typeHint('number >= 0', v, p) : null), true], frame_meta: [listOf(FRAME_META), true], s3_keys: [S3_KEYS, true] }),
	},
	ADVERSE_MEDIA: {
		start: open({ action: PHASE, ...IDENTITY, country: [matching(/^[A-Z]{2}$/i, 'regex', 'Invalid'), false] }),
		complete: open({ action: PHASE }),
	},
	PROOFCALL: { start: open({ action: PHASE, references: [references, true] }), complete: open({ action: PHASE }) },
};
for (const id of ['DEEP_AGE', 'ADDRESS_VERIFICATION', 'BACKGROUND_CHECK', 'BANK_STATEMENT_UPLOAD', 'PHONE_VERIFICATION']) {
	SCHEMAS[id] = { start: closed({ action: PHASE }), complete: closed({ action: PHASE }) };
}

/**
 * A step's body: `{ value }` (with `action` for multi-phase steps) or `{ hints }`.
 * @param {string} stepId API form
 * @param {unknown} body
 * @returns {{ value: Record<string, unknown> } | { hints: Hint[] }}
 */
function parseStepBody(stepId, body) {
	const notObject = requireObject(body ?? {});
	if (notObject) return notObject;
	const given = /** @type {Record<string, unknown>} */ (body ?? {});
	const schema = SCHEMAS[stepId];
	if (!schema) return { value: given };
	if ('fields' in schema) {
		const hints = check(/** @type {Schema} */ (schema), given, []);
		return hints.length > 0 ? { hints } : { value: given };
	}
	const actions = Object.keys(schema);
	const actionHint = oneOf(actions)(given.action, ['action']);
	if (actionHint) return { hints: [actionHint] };
	const hints = check(/** @type {Record<string, Schema>} */ (schema)[String(given.action)], given, []);
	return hints.length > 0 ? { hints } : { value: given };
}

module.exports = { parseCreateRunnerSession, parseSessionUploads, parseStepBody };
