// @ts-check
'use strict';
// The Workflow Runner's step catalogue: which steps run headlessly and how (the four documented execution
// patterns), and each step's `requirements` as the Runner returns them, derived from the step's stored config.
// Requirement shapes follow the OAS `*Requirements` schemas where DeepIDV documents them (ID verification,
// face liveness, age estimation, screening, phone screening, phone verification, ProofCall, background check,
// AI bank statement analysis, credit check, KYB); for the others the field names come from the create-session-
// uploads page (CUSTOM_PROMPT `upload_slots`/`prompts[].slot`, DOCUMENT_UPLOAD `documents[].id`, CUSTOM_FORM
// `fields[].key` of type file-upload, CONSENT `signature_required`) and the rest is the sandbox's own.

/** @typedef {'client-submit' | 'server-auto' | 'multi-phase' | 'presentation'} Pattern */

/** The 25 runnable steps and their documented execution pattern (create-workflow-session page). */
const PATTERNS = /** @type {Record<string, Pattern>} */ ({
	ID_VERIFICATION: 'client-submit',
	AGE_ESTIMATION: 'client-submit',
	CREDIT_CHECK: 'client-submit',
	KYB: 'client-submit',
	TITLE_SEARCH: 'client-submit',
	PEP_SANCTIONS: 'client-submit',
	CUSTOM_PROMPT: 'client-submit',
	DOCUMENT_UPLOAD: 'client-submit',
	CUSTOM_FORM: 'client-submit',
	AI_BANK_STATEMENT_ANALYSIS: 'server-auto',
	PHONE_TRUST_CHECK: 'server-auto',
	CARRIER_AGE_GATE: 'server-auto',
	PHONE_OWNERSHIP_MATCH: 'server-auto',
	FACE_LIVENESS: 'multi-phase',
	DEEPFAKE_DETECTION: 'multi-phase',
	DEEP_AGE: 'multi-phase',
	ADDRESS_VERIFICATION: 'multi-phase',
	BACKGROUND_CHECK: 'multi-phase',
	ADVERSE_MEDIA: 'multi-phase',
	BANK_STATEMENT_UPLOAD: 'multi-phase',
	PHONE_VERIFICATION: 'multi-phase',
	PROOFCALL: 'multi-phase',
	FACE_LIVENESS_CONSENT_SETTINGS: 'presentation',
	CONSENT: 'presentation',
	WHITE_LABEL: 'presentation',
});

const RUNNABLE_STEPS = Object.freeze(Object.keys(PATTERNS));

/** Documented poll intervals (OAS PhoneVerificationRequirements, ProofCallRequirements). */
const POLL_INTERVALS = /** @type {Record<string, number>} */ ({ PHONE_VERIFICATION: 5, PROOFCALL: 30 });

/** Hosted multi-phase steps (the applicant finishes them in a DeepIDV-hosted flow between start and complete). */
const HOSTED = new Set(['DEEP_AGE', 'ADDRESS_VERIFICATION', 'BACKGROUND_CHECK', 'BANK_STATEMENT_UPLOAD']);

/** The ID slots of the legacy `upload_type` (create-session-uploads page). */
const LEGACY_SLOTS = Object.freeze(['id_front', 'id_back', 'secondary_id_front', 'secondary_id_back', 'tertiary_id_front', 'tertiary_id_back', 'selfie_front']);

/** Stored document types accepted when the step config names none (the sandbox's choice; the docs' examples use these forms). */
const DEFAULT_ID_TYPES = Object.freeze(['driver-license-us', 'driver-license-ca', 'passport-us', 'passport-ca', 'national-id-us', 'national-id-ca', 'pr-card-ca']);
/** Families that never need a back image (create-workflow-session example). */
const FRONT_ONLY_FAMILIES = Object.freeze(['passport']);

/** The family of a stored document type: `passport-us` → `passport`, `driver-license-ca` → `driver-license`. @param {string} type */
function familyOf(type) {
	const normalized = type.trim().toLowerCase().replace(/_/g, '-');
	const match = /^(.*)-[a-z]{2}$/.exec(normalized);
	const family = match ? match[1] : normalized;
	// The server-to-server scan's names (passport, drivers_license, national_id) name the same families.
	return family === 'drivers-license' ? 'driver-license' : family;
}

/** @param {unknown} map a booleanMap setting @returns {string[] | undefined} */
const enabledKeys = (map) =>
	map && typeof map === 'object' && !Array.isArray(map)
		? Object.entries(/** @type {Record<string, unknown>} */ (map))
				.filter(([, on]) => on === true)
				.map(([key]) => key)
		: undefined;

