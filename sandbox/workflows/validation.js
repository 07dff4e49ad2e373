// @ts-check
'use strict';
// Bodies of the workflow-management writes (POST /v1/workflows, PATCH …/steps/{step_id}/config), checked
// with Zod-style hints like the other routes. Each step's settings are checked against DeepIDV's documented
// step table, the same file the node builds its fields and checks from
// (nodes/DeepIdv/actions/workflow/stepSchema.json): unknown keys (the OAS step configs are closed objects),
// types, ranges, lists; plus minimum_age ≤ maximum_age and an ID verification escalation with
// enable_fraud_analysis false (the OAS requires it on; the create-workflow page turns it on by itself, so
// leaving it out is accepted).
const { typeHint, nonEmptyString, oneOf, requireObject } = require('../core/validation');
const { steps: STEP_TABLE } = require('../../nodes/DeepIdv/actions/workflow/stepSchema.json');

/** @typedef {import('../core/validation').Hint} Hint */
/** @typedef {import('../core/validation').Check} Check */
/**
 * One documented setting (see the node's stepSchema.ts for what each field means).
 * @typedef {{ type: string, minimum?: number, maximum?: number, enum?: (string|number)[], minLength?: number, maxLength?: number, minItems?: number, maxItems?: number, required?: boolean }} SettingSpec
 */

/** The documented step settings by step id (API form). */
const SETTINGS = /** @type {Record<string, Record<string, SettingSpec>>} */ (
	Object.fromEntries(Object.entries(STEP_TABLE).map(([id, step]) => [id, step.settings]))
);

/** The documented step ids, API form. */
const STEP_IDS = Object.freeze(Object.keys(SETTINGS));
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

/** @param {unknown} value */
const isObject = (value) => !!value && typeof value === 'object' && !Array.isArray(value);

/**
 * The Zod-style hint for one setting's value, or null when it fits.
 * @param {SettingSpec} spec @param {unknown} value @param {(string|number)[]} path @returns {Hint | null}
 */
function settingHint(spec, value, path) {
	const key = String(path[path.length - 1]);
	switch (spec.type) {
		case 'integer':
		case 'number':
			if (typeof value !== 'number' || !Number.isFinite(value)) return typeHint('number', value, path);
			if (spec.type === 'integer' && !Number.isInteger(value)) return { code: 'invalid_type', expected: 'integer', received: 'float', path, message: 'Expected integer, received float' };
			if (spec.enum && !spec.enum.includes(value)) return { code: 'invalid_literal', expected: spec.enum[0], received: value, path, message: `Invalid literal value, expected ${spec.enum.join(' | ')}` };
			if (spec.minimum !== undefined && value < spec.minimum) return { code: 'too_small', minimum: spec.minimum, type: 'number', inclusive: true, path, message: `${key} must be greater than or equal to ${spec.minimum}` };
			if (spec.maximum !== undefined && value > spec.maximum) return { code: 'too_big', maximum: spec.maximum, type: 'number', inclusive: true, path, message: `${key} must be less than or equal to ${spec.maximum}` };
			return null;
		case 'boolean':
			return typeof value === 'boolean' ? null : typeHint('boolean', value, path);
		case 'string':
			if (spec.enum) return oneOf(/** @type {string[]} */ (spec.enum))(value, path);
			if (typeof value !== 'string') return typeHint('string', value, path);
			if (spec.minLength !== undefined && value.length < spec.minLength) return nonEmptyString(value, path);
			if (spec.maxLength !== undefined && value.length > spec.maxLength) return { code: 'too_big', maximum: spec.maxLength, type: 'string', path, message: `String must contain at most ${spec.maxLength} character(s)` };
			return null;
		case 'string[]': {
			if (!Array.isArray(value)) return typeHint('array', value, path);
			const bad = value.findIndex((entry) => typeof entry !== 'string');
			if (bad !== -1) return typeHint('string', value[bad], [...path, bad]);
			if (spec.minItems !== undefined && value.length < spec.minItems) return { code: 'too_small', minimum: spec.minItems, type: 'array', path, message: `Array must contain at least ${spec.minItems} element(s)` };
			if (spec.maxItems !== undefined && value.length > spec.maxItems) return { code: 'too_big', maximum: spec.maxItems, type: 'array', path, message: `Array must contain at most ${spec.maxItems} element(s)` };
			return null;
		}
		case 'booleanMap': {
			if (!isObject(value)) return typeHint('object', value, path);
			const bad = Object.entries(/** @type {Record<string, unknown>} */ (value)).find(([, entry]) => typeof entry !== 'boolean');
			return bad ? typeHint('boolean', bad[1], [...path, bad[0]]) : null;
		}
		case 'array':
			return Array.isArray(value) ? null : typeHint('array', value, path);
		default:
			return isObject(value) ? null : typeHint('object', value, path);
	}
}

