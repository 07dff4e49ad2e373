import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { ItemInput } from '../itemInput';
import type { RunnerStep } from './state';
import { runnerStepId } from './stepKinds';

/** One field a step's requirements list: its key, how to show it, whether it must be given, and where it goes in the body. */
export interface RequirementField {
	key: string;
	label: string;
	required: boolean;
	/** The custom form's field type (e.g. number, short-text); empty for the other steps. */
	type: string;
	/** CUSTOM_FORM answers go under `answers`; the other steps' fields are top-level. */
	inAnswers: boolean;
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const texts = (value: unknown): string[] => asList(value).filter((entry): entry is string => typeof entry === 'string' && entry !== '');

/**
 * The fields a step's requirements list for the client to fill: CUSTOM_FORM `fields[]` (except
 * file-upload ones, which are files from binary fields), and `identity_fields` / `input_fields`
 * (required) and `optional_fields` of the other steps. Empty when the requirements list none.
 */
export function requirementFields(requirements: IDataObject): RequirementField[] {
	const found = new Map<string, RequirementField>();
	for (const entry of asList(requirements.fields)) {
		if (!entry || typeof entry !== 'object') continue;
		const { key, label, type, required } = entry as IDataObject;
		if (typeof key !== 'string' || key === '' || type === 'file-upload') continue;
		const text = typeof type === 'string' ? type : '';
		found.set(key, { key, label: typeof label === 'string' && label ? label : key, required: required === true, type: text, inAnswers: true });
	}
	const top = (key: string, required: boolean) => {
		if (!found.has(key)) found.set(key, { key, label: key, required, type: '', inAnswers: false });
	};
	for (const key of [...texts(requirements.identity_fields), ...texts(requirements.input_fields)]) top(key, true);
	for (const key of texts(requirements.optional_fields)) top(key, false);
	return [...found.values()];
}

/** The Step Fields parameter of Submit Step: field names from the chosen step's requirements, each with a value. */
export const stepFieldsParameter: INodeProperties = {
	displayName: 'Step Fields',
	name: 'stepFields',
	type: 'fixedCollection',
	placeholder: 'Add Field',
	typeOptions: { multipleValues: true },
	default: {},
	description:
		"The fields the chosen step's requirements list (custom form answers, PEP & sanctions identity, credit check or title search inputs), one value each. They are merged over Step Input → Step Data (JSON), which stays the fallback for anything else.",
	options: [
		{
			displayName: 'Field',
			name: 'field',
			values: [
				{
					displayName: 'Field Name or ID',
					name: 'name',
					type: 'options',
					typeOptions: { loadOptionsMethod: 'getRunnerStepFields', loadOptionsDependsOn: ['sessionId.value', 'stepId'] },
					default: '',
					description:
						'A field the step’s requirements list. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
				{
					displayName: 'Value',
					name: 'value',
					type: 'string',
					default: '',
					description:
						'The value to send. For a custom form field of type number a number, of type checkbox or boolean true/false; a value in braces or brackets is read as JSON (e.g. an address object).',
				},
			],
		},
	],
};

/** A Step Fields value as the step takes it: numbers and booleans for custom form fields of those types, JSON in braces or brackets, else the text. */
function valueOf(input: ItemInput, field: RequirementField, raw: IDataObject[string]): IDataObject[string] {
	if (typeof raw !== 'string') return raw;
	const text = raw.trim();
	const where = `Step Fields → ${field.key}`;
	if (field.type === 'number' && text !== '') {
		const number = Number(text);
		if (!Number.isFinite(number)) input.fail(`The ${where} value "${text}" is not a number`, `The form field ${field.label} takes a number, e.g. 42.`);
		return number;
	}
	if ((field.type === 'checkbox' || field.type === 'boolean') && text !== '') {
		if (text !== 'true' && text !== 'false') input.fail(`The ${where} value "${text}" is not true or false`, `The form field ${field.label} is a checkbox: enter true or false.`);
		return text === 'true';
	}
	if (/^[[{]/.test(text)) {
		try {
			return JSON.parse(text) as IDataObject[string];
		} catch {
			input.fail(`The ${where} value is not valid JSON`, 'A value in braces or brackets is read as JSON: fix it, e.g. {"city": "Toronto"}, or remove the braces to send it as text.');
		}
	}
	return raw;
}

const isMissing = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * The step's body from Step Fields merged over Step Data (JSON): a field the step's requirements do
 * not list is refused, and so is a required one that neither gives. Steps whose requirements list
 * no fields take Step Data (JSON) as it is; Step Fields are refused for them.
 */
export function withStepFields(input: ItemInput, step: RunnerStep, data: IDataObject): IDataObject {
	const stepId = runnerStepId(step.step_id);
	const known = requirementFields(step.requirements);
	const entries = asList((input.raw('stepFields', {}) as IDataObject).field);
	if (known.length === 0) {
		if (entries.length > 0) {
			input.fail(
				`The ${stepId} step's requirements list no fields, so Step Fields cannot be used for it`,
				'Remove the Step Fields, and give what the step takes in Step Input → Step Data (JSON) instead.',
			);
		}
		return data;
	}
	const body: IDataObject = { ...data };
	const answers: IDataObject = { ...((data.answers && typeof data.answers === 'object' && !Array.isArray(data.answers) ? data.answers : {}) as IDataObject) };
	const names = known.map((field) => field.key).join(', ');
	for (const entry of entries) {
		const { name, value } = (entry ?? {}) as IDataObject;
		const key = typeof name === 'string' ? name.trim() : '';
		if (!key) input.fail('A Step Fields entry has no Field Name', `Choose the field from the list (the ${stepId} step takes: ${names}), or remove the entry.`);
		const field = known.find((candidate) => candidate.key === key);
		if (!field) input.fail(`The Step Fields field "${key}" is not one the ${stepId} step's requirements list`, `The step takes: ${names}. Choose one of them, or put anything else in Step Input → Step Data (JSON).`);
		(field.inAnswers ? answers : body)[key] = valueOf(input, field, value);
	}
	for (const field of known) {
		if (!field.required || !isMissing((field.inAnswers ? answers : body)[field.key])) continue;
		input.fail(
			`The ${stepId} step requires the field "${field.key}", but neither Step Fields nor Step Input → Step Data (JSON) gives it`,
			`Add ${field.key} under Step Fields (the list shows the fields the step's requirements name), or put it in Step Data (JSON)${field.inAnswers ? ' under answers' : ''}.`,
		);
	}
	if (known.some((field) => field.inAnswers)) body.answers = answers;
	return body;
}
