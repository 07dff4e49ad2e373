// @ts-check
'use strict';
// The Workflow Runner's state machine: one execution per headless session (its steps, `current_step`, the
// session-wide failure budget), the transitions a submission causes, and the answers built from it. The
// session record itself lives in the sessions dataset like every other session, so GET /v1/sessions/{id},
// the list and the webhooks see the run.
//
// Documented: steps in order; a blocking check that fails answers 200 with `failure_reason`, leaves the step
// PENDING and costs one attempt of the session-wide budget (`attempts_remaining`, null = no limit); reaching 0
// ends the session FAILED/COMPLETED (webhook session.status.failed); after the last step `current_step` is null
// and `session_progress` COMPLETED. Sandbox choices (options in core/options.js): the budget (runnerFailureLimit),
// what the session ends as (runnerDecision), the not-ready polls of multi-phase steps (runnerNotReadyPolls).
const { randomUUID } = require('node:crypto');
const { iso } = require('../core/time');
const { requirementsOf } = require('./steps');

/** @typedef {import('../core/state').SandboxState} SandboxState */
/** @typedef {import('../sessions/records').SessionRecord} SessionRecord */
/** @typedef {'PENDING' | 'IN_PROGRESS' | 'COMPLETED' | 'FAILED' | 'SKIPPED'} StepStatus */

/**
 * @typedef {object} StepExecution
 * @property {string} step_id API form.
 * @property {Record<string, unknown>} config The step's config when the session was created (the execution plan is a snapshot).
 * @property {StepStatus} status
 * @property {number} attempts Submissions the step has taken (200 answers).
 * @property {string | null} started_at
 * @property {string | null} completed_at
 * @property {string | null} failure_reason
 * @property {boolean} started Multi-phase: `start` was accepted and `complete` has not finished the phase yet.
 * @property {number} polls Multi-phase: `complete` calls since the last `start`.
 * @property {Record<string, unknown> | null} result What the step produced (sandbox-side; parts of it reach analysis_data).
 */

/**
 * @typedef {object} LivenessResult What the default liveness provider reports on `complete` (control helper setRunnerLiveness).
 * @property {'SUCCEEDED' | 'FAILED'} [status] default SUCCEEDED
 * @property {number | null} [confidence] default 93.1
 * @property {string | null} [face] the person seen during liveness (compared with the ID document's face); default: the document's own face
 */

/**
 * @typedef {object} Execution
 * @property {string} sessionId
 * @property {string} organizationId
 * @property {StepExecution[]} steps
 * @property {number | null} current Index of the next step; null once finished or terminal.
 * @property {number | null} attemptsRemaining
 * @property {boolean} inFlight A submission is being processed (a second one is a concurrent conflict).
 * @property {Record<string, string>} uploads Slot → file key, of every accepted submission.
 * @property {{ reason: string, slot: string | null, failedAt: string }[]} failures
 * @property {string[]} advisories Advisory checks that did not pass (they never fail a step; runnerDecision 'auto' rejects on them).
 * @property {LivenessResult | null} liveness
 * @property {Record<string, unknown>} analysis analysis_data pieces written by the steps.
 */

/**
 * @typedef {object} RunnerStore
 * @property {Map<string, Execution>} executions By session id.
 * @property {Map<string, { sessionId: string, slot: string }>} fileKeys Upload keys minted by POST /v1/sessions/{id}/uploads.
 * @property {Map<string, { failureLimit?: number | null }>} workflows Sandbox-only settings of workflows made with addRunnerWorkflow.
 */

/** @returns {RunnerStore} */
function createRunnerStore() {
	return { executions: new Map(), fileKeys: new Map(), workflows: new Map() };
}

/** A change time strictly after the record's previous updated_at. @param {SessionRecord} record */
const changeTime = (record) => Math.max(Date.now(), Date.parse(record.updated_at) + 1);

/** @param {SessionRecord} record */
function touch(record) {
	record.updated_at = iso(changeTime(record));
}

/**
 * @param {SandboxState} state
 * @param {SessionRecord} record
 * @param {import('../workflows/fixtures').WorkflowRecord} workflow
 * @returns {Execution}
 */
