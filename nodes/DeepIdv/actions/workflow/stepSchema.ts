import type { IDataObject } from 'n8n-workflow';

import table from './stepSchema.json';

/**
 * DeepIDV's documented workflow step settings, read from stepSchema.json: the one table the Step
 * Settings fields, the checks before sending and the sandbox are built from. It is data (JSON) so
 * the sandbox, plain JavaScript, can require the same file.
 */
export type SettingType = 'integer' | 'number' | 'boolean' | 'string' | 'string[]' | 'booleanMap' | 'array' | 'object';

export interface SettingSpec {
	type: SettingType;
	description: string;
	minimum?: number;
	maximum?: number;
	enum?: Array<string | number>;
	minLength?: number;
	maxLength?: number;
	minItems?: number;
	maxItems?: number;
	/** DeepIDV's documented default, what it uses when the setting is left out; absent when undocumented. */
	default?: unknown;
	/** DeepIDV refuses the step without it (checked when a workflow is created). */
	required?: boolean;
	/** Where DeepIDV's documents disagree, and what the table takes. */
	note?: string;
}

export interface StepSpec {
	/** The name the node shows, e.g. 'Face Liveness'. */
	name: string;
	/** The settings DeepIDV documents for the step; none for a step without settings. */
	settings: Record<string, SettingSpec>;
	source?: string;
}

export const STEP_SCHEMA = (table as unknown as { steps: Record<string, StepSpec> }).steps;

/** A value as a message shows it: text in quotes, anything else as JSON. */
export function shown(value: unknown): string {
	return typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
}

/** What a setting accepts, e.g. 'a whole number from 0 to 10'. */
export function accepted(spec: SettingSpec): string {
	if (spec.enum) return `one of ${spec.enum.map(shown).join(', ')}`;
	const range =
		spec.minimum !== undefined && spec.maximum !== undefined
			? ` from ${spec.minimum} to ${spec.maximum}`
			: spec.minimum !== undefined
				? ` of at least ${spec.minimum}`
				: spec.maximum !== undefined
					? ` of at most ${spec.maximum}`
					: '';
	switch (spec.type) {
		case 'integer':
			return `a whole number${range}`;
		case 'number':
			return `a number${range}`;
		case 'boolean':
			return 'true or false';
		case 'string':
			return spec.maxLength !== undefined ? `text of ${spec.minLength ?? 0} to ${spec.maxLength} characters` : 'text';
		case 'string[]':
			return spec.minItems !== undefined ? `a list of ${spec.minItems} to ${spec.maxItems} texts` : 'a list of texts, e.g. ["CA"]';
		case 'booleanMap':
			return 'an object of true/false values, e.g. {"CA": true}';
		case 'array':
			return 'a list';
		case 'object':
			return 'an object';
	}
}

/** What DeepIDV does when the setting is left out. */
export function whenLeftOut(spec: SettingSpec): string {
	if (spec.default === undefined) return 'DeepIDV applies its standard setting (DeepIDV does not document it)';
	if (typeof spec.default === 'boolean') return `DeepIDV uses ${spec.default ? 'on' : 'off'} (${spec.default})`;
	return `DeepIDV uses ${shown(spec.default)}`;
}

const isObject = (value: unknown): value is IDataObject => !!value && typeof value === 'object' && !Array.isArray(value);

/** Why `value` does not fit `spec`, e.g. 'more than 10'; undefined when it fits. */
function misfit(spec: SettingSpec, value: unknown): string | undefined {
	switch (spec.type) {
		case 'integer':
		case 'number':
			if (typeof value !== 'number' || !Number.isFinite(value)) return 'not a number';
			if (spec.type === 'integer' && !Number.isInteger(value)) return 'not a whole number';
			break;
		case 'boolean':
			if (typeof value !== 'boolean') return 'not true or false';
			break;
		case 'string':
			if (typeof value !== 'string') return 'not text';
			if (spec.minLength !== undefined && value.length < spec.minLength) return spec.minLength === 1 ? 'empty' : `shorter than ${spec.minLength} characters`;
			if (spec.maxLength !== undefined && value.length > spec.maxLength) return `longer than ${spec.maxLength} characters`;
			break;
		case 'string[]':
			if (!Array.isArray(value) || !value.every((entry) => typeof entry === 'string')) return 'not a list of texts';
			if (spec.minItems !== undefined && value.length < spec.minItems) return `a list of ${value.length}, fewer than ${spec.minItems}`;
			if (spec.maxItems !== undefined && value.length > spec.maxItems) return `a list of ${value.length}, more than ${spec.maxItems}`;
			break;
		case 'booleanMap':
			if (!isObject(value) || !Object.values(value).every((entry) => typeof entry === 'boolean')) return 'not an object of true/false values';
			break;
		case 'array':
			if (!Array.isArray(value)) return 'not a list';
			break;
		case 'object':
			if (!isObject(value)) return 'not an object';
			break;
	}
	if (spec.enum && !spec.enum.includes(value as string | number)) return `not ${accepted(spec)}`;
	if (typeof value === 'number') {
		if (spec.minimum !== undefined && value < spec.minimum) return `less than ${spec.minimum}`;
		if (spec.maximum !== undefined && value > spec.maximum) return `more than ${spec.maximum}`;
	}
	return undefined;
}

