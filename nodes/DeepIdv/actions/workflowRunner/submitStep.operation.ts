import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { TransportSettings } from '../../transport/settings';
import { ItemInput } from '../itemInput';
import type { ExecutionShared } from '../operation';
import { readSessionId, sessionLocator } from '../session/sessionId';
import type { StepAction } from './runStep';
import { actionsOf, nextAction, prepareStep, submitPhase, submitPrepared } from './runStep';
import { readRunnerState, indexOfStep, stepList } from './state';
import { idVerificationFields, readJsonObject, readMaxWaitMs, stepInputField, stepInputOf } from './stepInput';
import { stepFieldsParameter, withStepFields } from './stepFields';
import { LIVE_STEPS, START_COMPLETE, runnerStepId } from './stepKinds';
import { failureWords } from './submit';

export const description: INodeProperties[] = [
	sessionLocator('The headless session (from Workflow Runner → Create Headless Session) whose step to submit.'),
	{
		displayName: 'Step Name or ID',
		name: 'stepId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getRunnerSteps', loadOptionsDependsOn: ['sessionId.value'] },
		default: '',
		required: true,
		description:
			'The step to submit: it must be the session’s current step (steps go in order). The list shows the session’s steps, the current one first. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	...idVerificationFields,
	stepFieldsParameter,
	stepInputField(
		[
			{
				displayName: 'Phase',
				name: 'phase',
				type: 'options',
				default: 'auto',
				description: 'The phase of a multi-phase step (one whose requirements list actions, e.g. ADVERSE_MEDIA or FACE_LIVENESS)',
				options: [
					{ name: 'Automatic', value: 'auto', description: 'Start when the step has not begun, complete when it has' },
					{ name: 'Start', value: 'start' },
					{ name: 'Complete', value: 'complete', description: 'Waits up to Max Wait while DeepIDV’s result is not ready' },
				],
			},
		],
		'The body for a step the other parameters do not cover (e.g. {"address": "1 Main St"} for TITLE_SEARCH); Step Fields are merged over it. Files for the upload slots the requirements name come from the binary fields named like the slots; their keys are added under uploads.',
	),
];

/**
 * POST /v1/sessions/{id}/steps/{step}: reads the session's workflow state first (the step must be
 * the current one; its requirements say what to send), uploads the step's files to the session,
 * then submits once. A 200 with a failure_reason is output as it is, with the reason in words.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, settings: TransportSettings, shared: ExecutionShared): Promise<IDataObject[]> {
	const input: ItemInput = new ItemInput(this, itemIndex);
	const sessionId = readSessionId(this, itemIndex);
	const stepId = runnerStepId(input.text('stepId'));
	if (!stepId) {
		input.fail('The Step parameter is empty', "Choose the session's current step from the list, or enter a step ID such as ID_VERIFICATION.");
	}
	const extra = stepInputOf(input);
	const maxWaitMs = readMaxWaitMs(input);
	const data = readJsonObject(input, extra.stepData, 'Step Input → Step Data (JSON)');
	const chosen = String(extra.phase ?? 'auto');
	if (!['auto', 'start', 'complete'].includes(chosen)) {
		input.fail(`The Step Input → Phase "${chosen}" is not valid`, 'Choose Automatic, Start or Complete (from an expression: auto, start or complete).');
	}

	const state = await readRunnerState(this, sessionId, settings, itemIndex);
	const index = indexOfStep(state, stepId);
	if (index === -1) {
		input.fail(`The step ${stepId} is not part of the workflow of session "${sessionId}"`, `The session's steps are ${stepList(state)}. Choose one of them in Step.`);
	}
	const currentIndex = state.current_step;
	if (currentIndex === null) {
		return input.fail(
			`The session's run has already finished (status ${String(state.status ?? 'unknown')}), so ${stepId} cannot be submitted`,
			'Nothing was submitted. Get the result with Session → Get; to verify the applicant again, create a new headless session.',
		);
	}
	const current = state.steps[currentIndex];
	if (index !== currentIndex) {
		input.fail(
			`The step ${stepId} is out of order: the session's current step is ${current.step_id} (step ${currentIndex + 1} of ${state.steps.length})`,
			`Steps must be submitted in order. Submit ${current.step_id} first; the Step list shows the session's current step first.`,
		);
	}
	const target = { sessionId, step: current, index, before: state };
	const multiPhase = actionsOf(current).length > 0 || START_COMPLETE.has(stepId) || Object.hasOwn(LIVE_STEPS, stepId);
	let answer;
	if (multiPhase) {
		const action = (chosen === 'auto' ? nextAction(current) : chosen) as StepAction;
		answer = await submitPhase(input, target, action, maxWaitMs, settings, action === 'start' ? withStepFields(input, current, data) : data);
	} else {
		answer = await submitPrepared(input, target, await prepareStep(input, current, withStepFields(input, current, data)), settings, shared);
	}
	return [{ session_id: sessionId, ...answer, ...failureWords(answer) }];
}
