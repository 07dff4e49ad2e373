import type { IDataObject } from 'n8n-workflow';

import { stepName } from '../workflow/steps';

const DONE = new Set(['COMPLETED', 'SKIPPED']);
/** Session statuses after which the applicant goes no further. */
const ENDED = new Set(['SUBMITTED', 'VERIFIED', 'REJECTED', 'VOIDED', 'EXPIRED', 'FAILED']);
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * Where the applicant is, from a Get Progress answer: the session, the step they are on (found from
 * the steps' statuses, as DeepIDV does not document how it counts `current_step`; so the derived
 * `current_step_id` and `current_step_number`, never DeepIDV's `current_step` with another type),
 * the steps in short, and one sentence saying it all.
 */
export function simplifyProgress(response: IDataObject): IDataObject {
	const steps = (Array.isArray(response.steps) ? response.steps : []).filter(
		(step): step is IDataObject => !!step && typeof step === 'object',
	);
	const index = steps.findIndex((step) => !DONE.has(String(step.status ?? '').toUpperCase()));
	const current = index === -1 ? undefined : steps[index];
	const attemptsRemaining = typeof response.attempts_remaining === 'number' ? response.attempts_remaining : null;
	return {
		session_id: response.session_id ?? null,
		status: response.status ?? null,
		session_progress: response.session_progress ?? null,
		summary: summarize(response, steps, index, attemptsRemaining),
		current_step_id: current?.step_id ?? null,
		current_step_number: current ? index + 1 : null,
		step_count: steps.length,
		attempts_remaining: attemptsRemaining,
		steps: steps.map((step) => ({
			step_id: step.step_id ?? null,
			status: step.status ?? null,
			attempts: step.attempts ?? null,
			failure_reason: step.failure_reason ?? null,
		})),
	};
}

function summarize(response: IDataObject, steps: IDataObject[], index: number, attemptsRemaining: number | null): string {
	const status = String(response.status ?? 'unknown');
	if (steps.length === 0) return `DeepIDV lists no workflow steps for this session (status ${status})`;
	if (index === -1) return `Finished: all ${plural(steps.length, 'step')} done (status ${status})`;

	const step = steps[index];
	const where = `step ${index + 1} of ${steps.length} (${stepName(String(step.step_id ?? '?'))})`;
	const stepStatus = String(step.status ?? '').toUpperCase();
	const attempts = typeof step.attempts === 'number' ? step.attempts : 0;
	const reason = typeof step.failure_reason === 'string' && step.failure_reason ? ` (last failure: ${step.failure_reason})` : '';
	const remaining = attemptsRemaining === null ? '' : `, ${plural(attemptsRemaining, 'attempt')} remaining`;
	const finished = String(response.session_progress ?? '').toUpperCase() === 'COMPLETED' || ENDED.has(status.toUpperCase());

	if (stepStatus === 'FAILED') return `Stopped at ${where}: failed after ${plural(attempts, 'attempt')}${reason} (status ${status})`;
	if (finished) return `Ended at ${where} before finishing it (status ${status})`;
	if (stepStatus === 'PENDING' && attempts === 0) {
		return index === 0 ? `Not started: ${where} is next` : `Waiting at ${where}: not started yet`;
	}
	return `At ${where}, in progress: ${plural(attempts, 'attempt')} so far${reason}${remaining}`;
}
