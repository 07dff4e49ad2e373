// @ts-check
'use strict';
// Bodies of the workflow-management writes (POST /v1/workflows, PATCH …/steps/{step_id}/config), checked
// with Zod-style hints like the other routes. The OAS names each step's config fields; only those of ID
// verification and face liveness are checked here (types and documented ranges); other keys are stored as
// given, as a Zod object would pass them on.
const { typeHint, nonEmptyString, oneOf, requireObject } = require('../core/validation');

/** @typedef {import('../core/validation').Hint} Hint */
/** @typedef {import('../core/validation').Check} Check */

/** The documented step ids, API form. */
const STEP_IDS = Object.freeze([
	'ID_VERIFICATION', 'FACE_LIVENESS', 'FACE_LIVENESS_CONSENT_SETTINGS', 'AGE_ESTIMATION', 'DEEPFAKE_DETECTION', 'DEEP_AGE',
	'ADDRESS_VERIFICATION', 'BACKGROUND_CHECK', 'CREDIT_CHECK', 'KYB', 'TITLE_SEARCH', 'PEP_SANCTIONS', 'ADVERSE_MEDIA',
	'CUSTOM_PROMPT', 'CONSENT', 'BANK_STATEMENT_UPLOAD', 'AI_BANK_STATEMENT_ANALYSIS', 'DOCUMENT_UPLOAD', 'CUSTOM_FORM',
	'WHITE_LABEL', 'PHONE_TRUST_CHECK', 'CARRIER_AGE_GATE', 'PHONE_OWNERSHIP_MATCH', 'PHONE_VERIFICATION', 'PROOFCALL', 'E_SIGNATURE',
]);
const MAX_STEPS = 10;
const MAX_NAME = 255;

/**
 * A step id in API form (`ID_VERIFICATION`) from either documented form (`id-verification` is the stored
 * one), any case; undefined when not a documented step.
 * @param {string} raw
 */
function toStepId(raw) {
	const id = raw.trim().toUpperCase().replace(/[\s-]+/g, '_');
	return STEP_IDS.includes(id) ? id : undefined;
}

/** @param {string} what @param {number} min @param {number} max @returns {Check} */
const integerIn = (what, min, max) => (value, path) => {
	if (typeof value !== 'number') return typeHint('number', value, path);
	if (!Number.isInteger(value)) return { code: 'invalid_type', expected: 'integer', received: 'float', path, message: 'Expected integer, received float' };
	if (value < min) return { code: 'too_small', minimum: min, type: 'number', path, message: `${what} must be greater than or equal to ${min}` };
	if (value > max) return { code: 'too_big', maximum: max, type: 'number', path, message: `${what} must be less than or equal to ${max}` };
	return null;
};

/** @param {unknown} value @param {(string|number)[]} path */
const bool = (value, path) => (typeof value === 'boolean' ? null : typeHint('boolean', value, path));
/** @param {unknown} value @param {(string|number)[]} path */
const num = (value, path) => (typeof value === 'number' && Number.isFinite(value) ? null : typeHint('number', value, path));
/** @param {unknown} value @param {(string|number)[]} path */
const strings = (value, path) =>
	Array.isArray(value) && value.every((entry) => typeof entry === 'string') ? null : typeHint('array', value, path);

/** Documented config fields with checks (unbounded ages: the OAS gives no range). */
const CONFIG_CHECKS = /** @type {Record<string, Record<string, Check>>} */ ({
	ID_VERIFICATION: {
		minimum_age: integerIn('minimum_age', 0, Number.MAX_SAFE_INTEGER),
		maximum_age: integerIn('maximum_age', 0, Number.MAX_SAFE_INTEGER),
		expiry_date_years: integerIn('expiry_date_years', 0, 10),
		require_secondary_id: bool,
		require_tertiary_id: bool,
		face_front_photo_only: bool,
		require_front_only: bool,
		enable_fraud_analysis: bool,
		escalation_type: oneOf(['none', 'nfc-passport', 'address-verification']),
		escalation_risk_threshold: num,
		age_restriction_mode: oneOf(['slider', 'country']),
		valid_countries: strings,
		valid_states: strings,
		valid_id_types: strings,
	},
	FACE_LIVENESS: {
		// The liveness result endpoint takes confidence_threshold 1–100; the step config is taken to match.
		confidence_threshold: integerIn('confidence_threshold', 1, 100),
		preferred_liveness_method: nonEmptyString,
	},
});

