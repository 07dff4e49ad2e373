import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import { deepIdvApiRequest } from '../../transport/request';
import type { TransportSettings } from '../../transport/settings';
import type { Refusal, RefusalText } from '../apiErrors';
import { explainRefusals, quoting, refusalOf } from '../apiErrors';
import { apiPath } from '../simpleOperation';
import { explainFailure, runnerStepId } from './stepKinds';
import type { RunnerState, RunnerStep } from './state';
import { currentStep, readRunnerState } from './state';

/** DeepIDV's answer to a step submission (the common envelope; step results such as `liveness` ride along). */
export interface StepAnswer extends IDataObject {
	step_id: string;
	step_status: string;
	failure_reason: string | null;
	current_step: number | null;
	attempts_remaining: number | null;
}

/** Where a submission goes: the session, the step and its place, and the state it was read in. */
export interface StepTarget {
	sessionId: string;
	step: RunnerStep;
	index: number;
	/** The state read before submitting: settles a lost answer (did the step move on?). */
	before: RunnerState;
}

/** The fastest the node polls, whatever DeepIDV suggests. */
const MIN_POLL_MS = 500;
/** When DeepIDV suggests no interval: its SDK's 2 seconds. */
const DEFAULT_POLL_MS = 2000;

/** Whether a submission failed because DeepIDV's asynchronous result is not ready yet (a 409 to retry later). */
export function isNotReady(error: unknown): boolean {
	const refusal = refusalOf(error);
	if (refusal?.status !== 409) return false;
	const reason = (error as { errorResponse?: JsonObject }).errorResponse?.failure_reason;
	return typeof reason === 'string' ? /_NOT_READY$/.test(reason) : /not ready/i.test(refusal.said);
}

/**
 * POST /v1/sessions/{id}/steps/{step}: sent once. A lost answer (timeout, dropped connection,
 * server error after sending) is settled by reading the workflow state: when the step has moved
 * on (more attempts, another status, another current step) DeepIDV acted, and the state stands in
 * for the answer (`answer_from_state: true`); otherwise DeepIDV certainly did not act, and the
 * submission may go again within Max Retries. DeepIDV's refusals get words that say what to do.
 */
export async function submitStep(
	context: IExecuteFunctions,
	target: StepTarget,
	body: IDataObject,
	settings: TransportSettings,
	itemIndex: number,
): Promise<StepAnswer> {
	const { sessionId, step, before } = target;
	const send = async () =>
		await deepIdvApiRequest.call(
			context,
			{
				method: 'POST',
				path: apiPath`/v1/sessions/${sessionId}/steps/${step.step_id}`,
				// As JSON bytes, so that a server step's empty body still goes as {} (n8n drops an empty object).
				jsonBody: Buffer.from(JSON.stringify(body)),
				retry: 'notIfReceived',
				resolveAmbiguous: async () => await answerFromState(context, target, settings, itemIndex),
				failure: {
					notFound: `The step ${step.step_id} is not part of the workflow of session "${sessionId}"`,
					notFoundHint: `The session's steps are ${before.steps.map((s) => s.step_id).join(', ')}. Choose one of them in Step (the list shows the session's own steps).`,
					invalidHint: `Check the step's input against its requirements (Get Workflow State lists them). If DeepIDV names an upload key, it is not a file of this session: upload the files for this session (the node does, from the item's binary fields) instead of reusing keys from another session. Nothing was submitted.`,
					maybeActedHint: `DeepIDV may have received the ${step.step_id} submission although its answer was lost. Read the session's workflow state before submitting again, so the step is not submitted twice.`,
				},
			},
			settings,
			itemIndex,
		);
	const response = await explainRefusals(context, itemIndex, settings, send, async (refusal) => await explainStepRefusal(context, target, refusal, settings, itemIndex));
	if (typeof response.step_status !== 'string') {
		throw new NodeApiError(context.getNode(), response as JsonObject, {
			message: `DeepIDV answered the ${step.step_id} submission without the step's status`,
			description: 'DeepIDV may have acted on it. Read the workflow state (Workflow Runner → Start Workflow or Session → Get Progress) before submitting again.',
			itemIndex,
		});
	}
	return normaliseAnswer(response);
}

function normaliseAnswer(response: IDataObject): StepAnswer {
	return {
		...response,
		failure_reason: typeof response.failure_reason === 'string' ? response.failure_reason : null,
		current_step: typeof response.current_step === 'number' ? response.current_step : null,
		attempts_remaining: typeof response.attempts_remaining === 'number' ? response.attempts_remaining : null,
	} as StepAnswer;
}

