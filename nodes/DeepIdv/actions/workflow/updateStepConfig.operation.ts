import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { TransportSettings } from '../../transport/settings';
import { deepIdvApiRequest } from '../../transport/request';
import type { Refusal, RefusalText } from '../apiErrors';
import { quoting, refusalOf } from '../apiErrors';
import { apiPath, simpleOperation } from '../simpleOperation';
import { sandboxKeyCannotChangeWorkflows } from './refusals';
import { stepSettingsField, StepSettingsInput } from './stepSettings';
import { stepLabel, STEP_ID_HINT, stepName, stepOptions, toStepId } from './steps';
import { readWorkflowId, workflowFailureContext, workflowLocator } from './workflowId';

const JSON_LABEL = 'More Settings (JSON)';
const JSON_EXAMPLE = '{"expiry_date_years": 2}';

const properties: INodeProperties[] = [
	workflowLocator,
	{
		displayName: 'Step',
		name: 'stepId',
		type: 'options',
		options: stepOptions,
		default: 'ID_VERIFICATION',
		required: true,
		description: 'The step of the workflow whose settings change. It must be one of the workflow’s steps.',
	},
	stepSettingsField,
	{
		displayName: JSON_LABEL,
		name: 'settingsJson',
		type: 'json',
		default: '{}',
		description: `Any other settings of the step DeepIDV documents, as a JSON object, e.g. ${JSON_EXAMPLE}. Only these change. Each is checked against the settings DeepIDV documents for its step before anything is sent.`,
	},
];

/**
 * PATCH /v1/workflows/{workflow_id}/steps/{step_id}/config with the changed settings only. Setting
 * the same values twice changes nothing more, so it is repeated after a temporary failure.
 */
export const { description, execute } = simpleOperation({
	properties,
	input: StepSettingsInput,
	request: (input) => {
		const workflowId = readWorkflowId(input.context, input.itemIndex);
		const rawStep = input.raw('stepId');
		const stepId = toStepId(rawStep) ?? input.fail(`The Step "${String(rawStep ?? '')}" is not a DeepIDV workflow step`, STEP_ID_HINT);
		return {
			method: 'PATCH',
			path: apiPath`/v1/workflows/${workflowId}/steps/${stepId}/config`,
			body: { config: readConfig(input, stepId) },
			retry: 'idempotent',
			failure: {
				notFound: `Workflow "${workflowId}" was not found in DeepIDV, or it has no step ${stepLabel(stepId)}`,
				notFoundHint: `${workflowFailureContext(workflowId).notFoundHint} Check with Workflow → Get that the Step is one of its steps.`,
				invalidHint: 'Check Step Settings and More Settings (JSON): DeepIDV did not accept a setting or its value.',
			},
			refusals: async (refusal, settings) =>
				legacyStepConfig(refusal, workflowId, stepId) ??
				sandboxKeyCannotChangeWorkflows('change workflows')(refusal) ??
				(refusal.status === 404 ? await whichIsMissing(input, settings, workflowId, stepId) : undefined),
		};
	},
	answer: {
		field: 'workflow',
		is: 'object',
		missing: 'the updated workflow',
		advice: 'The settings may have changed. Use Workflow → Get to check them.',
	},
	output: (response) => response.workflow as IDataObject,
});

/**
 * DeepIDV's documented 409 here: `legacy_step_config`, a step whose settings are stored in an older
 * format the API cannot edit.
 */
function legacyStepConfig(refusal: Refusal, workflowId: string, stepId: string): RefusalText | undefined {
	if (refusal.status !== 409) return undefined;
	return {
		message: `DeepIDV cannot change the settings of ${stepLabel(stepId)} in workflow "${workflowId}": they are stored in an older format${quoting(refusal.said)}`,
		description:
			'DeepIDV answers legacy_step_config for a step set up before its current settings format; the API cannot edit such a step. Change the step in the DeepIDV Admin Console (saving it there moves it to the current format), or create a new workflow with Workflow → Create and use that one.',
	};
}

/**
 * A 404 of the PATCH means the workflow or its step is missing; a read of the workflow (safe to
 * send) tells which. When that read fails too, the 404's words say both.
 */
async function whichIsMissing(input: StepSettingsInput, settings: TransportSettings, workflowId: string, stepId: string): Promise<RefusalText | undefined> {
	let workflow: IDataObject;
	try {
		const answer = await deepIdvApiRequest.call(input.context, { method: 'GET', path: apiPath`/v1/workflows/${workflowId}`, retry: 'idempotent' }, settings, input.itemIndex);
		workflow = answer.workflow as IDataObject;
	} catch (error) {
		if (refusalOf(error)?.status !== 404) return undefined;
		const { notFound, notFoundHint } = workflowFailureContext(workflowId);
		return { message: notFound, description: notFoundHint };
	}
	const steps = Array.isArray(workflow?.steps) ? (workflow.steps as IDataObject[]).map((step) => String(step?.id ?? '')) : undefined;
	if (!steps) return undefined;
	if (steps.some((id) => toStepId(id) === stepId)) return undefined;
	const names = steps.map((id) => stepName(id)).join(', ');
	return {
		message: `Workflow "${workflowId}" has no step ${stepLabel(stepId)}`,
		description: `Its steps are: ${names || 'none'}. Choose one of them as Step. DeepIDV's API cannot add a step to an existing workflow: for another step, create a workflow with Workflow → Create.`,
	};
}

/** The changed settings: Step Settings and the JSON field, for the chosen step only, not empty. */
function readConfig(input: StepSettingsInput, stepId: string): IDataObject {
	const simple = input.simpleSettings();
	for (const step of simple.keys()) {
		if (step !== stepId) {
			input.fail(`Step Settings has settings for ${stepLabel(step)}, but the Step is ${stepLabel(stepId)}`, 'Choose that step as Step, or remove those settings.');
		}
	}
	const json = input.jsonObject('settingsJson', JSON_LABEL, JSON_EXAMPLE);
	const keyedByStep = Object.keys(json).find((key) => toStepId(key) && typeof json[key] === 'object');
	if (keyedByStep) {
		input.fail(
			`${JSON_LABEL} has the step "${keyedByStep}" as a key`,
			`Give the settings of the Step itself, without the step ID around them, e.g. ${JSON_EXAMPLE}.`,
		);
	}
	const config = input.merge(stepId, simple.get(stepId) ?? {}, json, JSON_LABEL, false);
	if (Object.keys(config).length === 0) {
		input.fail('There is no setting to change', `Add a setting under Step Settings, or give settings in ${JSON_LABEL}, e.g. ${JSON_EXAMPLE}.`);
	}
	return config;
}
