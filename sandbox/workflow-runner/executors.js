// @ts-check
'use strict';
// What submitting each runnable step does. Every executor first checks the body against the step's config and
// resolves the upload keys (400 for a key this session did not mint, or one not uploaded yet) WITHOUT changing
// anything; only then does the submission count and the outcome get decided.
//
// Outcomes come from the uploaded bytes (files/images.js markers, else the SHA-256), the applicant's data and
// control helpers, never from chance. ID_VERIFICATION's blocking checks, in this order, per document
// (primary, then secondary, then tertiary), then on the selfie:
//   ID_CLASSIFICATION_FAILED  the declared document_type is not one of the step's valid_id_types
//   ID_TYPE_UNRECOGNIZED      the front image is not a readable document: sandboxImage({ document: 'unreadable' })
//   ID_TYPE_LOW_CONFIDENCE    document.idTypeConfidence below the threshold (config id_confidence_threshold when
//                             id_confidence_threshold_enabled, else option runnerIdTypeConfidenceThreshold)
//   DOC_TYPE_NOT_ALLOWED      document.documentType (passport, drivers_license, national_id, or a stored family such
//                             as driver-license) is another family than the declared document_type's
//   OCR_NAME_MISSING          document.firstName, lastName (and middleName) all empty
//   FACE_NOT_DETECTED_IN_ID   the front image has face: null
//   NO_FACE_DETECTED          the selfie has face: null
//   FACE_MISMATCH             selfie and primary document show different faces (similarity below faceMatchThreshold)
//   LIVENESS_ID_MISMATCH      an earlier FACE_LIVENESS saw another face (setRunnerLiveness({ face }))
// Advisory checks (they never fail the step; with runnerDecision 'auto' the session ends REJECTED): an expired
// document (expirationDate in the past), an age outside the step's minimum_age/maximum_age (dateOfBirth), a state
// not in valid_states (document.state), an AGE_ESTIMATION outside its range.
const { json, error, invalid } = require('../core/http');
const { iso } = require('../core/time');
const { scanDocument, estimateAge, compareFaces } = require('../files/checks');
const { createHash } = require('node:crypto');
const { phoneTrustResult, carrierAgeGateResult, phoneOwnershipResult, pepSanctionsResult, adverseMediaOutcome, titleCheckOutcome } = require('../screening/fixtures');
const { familyOf, requirementsOf, dynamicSlots, LEGACY_SLOTS } = require('./steps');
const { submitView, beginSubmission, markInProgress, completeStep, failAttempt, rejectRun, stepNumber, newId } = require('./execution');

/** @typedef {import('../core/state').SandboxState} SandboxState */
/** @typedef {import('../core/http').ApiResponse} ApiResponse */
/** @typedef {import('../core/validation').Hint} Hint */
/** @typedef {import('../files/images').ImageFacts} ImageFacts */
/** @typedef {import('./execution').Execution} Execution */
/** @typedef {import('./execution').StepExecution} StepExecution */

/**
 * @typedef {object} StepContext
 * @property {SandboxState} state
 * @property {Execution} execution
 * @property {import('../sessions/records').SessionRecord} record
 * @property {StepExecution} step
 * @property {Record<string, unknown>} body The body, already checked against the step's schema.
 * @property {{ first_name: string, last_name: string, email: string, phone: string }} applicant
 */

/** @param {StepContext} ctx @param {Record<string, unknown>} [extra] */
const answer = (ctx, extra) => json(200, submitView(ctx.state, ctx.execution, ctx.record, ctx.step, extra));

/** @param {StepContext} ctx */
const requirementsFor = (ctx) => requirementsOf(ctx.step.step_id, ctx.step.config, { pollIntervalSeconds: ctx.state.options.runnerPollIntervalSeconds });

/** @param {Hint[]} hints */
const invalidBody = (hints) => invalid('Invalid request body', hints);

/** @param {(string | number)[]} path @param {string} message @returns {Hint} */
const custom = (path, message) => ({ code: 'custom', path, message });

/**
 * The stored facts of an upload key: 400 when this session did not mint it or nothing was uploaded to it yet.
 * @param {StepContext} ctx
 * @param {Record<string, string>} keys slot (as named in the body) → file key
 * @returns {{ files: Record<string, ImageFacts> } | { response: ApiResponse }}
 */