function createExecution(state, record, workflow) {
	const settings = state.runner.workflows.get(workflow.id);
	const limit = settings && settings.failureLimit !== undefined ? settings.failureLimit : state.options.runnerFailureLimit;
	/** @type {Execution} */
	const execution = {
		sessionId: record.id,
		organizationId: record.organization_id,
		steps: workflow.steps.map((step) => ({
			step_id: step.id,
			config: structuredClone(step.config),
			status: 'PENDING',
			attempts: 0,
			started_at: null,
			completed_at: null,
			failure_reason: null,
			started: false,
			polls: 0,
			result: null,
		})),
		current: workflow.steps.length > 0 ? 0 : null,
		attemptsRemaining: limit,
		inFlight: false,
		uploads: {},
		failures: [],
		advisories: [],
		liveness: null,
		analysis: {},
	};
	state.runner.executions.set(record.id, execution);
	return execution;
}

/** @param {SandboxState} state @param {StepExecution} step */
const requirements = (state, step) => requirementsOf(step.step_id, step.config, { pollIntervalSeconds: state.options.runnerPollIntervalSeconds });

/** @param {SandboxState} state @param {number | null} index */
const stepNumber = (state, index) => (index === null ? null : index + state.options.currentStepBase);

/** Whether the session can take no more submissions. @param {SessionRecord} record */
const isTerminal = (record) => record.status !== 'PENDING' || record.session_progress === 'COMPLETED';

/**
 * Expires a session whose `expires_at` has passed (lazily, when it is next touched).
 * @param {SandboxState} state @param {SessionRecord} record @param {Execution} execution
 */
function refreshExpiry(state, record, execution) {
	if (record.status === 'PENDING' && record.expires_at !== undefined && Date.parse(record.expires_at) <= Date.now()) {
		record.status = 'EXPIRED';
		execution.current = null;
		touch(record);
	}
}

/** POST /v1/workflows/{id}/sessions answer. @param {SandboxState} state @param {Execution} execution @param {SessionRecord} record */
function createdView(state, execution, record) {
	return {
		session_id: record.id,
		expires_at: record.expires_at ?? null,
		steps: execution.steps.map((step) => ({ step_id: step.step_id, status: step.status, requirements: requirements(state, step) })),
		current_step: stepNumber(state, execution.current),
	};
}

/** GET …/workflow and POST …/workflow/start answer. @param {SandboxState} state @param {Execution} execution @param {SessionRecord} record */
function stateView(state, execution, record) {
	return {
		session_id: record.id,
		status: record.status,
		session_progress: record.session_progress,
		steps: execution.steps.map((step) => ({
			step_id: step.step_id,
			status: step.status,
			attempts: step.attempts,
			started_at: step.started_at,
			completed_at: step.completed_at,
			failure_reason: step.failure_reason,
			requirements: requirements(state, step),
		})),
		current_step: stepNumber(state, execution.current),
		attempts_remaining: execution.attemptsRemaining,
	};
}

/**
 * POST …/steps/{step_id} answer: the common envelope plus the step's own result fields.
 * @param {SandboxState} state @param {Execution} execution @param {SessionRecord} record @param {StepExecution} step
 * @param {Record<string, unknown>} [extra]
 */
function submitView(state, execution, record, step, extra = {}) {
	return {
		step_id: step.step_id,
		step_status: step.status,
		failure_reason: step.failure_reason,
		current_step: stepNumber(state, execution.current),
		attempts_remaining: execution.attemptsRemaining,
		session_status: record.status,
		session_progress: record.session_progress,
		...extra,
	};
}

/**
 * An accepted submission: the session is STARTED from the first one, the step counts it.
 * @param {SessionRecord} record @param {StepExecution} step
 */
function beginSubmission(record, step) {
	const now = iso(Date.now());
	if (record.session_progress === 'PENDING') {
		record.session_progress = 'STARTED';
		record.meta_data = { ...record.meta_data, applicantViewTime: now };
	}
	step.attempts += 1;
	step.started_at ??= now;
	touch(record);
}

/**
 * Multi-phase `start` accepted: the step is IN_PROGRESS until `complete` finishes it.
 * @param {StepExecution} step
 */
function markInProgress(step) {
	step.status = 'IN_PROGRESS';
	step.started = true;
	step.polls = 0;
	step.failure_reason = null;
}

/**
 * The step passed: COMPLETED, and the run moves on (or finishes after the last step).
 * @param {SandboxState} state @param {Execution} execution @param {SessionRecord} record @param {StepExecution} step
 */
