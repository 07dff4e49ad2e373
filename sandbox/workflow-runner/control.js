// @ts-check
'use strict';
// Sandbox-side controls of the Workflow Runner (Sandbox members and /__sandbox/runner/… control routes): make a
// runner-ready workflow with chosen steps, read an execution, set what the liveness provider reports, expire a
// session. None of this is DeepIDV API.
const { randomUUID } = require('node:crypto');
const { iso } = require('../core/time');
const { buildWorkflow } = require('../workflows/fixtures');
const { refreshExpiry } = require('./execution');

/** @typedef {import('../core/state').SandboxState} SandboxState */
/** @typedef {import('../workflows/fixtures').WorkflowRecord} WorkflowRecord */
/** @typedef {import('./execution').LivenessResult} LivenessResult */

/**
 * @typedef {object} RunnerWorkflowSpec
 * @property {Array<string | { id: string, config?: Record<string, unknown> }>} steps Step ids in API form (any, even ones the Runner refuses,
 *   such as E_SIGNATURE), each optionally with its stored config (default: the sandbox's example config of that step).
 * @property {string} [name] default 'Runner workflow'
 * @property {number | null} [failureLimit] This workflow's failure budget (null: no limit); default: option runnerFailureLimit.
 * @property {string} [status] default 'active'; anything else makes POST …/sessions answer 400.
 */

/**
 * Stores a workflow of the live key's organization.
 * @param {SandboxState} state
 * @param {RunnerWorkflowSpec} spec
 * @returns {WorkflowRecord}
 */
function addRunnerWorkflow(state, spec) {
	if (!spec || !Array.isArray(spec.steps) || spec.steps.length === 0) throw new TypeError('steps must be a non-empty array');
	const steps = spec.steps.map((step) => (typeof step === 'string' ? { id: step } : step));
	for (const step of steps) {
		if (!step || typeof step.id !== 'string' || step.id === '') throw new TypeError('each step must be a step id or { id, config? }');
		if (step.config !== undefined && (!step.config || typeof step.config !== 'object' || Array.isArray(step.config))) throw new TypeError(`config of ${step.id} must be an object`);
	}
	if (spec.failureLimit !== undefined && spec.failureLimit !== null && !(Number.isInteger(spec.failureLimit) && spec.failureLimit >= 1)) {
		throw new TypeError('failureLimit must be null or an integer >= 1');
	}
	const workflow = buildWorkflow({ id: randomUUID(), name: spec.name ?? 'Runner workflow', organizationId: state.store.organization.id, createdAt: Date.now(), steps: steps.map((step) => step.id) });
	workflow.steps.forEach((step, index) => {
		const config = steps[index].config;
		if (config) step.config = structuredClone(config);
	});
	if (spec.status !== undefined) workflow.status = spec.status;
	state.store.live.workflows.set(workflow.id, workflow);
	if (spec.failureLimit !== undefined) state.runner.workflows.set(workflow.id, { failureLimit: spec.failureLimit });
	return workflow;
}

/**
 * What the default liveness provider reports when the session's FACE_LIVENESS step is completed.
 * @param {SandboxState} state @param {string} sessionId @param {LivenessResult} result
 * @returns {boolean} false for a session without a runner execution
 */
function setRunnerLiveness(state, sessionId, result) {
	const execution = state.runner.executions.get(sessionId);
	if (!execution) return false;
	if (!result || typeof result !== 'object') throw new TypeError('result must be an object');
	const { status, confidence, face } = result;
	if (status !== undefined && status !== 'SUCCEEDED' && status !== 'FAILED') throw new TypeError("status must be 'SUCCEEDED' or 'FAILED'");
	if (confidence !== undefined && confidence !== null && !(typeof confidence === 'number' && confidence >= 0 && confidence <= 100)) throw new TypeError('confidence must be null or a number 0-100');
	if (face !== undefined && face !== null && typeof face !== 'string') throw new TypeError('face must be a string or null');
	execution.liveness = { ...result };
	return true;
}

/**
 * Expires a PENDING runner session now (expires_at in the past, status EXPIRED, no current step).
 * @param {SandboxState} state @param {string} sessionId
 */
function expireRunnerSession(state, sessionId) {
	const entry = state.store.live.sessions.get(sessionId);
	const execution = state.runner.executions.get(sessionId);
	if (!entry || !execution) return undefined;
	entry.record.expires_at = iso(Date.now() - 1);
	refreshExpiry(state, entry.record, execution);
	return entry.record;
}

module.exports = { addRunnerWorkflow, setRunnerLiveness, expireRunnerSession };