function resolveKeys(ctx, keys) {
	/** @type {Record<string, ImageFacts>} */
	const files = {};
	for (const [slot, key] of Object.entries(keys)) {
		const minted = ctx.state.runner.fileKeys.get(key);
		if (!minted || minted.sessionId !== ctx.record.id) return { response: error(400, `Upload key for ${slot} does not belong to this session`) };
		const stored = ctx.state.files.get(key)?.stored;
		if (!stored) return { response: error(400, `Nothing has been uploaded for ${slot} yet`) };
		files[slot] = stored;
	}
	return { files };
}

/** @param {StepContext} ctx @param {Record<string, string>} keys */
function recordUploads(ctx, keys) {
	Object.assign(ctx.execution.uploads, keys);
}

// ─── ID verification ──────────────────────────────────────────────────────────────────────────────────────

const DOCUMENTS = /** @type {const} */ ([
	{ prefix: '', typeField: 'document_type', slot: 'PRIMARY', flag: null, analysis: 'id_analysis_data', selected: 'primary' },
	{ prefix: 'secondary_', typeField: 'secondary_document_type', slot: 'SECONDARY', flag: 'require_secondary_id', analysis: 'secondary_id_analysis_data', selected: 'secondary' },
	{ prefix: 'tertiary_', typeField: 'tertiary_document_type', slot: 'TERTIARY', flag: 'require_tertiary_id', analysis: 'tertiary_id_analysis_data', selected: 'tertiary' },
]);

/** @param {unknown} value */
const text = (value) => (typeof value === 'string' ? value.trim() : '');

/** Full years between an ISO date and now. @param {string} birth */
function ageOn(birth) {
	const b = new Date(birth);
	const now = new Date();
	let age = now.getUTCFullYear() - b.getUTCFullYear();
	if (now.getUTCMonth() < b.getUTCMonth() || (now.getUTCMonth() === b.getUTCMonth() && now.getUTCDate() < b.getUTCDate())) age -= 1;
	return age;
}

/** ImageFacts standing for the face seen in the liveness check. @param {string | null} face */
const livenessFacts = (face) => ({ bytes: 0, sha256: createHash('sha256').update(`liveness:${face}`).digest('hex'), format: null, marker: { face } });