/** @param {Record<string, unknown>} config */
function idVerificationRequirements(config) {
	const validIdTypes = enabledKeys(config.valid_id_types);
	return {
		document: {
			require_front_only: false,
			front_only_document_types: config.require_front_only === true ? [...new Set((validIdTypes ?? DEFAULT_ID_TYPES).map(familyOf))] : [...FRONT_ONLY_FAMILIES],
			require_secondary_id: config.require_secondary_id === true,
			require_tertiary_id: config.require_tertiary_id === true,
			valid_id_types: validIdTypes && validIdTypes.length > 0 ? validIdTypes : [...DEFAULT_ID_TYPES],
			valid_states: enabledKeys(config.valid_states) ?? [],
		},
		face: { face_front_photo_only: config.face_front_photo_only === true },
	};
}

/**
 * A config list of entries (array, or object keyed by id) as `{ id, ...entry }` objects.
 * @param {unknown} list
 * @returns {Record<string, unknown>[]}
 */
function entries(list) {
	if (Array.isArray(list)) return list.filter((item) => item && typeof item === 'object').map((item) => ({ ...item }));
	if (list && typeof list === 'object') {
		return Object.entries(/** @type {Record<string, unknown>} */ (list)).map(([id, item]) => ({ id, ...(item && typeof item === 'object' ? item : {}) }));
	}
	return [];
}

/** CUSTOM_PROMPT: one upload slot per configured prompt, named as in the docs' example (`custom-prompts-list_0`). @param {Record<string, unknown>} config */
function promptSlots(config) {
	const prompts = Array.isArray(config.prompts) && config.prompts.length > 0 ? config.prompts : [{ prompt: 'Upload a photo as instructed' }];
	return prompts.map((prompt, index) => {
		const text = typeof prompt === 'string' ? prompt : (/** @type {Record<string, unknown>} */ (prompt ?? {}).prompt ?? /** @type {Record<string, unknown>} */ (prompt ?? {}).description ?? '');
		return { slot: `custom-prompts-list_${index}`, prompt: String(text) };
	});
}

/** DOCUMENT_UPLOAD / KYB documents as `{ id, description, optional, extractions }`. @param {Record<string, unknown>} config @param {boolean} kyb */
function documentList(config, kyb) {
	return entries(config.documents)
		.filter((doc) => typeof doc.id === 'string' && doc.id !== '')
		.map((doc) =>
			kyb
				? { id: String(doc.id), optional: doc.optional === true }
				: { id: String(doc.id), description: typeof doc.description === 'string' ? doc.description : '', optional: doc.optional === true, extractions: Array.isArray(doc.extractions) ? doc.extractions : [] },
		);
}

/**
 * CUSTOM_FORM fields as `{ key, label, type, required, options? }`, from `fields` (object keyed by key, or a list)
 * and `questionnaire_fields` (list with `key`).
 * @param {Record<string, unknown>} config
 */
function formFields(config) {
	/** @type {Record<string, unknown>[]} */
	const fromFields = Array.isArray(config.fields) ? entries(config.fields) : entries(config.fields).map(({ id, ...rest }) => ({ key: id, ...rest }));
	return [...fromFields, ...entries(config.questionnaire_fields)]
		.filter((field) => typeof field.key === 'string' && field.key !== '')
		.map((field) => ({
			key: String(field.key),
			label: typeof field.label === 'string' ? field.label : String(field.key),
			type: typeof field.type === 'string' ? field.type : 'short-text',
			required: field.required === true,
			...(Array.isArray(field.options) && { options: field.options }),
		}));
}

/**
 * The `requirements` object of one step, from its stored config.
 * @param {string} stepId API form
 * @param {Record<string, unknown>} config
 * @param {{ pollIntervalSeconds: number | null }} options
 * @returns {Record<string, unknown>}
 */
