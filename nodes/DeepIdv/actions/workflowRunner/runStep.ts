import type { IDataObject } from 'n8n-workflow';

import type { TransportSettings } from '../../transport/settings';
import type { ItemInput } from '../itemInput';
import type { ExecutionShared } from '../operation';
import type { PreparedSubmission } from './stepInput';
import { CONSENT_STEPS, prepareConsent, prepareIdVerification, prepareWithSlots } from './stepInput';
import { SERVER_AUTO, runnerStepId } from './stepKinds';
import type { RunnerStep } from './state';
import type { StepAnswer, StepTarget } from './submit';
import { completeWhenReady, submitStep } from './submit';
import { uploadSlotFiles } from './uploads';

export type StepAction = 'start' | 'complete';

/** The applicant's name as Run With Files knows it (from the parameters that created the session). */
export interface Applicant {
	first_name: string;
	last_name: string;
}

/**
 * A step whose requirements list `identity_fields` (PEP & sanctions, adverse media) gets the
 * applicant's first and last name unless Step Data gives them; the rest (date of birth) comes from
 * Step Data.
 */
export function withIdentity(step: RunnerStep, data: IDataObject, applicant?: Applicant): IDataObject {
	const fields = step.requirements.identity_fields;
	if (!applicant || !Array.isArray(fields)) return data;
	const filled: IDataObject = { ...data };
	for (const key of ['first_name', 'last_name'] as const) if ((fields as unknown[]).includes(key) && filled[key] === undefined) filled[key] = applicant[key];
	return filled;
}

/** The phases a step's requirements offer (`actions`), e.g. ['start', 'complete']. */
export function actionsOf(step: RunnerStep): string[] {
	const actions = step.requirements.actions;
	return Array.isArray(actions) ? actions.filter((action): action is string => typeof action === 'string') : [];
}

/** The phase a multi-phase step is in: not started yet (start), or started (complete). */
export function nextAction(step: RunnerStep): StepAction {
	return step.status === 'IN_PROGRESS' ? 'complete' : 'start';
}

/**
 * Reads what the step needs from the item (before anything is sent): ID Verification's files and
 * Document Type, consent, a server step's empty body, or `data` with the files of the slots the
 * step's requirements name.
 */
export async function prepareStep(input: ItemInput, step: RunnerStep, data: IDataObject, applicant?: Applicant): Promise<PreparedSubmission> {
	const applicantName = applicant && `${applicant.first_name} ${applicant.last_name}`;
	const id = runnerStepId(step.step_id);
	if (id === 'ID_VERIFICATION') return await prepareIdVerification(input, step);
	if (CONSENT_STEPS.has(id)) return await prepareConsent(input, step, applicantName);
	if (SERVER_AUTO.has(id)) return { files: [], body: () => ({}) };
	if (id === 'WHITE_LABEL') return { files: [], body: () => ({ acknowledged: true }) };
	return await prepareWithSlots(input, step, withIdentity(step, data, applicant));
}

/** Uploads the prepared files to the session, then submits the step once with their keys. */
export async function submitPrepared(
	input: ItemInput,
	target: StepTarget,
	prepared: PreparedSubmission,
	settings: TransportSettings,
	shared: ExecutionShared,
): Promise<StepAnswer> {
	const { context, itemIndex } = input;
	const keys = await uploadSlotFiles(context, target.sessionId, prepared.files, settings, shared, itemIndex);
	return await submitStep(context, target, prepared.body(keys), settings, itemIndex);
}

/** One phase of a multi-phase step (`start` with the step's inputs, e.g. adverse media's identity); `complete` waits (within `maxWaitMs`) while DeepIDV's result is not ready. */
export async function submitPhase(
	input: ItemInput,
	target: StepTarget,
	action: StepAction,
	maxWaitMs: number,
	settings: TransportSettings,
	startData: IDataObject = {},
): Promise<StepAnswer> {
	const { context, itemIndex } = input;
	if (action === 'complete') return await completeWhenReady(context, target, maxWaitMs, settings, itemIndex);
	return await submitStep(context, target, { ...startData, action }, settings, itemIndex);
}
