import type { IDataObject, INodeProperties, NodeParameterValue } from 'n8n-workflow';

import { ItemInput } from '../itemInput';
import type { SettingSpec } from './stepSchema';
import { settingsProblem, STEP_SCHEMA, whenLeftOut, withImpliedSettings } from './stepSchema';
import { stepLabel, toStepId } from './steps';

/**
 * The step settings with a field of their own (the rest go in the JSON field), in the order of their
 * labels; type, range and default come from the step table.
 */
const FIELDS: Array<{ name: string; step: string; key: string; label: string; options?: Record<string, string> }> = [
	{ name: 'ageEstimationMinimumAge', step: 'AGE_ESTIMATION', key: 'minimum_age', label: 'Age Estimation: Minimum Age' },
	{ name: 'faceLivenessConfidenceThreshold', step: 'FACE_LIVENESS', key: 'confidence_threshold', label: 'Face Liveness: Confidence Threshold' },
	{ name: 'idEscalationRiskThreshold', step: 'ID_VERIFICATION', key: 'escalation_risk_threshold', label: 'ID Verification: Escalation Risk Threshold' },
	{
		name: 'idEscalationType',
		step: 'ID_VERIFICATION',
		key: 'escalation_type',
		label: 'ID Verification: Escalation Type',
		options: { none: 'None', 'nfc-passport': 'NFC Passport Scan', 'address-verification': 'Address Verification' },
	},
	{ name: 'idExpiryDateYears', step: 'ID_VERIFICATION', key: 'expiry_date_years', label: 'ID Verification: Expiry Date Years' },
	{ name: 'idFraudAnalysis', step: 'ID_VERIFICATION', key: 'enable_fraud_analysis', label: 'ID Verification: Fraud Analysis' },
	{ name: 'idFaceFrontPhotoOnly', step: 'ID_VERIFICATION', key: 'face_front_photo_only', label: 'ID Verification: Front-Facing Photo Only' },
	{ name: 'idMaximumAge', step: 'ID_VERIFICATION', key: 'maximum_age', label: 'ID Verification: Maximum Age' },
	{ name: 'idMinimumAge', step: 'ID_VERIFICATION', key: 'minimum_age', label: 'ID Verification: Minimum Age' },
	{ name: 'idRequireSecondaryId', step: 'ID_VERIFICATION', key: 'require_secondary_id', label: 'ID Verification: Require Second ID' },
	{ name: 'idRequireTertiaryId', step: 'ID_VERIFICATION', key: 'require_tertiary_id', label: 'ID Verification: Require Third ID' },
	{ name: 'idRequireFrontOnly', step: 'ID_VERIFICATION', key: 'require_front_only', label: 'ID Verification: Scan Front of ID Only' },
];

const specOf = (step: string, key: string): SettingSpec => STEP_SCHEMA[step].settings[key];

/** One Step Settings field, from the step table: DeepIDV's type, range and default, and what DeepIDV does when it is not added. */
function fieldOf(field: (typeof FIELDS)[number]): INodeProperties {
	const spec = specOf(field.step, field.key);
	const base = { displayName: field.label, name: field.name, default: spec.default as NodeParameterValue, description: `${spec.description} Not added: ${whenLeftOut(spec)}.` };
	if (spec.type === 'boolean') return { ...base, type: 'boolean', default: spec.default === true };
	if (field.options) {
		const options = (spec.enum as string[]).map((value) => ({ name: field.options![value] ?? value, value })).sort((a, b) => a.name.localeCompare(b.name));
		return { ...base, type: 'options', options };
	}
	const typeOptions = { minValue: spec.minimum, maxValue: spec.maximum, ...(spec.type === 'integer' ? { numberPrecision: 0 } : {}) };
	return { ...base, type: 'number', typeOptions };
}