/** @param {StepContext} ctx */
function idVerification(ctx) {
	const req = /** @type {{ document: { front_only_document_types: string[], valid_id_types: string[], valid_states: string[], require_secondary_id: boolean, require_tertiary_id: boolean } }} */ (requirementsFor(ctx));
	const body = ctx.body;
	const uploads = /** @type {Record<string, string>} */ (body.uploads);
	/** @type {Hint[]} */
	const hints = [];
	const active = DOCUMENTS.filter((doc) => doc.flag === null || req.document[doc.flag]);
	for (const doc of DOCUMENTS) {
		const isActive = active.includes(doc);
		const type = body[doc.typeField];
		const front = `${doc.prefix}id_front`;
		const back = `${doc.prefix}id_back`;
		if (!isActive) {
			for (const [path, given] of [[[doc.typeField], type], [['uploads', front], uploads[front]], [['uploads', back], uploads[back]]]) {
				if (given !== undefined) hints.push(custom(/** @type {string[]} */ (path), `Not accepted: this step does not require a ${doc.selected} document`));
			}
			continue;
		}
		if (typeof type !== 'string') {
			hints.push({ code: 'invalid_type', expected: 'string', received: 'undefined', path: [doc.typeField], message: 'Required' });
			continue;
		}
		if (uploads[front] === undefined) hints.push({ code: 'invalid_type', expected: 'string', received: 'undefined', path: ['uploads', front], message: 'Required' });
		const frontOnly = req.document.front_only_document_types.includes(familyOf(type)) || req.document.front_only_document_types.includes(type);
		if (frontOnly && uploads[back] !== undefined) hints.push(custom(['uploads', back], `${type} is a front-only document type: do not send ${back}`));
		if (!frontOnly && uploads[back] === undefined) hints.push({ code: 'invalid_type', expected: 'string', received: 'undefined', path: ['uploads', back], message: 'Required' });
	}
	if (hints.length > 0) return invalidBody(hints);
	// Only the documented capture slots are files of the step (other keys of `uploads` are ignored).
	const keys = /** @type {Record<string, string>} */ (Object.fromEntries(Object.entries(uploads).filter(([slot, key]) => key !== undefined && LEGACY_SLOTS.includes(slot))));
	const resolved = resolveKeys(ctx, keys);
	if ('response' in resolved) return resolved.response;
	const { files } = resolved;

	beginSubmission(ctx.record, ctx.step);
	const { config } = ctx.step;
	const threshold =
		config.id_confidence_threshold_enabled === true && typeof config.id_confidence_threshold === 'number' ? config.id_confidence_threshold : ctx.state.options.runnerIdTypeConfidenceThreshold;
	/** @type {string[]} */
	const advisories = [];
	/** @type {Record<string, unknown>} */
	const analysis = {};
	/** @type {Record<string, string | null>} */
	const selected = { primary: null, secondary: null, tertiary: null };
	for (const doc of active) {
		const declared = String(body[doc.typeField]);
		const image = files[`${doc.prefix}id_front`];
		const marker = /** @type {Record<string, unknown> | undefined} */ (image.marker?.document && typeof image.marker.document === 'object' ? image.marker.document : undefined);
		const scan = scanDocument(image, undefined);
		/** @param {string} reason */
		const fail = (reason) => {
			failAttempt(ctx.state, ctx.execution, ctx.record, ctx.step, reason, doc.slot);
			return answer(ctx);
		};
		if (!req.document.valid_id_types.includes(declared)) return fail('ID_CLASSIFICATION_FAILED');
		if (scan.status !== 200) return fail('ID_TYPE_UNRECOGNIZED');
		if (typeof marker?.idTypeConfidence === 'number' && marker.idTypeConfidence < threshold) return fail('ID_TYPE_LOW_CONFIDENCE');
		if (typeof marker?.documentType === 'string' && familyOf(marker.documentType) !== familyOf(declared)) return fail('DOC_TYPE_NOT_ALLOWED');
		const fields = scan.body;
		if (!text(fields.firstName) && !text(fields.lastName) && !text(marker?.middleName)) return fail('OCR_NAME_MISSING');
		if (image.marker?.face === null) return fail('FACE_NOT_DETECTED_IN_ID');
		const expiryPass = !(typeof fields.expirationDate === 'string' && Date.parse(fields.expirationDate) < Date.now());
		const age = typeof fields.dateOfBirth === 'string' ? ageOn(fields.dateOfBirth) : null;
		const agePass = age === null || !((typeof config.minimum_age === 'number' && age < config.minimum_age) || (typeof config.maximum_age === 'number' && age > config.maximum_age));
		const statePass = req.document.valid_states.length === 0 || typeof marker?.state !== 'string' || req.document.valid_states.includes(marker.state);
		if (!expiryPass) advisories.push(`${doc.selected} document expired`);
		if (!agePass) advisories.push(`age ${age} outside the allowed range`);
		if (!statePass) advisories.push(`issuing state ${String(marker?.state)} not accepted`);
		selected[doc.selected] = declared;
		analysis[doc.analysis] = {
			detect_face_data: [{ confidence: 99.9 }],
			id_extracted_text: [
				{ type: 'FIRST_NAME', value: text(fields.firstName).toUpperCase(), confidence: 99.2 },
				{ type: 'LAST_NAME', value: text(fields.lastName).toUpperCase(), confidence: 99.1 },
				{ type: 'DATE_OF_BIRTH', value: String(fields.dateOfBirth), confidence: 98.7 },
				{ type: 'EXPIRATION_DATE', value: String(fields.expirationDate), confidence: 97.9 },
				{ type: 'DOCUMENT_NUMBER', value: String(fields.documentNumber), confidence: 99.4 },
				{ type: 'ID_TYPE', value: declared, confidence: typeof marker?.idTypeConfidence === 'number' ? marker.idTypeConfidence : 96.5 },
			],
			expiry_date_pass: expiryPass,
			valid_state_pass: statePass,
			age_restriction_pass: agePass,
		};
	}
	const selfie = files.selfie_front;
	const primary = files.id_front;
	if (selfie.marker?.face === null) {
		failAttempt(ctx.state, ctx.execution, ctx.record, ctx.step, 'NO_FACE_DETECTED', null);
		return answer(ctx);
	}
	const match = compareFaces(primary, selfie, ctx.state.options.faceMatchThreshold);
	if (!match.isMatch) {
		failAttempt(ctx.state, ctx.execution, ctx.record, ctx.step, 'FACE_MISMATCH', 'PRIMARY');
		return answer(ctx);
	}
	const livenessRan = ctx.execution.steps.some((s) => s.step_id === 'FACE_LIVENESS' && s.status === 'COMPLETED');
	const seen = ctx.execution.liveness?.face;
	const livenessMatch = livenessRan ? (typeof seen === 'string' ? compareFaces(primary, livenessFacts(seen), ctx.state.options.faceMatchThreshold).isMatch : true) : null;
	if (livenessMatch === false) {
		failAttempt(ctx.state, ctx.execution, ctx.record, ctx.step, 'LIVENESS_ID_MISMATCH', 'PRIMARY');
		return answer(ctx);
	}
	ctx.execution.advisories.push(...advisories);
	Object.assign(ctx.execution.analysis, analysis, {
		id_matches_selfie: true,
		id_matches_face_capture: true,
		id_matches_liveness: livenessMatch,
		compare_faces_data: { face_match_confidence: match.confidence, face_match_result: { similarity: match.confidence, face: { confidence: 99.9 } } },
		selected_document_types: selected,
	});
	recordUploads(ctx, keys);
	completeStep(ctx.state, ctx.execution, ctx.record, ctx.step);
	return answer(ctx);
}

