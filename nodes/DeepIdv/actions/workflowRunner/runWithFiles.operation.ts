import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { readImageInField } from '../../files/inputImage';
import { deepIdvApiRequest } from '../../transport/request';
import type { TransportSettings } from '../../transport/settings';
import { readPerson } from '../applicant';
import { ItemInput } from '../itemInput';
import type { ExecutionShared } from '../operation';
import { readSessionId, sessionFailureContext, sessionLocator } from '../session/sessionId';
import { simplifySession } from '../session/simplify';
import { apiPath } from '../simpleOperation';
import { simplifyField } from '../simplifyField';
import { readWorkflowId, workflowFailureContext } from '../workflow/workflowId';
import { createHeadlessSession, describeCreated, headlessSessionFields } from './headlessSession';
import type { Applicant } from './runStep';
import { actionsOf, prepareStep, submitPhase, submitPrepared, withIdentity } from './runStep';
import type { RunnerState, RunnerStep } from './state';
import { currentStep, readRunnerState } from './state';
import { runStepFieldEntries, runStepFieldsParameter, withRunStepFields } from './stepFields';
import { idVerificationFields, readJsonObject, readMaxWaitMs, stepInputField, stepInputOf } from './stepInput';
import type { LiveStep } from './stepKinds';
import { HOSTED_FLOW, LIVE_STEPS, START_COMPLETE, explainFailure, liveStepsOf, runnerStepId } from './stepKinds';
import type { StepAnswer, StepTarget } from './submit';
import { pollIntervalMs } from './submit';

const NEW = 'newSession';

/** Steps that take data only Step Data (JSON) can give (an address, a date of birth, business details, form answers). */
const NEEDS_DATA = new Set(['CREDIT_CHECK', 'KYB', 'TITLE_SEARCH', 'CUSTOM_FORM', 'PEP_SANCTIONS', 'ADVERSE_MEDIA']);
const CONTINUE = 'continueSession';

const newOnly = { displayOptions: { show: { sessionSource: [NEW] } } };

export const description: INodeProperties[] = [
	{
		displayName: 'Session',
		name: 'sessionSource',
		type: 'options',
		default: NEW,
		options: [
			{ name: 'New Headless Session', value: NEW, description: 'Create a headless session of the workflow for the applicant, then run it' },
			{ name: 'Continue a Session', value: CONTINUE, description: 'Go on with a headless session from its current step, e.g. one a previous run stopped' },
		],
	},
	...headlessSessionFields.map((field) => ({ ...field, ...newOnly })),
	{
		...sessionLocator('The headless session to go on with, from its current step.'),
		name: 'sessionId',
		displayOptions: { show: { sessionSource: [CONTINUE] } },
	},
	...idVerificationFields,
	stepInputField(
		[],
		'Data for the steps that take fields (e.g. CREDIT_CHECK, TITLE_SEARCH, CUSTOM_FORM), by step ID: {"TITLE_SEARCH": {"address": "1 Main St, Springfield"}}. Files for the upload slots a step’s requirements name come from the binary fields named like the slots.',
	),
	runStepFieldsParameter,
	{
		displayName: 'Refuse Workflows With Live Steps',
		name: 'refuseLiveSteps',
		type: 'boolean',
		default: false,
		description:
			"Whether to refuse, before creating anything, a workflow with steps only the applicant can do (face liveness, deepfake check, phone code, ProofCall, hosted-flow steps, e-signature). Off: the run stops at such a step and outputs what it waits for (waiting_for).",
		...newOnly,
	},
	simplifyField('the session’s status and headline results once the run has finished, as Session → Get shows them'),
];

/** Why the run stopped where it did, as the output item says it. */
interface Stop {
	run_outcome: 'completed' | 'waiting_for_applicant' | 'step_failed' | 'needs_input';
	stopped_at_step: string | null;
	waiting_for: string | null;
	waiting_reason: string | null;
	failure_reason: string | null;
	failure_explained: string | null;
	attempts_remaining: number | null;
}

/** The live step that stops the run here, if `step` is one. */
function liveStep(step: RunnerStep): LiveStep | undefined {
	const id = runnerStepId(step.step_id);
	return LIVE_STEPS[id] ?? (step.requirements.hosted_flow === true ? HOSTED_FLOW : undefined);
}

