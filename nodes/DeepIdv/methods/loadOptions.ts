import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { defaultTransportSettings } from '../transport/settings';
import { stepLabel } from '../actions/workflow/steps';
import { readRunnerState } from '../actions/workflowRunner/state';
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
	const raw = this.getCurrentNodeParameter('sessionId', { extractValue: true }) as unknown;
	const sessionId = typeof raw === 'string' ? raw.trim() : '';
	if (!sessionId || sessionId.startsWith('=')) return [];
	const state = await readRunnerState(this, sessionId, defaultTransportSettings());
	const options = state.steps.map((step, index) => ({
		name: `${index + 1}. ${stepLabel(runnerStepId(step.step_id))}${index === state.current_step ? ' — current step' : ''}`,
		value: step.step_id,
		description: `Status: ${String(step.status ?? 'unknown')}`,
	}));
	const current = state.current_step;
	return current === null ? options : [options[current], ...options.filter((_, index) => index !== current)];
}