// ─── Presentation ─────────────────────────────────────────────────────────────────────────────────────────

/** CONSENT and FACE_LIVENESS_CONSENT_SETTINGS. @param {StepContext} ctx */
function consent(ctx) {
	const req = requirementsFor(ctx);
	const { accepted, legal_name: legalName, signature_upload: signature } = ctx.body;
	if (accepted === false) {
		if (ctx.state.options.runnerConsentDeclined === 'invalid') return invalidBody([{ code: 'invalid_literal', expected: true, received: false, path: ['accepted'], message: 'Invalid literal value, expected true' }]);
		beginSubmission(ctx.record, ctx.step);
		ctx.step.status = 'FAILED';
		ctx.step.completed_at = iso(Date.now());
		rejectRun(ctx.state, ctx.execution, ctx.record, 'The applicant declined consent');
		return answer(ctx);
	}
	/** @type {Hint[]} */
	const hints = [];
	if (legalName === undefined) hints.push({ code: 'invalid_type', expected: 'string', received: 'undefined', path: ['legal_name'], message: 'Required when accepted is true' });
	if (req.signature_required && signature === undefined) hints.push({ code: 'invalid_type', expected: 'string', received: 'undefined', path: ['signature_upload'], message: 'Required: this step requires a signature' });
	if (hints.length > 0) return invalidBody(hints);
	/** @type {Record<string, string>} */
	const keys = typeof signature === 'string' ? { signature_upload: signature } : {};
	const resolved = resolveKeys(ctx, keys);
	if ('response' in resolved) return resolved.response;
	beginSubmission(ctx.record, ctx.step);
	recordUploads(ctx, keys);
	ctx.step.result = { accepted: true, legal_name: legalName };
	completeStep(ctx.state, ctx.execution, ctx.record, ctx.step);
	return answer(ctx);
}

/** WHITE_LABEL: `{ acknowledged: true }`. @param {StepContext} ctx */
function acknowledge(ctx) {
	beginSubmission(ctx.record, ctx.step);
	completeStep(ctx.state, ctx.execution, ctx.record, ctx.step);
	return answer(ctx);
}

// ─── Server-auto ──────────────────────────────────────────────────────────────────────────────────────────