/** A refusal of one step's settings: what is wrong (naming the step and the setting) and how to fix it. */
export interface SettingsProblem {
	message: string;
	hint: string;
}

export interface CheckOptions {
	/** e.g. 'ID Verification (ID_VERIFICATION)'. */
	stepLabel: string;
	/** Where a setting was given, for messages, e.g. ' in More Step Settings (JSON)'. */
	where(key: string): string;
	/** Whether these are all the step's settings (Create), so required settings must be there. */
	complete: boolean;
}

/**
 * The first thing DeepIDV would refuse in the settings of one step: an unknown setting, a wrong type,
 * a value out of range or not in the list, a missing required setting, a minimum age above the
 * maximum age, or an escalation with fraud analysis turned off. Steps not in the table pass.
 */
export function settingsProblem(stepId: string, config: IDataObject, options: CheckOptions): SettingsProblem | undefined {
	const step = STEP_SCHEMA[stepId];
	if (!step) return undefined;
	const known = Object.keys(step.settings);
	for (const [key, value] of Object.entries(config)) {
		const spec = step.settings[key];
		if (!spec) {
			if (known.length === 0) return { message: `${options.stepLabel} takes no settings, but${options.where(key)} it has "${key}"`, hint: 'DeepIDV documents no settings for this step. Remove them.' };
			return {
				message: `"${key}" is not a setting of ${options.stepLabel}${options.where(key)}`,
				hint: `DeepIDV documents these settings for it: ${known.join(', ')}. Check the spelling (snake_case, as DeepIDV names them).`,
			};
		}
		const why = misfit(spec, value);
		if (why) {
			return {
				message: `The setting "${key}" of ${options.stepLabel}${options.where(key)} is ${shown(value)}, ${why}`,
				hint: `DeepIDV accepts ${accepted(spec)}. Left out, ${whenLeftOut(spec)}.`,
			};
		}
	}
	if (options.complete) {
		const missing = known.find((key) => step.settings[key].required && config[key] === undefined);
		if (missing) {
			return {
				message: `${options.stepLabel} needs the setting "${missing}"`,
				hint: `DeepIDV refuses this step without it: ${step.settings[missing].description} Add it to the step's settings.`,
			};
		}
	}
	const { minimum_age: minimum, maximum_age: maximum } = config;
	if (typeof minimum === 'number' && typeof maximum === 'number' && minimum > maximum) {
		return {
			message: `The minimum age (${minimum}) of ${options.stepLabel} is higher than its maximum age (${maximum})`,
			hint: 'Lower "minimum_age" or raise "maximum_age".',
		};
	}
	if (escalates(stepId, config) && config.enable_fraud_analysis === false) {
		return {
			message: `${options.stepLabel} has "escalation_type" ${shown(config.escalation_type)} but "enable_fraud_analysis" false`,
			hint: 'DeepIDV escalates only on its fraud analysis, so an escalation turns fraud analysis on. Turn fraud analysis on, or set escalation_type to "none".',
		};
	}
	return undefined;
}

/** Whether an ID Verification config asks for an escalation, which needs fraud analysis. */
function escalates(stepId: string, config: IDataObject): boolean {
	return stepId === 'ID_VERIFICATION' && typeof config.escalation_type === 'string' && config.escalation_type !== 'none';
}

/**
 * The settings as sent: an escalation also sends `enable_fraud_analysis: true`, which it implies
 * (DeepIDV's OpenAPI file requires it, its create-workflow page turns it on by itself).
 */
export function withImpliedSettings(stepId: string, config: IDataObject): IDataObject {
	return escalates(stepId, config) && config.enable_fraud_analysis === undefined ? { ...config, enable_fraud_analysis: true } : config;
}