/**
 * The hints for one step's config: `complete` for a new step (required settings must be there), not for a
 * PATCH (`merged`: the step's config after the PATCH, for the checks across settings).
 * @param {string} stepId API form
 * @param {unknown} config
 * @param {(string|number)[]} path
 * @param {{ complete: boolean, merged?: Record<string, unknown> }} mode
 * @returns {Hint[]}
 */
function configHints(stepId, config, path, mode) {
	const notObject = requireObject(config);
	if (notObject) return [{ ...notObject.hints[0], path }];
	const settings = SETTINGS[stepId] ?? {};
	const given = /** @type {Record<string, unknown>} */ (config);
	/** @type {Hint[]} */
	const hints = [];
	const unknown = Object.keys(given).filter((key) => !Object.hasOwn(settings, key));
	if (unknown.length > 0) hints.push({ code: 'unrecognized_keys', keys: unknown, path, message: `Unrecognized key(s) in object: ${unknown.map((key) => `'${key}'`).join(', ')}` });
	for (const [key, value] of Object.entries(given)) {
		const hint = Object.hasOwn(settings, key) ? settingHint(settings[key], value, [...path, key]) : null;
		if (hint) hints.push(hint);
	}
	if (mode.complete) {
		for (const [key, spec] of Object.entries(settings)) if (spec.required && given[key] === undefined) hints.push(typeHint(spec.type === 'string[]' ? 'array' : spec.type, undefined, [...path, key]));
	}
	const all = mode.merged ?? given;
	const { minimum_age: min, maximum_age: max } = all;
	if (typeof min === 'number' && typeof max === 'number' && min > max) {
		hints.push({ code: 'custom', path: [...path, 'minimum_age'], message: 'minimum_age must not be greater than maximum_age' });
	}
	if (stepId === 'ID_VERIFICATION' && typeof all.escalation_type === 'string' && all.escalation_type !== 'none' && all.enable_fraud_analysis === false) {
		hints.push({ code: 'custom', path: [...path, 'enable_fraud_analysis'], message: 'enable_fraud_analysis must be true when escalation_type is not none' });
	}
	return hints;
}

/** The create-workflow page's cross-step requirements: a step that needs an earlier one (the words are the sandbox's own). */
const PREREQUISITES = /** @type {Record<string, string>} */ ({
	AI_BANK_STATEMENT_ANALYSIS: 'BANK_STATEMENT_UPLOAD',
	BACKGROUND_CHECK: 'ID_VERIFICATION',
	CREDIT_CHECK: 'ID_VERIFICATION',
	TITLE_SEARCH: 'ID_VERIFICATION',
});

/** @param {{ id: string }[]} steps @returns {Hint[]} */
function prerequisiteHints(steps) {
	const ids = steps.map((step) => step.id);
	return ids.flatMap((id, index) => {
		const needed = PREREQUISITES[id];
		return needed && !ids.slice(0, index).includes(needed)
			? [{ code: 'custom', path: ['steps', index, 'id'], message: `${id} requires an earlier ${needed} step` }]
			: [];
	});
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
		hints.push(...configHints(id, config ?? {}, ['steps', index, 'config'], { complete: true }));
		return undefined;
	});
	if (hints.length === 0) hints.push(...prerequisiteHints(/** @type {{ id: string }[]} */ (steps)));
	if (hints.length > 0) return { hints };
	const parsed = /** @type {{ id: string, config?: Record<string, unknown> }[]} */ (steps);
	return { value: { name: /** @type {string} */ (name), steps: parsed.map((step) => ({ id: step.id, config: { ...step.config } })) } };
}

/**
 * PATCH …/steps/{step_id}/config: `{ config: { partial } }`, checked with the step's current config for the
 * checks across settings (`current`, when the step is known).
 * @param {unknown} body
 * @param {string} stepId API form
 * @param {Record<string, unknown>} [current]
 * @returns {{ value: Record<string, unknown> } | { hints: Hint[] }}
 */
function parseStepConfigPatch(body, stepId, current) {
	const notObject = requireObject(body);
	if (notObject) return notObject;
	const { config } = /** @type {Record<string, unknown>} */ (body);
	if (config === undefined) return { hints: [typeHint('object', config, ['config'])] };
	const merged = current && !requireObject(config) ? { ...current, .../** @type {Record<string, unknown>} */ (config) } : undefined;
	const hints = configHints(stepId, config, ['config'], { complete: false, merged });
	return hints.length > 0 ? { hints } : { value: /** @type {Record<string, unknown>} */ (config) };
}

module.exports = { STEP_IDS, toStepId, parseCreateWorkflow, parseStepConfigPatch };