/** PHONE_TRUST_CHECK, CARRIER_AGE_GATE, PHONE_OWNERSHIP_MATCH: `{}`; the carrier answers from the session's phone (screening/fixtures.js). @param {StepContext} ctx */
function phoneScreening(ctx) {
	beginSubmission(ctx.record, ctx.step);
	const { phone, first_name: firstName, last_name: lastName } = ctx.applicant;
	const { config } = ctx.step;
	const common = { checkedAt: iso(Date.now()), sessionId: ctx.record.id };
	const [field, key, result] =
		ctx.step.step_id === 'PHONE_TRUST_CHECK'
			? ['phone_trust_check', 'trust', phoneTrustResult(phone, typeof config.sensitivity === 'string' ? config.sensitivity : 'medium')]
			: ctx.step.step_id === 'CARRIER_AGE_GATE'
				? ['carrier_age_gate', 'age_gate', carrierAgeGateResult(phone)]
				: ['phone_ownership_match', 'ownership', phoneOwnershipResult(phone, { firstName, lastName }, /** @type {'relaxed' | 'medium' | 'strict'} */ (typeof config.strictness === 'string' ? config.strictness : 'medium'))];
	const full = { ...result, ...common };
	ctx.execution.analysis.phone_checks = { .../** @type {Record<string, unknown>} */ (ctx.execution.analysis.phone_checks), [key]: full };
	ctx.step.result = full;
	completeStep(ctx.state, ctx.execution, ctx.record, ctx.step);
	return answer(ctx, { [field]: full });
}

/** AI_BANK_STATEMENT_ANALYSIS: `{}`; queues the analysis of the statement the BANK_STATEMENT_UPLOAD step requested. @param {StepContext} ctx */
function bankStatementAnalysis(ctx) {
	const upload = ctx.execution.steps.find((s) => s.step_id === 'BANK_STATEMENT_UPLOAD');
	const bankStatementId = typeof upload?.result?.bank_statement_id === 'string' ? upload.result.bank_statement_id : newId();
	beginSubmission(ctx.record, ctx.step);
	const ack = { bank_statement_id: bankStatementId, status: 'QUEUED' };
	ctx.step.result = ack;
	completeStep(ctx.state, ctx.execution, ctx.record, ctx.step);
	return answer(ctx, { ai_bank_statement_analysis: ack });
}

// ─── Other client-submit steps ────────────────────────────────────────────────────────────────────────────

/** AGE_ESTIMATION `{ uploads: { selfie_front } }`: no face is NO_FACE_DETECTED; an age outside the range is advisory. @param {StepContext} ctx */
function ageEstimation(ctx) {
	const keys = { selfie_front: String(/** @type {Record<string, unknown>} */ (ctx.body.uploads).selfie_front) };
	const resolved = resolveKeys(ctx, keys);
	if ('response' in resolved) return resolved.response;
	beginSubmission(ctx.record, ctx.step);
	const estimate = estimateAge(resolved.files.selfie_front);
	if (!estimate.faceDetected) {
		failAttempt(ctx.state, ctx.execution, ctx.record, ctx.step, 'NO_FACE_DETECTED', null);
		return answer(ctx);
	}
	const req = requirementsFor(ctx);
	const age = Number(estimate.estimatedAge);
	if (age < Number(req.minimum_age) || age > Number(req.maximum_age)) ctx.execution.advisories.push(`estimated age ${age} outside ${req.minimum_age}-${req.maximum_age}`);
	ctx.step.result = estimate;
	recordUploads(ctx, keys);
	completeStep(ctx.state, ctx.execution, ctx.record, ctx.step);
	return answer(ctx);
}

/** CREDIT_CHECK: the inquiry is queued (`credit_check { status: PENDING, inquiry_type }`). @param {StepContext} ctx */
function creditCheck(ctx) {
	beginSubmission(ctx.record, ctx.step);
	const ack = { status: 'PENDING', inquiry_type: String(requirementsFor(ctx).inquiry_type) };
	ctx.step.result = ack;
	completeStep(ctx.state, ctx.execution, ctx.record, ctx.step);
	return answer(ctx, { credit_check: ack });
}

/**
 * Upload keys keyed by the step's config-driven slots (CUSTOM_PROMPT, DOCUMENT_UPLOAD, KYB documents): only
 * those slots, every non-optional one, keys of this session.
 * @param {StepContext} ctx @param {Record<string, string>} given @param {string[]} allowed @param {string[]} required @param {string} field
 * @returns {{ keys: Record<string, string> } | { response: ApiResponse }}
 */