/**
 * @param {string} stepId API form
 * @param {unknown} config
 * @param {(string|number)[]} path
 * @returns {Hint[]}
 */
function configHints(stepId, config, path) {
	const notObject = requireObject(config);
	if (notObject) return [{ ...notObject.hints[0], path }];
	const checks = CONFIG_CHECKS[stepId] ?? {};
	/** @type {Hint[]} */
	const hints = [];
	for (const [key, value] of Object.entries(/** @type {Record<string, unknown>} */ (config))) {
		const hint = checks[key]?.(value, [...path, key]);
		if (hint) hints.push(hint);
	}
	const { minimum_age: min, maximum_age: max } = /** @type {Record<string, unknown>} */ (config);
	if (typeof min === 'number' && typeof max === 'number' && min > max) {
		hints.push({ code: 'custom', path: [...path, 'minimum_age'], message: 'minimum_age must not be greater than maximum_age' });
	}
	return hints;
}

/**
 * POST /v1/workflows: `{ name 1–255, steps: [{ id, config? }] }`, 1–10 steps, ids documented and unique.
 * @param {unknown} body
 * @returns {{ value: { name: string, steps: { id: string, config: Record<string, unknown> }[] } } | { hints: Hint[] }}
 */
function parseCreateWorkflow(body) {
	const notObject = requireObject(body);
	if (notObject) return notObject;
	const { name, steps } = /** @type {Record<string, unknown>} */ (body);
	/** @type {Hint[]} */
	const hints = [];
	const nameHint = nonEmptyString(name, ['name']);
	if (nameHint) hints.push(nameHint);
	else if (String(name).length > MAX_NAME) hints.push({ code: 'too_big', maximum: MAX_NAME, type: 'string', path: ['name'], message: `String must contain at most ${MAX_NAME} character(s)` });
	if (!Array.isArray(steps)) return { hints: [...hints, typeHint('array', steps, ['steps'])] };
	if (steps.length < 1) hints.push({ code: 'too_small', minimum: 1, type: 'array', path: ['steps'], message: 'Array must contain at least 1 element(s)' });
	if (steps.length > MAX_STEPS) hints.push({ code: 'too_big', maximum: MAX_STEPS, type: 'array', path: ['steps'], message: `Array must contain at most ${MAX_STEPS} element(s)` });
	/** @type {Set<string>} */
	const seen = new Set();
	steps.forEach((step, index) => {
		const notStep = requireObject(step);
		if (notStep) return hints.push({ ...notStep.hints[0], path: ['steps', index] });
		const { id, config } = /** @type {Record<string, unknown>} */ (step);
		if (typeof id !== 'string' || !STEP_IDS.includes(id)) {
			return hints.push({ code: 'invalid_enum_value', options: [...STEP_IDS], received: id, path: ['steps', index, 'id'], message: `Invalid step id '${String(id)}'` });
		}
		if (seen.has(id)) hints.push({ code: 'custom', path: ['steps', index, 'id'], message: `Duplicate step '${id}'` });
		seen.add(id);
		if (config !== undefined) hints.push(...configHints(id, config, ['steps', index, 'config']));
		return undefined;
	});
	if (hints.length > 0) return { hints };
	const parsed = /** @type {{ id: string, config?: Record<string, unknown> }[]} */ (steps);
	return { value: { name: /** @type {string} */ (name), steps: parsed.map((step) => ({ id: step.id, config: { ...step.config } })) } };
}

/**
 * PATCH …/steps/{step_id}/config: `{ config: { partial } }`.
 * @param {unknown} body
 * @param {string} stepId API form
 * @returns {{ value: Record<string, unknown> } | { hints: Hint[] }}
 */
function parseStepConfigPatch(body, stepId) {
	const notObject = requireObject(body);
	if (notObject) return notObject;
	const { config } = /** @type {Record<string, unknown>} */ (body);
	if (config === undefined) return { hints: [typeHint('object', config, ['config'])] };
	const hints = configHints(stepId, config, ['config']);
	return hints.length > 0 ? { hints } : { value: /** @type {Record<string, unknown>} */ (config) };
}

module.exports = { STEP_IDS, toStepId, parseCreateWorkflow, parseStepConfigPatch };