/** The Step Settings collection. */
export const stepSettingsField: INodeProperties = {
	displayName: 'Step Settings',
	name: 'stepSettings',
	type: 'collection',
	placeholder: 'Add Setting',
	default: {},
	description:
		'Common settings of the ID Verification, Face Liveness and Age Estimation steps. Each starts at DeepIDV’s default; add only those that should differ from it (Create) or change (Update Step Config).',
	options: FIELDS.map(fieldOf),
};

/** Reads the parameters that configure workflow steps, for one item; every mistake stops it before sending. */
export class StepSettingsInput extends ItemInput {
	/** The Step Settings fields that are set, as DeepIDV configuration per step (checked with the step's other settings). */
	simpleSettings(): Map<string, IDataObject> {
		const raw = this.raw('stepSettings', {}) as IDataObject;
		const byStep = new Map<string, IDataObject>();
		for (const field of FIELDS) {
			const value = raw?.[field.name];
			if (value === undefined || value === null || value === '') continue;
			const config = byStep.get(field.step) ?? {};
			config[field.key] = fromExpression(specOf(field.step, field.key), value) as IDataObject[string];
			byStep.set(field.step, config);
		}
		return byStep;
	}

	/**
	 * A JSON object parameter ('' or '{}' when unset): from the JSON editor as text, or an object
	 * from an expression.
	 */
	jsonObject(name: string, label: string, example: string): IDataObject {
		const raw = this.raw(name, '{}');
		let value: unknown = raw;
		if (typeof raw === 'string') {
			if (!raw.trim()) return {};
			try {
				value = JSON.parse(raw);
			} catch (error) {
				this.fail(`The ${label} is not valid JSON: ${(error as Error).message}`, `Enter a JSON object, e.g. ${example}`);
			}
		}
		if (!value || typeof value !== 'object' || Array.isArray(value)) {
			this.fail(`The ${label} is not a JSON object`, `Enter a JSON object in curly braces, e.g. ${example}`);
		}
		return value as IDataObject;
	}

	/**
	 * `extra` (from the JSON field) added to `config` (from Step Settings) of `step`, checked against
	 * DeepIDV's step table, as it will be sent. A setting given in both places is refused.
	 * `complete`: these are all the step's settings (Create), so required ones must be there.
	 */
	merge(step: string, config: IDataObject, extra: IDataObject, jsonLabel: string, complete: boolean): IDataObject {
		for (const key of Object.keys(extra)) {
			if (key in config) {
				this.fail(
					`The setting "${key}" of ${stepLabel(step)} is given twice: in Step Settings (${this.labelOf(step, key)}) and in ${jsonLabel}`,
					`Remove it from one of the two places.`,
				);
			}
		}
		const merged = { ...config, ...extra };
		const where = (key: string) => (key in extra ? ` in ${jsonLabel}` : ` in Step Settings (${this.labelOf(step, key)})`);
		const problem = settingsProblem(step, merged, { stepLabel: stepLabel(step), where, complete });
		if (problem) this.fail(problem.message, problem.hint);
		return withImpliedSettings(step, merged);
	}

	/** The step of a JSON key, e.g. "id-verification" → ID_VERIFICATION. */
	stepOfKey(key: string, jsonLabel: string, example: string): string {
		const step = toStepId(key);
		if (!step) {
			this.fail(`"${key}" in ${jsonLabel} is not a DeepIDV workflow step`, `Use the step IDs as keys, e.g. ${example}`);
		}
		return step;
	}

	/** Which Step Settings field sets `key` of `step`, for messages. */
	private labelOf(step: string, key: string): string | undefined {
		return FIELDS.find((field) => field.step === step && field.key === key)?.label;
	}
}

/** A field's value as DeepIDV's type when an expression gave it as text ('true', '21'); anything else as given, for the check. */
function fromExpression(spec: SettingSpec, value: unknown): unknown {
	if (typeof value !== 'string') return value;
	if (spec.type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
	if ((spec.type === 'integer' || spec.type === 'number') && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
	return value;
}