/**
 * Drives a headless session for one item, as DeepIDV's Runner documents the loop: from the
 * current step, upload and submit the steps the item's files and fields can do, run the server
 * steps, wait for asynchronous results, and stop when the run has finished (then the session as
 * Session → Get outputs it) or at a step only the applicant can do. No submission is repeated:
 * a step that fails (200 with a failure_reason) stops the run, its reason in words.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, settings: TransportSettings, shared: ExecutionShared): Promise<IDataObject[]> {
	const input: ItemInput = new ItemInput(this, itemIndex);
	const source = String(input.raw('sessionSource', NEW));
	if (source !== NEW && source !== CONTINUE) {
		input.fail(`The Session value "${source}" is not valid`, `Choose New Headless Session or Continue a Session (from an expression: ${NEW} or ${CONTINUE}).`);
	}
	const maxWaitMs = readMaxWaitMs(input);
	const stepData = readJsonObject(input, stepInputOf(input).stepData, 'Step Input → Step Data (JSON)');
	runStepFieldEntries(input);
	const simplify = input.simplify();

	let state: RunnerState;
	let created = false;
	let applicant: Applicant | undefined;
	if (source === NEW) {
		const person = readPerson(input, 'a headless session');
		applicant = { first_name: String(person.firstName), last_name: String(person.lastName) };
		await preflight(input, settings);
		const session = await createHeadlessSession(this, itemIndex, settings);
		created = session.created;
		state = session as unknown as RunnerState;
	} else {
		state = await readRunnerState(this, readSessionId(this, itemIndex), settings, itemIndex);
	}

	const sessionId = state.session_id;
	const submitted: IDataObject[] = [];
	try {
		const stop = await runSteps(input, state, stepData, maxWaitMs, settings, shared, submitted, applicant);
		const session = stop.run_outcome === 'completed' ? await finalSession(this, sessionId, simplify, settings, itemIndex) : null;
		return [{ session_id: sessionId, created, ...stop, current_step: state.current_step, steps_submitted: submitted, session }];
	} catch (error) {
		throw withSession(error, sessionId, created, state);
	}
}

/**
 * Before a new session is created (and billed): the workflow's steps (a free read), refused when
 * Refuse Workflows With Live Steps is on and some need the applicant, and the item's ID files and
 * consent checked when the workflow has those steps, so a missing file stops the item here.
 */
async function preflight(input: ItemInput, settings: TransportSettings): Promise<void> {
	const { context, itemIndex } = input;
	const workflowId = readWorkflowId(context, itemIndex);
	const response = await deepIdvApiRequest.call(
		context,
		{ method: 'GET', path: apiPath`/v1/workflows/${workflowId}`, retry: 'idempotent', failure: workflowFailureContext(workflowId) },
		settings,
		itemIndex,
	);
	const workflow = (response.workflow ?? {}) as IDataObject;
	const steps = Array.isArray(workflow.steps) ? (workflow.steps as unknown[]).map((step) => runnerStepId(typeof step === 'string' ? step : (step as IDataObject)?.id)) : [];
	const strangers = [...new Set(runStepFieldEntries(input).map(({ stepId }) => stepId))].filter((stepId) => !steps.includes(stepId));
	if (strangers.length > 0) {
		input.fail(
			`Step Fields names ${strangers.map((stepId) => `"${stepId}"`).join(', ')}, not a step of the workflow "${String(workflow.name ?? workflowId)}"`,
			`The workflow's steps are ${steps.join(', ')}. Correct the Step ID of the entry, or remove it. Nothing was created.`,
		);
	}
	const live = liveStepsOf(steps);
	if (input.raw('refuseLiveSteps', false) === true && live.length > 0) {
		input.fail(
			`Run With Files cannot finish the workflow "${String(workflow.name ?? workflowId)}" without the applicant: ${live.map((id) => `${id} (${LIVE_STEPS[id].waitingFor})`).join(', ')}`,
			`Nothing was created. ${live.map((id) => LIVE_STEPS[id].reason).join(' ')} Use a workflow without these steps, or turn off Refuse Workflows With Live Steps to run up to them and output what they wait for.`,
		);
	}
	if (steps.includes('ID_VERIFICATION')) {
		if (!input.text('documentType')) {
			input.fail('The Document Type parameter is empty', "The workflow has an ID Verification step, which needs the type of the identity document (e.g. passport-us). Enter it, or map it from an earlier node. Nothing was created.");
		}
		for (const [name, label, slot] of [
			['idFrontField', 'ID Front Field', 'id_front'],
			['selfieField', 'Selfie Field', 'selfie_front'],
		] as const) {
			const field = input.text(name) || slot;
			await readImageInField(context, itemIndex, { name, label }, field);
		}
	}
	if ((steps.includes('CONSENT') || steps.includes('FACE_LIVENESS_CONSENT_SETTINGS')) && stepInputOf(input).consentAccepted !== true) {
		input.fail(
			"The workflow has a consent step, but Step Input → Consent Accepted is off",
			'Turn on Consent Accepted under Step Input once the applicant has accepted the consent text (e.g. a checkbox in your form). Nothing was created.',
		);
	}
}