function slotKeys(ctx, given, allowed, required, field) {
	/** @type {Hint[]} */
	const hints = [];
	const unknown = Object.keys(given).filter((slot) => !allowed.includes(slot));
	if (unknown.length > 0) hints.push({ code: 'unrecognized_keys', keys: unknown, path: [field], message: `Not a slot of this step: ${unknown.join(', ')} (slots: ${allowed.join(', ') || 'none'})` });
	for (const slot of required) if (given[slot] === undefined) hints.push({ code: 'invalid_type', expected: 'string', received: 'undefined', path: [field, slot], message: 'Required' });
	if (hints.length > 0) return { response: invalidBody(hints) };
	const resolved = resolveKeys(ctx, given);
	return 'response' in resolved ? resolved : { keys: given };
}

/** KYB: the business data and its documents; `kyb { status: ACCEPTED, documents_received }`. @param {StepContext} ctx */
function kyb(ctx) {
	const docs = /** @type {{ id: string, optional: boolean }[]} */ (requirementsFor(ctx).documents);
	const given = /** @type {Record<string, string>} */ (ctx.body.documents);
	const checked = slotKeys(ctx, given, docs.map((d) => d.id), docs.filter((d) => !d.optional).map((d) => d.id), 'documents');
	if ('response' in checked) return checked.response;
	beginSubmission(ctx.record, ctx.step);
	recordUploads(ctx, checked.keys);
	const ack = { status: 'ACCEPTED', documents_received: Object.keys(checked.keys).length };
	ctx.step.result = ack;
	completeStep(ctx.state, ctx.execution, ctx.record, ctx.step);
	return answer(ctx, { kyb: ack });
}

/** CUSTOM_PROMPT and DOCUMENT_UPLOAD: `{ uploads: { <slot>: key } }`. @param {StepContext} ctx */
function slotUploads(ctx) {
	const req = requirementsFor(ctx);
	const allowed = dynamicSlots(ctx.step.step_id, req);
	const required =
		ctx.step.step_id === 'DOCUMENT_UPLOAD' ? /** @type {{ id: string, optional: boolean }[]} */ (req.documents).filter((d) => !d.optional).map((d) => d.id) : allowed;
	const checked = slotKeys(ctx, /** @type {Record<string, string>} */ (ctx.body.uploads), allowed, required, 'uploads');
	if ('response' in checked) return checked.response;
	if (ctx.step.step_id === 'DOCUMENT_UPLOAD') {
		const optionalGiven = Object.keys(checked.keys).filter((slot) => !required.includes(slot)).length;
		const minimum = Number(req.minimum_optional_uploads);
		if (optionalGiven < minimum) return invalidBody([custom(['uploads'], `At least ${minimum} optional document(s) required`)]);
	}
	beginSubmission(ctx.record, ctx.step);
	recordUploads(ctx, checked.keys);
	ctx.step.result = { slots: Object.keys(checked.keys) };
	completeStep(ctx.state, ctx.execution, ctx.record, ctx.step);
	return answer(ctx);
}

/** CUSTOM_FORM `{ answers }`: every required field answered; file answers carry keys of this session. @param {StepContext} ctx */
function customForm(ctx) {
	const fields = /** @type {{ key: string, label: string, type: string, required: boolean }[]} */ (requirementsFor(ctx).fields);
	const answers = /** @type {Record<string, unknown>} */ (ctx.body.answers);
	/** @type {Hint[]} */
	const hints = [];
	for (const field of fields) {
		const given = answers[field.key];
		if (field.required && (given === undefined || given === null || given === '')) hints.push({ code: 'invalid_type', expected: field.type, received: typeof given, path: ['answers', field.key], message: 'Required' });
		if (field.type === 'file-upload' && given !== undefined && given !== null && (typeof given !== 'object' || Array.isArray(given))) hints.push(custom(['answers', field.key], 'Expected a file answer { file_key, file_name, file_size, file_type }'));
	}
	if (hints.length > 0) return invalidBody(hints);
	/** @type {Record<string, string>} */
	const keys = {};
	for (const field of fields) {
		const given = /** @type {{ file_key?: string } | undefined} */ (answers[field.key]);
		if (field.type === 'file-upload' && given && typeof given.file_key === 'string') keys[field.key] = given.file_key;
	}
	const resolved = resolveKeys(ctx, keys);
	if ('response' in resolved) return resolved.response;
	beginSubmission(ctx.record, ctx.step);
	recordUploads(ctx, keys);
	ctx.execution.analysis.custom_form_data = fields.filter((f) => answers[f.key] !== undefined).map((f) => ({ question: f.label, answer: answers[f.key], type: f.type }));
	completeStep(ctx.state, ctx.execution, ctx.record, ctx.step);
	return answer(ctx);
}

