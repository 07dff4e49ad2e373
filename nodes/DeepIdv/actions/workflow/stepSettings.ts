import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { ItemInput } from '../itemInput';
import { stepLabel, toStepId } from './steps';

type Kind = 'age' | 'switch' | 'threshold';

/** The step settings with a field of their own; everything else goes in the JSON field. */
const SIMPLE_SETTINGS: Array<{ name: string; label: string; step: string; key: string; kind: Kind }> = [
	{ name: 'faceLivenessConfidenceThreshold', label: 'Face Liveness: Confidence Threshold', step: 'FACE_LIVENESS', key: 'confidence_threshold', kind: 'threshold' },
	{ name: 'idFraudAnalysis', label: 'ID Verification: Fraud Analysis', step: 'ID_VERIFICATION', key: 'enable_fraud_analysis', kind: 'switch' },
	{ name: 'idMaximumAge', label: 'ID Verification: Maximum Age', step: 'ID_VERIFICATION', key: 'maximum_age', kind: 'age' },
	{ name: 'idMinimumAge', label: 'ID Verification: Minimum Age', step: 'ID_VERIFICATION', key: 'minimum_age', kind: 'age' },
	{ name: 'idRequireSecondaryId', label: 'ID Verification: Require Second ID', step: 'ID_VERIFICATION', key: 'require_secondary_id', kind: 'switch' },
	{ name: 'idRequireTertiaryId', label: 'ID Verification: Require Third ID', step: 'ID_VERIFICATION', key: 'require_tertiary_id', kind: 'switch' },
];

const MAX_AGE = 150;

/** The Step Settings collection. */
export const stepSettingsField: INodeProperties = {
	displayName: 'Step Settings',
	name: 'stepSettings',
	type: 'collection',
	placeholder: 'Add Setting',
	default: {},
	description:
		'Common settings of the ID Verification and Face Liveness steps. Add only those that should differ from DeepIDV’s defaults (Create) or change (Update Step Config).',
	options: [
		{
			displayName: 'Face Liveness: Confidence Threshold',
			name: 'faceLivenessConfidenceThreshold',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 100 },
			default: 80,
			description: 'How sure (1–100) DeepIDV must be that a real, live person is in front of the camera',
		},
		{
			displayName: 'ID Verification: Fraud Analysis',
			name: 'idFraudAnalysis',
			type: 'boolean',
			default: true,
			description: 'Whether DeepIDV analyses the ID document for signs of tampering or forgery',
		},
		{
			displayName: 'ID Verification: Maximum Age',
			name: 'idMaximumAge',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: MAX_AGE, numberPrecision: 0 },
			default: 99,
			description: 'The oldest an applicant may be, in years, by the date of birth on the ID',
		},
		{
			displayName: 'ID Verification: Minimum Age',
			name: 'idMinimumAge',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: MAX_AGE, numberPrecision: 0 },
			default: 18,
			description: 'The youngest an applicant may be, in years, by the date of birth on the ID',
		},
		{
			displayName: 'ID Verification: Require Second ID',
			name: 'idRequireSecondaryId',
			type: 'boolean',
			default: false,
			description: 'Whether the applicant must show a second identity document',
		},
		{
			displayName: 'ID Verification: Require Third ID',
			name: 'idRequireTertiaryId',
			type: 'boolean',
			default: false,
			description: 'Whether the applicant must show a third identity document',
		},
	],
};

/** Reads the parameters that configure workflow steps, for one item; every mistake stops it before sending. */
export class StepSettingsInput extends ItemInput {
	/** The Step Settings fields that are set, checked, as DeepIDV configuration per step. */
	simpleSettings(): Map<string, IDataObject> {
		const raw = this.raw('stepSettings', {}) as IDataObject;
		const byStep = new Map<string, IDataObject>();
		for (const setting of SIMPLE_SETTINGS) {
			const value = raw?.[setting.name];
			if (value === undefined || value === null || value === '') continue;
			const config = byStep.get(setting.step) ?? {};
			config[setting.key] = this.checked(setting.label, setting.kind, value);
			byStep.set(setting.step, config);
		}
		return byStep;
	}

	/** Which Step Settings field sets `key` of `step`, for messages. */
	labelOf(step: string, key: string): string | undefined {
		return SIMPLE_SETTINGS.find((setting) => setting.step === step && setting.key === key)?.label;
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

	/** `extra` added to `config` of `step`; a setting given in both places is refused. */
	merge(step: string, config: IDataObject, extra: IDataObject, jsonLabel: string): IDataObject {
		for (const key of Object.keys(extra)) {
			if (key in config) {
				this.fail(
					`The setting "${key}" of ${stepLabel(step)} is given twice: in Step Settings (${this.labelOf(step, key)}) and in ${jsonLabel}`,
					`Remove it from one of the two places.`,
				);
			}
		}
		const merged = { ...config, ...extra };
		this.checkAgeRange(step, merged);
		return merged;
	}

	/** The step of a JSON key, e.g. "id-verification" → ID_VERIFICATION. */
	stepOfKey(key: string, jsonLabel: string, example: string): string {
		const step = toStepId(key);
		if (!step) {
			this.fail(`"${key}" in ${jsonLabel} is not a DeepIDV workflow step`, `Use the step IDs as keys, e.g. ${example}`);
		}
		return step;
	}

	private checkAgeRange(step: string, config: IDataObject): void {
		const { minimum_age: minimum, maximum_age: maximum } = config;
		if (step !== 'ID_VERIFICATION' || typeof minimum !== 'number' || typeof maximum !== 'number') return;
		if (minimum > maximum) {
			this.fail(
				`The minimum age (${minimum}) of ID Verification is higher than its maximum age (${maximum})`,
				'Lower ID Verification: Minimum Age or raise ID Verification: Maximum Age.',
			);
		}
	}

	private checked(label: string, kind: Kind, value: unknown): boolean | number {
		if (kind === 'switch') {
			if (typeof value === 'boolean') return value;
			if (value === 'true' || value === 'false') return value === 'true';
			return this.fail(`${label} is "${String(value)}", not on or off`, 'Turn it on or off, or give true or false from an expression.');
		}
		const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
		if (kind === 'age') {
			if (typeof number === 'number' && Number.isInteger(number) && number >= 0 && number <= MAX_AGE) return number;
			return this.fail(`${label} is "${String(value)}", not a whole number of years`, `Enter an age from 0 to ${MAX_AGE}, e.g. 18.`);
		}
		if (typeof number === 'number' && number >= 1 && number <= 100) return number;
		return this.fail(`${label} is "${String(value)}", not a number from 1 to 100`, 'Enter how sure DeepIDV must be, from 1 to 100, e.g. 80.');
	}
}