function completeStep(state, execution, record, step) {
	step.status = 'COMPLETED';
	step.started = false;
	step.failure_reason = null;
	step.completed_at = iso(Date.now());
	const index = execution.steps.indexOf(step);
	execution.current = index + 1 < execution.steps.length ? index + 1 : null;
	touch(record);
	if (execution.current === null) finishRun(state, execution, record);
}

/**
 * A blocking check failed: 200 with failure_reason, the step back to PENDING, one attempt of the budget used;
 * with none left the session is FAILED.
 * @param {SandboxState} state @param {Execution} execution @param {SessionRecord} record @param {StepExecution} step
 * @param {string} reason @param {string | null} slot PRIMARY | SECONDARY | TERTIARY | null
 */
function failAttempt(state, execution, record, step, reason, slot) {
	const at = iso(changeTime(record));
	step.status = 'PENDING';
	step.started = false;
	step.failure_reason = reason;
	execution.failures.push({ reason, slot, failedAt: at });
	if (execution.attemptsRemaining !== null) execution.attemptsRemaining = Math.max(0, execution.attemptsRemaining - 1);
	touch(record);
	if (execution.attemptsRemaining === 0) {
		step.status = 'FAILED';
		step.completed_at = at;
		execution.current = null;
		record.status = 'FAILED';
		record.session_progress = 'COMPLETED';
		record.meta_data = { ...record.meta_data, failureData: failureData(execution) };
		state.webhooks.emit('session.status.failed', record);
	}
}

/** @param {Execution} execution */
const failureData = (execution) => ({ failedAttempts: execution.failures.length, attempts: execution.failures.map((attempt) => ({ ...attempt })) });

/**
 * After the last step: SUBMITTED/COMPLETED with what the steps produced (session.status.submitted), then the
 * decision the option runnerDecision names: 'auto' (default) VERIFIED, or REJECTED with declinedData when an
 * advisory check did not pass (each with its webhook); 'none' stays SUBMITTED for a manual decision.
 * @param {SandboxState} state @param {Execution} execution @param {SessionRecord} record
 */
function finishRun(state, execution, record) {
	const now = changeTime(record);
	record.status = 'SUBMITTED';
	record.session_progress = 'COMPLETED';
	record.submitted_at = iso(now);
	record.updated_at = iso(now);
	record.uploads = Object.fromEntries(Object.keys(execution.uploads).map((slot) => [slot, true]));
	record.analysis_data = { created_at: iso(now), ...structuredClone(execution.analysis) };
	if (execution.failures.length > 0) record.meta_data = { ...record.meta_data, failureData: failureData(execution) };
	state.webhooks.emit('session.status.submitted', record);
	if (state.options.runnerDecision === 'none') return;
	const declined = execution.advisories.length > 0;
	record.status = declined ? 'REJECTED' : 'VERIFIED';
	record.updated_at = iso(now + 1);
	if (declined) {
		record.meta_data = {
			...record.meta_data,
			declinedData: {
				declined: true,
				score: 3,
				declinedAt: iso(now + 1),
				reason: { code: 'LOW_SCORE', detail: `Advisory checks did not pass: ${execution.advisories.join(', ')}`, slot: null, severity: 'HIGH' },
			},
		};
	}
	state.webhooks.emit(declined ? 'session.status.rejected' : 'session.status.verified', record);
}

/**
 * Ends the run early with a decision (a declined consent, option consentDeclined 'reject-session').
 * @param {SandboxState} state @param {Execution} execution @param {SessionRecord} record @param {string} detail
 */
function rejectRun(state, execution, record, detail) {
	const at = changeTime(record);
	execution.current = null;
	record.status = 'REJECTED';
	record.session_progress = 'COMPLETED';
	record.updated_at = iso(at);
	record.meta_data = { ...record.meta_data, declinedData: { declined: true, score: null, declinedAt: iso(at), reason: { code: 'LOW_SCORE', detail, slot: null, severity: 'HIGH' } } };
	state.webhooks.emit('session.status.rejected', record);
}

/** A fresh id for results that carry one (liveness sessions, bank statement requests). */
const newId = () => randomUUID();

module.exports = {
	createRunnerStore,
	createExecution,
	createdView,
	stateView,
	submitView,
	isTerminal,
	refreshExpiry,
	beginSubmission,
	markInProgress,
	completeStep,
	failAttempt,
	rejectRun,
	stepNumber,
	newId,
	touch,
};