/** @param {unknown[]} list */
const orNull = (list) => (Array.isArray(list) && list.length > 0 ? list : null);

/** PEP_SANCTIONS: screened by last name as the standalone screening is (screening/fixtures.js). @param {StepContext} ctx */
function pepSanctions(ctx) {
	beginSubmission(ctx.record, ctx.step);
	const person = { firstName: String(ctx.body.first_name), lastName: String(ctx.body.last_name), dateOfBirth: String(ctx.body.date_of_birth) };
	const result = pepSanctionsResult(person);
	ctx.execution.analysis.pep_sanctions_data = { peps: orNull(result.peps), sanctions: orNull(result.sanctions), both: orNull(result.both) };
	ctx.step.result = result;
	completeStep(ctx.state, ctx.execution, ctx.record, ctx.step);
	return answer(ctx);
}

/** TITLE_SEARCH `{ address }`: the property record lands in analysis_data.title_search_data. @param {StepContext} ctx */
function titleSearch(ctx) {
	beginSubmission(ctx.record, ctx.step);
	const outcome = titleCheckOutcome(String(ctx.body.address));
	ctx.execution.analysis.title_search_data = 'result' in outcome ? outcome.result : { status: 'not_found', message: outcome.error };
	ctx.step.result = { address: ctx.body.address };
	completeStep(ctx.state, ctx.execution, ctx.record, ctx.step);
	return answer(ctx);
}

// ─── Multi-phase ──────────────────────────────────────────────────────────────────────────────────────────

/** @param {StepContext} ctx */
const notReadyPolls = (ctx) => {
	const setting = ctx.state.options.runnerNotReadyPolls;
	return typeof setting === 'number' ? setting : (setting[ctx.step.step_id] ?? 0);
};

/** The words of the 409s; FACE_LIVENESS's are the docs' own. @param {string} stepId */
const phaseName = (stepId) => (stepId === 'FACE_LIVENESS' ? 'Face liveness' : stepId.toLowerCase().replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()));

/** @param {StepContext} ctx @param {'NOT_STARTED' | 'RESULT_NOT_READY'} kind */
function phaseConflict(ctx, kind) {
	const name = phaseName(ctx.step.step_id);
	return json(409, {
		error: kind === 'NOT_STARTED' ? `${name} has not been started for this session` : `${name} result is not ready yet`,
		failure_reason: `${ctx.step.step_id}_${kind}`,
		current_step: stepNumber(ctx.state, ctx.execution.current),
		step_id: ctx.step.step_id,
	});
}

/**
 * `complete`: 409 `<STEP>_NOT_STARTED` before a `start`, 409 `<STEP>_RESULT_NOT_READY` for the first
 * runnerNotReadyPolls calls after it (neither costs an attempt); then null (the caller applies the result).
 * @param {StepContext} ctx
 * @returns {ApiResponse | null}
 */
function pollComplete(ctx) {
	if (!ctx.step.started) return phaseConflict(ctx, 'NOT_STARTED');
	ctx.step.polls += 1;
	if (ctx.step.polls <= notReadyPolls(ctx)) return phaseConflict(ctx, 'RESULT_NOT_READY');
	return null;
}