/** The loop of DeepIDV's Runner, from `state.current_step`; `state` follows each answer. */
async function runSteps(
	input: ItemInput,
	state: RunnerState,
	stepData: IDataObject,
	maxWaitMs: number,
	settings: TransportSettings,
	shared: ExecutionShared,
	submitted: IDataObject[],
	applicant?: Applicant,
): Promise<Stop> {
	const stop = (fields: Partial<Stop>): Stop => ({
		run_outcome: 'completed',
		stopped_at_step: null,
		waiting_for: null,
		waiting_reason: null,
		failure_reason: null,
		failure_explained: null,
		attempts_remaining: typeof state.attempts_remaining === 'number' ? state.attempts_remaining : null,
		...fields,
	});
	// Each step is submitted at most once per phase: the loop ends after as many rounds as phases there can be.
	for (let round = 0; round <= state.steps.length * 2; round++) {
		const step = currentStep(state);
		if (!step) return stop({});
		const index = state.current_step as number;
		const id = runnerStepId(step.step_id);
		const live = liveStep(step);
		if (live) return stop({ run_outcome: 'waiting_for_applicant', stopped_at_step: step.step_id, waiting_for: live.waitingFor, waiting_reason: live.reason });

		const target: StepTarget = { sessionId: state.session_id, step, index, before: structuredClone(state) };
		const given = (stepData[id] ?? stepData[step.step_id] ?? {}) as IDataObject;
		// Step Fields for this step, merged over its Step Data (JSON) as Submit Step merges them.
		const merged = step.status === 'IN_PROGRESS' ? undefined : withRunStepFields(input, step, withIdentity(step, given, applicant));
		const data = merged?.body ?? given;
		if (NEEDS_DATA.has(id) && step.status !== 'IN_PROGRESS' && (merged ? merged.missing.length > 0 : Object.keys(given).length === 0)) {
			const missing = merged ? ` It still lacks: ${merged.missing.map((field) => field.key).join(', ')}.` : '';
			return stop({
				run_outcome: 'needs_input',
				stopped_at_step: step.step_id,
				waiting_for: 'step_data',
				waiting_reason: `The step ${step.step_id} takes data the item does not give: add it under Step Fields (Step ID ${id}) or Step Input → Step Data (JSON) as {"${id}": {…}}, with the fields its requirements list (${JSON.stringify(step.requirements)}).${missing}`,
			});
		}
		let answer: StepAnswer;
		if (START_COMPLETE.has(id) || (actionsOf(step).includes('start') && actionsOf(step).includes('complete'))) {
			if (step.status !== 'IN_PROGRESS') {
				answer = await submitPhase(input, target, 'start', maxWaitMs, settings, withIdentity(step, data, applicant));
				submitted.push(summary(answer, 'start'));
				follow(state, index, answer);
				if (answer.failure_reason) return failed(stop, step, answer);
				if (answer.current_step !== index) continue;
				target.before = structuredClone(state);
			}
			answer = await submitPhase(input, target, 'complete', maxWaitMs, settings);
			submitted.push(summary(answer, 'complete'));
		} else {
			answer = await submitPrepared(input, target, await prepareStep(input, step, data, applicant), settings, shared);
			submitted.push(summary(answer));
			if (answer.step_status === 'IN_PROGRESS' && !answer.failure_reason && answer.current_step === index) {
				answer = await waitWhileInProgress(input, target, maxWaitMs, settings);
			}
		}
		follow(state, index, answer);
		if (answer.failure_reason) return failed(stop, step, answer);
		if (answer.current_step === index) {
			return stop({
				run_outcome: 'needs_input',
				stopped_at_step: step.step_id,
				waiting_for: 'step_data',
				waiting_reason: `DeepIDV kept the session at ${step.step_id} (status ${answer.step_status}) after the submission; see its requirements with Session → Get Progress.`,
			});
		}
	}
	return stop({ run_outcome: 'needs_input', stopped_at_step: currentStep(state)?.step_id ?? null, waiting_for: 'step_data', waiting_reason: 'The session did not move on; nothing more was submitted.' });
}

