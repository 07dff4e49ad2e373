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

/** The Value of a Step Fields entry (Submit Step and Run With Files). */
const VALUE_PARAMETER: INodeProperties = {
	displayName: 'Value',
	name: 'value',
	type: 'string',
	default: '',
	description:
		'The value to send. For a custom form field of type number a number, of type checkbox or boolean true/false; a value in braces or brackets is read as JSON (e.g. an address object).',
};

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
				VALUE_PARAMETER,
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

/** Step Fields merged over a step's data: the body, and the required fields neither gives. */
export interface MergedStepFields {
	body: IDataObject;
	missing: RequirementField[];
}

/**
 * Step Fields entries (`{ name, value }`) merged over Step Data (JSON) for one step, typed as the
 * step's requirements type them (custom form answers under `answers`): a field the requirements do
 * not list is refused, and so are entries for a step whose requirements list no fields (its data is
 * taken as it is). Required fields neither gives are returned, for the caller to refuse or stop on.
 */
export function mergeStepFields(input: ItemInput, step: RunnerStep, data: IDataObject, entries: unknown[]): MergedStepFields {
	const stepId = runnerStepId(step.step_id);
	const known = requirementFields(step.requirements);
	if (known.length === 0) {
		if (entries.length > 0) {
			input.fail(
				`The ${stepId} step's requirements list no fields, so Step Fields cannot be used for it`,
				'Remove the Step Fields, and give what the step takes in Step Input → Step Data (JSON) instead.',
			);
		}
		return { body: data, missing: [] };
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
	const missing = known.filter((field) => field.required && isMissing((field.inAnswers ? answers : body)[field.key]));
	if (known.some((field) => field.inAnswers)) body.answers = answers;
	return { body, missing };
}

/**
 * Submit Step: the step's body from Step Fields merged over Step Data (JSON) (see mergeStepFields);
 * a required field that neither gives is refused.
 */
export function withStepFields(input: ItemInput, step: RunnerStep, data: IDataObject): IDataObject {
	const { body, missing } = mergeStepFields(input, step, data, asList((input.raw('stepFields', {}) as IDataObject).field));
	for (const field of missing) {
		input.fail(
			`The ${runnerStepId(step.step_id)} step requires the field "${field.key}", but neither Step Fields nor Step Input → Step Data (JSON) gives it`,
			`Add ${field.key} under Step Fields (the list shows the fields the step's requirements name), or put it in Step Data (JSON)${field.inAnswers ? ' under answers' : ''}.`,
		);
	}
	return body;
}

/** The Step Fields parameter of Run With Files: per entry a step ID, one of its requirements' fields, and a value. */
export const runStepFieldsParameter: INodeProperties = {
	displayName: 'Step Fields',
	name: 'runStepFields',
	type: 'fixedCollection',
	placeholder: 'Add Field',
	typeOptions: { multipleValues: true },
	default: {},
	description:
		"Values for the fields the workflow's steps' requirements list (custom form answers, PEP & sanctions identity, credit check or title search inputs), e.g. mapped from the item with expressions. When the run reaches a step, its entries are merged over Step Input → Step Data (JSON) for that step.",
	options: [
		{
			displayName: 'Field',
			name: 'field',
			values: [
				{ displayName: 'Step ID', name: 'stepId', type: 'string', default: '', placeholder: 'e.g. CUSTOM_FORM', description: 'The step the field belongs to, as the workflow names it' },
				{ displayName: 'Field Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. age', description: 'A field the step’s requirements list (for a custom form, the field’s key)' },
				VALUE_PARAMETER,
			],
		},
	],
};

/** Run With Files: the Step Fields entries, each checked to name its step (read before anything is created). */
export function runStepFieldEntries(input: ItemInput): Array<{ stepId: string; entry: unknown }> {
	return asList((input.raw('runStepFields', {}) as IDataObject).field).map((entry) => {
		const { stepId } = (entry ?? {}) as IDataObject;
		const text = typeof stepId === 'string' ? stepId.trim() : '';
		if (!text) input.fail('A Step Fields entry has no Step ID', 'Enter the ID of the step the field belongs to (e.g. CUSTOM_FORM), or remove the entry.');
		return { stepId: runnerStepId(text), entry };
	});
}

/** Run With Files: the Step Fields entries for `step` merged over its data (see mergeStepFields); undefined when there are none for it. */
export function withRunStepFields(input: ItemInput, step: RunnerStep, data: IDataObject): MergedStepFields | undefined {
	const stepId = runnerStepId(step.step_id);
	const entries = runStepFieldEntries(input)
		.filter((candidate) => candidate.stepId === stepId)
		.map(({ entry }) => entry);
	return entries.length > 0 ? mergeStepFields(input, step, data, entries) : undefined;
}