function requirementsOf(stepId, config, options) {
	const poll = (/** @type {string} */ id) => options.pollIntervalSeconds ?? POLL_INTERVALS[id];
	switch (stepId) {
		case 'ID_VERIFICATION':
			return idVerificationRequirements(config);
		case 'FACE_LIVENESS':
			return {
				challenge_type: typeof config.preferred_liveness_method === 'string' ? config.preferred_liveness_method : 'FaceMovementChallenge',
				confidence_threshold: typeof config.confidence_threshold === 'number' ? config.confidence_threshold : 70,
			};
		case 'AGE_ESTIMATION':
			return {
				upload_slots: ['selfie_front'],
				minimum_age: typeof config.minimum_age === 'number' ? config.minimum_age : 18,
				maximum_age: typeof config.maximum_age === 'number' ? config.maximum_age : 100,
			};
		case 'PEP_SANCTIONS':
			return { identity_fields: ['first_name', 'last_name', 'date_of_birth'], optional_fields: ['email'] };
		case 'ADVERSE_MEDIA':
			return { identity_fields: ['first_name', 'last_name', 'date_of_birth'], optional_fields: ['email', 'country'], actions: ['start', 'complete'] };
		case 'PHONE_TRUST_CHECK':
		case 'CARRIER_AGE_GATE':
		case 'PHONE_OWNERSHIP_MATCH':
			return { session_fields: stepId === 'PHONE_TRUST_CHECK' || stepId === 'CARRIER_AGE_GATE' ? ['phone'] : ['phone', 'first_name', 'last_name'], submission_fields: [] };
		case 'PHONE_VERIFICATION':
			return { actions: ['start', 'complete'], session_fields: ['phone'], asynchronous: true, poll_interval_seconds: poll(stepId) };
		case 'PROOFCALL':
			return { actions: ['start', 'complete'], input_fields: ['references'], minimum_references: 1, maximum_references: 3, asynchronous: true, poll_interval_seconds: poll(stepId) };
		case 'BACKGROUND_CHECK':
			return { actions: ['start', 'complete'], hosted_flow: true, country: 'canada', prerequisite_steps: ['ID_VERIFICATION'], asynchronous: true };
		case 'AI_BANK_STATEMENT_ANALYSIS':
			return { prerequisite_steps: ['BANK_STATEMENT_UPLOAD'], submission_fields: [], asynchronous: true };
		case 'CREDIT_CHECK':
			return {
				prerequisite_steps: ['ID_VERIFICATION'],
				input_fields: ['address', 'date_of_birth', 'sin', 'consent'],
				inquiry_type: config.inquiry_type === 'hard' ? 'hard' : 'soft',
				country: 'canada',
				consent_required: true,
				asynchronous: true,
			};
		case 'KYB':
			return { input_sections: ['business', 'registered_address', 'beneficial_owners', 'officers', 'documents'], documents: documentList(config, true), asynchronous: true };
		case 'TITLE_SEARCH':
			return { input_fields: ['address'] };
		case 'CUSTOM_PROMPT': {
			const prompts = promptSlots(config);
			return { upload_slots: prompts.map((p) => p.slot), prompts };
		}
		case 'DOCUMENT_UPLOAD':
			return { documents: documentList(config, false), minimum_optional_uploads: typeof config.minimum_optional_uploads === 'number' ? config.minimum_optional_uploads : 0 };
		case 'CUSTOM_FORM':
			return { fields: formFields(config) };
		case 'CONSENT':
			return { consent_text: typeof config.consent_text === 'string' ? config.consent_text : 'I agree to the verification of my identity.', signature_required: config.require_signature === true };
		case 'FACE_LIVENESS_CONSENT_SETTINGS':
			return { face_liveness: config.face_liveness !== false, signature_required: config.require_signature === true };
		case 'DEEPFAKE_DETECTION':
			return { actions: ['start', 'complete'], include_audio: config.enable_challenge_response === true };
		case 'DEEP_AGE':
			return { actions: ['start', 'complete'], hosted_flow: true, method: typeof config.method === 'string' ? config.method : 'intel-quiz', asynchronous: true };
		case 'ADDRESS_VERIFICATION':
		case 'BANK_STATEMENT_UPLOAD':
			return { actions: ['start', 'complete'], hosted_flow: true, asynchronous: true };
		default:
			return {};
	}
}

/**
 * The config-driven upload slots a step accepts (`slot` in POST …/uploads), from its requirements.
 * @param {string} stepId
 * @param {Record<string, unknown>} requirements
 * @returns {string[]}
 */
function dynamicSlots(stepId, requirements) {
	switch (stepId) {
		case 'CUSTOM_PROMPT':
			return /** @type {string[]} */ (requirements.upload_slots);
		case 'DOCUMENT_UPLOAD':
		case 'KYB':
			return /** @type {{ id: string }[]} */ (requirements.documents).map((doc) => doc.id);
		case 'CUSTOM_FORM':
			return /** @type {{ key: string, type: string }[]} */ (requirements.fields).filter((field) => field.type === 'file-upload').map((field) => field.key);
		case 'CONSENT':
		case 'FACE_LIVENESS_CONSENT_SETTINGS':
			return requirements.signature_required ? ['signature_upload'] : [];
		default:
			return [];
	}
}

module.exports = { PATTERNS, RUNNABLE_STEPS, HOSTED, POLL_INTERVALS, LEGACY_SLOTS, DEFAULT_ID_TYPES, familyOf, requirementsOf, dynamicSlots };