function summary(answer: StepAnswer, action?: string): IDataObject {
	return {
		step_id: answer.step_id,
		...(action && { action }),
		step_status: answer.step_status,
		failure_reason: answer.failure_reason,
		...(answer.answer_from_state === true && { answer_from_state: true }),
	};
}

/** Moves the local state on with DeepIDV's answer. */
function follow(state: RunnerState, index: number, answer: StepAnswer): void {
	state.steps[index] = { ...state.steps[index], status: answer.step_status, failure_reason: answer.failure_reason };
	state.current_step = answer.current_step;
	state.attempts_remaining = answer.attempts_remaining;
	if (answer.session_status !== undefined) state.status = answer.session_status;
	if (answer.session_progress !== undefined) state.session_progress = answer.session_progress;
}

function failed(stop: (fields: Partial<Stop>) => Stop, step: RunnerStep, answer: StepAnswer): Stop {
	return stop({
		run_outcome: 'step_failed',
		stopped_at_step: step.step_id,
		failure_reason: answer.failure_reason,
		failure_explained: explainFailure(answer.failure_reason as string),
		attempts_remaining: answer.attempts_remaining,
	});
}

/**
 * A server step still running after its submission: reads the workflow state (free) at the step's
 * poll interval until the step has settled, within Max Wait; never submits it again.
 */
async function waitWhileInProgress(input: ItemInput, target: StepTarget, maxWaitMs: number, settings: TransportSettings): Promise<StepAnswer> {
	const { context, itemIndex } = input;
	const interval = pollIntervalMs(target.step);
	const started = Date.now();
	while (Date.now() - started + interval <= maxWaitMs) {
		await sleep(interval);
		const now = await readRunnerState(context, target.sessionId, settings, itemIndex);
		const step = now.steps[target.index];
		if (now.current_step !== target.index || step?.status !== 'IN_PROGRESS') {
			return {
				step_id: step?.step_id ?? target.step.step_id,
				step_status: String(step?.status ?? 'UNKNOWN'),
				failure_reason: typeof step?.failure_reason === 'string' ? step.failure_reason : null,
				current_step: now.current_step,
				attempts_remaining: typeof now.attempts_remaining === 'number' ? now.attempts_remaining : null,
				session_status: now.status,
				session_progress: now.session_progress,
			};
		}
	}
	return input.fail(
		`DeepIDV's result for ${target.step.step_id} was not ready within ${Math.round(maxWaitMs / 1000)} seconds`,
		`The step is still running at DeepIDV. Run this item again later with Session set to Continue a Session (session ${target.sessionId}); the step is not submitted again. Or raise Step Input → Max Wait (Seconds).`,
	);
}

/** GET /v1/sessions/{id} once the run has finished: the session as Session → Get outputs it. */
async function finalSession(context: IExecuteFunctions, sessionId: string, simplify: boolean, settings: TransportSettings, itemIndex: number): Promise<IDataObject> {
	const response = await deepIdvApiRequest.call(
		context,
		{ method: 'GET', path: apiPath`/v1/sessions/${sessionId}`, retry: 'idempotent', failure: sessionFailureContext(sessionId) },
		settings,
		itemIndex,
	);
	return simplify ? simplifySession(response) : response;
}

/**
 * An error after the session exists names it, so the item is continued rather than run again
 * from scratch (a second session, billed again); under Continue On Fail its error item carries
 * `session_id` and the step it stopped at.
 */
function withSession(error: unknown, sessionId: string, created: boolean, state: RunnerState): unknown {
	if (!error || typeof error !== 'object') return error;
	const described = error as { description?: string | null; context?: IDataObject };
	const at = currentStep(state)?.step_id;
	const where = `${created ? 'This run created the headless session' : 'The headless session is'} ${sessionId}${at ? `, at step ${at}` : ''}.`;
	described.description = [described.description, `${where} To go on, run the item with Session set to Continue a Session and this session ID, rather than creating another.`]
		.filter(Boolean)
		.join(' ');
	described.context = { ...(described.context ?? {}), errorItemFields: { session_id: sessionId, created, stopped_at_step: at ?? null } };
	return error;
}

export const describeCompleted = describeCreated;