/** FACE_LIVENESS with the default provider: start → streaming credentials; complete → the result. @param {StepContext} ctx */
function faceLiveness(ctx) {
	const action = ctx.body.action;
	if (action === 'upload-url') return error(400, 'upload-url is only for the custom liveness provider; this workflow uses the default provider');
	if (action === 'start') {
		beginSubmission(ctx.record, ctx.step);
		markInProgress(ctx.step);
		const expires = iso(Date.now() + 15 * 60e3);
		const liveness = {
			liveness_session_id: newId(),
			region: 'us-east-1',
			credentials: { access_key_id: 'ASIASANDBOXEXAMPLE', secret_access_key: 'sandbox-secret-access-key', session_token: 'sandbox-session-token', expiration: expires },
			expires_at: expires,
		};
		ctx.step.result = { liveness_session_id: liveness.liveness_session_id };
		return answer(ctx, { liveness });
	}
	const conflict = pollComplete(ctx);
	if (conflict) return conflict;
	beginSubmission(ctx.record, ctx.step);
	const reported = ctx.execution.liveness ?? {};
	const status = reported.status ?? 'SUCCEEDED';
	const confidence = reported.confidence === undefined ? 93.1 : reported.confidence;
	const threshold = Number(requirementsFor(ctx).confidence_threshold);
	const liveness = { status, confidence, passed: status === 'SUCCEEDED' && confidence !== null && confidence >= threshold };
	if (!liveness.passed) {
		failAttempt(ctx.state, ctx.execution, ctx.record, ctx.step, 'FACE_LIVENESS_CHECK_FAILED', null);
		return answer(ctx, { liveness });
	}
	ctx.execution.analysis.faceliveness_score = confidence;
	ctx.execution.uploads.faceliveness = String(ctx.step.result?.liveness_session_id);
	completeStep(ctx.state, ctx.execution, ctx.record, ctx.step);
	return answer(ctx, { liveness });
}

/**
 * The other multi-phase steps: `start` (with its inputs) puts the step IN_PROGRESS, `complete` polls until the
 * result is ready and completes it. Hosted ones (DEEP_AGE, ADDRESS_VERIFICATION, BACKGROUND_CHECK,
 * BANK_STATEMENT_UPLOAD) stand for the applicant finishing DeepIDV's hosted flow in between.
 * @param {StepContext} ctx
 */
function phased(ctx) {
	const { step } = ctx;
	if (ctx.body.action === 'start') {
		beginSubmission(ctx.record, step);
		markInProgress(step);
		const inputs = { ...ctx.body };
		delete inputs.action;
		step.result = { ...inputs, ...(step.step_id === 'BANK_STATEMENT_UPLOAD' && { bank_statement_id: newId() }) };
		return answer(ctx);
	}
	const conflict = pollComplete(ctx);
	if (conflict) return conflict;
	beginSubmission(ctx.record, step);
	if (step.step_id === 'ADVERSE_MEDIA') {
		const inputs = step.result ?? {};
		const outcome = adverseMediaOutcome({ firstName: String(inputs.first_name), lastName: String(inputs.last_name), dateOfBirth: String(inputs.date_of_birth) });
		const result = 'result' in outcome ? /** @type {{ totalHits: number, exposuresByCategory?: Record<string, { hits: number, articles: unknown[] }> }} */ (outcome.result) : { totalHits: 0 };
		ctx.execution.analysis.adverse_media_data = {
			total_hits: result.totalHits,
			news_exposures: Object.fromEntries(Object.entries(result.exposuresByCategory ?? {}).filter(([, e]) => e.hits > 0).map(([category, e]) => [category, { category, hits: e.hits, articles: e.articles }])),
			timestamp: iso(Date.now()),
		};
	}
	completeStep(ctx.state, ctx.execution, ctx.record, step);
	return answer(ctx);
}

/** @type {Record<string, (ctx: StepContext) => ApiResponse>} */
const EXECUTORS = {
	ID_VERIFICATION: idVerification,
	AGE_ESTIMATION: ageEstimation,
	CREDIT_CHECK: creditCheck,
	KYB: kyb,
	TITLE_SEARCH: titleSearch,
	PEP_SANCTIONS: pepSanctions,
	CUSTOM_PROMPT: slotUploads,
	DOCUMENT_UPLOAD: slotUploads,
	CUSTOM_FORM: customForm,
	AI_BANK_STATEMENT_ANALYSIS: bankStatementAnalysis,
	PHONE_TRUST_CHECK: phoneScreening,
	CARRIER_AGE_GATE: phoneScreening,
	PHONE_OWNERSHIP_MATCH: phoneScreening,
	FACE_LIVENESS: faceLiveness,
	DEEPFAKE_DETECTION: phased,
	DEEP_AGE: phased,
	ADDRESS_VERIFICATION: phased,
	BACKGROUND_CHECK: phased,
	ADVERSE_MEDIA: phased,
	BANK_STATEMENT_UPLOAD: phased,
	PHONE_VERIFICATION: phased,
	PROOFCALL: phased,
	FACE_LIVENESS_CONSENT_SETTINGS: consent,
	CONSENT: consent,
	WHITE_LABEL: acknowledge,
};

module.exports = { EXECUTORS };
