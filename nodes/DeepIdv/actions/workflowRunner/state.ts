import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { deepIdvApiRequest } from '../../transport/request';
import type { TransportSettings } from '../../transport/settings';
import { apiPath } from '../simpleOperation';
import { runnerStepId } from './stepKinds';

/** One step of a headless session, as Create Workflow Session and Get Workflow State list them. */
export interface RunnerStep extends IDataObject {
	step_id: string;
	status: string;
	requirements: IDataObject;
}

/** A headless session's execution state (Get Workflow State; Create Workflow Session lacks some fields). */
export interface RunnerState extends IDataObject {
	session_id: string;
	steps: RunnerStep[];
	current_step: number | null;
}

/** How a session without a workflow run is named in a 404. */
export function runnerSessionFailure(sessionId: string) {
	return {
		notFound: `Session "${sessionId}" was not found in DeepIDV, or it has no workflow run`,
		notFoundHint:
			'The Workflow Runner works on headless sessions: use the session_id output by Workflow Runner → Create Headless Session (a session sent with Session → Create runs in DeepIDV’s hosted flow instead).',
	};
}

/**
 * GET /v1/sessions/{id}/workflow: the session's steps, their statuses and requirements, and which
 * step is next. A read, repeated after any temporary failure.
 */
export async function readRunnerState(
	context: IExecuteFunctions | ILoadOptionsFunctions,
	sessionId: string,
	settings: TransportSettings,
	itemIndex?: number,
): Promise<RunnerState> {
	const response = await deepIdvApiRequest.call(
		context,
		{
			method: 'GET',
			path: apiPath`/v1/sessions/${sessionId}/workflow`,
			retry: 'idempotent',
			failure: { ...runnerSessionFailure(sessionId), invalidHint: 'Check the Session parameter: it takes a session ID (a UUID).' },
		},
		settings,
		itemIndex,
	);
	return asRunnerState(context, response, 'the workflow state', 'Nothing was submitted. Run the item again.', itemIndex);
}

/** Checks that an answer has the runner state's shape (steps and current_step), with step ids as they are. */
export function asRunnerState(
	context: IExecuteFunctions | ILoadOptionsFunctions,
	response: IDataObject,
	what: string,
	advice: string,
	itemIndex?: number,
): RunnerState {
	const steps = response.steps;
	const current = response.current_step;
	const valid =
		Array.isArray(steps) &&
		steps.every((step) => step && typeof step === 'object' && typeof (step as IDataObject).step_id === 'string') &&
		(current === null || (typeof current === 'number' && Number.isInteger(current)));
	if (!valid) {
		throw new NodeApiError(context.getNode(), response as JsonObject, {
			message: `DeepIDV answered without ${what} (its steps and current step)`,
			description: advice,
			itemIndex,
		});
	}
	for (const step of steps as IDataObject[]) {
		if (!step.requirements || typeof step.requirements !== 'object') step.requirements = {};
	}
	return response as RunnerState;
}

/** The step to submit next, or undefined once the run has finished. */
export function currentStep(state: RunnerState): RunnerStep | undefined {
	return state.current_step === null ? undefined : state.steps[state.current_step];
}

/** The index of the step `stepId` (any case or separator) in the session's steps, or -1. */
export function indexOfStep(state: RunnerState, stepId: string): number {
	const wanted = runnerStepId(stepId);
	return state.steps.findIndex((step) => runnerStepId(step.step_id) === wanted);
}

/** e.g. 'ID_VERIFICATION, FACE_LIVENESS'. */
export function stepList(state: RunnerState): string {
	return state.steps.map((step) => step.step_id).join(', ');
}