async function answerFromState(
	context: IExecuteFunctions,
	{ sessionId, step, index, before }: StepTarget,
	settings: TransportSettings,
	itemIndex: number,
): Promise<IDataObject | undefined> {
	const now = await readRunnerState(context, sessionId, settings, itemIndex);
	const then = before.steps[index];
	const after = now.steps[index];
	const acted =
		now.current_step !== before.current_step ||
		!after ||
		after.status !== then.status ||
		Number(after.attempts ?? 0) > Number(then.attempts ?? 0);
	if (!acted) return undefined;
	return {
		step_id: after?.step_id ?? step.step_id,
		step_status: after?.status ?? 'UNKNOWN',
		failure_reason: after?.failure_reason ?? null,
		current_step: now.current_step,
		attempts_remaining: now.attempts_remaining ?? null,
		session_status: now.status ?? null,
		session_progress: now.session_progress ?? null,
		answer_from_state: true,
	};
}

/** Words for DeepIDV's documented refusals of a submission; 409s are told apart by the current state. */
async function explainStepRefusal(
	context: IExecuteFunctions,
	{ sessionId, step }: StepTarget,
	refusal: Refusal,
	settings: TransportSettings,
	itemIndex: number,
): Promise<RefusalText | undefined> {
	const said = quoting(refusal.said);
	if (refusal.status === 501) {
		return {
			message: `DeepIDV cannot run the step ${step.step_id} through the API yet${said}`,
			description: `Nothing was done. Send the applicant DeepIDV's hosted flow instead (Session → Create with this workflow), or remove ${step.step_id} from the workflow (Workflow → Create makes a new one).`,
		};
	}
	if (refusal.status !== 409) return undefined;
	const now = await readRunnerState(context, sessionId, settings, itemIndex);
	const current = currentStep(now);
	if (!current) {
		return {
			message: `The session's run has already finished (status ${String(now.status ?? 'unknown')}), so ${step.step_id} cannot be submitted${said}`,
			description: 'Nothing was submitted. Get the result with Session → Get; to verify the applicant again, create a new headless session.',
		};
	}
	if (runnerStepId(current.step_id) !== runnerStepId(step.step_id)) {
		return {
			message: `The step ${step.step_id} is out of order: the session's current step is ${current.step_id} (step ${now.current_step! + 1} of ${now.steps.length})${said}`,
			description: `Steps must be submitted in order. Submit ${current.step_id} first; the Step list shows the session's current step first.`,
		};
	}
	return {
		message: `DeepIDV did not take the ${step.step_id} submission: the step is being submitted already or is not in a state to submit (${current.status})${said}`,
		description: 'Nothing was submitted twice. Wait a moment, then read the workflow state (Session → Get Progress) and submit only if the step still asks for it.',
	};
}

/** The step's suggested poll interval (`poll_interval_seconds` in its requirements or the answer), else 2 seconds. */
export function pollIntervalMs(step: RunnerStep, answer?: IDataObject): number {
	const suggested = [answer?.poll_interval_seconds, step.requirements.poll_interval_seconds].find((value) => typeof value === 'number' && value > 0);
	return Math.max(MIN_POLL_MS, typeof suggested === 'number' ? suggested * 1000 : DEFAULT_POLL_MS);
}

/**
 * Submits `action: complete` until DeepIDV's asynchronous result is ready: each 409
 * `*_RESULT_NOT_READY` (not an attempt, documented as retryable) waits the step's poll interval,
 * then asks again, within `maxWaitMs`. Still not ready then: the item fails, saying how to finish later.
 */
export async function completeWhenReady(
	context: IExecuteFunctions,
	target: StepTarget,
	maxWaitMs: number,
	settings: TransportSettings,
	itemIndex: number,
	interval = pollIntervalMs(target.step),
): Promise<StepAnswer> {
	const started = Date.now();
	for (;;) {
		let failure: unknown;
		try {
			return await submitStep(context, target, { action: 'complete' }, settings, itemIndex);
		} catch (error) {
			failure = error;
		}
		// Outside the catch block: what is passed on is already the transport's NodeApiError.
		if (!isNotReady(failure)) throw failure;
		{
			if (Date.now() - started + interval > maxWaitMs) {
				throw new NodeApiError(context.getNode(), (failure as { errorResponse: JsonObject }).errorResponse, {
					message: `DeepIDV's result for ${target.step.step_id} was not ready within ${Math.round(maxWaitMs / 1000)} seconds`,
					description: `The step is still running at DeepIDV. Finish it later with Workflow Runner → Submit Step (session ${target.sessionId}, step ${target.step.step_id}, Phase Complete), or raise Max Wait (Seconds).`,
					httpCode: '409',
					itemIndex,
				});
			}
			await sleep(interval);
		}
	}
}

/** The derived fields of an answer with a failure: what the reason means. */
export function failureWords(answer: StepAnswer): IDataObject {
	return answer.failure_reason ? { failure_explained: explainFailure(answer.failure_reason) } : {};
}
