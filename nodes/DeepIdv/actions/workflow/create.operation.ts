import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { describeWrites } from '../operation';
import { simpleOperation } from '../simpleOperation';
import { stepSettingsField, StepSettingsInput } from './stepSettings';
import { MAX_STEPS, stepLabel, STEP_ID_HINT, stepOptions, toStepId } from './steps';
import { sandboxKeyCannotChangeWorkflows } from './refusals';

const MAX_NAME_LENGTH = 255;
const JSON_LABEL = 'More Step Settings (JSON)';
const JSON_EXAMPLE = '{"ID_VERIFICATION": {"expiry_date_years": 2}}';

const MAYBE_CREATED =
	'DeepIDV may have created the workflow anyway. Before running this item again, look for it with Workflow → Get Many so it is not created twice.';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. KYC Standard',
		description: 'The name of the new workflow, up to 255 characters, as ops staff will see it in DeepIDV and in the Workflow lists',
	},
	{
		displayName: 'Steps',
		name: 'steps',
		type: 'multiOptions',
		options: stepOptions,
		default: [],
		required: true,
		description:
			'The verification steps the applicant goes through, 1 to 10, each once, in the order you choose them. From an expression: a list of step IDs in order, e.g. ["ID_VERIFICATION", "FACE_LIVENESS"].',
	},
	stepSettingsField,
	{
		displayName: JSON_LABEL,
		name: 'stepSettingsJson',
		type: 'json',
		default: '{}',
		description: `Any other step settings DeepIDV documents, as a JSON object keyed by step ID, e.g. ${JSON_EXAMPLE} or {"VPN_DETECTION": {"vpn_action": "block"}}. Each is checked against the settings DeepIDV documents for its step before anything is sent.`,
	},
];

/** POST /v1/workflows: never repeated once DeepIDV may have received it, so no workflow is created twice. */
export const { description, execute } = simpleOperation({
	properties,
	input: StepSettingsInput,
	request: (input) => {
		const name = readName(input, input.raw('name'));
		const steps = readSteps(input, input.raw('steps', []));
		const configs = readConfigs(input, steps);
		return {
			method: 'POST',
			path: '/v1/workflows',
			body: { name, steps: steps.map((id) => (configs.has(id) ? { id, config: configs.get(id) } : { id })) },
			retry: 'notIfReceived',
			failure: { invalidHint: 'Check Name, Steps, Step Settings and More Step Settings (JSON).', maybeActedHint: MAYBE_CREATED },
			refusals: sandboxKeyCannotChangeWorkflows('create workflows'),
		};
	},
	answer: { field: 'workflow', is: 'object', missing: 'the new workflow', advice: MAYBE_CREATED },
	output: (response) => response.workflow as IDataObject,
});

/** For the error that stops a run: which items had already created workflows. */
export const describeCompleted = describeWrites(() => true, 'workflow', 'created a workflow', 'Running the workflow again creates them again.');

function readName(input: StepSettingsInput, raw: unknown): string {
	const name = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
	if (!name) input.fail('The Name parameter is empty', 'Enter a name for the workflow, e.g. KYC Standard.');
	if (name.length > MAX_NAME_LENGTH) {
		input.fail(`The Name is longer than ${MAX_NAME_LENGTH} characters`, `DeepIDV accepts at most ${MAX_NAME_LENGTH} characters. Shorten it.`);
	}
	return name;
}

/** The Steps in the order given: from the multi-select, a list from an expression, or comma-separated text. */
function readSteps(input: StepSettingsInput, raw: unknown): string[] {
	const given = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',').filter((part) => part.trim()) : [];
	if (given.length === 0) input.fail('The Steps parameter is empty', `Choose at least one step. ${STEP_ID_HINT}`);
	const steps: string[] = [];
	for (const entry of given) {
		const id = toStepId(entry);
		if (!id) input.fail(`"${String(entry)}" in Steps is not a DeepIDV workflow step`, STEP_ID_HINT);
		if (steps.includes(id)) input.fail(`The step ${stepLabel(id)} is in Steps twice`, 'Each step can be in a workflow once. Remove the repeat.');
		steps.push(id);
	}
	if (steps.length > MAX_STEPS) {
		input.fail(`Steps has ${steps.length} steps, more than the ${MAX_STEPS} a DeepIDV workflow can have`, `Remove steps until at most ${MAX_STEPS} are left.`);
	}
	return steps;
}

/** Step Settings and the JSON field together, per step; only for steps that are in Steps. */
function readConfigs(input: StepSettingsInput, steps: string[]): Map<string, IDataObject> {
	const simple = input.simpleSettings();
	for (const step of simple.keys()) {
		if (!steps.includes(step)) {
			input.fail(`Step Settings has settings for ${stepLabel(step)}, which is not in Steps`, `Add the step to Steps, or remove its settings.`);
		}
	}
	const json = input.jsonObject('stepSettingsJson', JSON_LABEL, JSON_EXAMPLE);
	const configs = new Map(simple);
	const seen = new Set<string>();
	for (const [key, value] of Object.entries(json)) {
		const step = input.stepOfKey(key, JSON_LABEL, JSON_EXAMPLE);
		if (seen.has(step)) input.fail(`${JSON_LABEL} has ${stepLabel(step)} twice`, 'Put all settings of a step under one key.');
		seen.add(step);
		if (!steps.includes(step)) input.fail(`${JSON_LABEL} has settings for ${stepLabel(step)}, which is not in Steps`, 'Add the step to Steps, or remove its settings.');
		if (!value || typeof value !== 'object' || Array.isArray(value)) {
			input.fail(`The settings of ${key} in ${JSON_LABEL} are not a JSON object`, `Give each step's settings in curly braces, e.g. ${JSON_EXAMPLE}`);
		}
		configs.set(step, input.merge(step, simple.get(step) ?? {}, value as IDataObject, JSON_LABEL, true));
	}
	for (const [step, config] of simple) if (!seen.has(step)) configs.set(step, input.merge(step, config, {}, JSON_LABEL, true));
	// A step without settings still needs those DeepIDV requires (e.g. E-Signature's template).
	for (const step of steps) if (!configs.has(step)) input.merge(step, {}, {}, JSON_LABEL, true);
	return configs;
}
