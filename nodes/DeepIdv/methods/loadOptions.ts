import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { defaultTransportSettings } from '../transport/settings';
import { stepLabel } from '../actions/workflow/steps';
import { requirementFields } from '../actions/workflowRunner/stepFields';
import { indexOfStep, readRunnerState } from '../actions/workflowRunner/state';
import { runnerStepId } from '../actions/workflowRunner/stepKinds';
import { listWorkflows, workflowChoices } from './workflowList';

/** The organisation's DeepIDV workflows for the "Workflow Name or ID" dropdowns, by name. */
export async function getWorkflows(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return workflowChoices(await listWorkflows.call(this, defaultTransportSettings()));
}

/**
 * The steps of the headless session in the Session parameter, for Workflow Runner → Submit Step:
 * the current step first, then the others in workflow order, each with its status. Empty until a
 * session is chosen; a session ID given by an expression is only known when the node runs.
 */
export async function getRunnerSteps(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const sessionId = knownText(this, 'sessionId');
	if (!sessionId) return [];
	const state = await readRunnerState(this, sessionId, defaultTransportSettings());
	const options = state.steps.map((step, index) => ({
		name: `${index + 1}. ${stepLabel(runnerStepId(step.step_id))}${index === state.current_step ? ' — current step' : ''}`,
		value: step.step_id,
		description: `Status: ${String(step.status ?? 'unknown')}`,
	}));
	const current = state.current_step;
	return current === null ? options : [options[current], ...options.filter((_, index) => index !== current)];
}

/** A parameter's value as set in the editor; empty while unset or given by an expression. */
function knownText(context: ILoadOptionsFunctions, name: string): string {
	const raw = context.getCurrentNodeParameter(name, { extractValue: true }) as unknown;
	const text = typeof raw === 'string' ? raw.trim() : '';
	return text.startsWith('=') ? '' : text;
}

/**
 * The fields the chosen step's requirements list, for Submit Step → Step Fields: required ones
 * first, each with its label and type. Empty until a session and step are chosen, or when the step
 * is not the session's or lists no fields.
 */
export async function getRunnerStepFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const sessionId = knownText(this, 'sessionId');
	const stepId = runnerStepId(knownText(this, 'stepId'));
	if (!sessionId || !stepId) return [];
	const state = await readRunnerState(this, sessionId, defaultTransportSettings());
	const index = indexOfStep(state, stepId);
	if (index === -1) return [];
	const fields = requirementFields(state.steps[index].requirements);
	return [...fields.filter((field) => field.required), ...fields.filter((field) => !field.required)].map((field) => ({
		name: field.label === field.key ? field.key : `${field.label} (${field.key})`,
		value: field.key,
		description: [field.required ? 'Required' : 'Optional', field.type].filter(Boolean).join(' · '),
	}));
}
