// @ts-check
'use strict';
// DeepIDV's Workflow Runner (headless sessions): create a session from a workflow, validate it (start), read
// its execution state, mint session-scoped upload URLs, submit the current step. See CONTRACT.md for the
// shapes and how a test picks each outcome. GET …/workflow of a session that has no runner execution (seeded,
// hosted) keeps answering the derived progress of sessions/progress-routes.js.
const { randomUUID } = require('node:crypto');
const path = require('node:path');
const { json, error, invalid, parseJsonBody } = require('../core/http');
const { iso, HOUR } = require('../core/time');
const { buildUser, buildRecord } = require('../sessions/records');
const { issueUploadUrl } = require('../files/uploads');
const { toStepId } = require('../workflows/validation');
const progressRoutes = require('../sessions/progress-routes');
const { RUNNABLE_STEPS, dynamicSlots, requirementsOf } = require('./steps');
const { parseCreateRunnerSession, parseSessionUploads, parseStepBody } = require('./validation');
const { createExecution, createdView, stateView, isTerminal, refreshExpiry, stepNumber } = require('./execution');
const { EXECUTORS } = require('./executors');

/** @typedef {import('../core/router').ApiContext} ApiContext */
/** @typedef {import('../core/http').ApiResponse} ApiResponse */
/** @typedef {import('../sessions/records').SessionRecord} SessionRecord */
/** @typedef {import('./execution').Execution} Execution */

/** Stored (kebab) form of a step id, as the docs' invalid_steps example shows it. @param {string} id */
const storedForm = (id) => id.toLowerCase().replace(/_/g, '-');

/**
 * POST /v1/workflows/{workflow_id}/sessions. Body first, then the workflow: 404 unknown, 403 another
 * organization's, 400 not active, 400 `invalid_steps` for steps the Runner cannot run (E_SIGNATURE, and the
 * create-workflow page's iGaming steps). No invite, no session_url; session.created fires (runnerCreatedWebhook).
 * @param {ApiContext} ctx
 */
function createRunnerSession(ctx) {
	const body = parseJsonBody(ctx.request.body);
	if ('response' in body) return body.response;
	const parsed = parseCreateRunnerSession(body.value);
	if ('hints' in parsed) return invalid('Invalid request body', parsed.hints);
	const input = parsed.value;
	const workflow = ctx.data.workflows.get(ctx.params.workflow_id);
	if (!workflow) return error(404, 'Workflow not found');
	if (workflow.organization_id !== ctx.identity.organization.id) return error(403, 'The workflow belongs to a different organization');
	if (workflow.status !== 'active') return error(400, 'Workflow is not active');
	const unsupported = workflow.steps.map((step) => step.id).filter((id) => !RUNNABLE_STEPS.includes(id));
	if (unsupported.length > 0) return json(400, { error: 'Invalid workflow step', invalid_steps: unsupported.map(storedForm) });

	const { state } = ctx;
	const now = Date.now();
	const applicant = buildUser(randomUUID(), input.first_name, input.last_name, input.email, input.phone, now);
	const record = buildRecord({
		id: randomUUID(),
		organizationId: ctx.identity.organization.id,
		applicant,
		senderId: ctx.identity.user.id,
		createdAt: now,
		status: 'PENDING',
		progress: 'PENDING',
		n: 0,
		workflow,
		externalId: input.external_id,
	});
	if (input.expires_in_hours !== undefined) record.expires_at = iso(now + input.expires_in_hours * HOUR);
	ctx.data.users.set(applicant.id, applicant);
	ctx.data.sessions.set(record.id, { record, invites: { send_email_invite: false, send_phone_invite: false } });
	const execution = createExecution(state, record, workflow);
	if (state.options.runnerCreatedWebhook) state.webhooks.emit('session.created', record);
	return json(200, createdView(state, execution, record));
}

/**
 * The session (404 unknown, 403 another organization's) and its runner execution (404 without one).
 * @param {ApiContext} ctx
 * @returns {{ record: SessionRecord, execution: Execution } | { response: ApiResponse }}
 */
function findRun(ctx) {
	const entry = ctx.data.sessions.get(ctx.params.session_id);
	if (!entry) return { response: error(404, 'Session not found') };
	if (entry.record.organization_id !== ctx.identity.organization.id) return { response: error(403, 'This session belongs to another organization.') };
	const execution = ctx.state.runner.executions.get(entry.record.id);
	if (!execution) return { response: error(404, 'This session has no workflow execution') };
	refreshExpiry(ctx.state, entry.record, execution);
	return { record: entry.record, execution };
}

/** GET /v1/sessions/{session_id}/workflow: the runner's state; other sessions keep the derived progress. @param {ApiContext} ctx */
function getWorkflowState(ctx) {
	const entry = ctx.data.sessions.get(ctx.params.session_id);
	if (!entry || !ctx.state.runner.executions.has(entry.record.id)) return progressRoutes[0].handler(ctx);
	const run = findRun(ctx);
	if ('response' in run) return run.response;
	return json(200, stateView(ctx.state, run.execution, run.record));
}

/**
 * POST /v1/sessions/{session_id}/workflow/start: validate-only, repeatable until the first submission lands.
 * 400 `invalid_steps` (API form, as the OAS says for this route) when the plan holds steps the sandbox is told
 * cannot run (runnerNotRunnableSteps; submitting them answers 501); 409 once started, terminal or expired.
 * @param {ApiContext} ctx
 */
function startWorkflow(ctx) {
	const run = findRun(ctx);
	if ('response' in run) return run.response;
	const { record, execution } = run;
	const notRunnable = execution.steps.map((step) => step.step_id).filter((id) => ctx.state.options.runnerNotRunnableSteps.includes(id));
	if (notRunnable.length > 0) return json(400, { error: 'Invalid workflow step', invalid_steps: notRunnable });
	if (isTerminal(record) || record.session_progress !== 'PENDING') {
		return json(409, { error: 'Session has already been started or is no longer runnable', current_step: stepNumber(ctx.state, execution.current) });
	}
	return json(200, stateView(ctx.state, execution, record));
}

/** @param {string} fileName */
const extensionOf = (fileName) => {
	const ext = path.extname(fileName).toLowerCase();
	return /^\.[a-z0-9]{1,8}$/.test(ext) ? ext : '';
};

/**
 * POST /v1/sessions/{session_id}/uploads: one presigned PUT URL per file on the upload host (files/uploads.js),
 * bound to the content type (any length). A legacy `upload_type` works for any live step; a `slot` must be one
 * the current step's requirements name (400 with invalid_slots/allowed_slots). 409 once the session is terminal,
 * or for a slot when no step is active.
 * @param {ApiContext} ctx
 */
function createSessionUploads(ctx) {
	const run = findRun(ctx);
	if ('response' in run) return run.response;
	const { record, execution } = run;
	const body = parseJsonBody(ctx.request.body);
	if ('response' in body) return body.response;
	const parsed = parseSessionUploads(body.value);
	if ('hints' in parsed) return invalid('Invalid request body', parsed.hints);
	if (isTerminal(record)) return error(409, 'Session is terminal');
	const files = parsed.value;
	const dynamic = files.filter((file) => file.slot !== undefined).map((file) => String(file.slot));
	if (dynamic.length > 0) {
		if (execution.current === null) return error(409, 'Session has no active workflow step');
		const step = execution.steps[execution.current];
		const allowed = dynamicSlots(step.step_id, requirementsOf(step.step_id, step.config, { pollIntervalSeconds: null }));
		const invalidSlots = dynamic.filter((slot) => !allowed.includes(slot));
		if (invalidSlots.length > 0) return json(400, { error: 'Upload slot is not required by the current workflow step', invalid_slots: invalidSlots, allowed_slots: allowed });
	}
	const timestamp = Date.now();
	const signedUrls = files.map((file, index) => {
		const slot = String(file.upload_type ?? file.slot);
		const fileKey = `${record.organization_id}/${record.id}/${timestamp}-${index}-${slot.replace(/[^A-Za-z0-9._-]/g, '_')}${extensionOf(file.file_name)}`;
		const uploadUrl = issueUploadUrl(ctx, fileKey, file.content_type, null);
		ctx.state.runner.fileKeys.set(fileKey, { sessionId: record.id, slot });
		return { file_key: fileKey, slot, ...(file.upload_type !== undefined && { upload_type: file.upload_type }), upload_url: uploadUrl };
	});
	return json(200, { signed_urls: signedUrls });
}

/**
 * POST /v1/sessions/{session_id}/steps/{step_id}. In this order: 404 session / execution, 404 a step id that is
 * no step or not one of this workflow's, 409 terminal session, 501 a step the sandbox is told is not runnable
 * (runnerNotRunnableSteps), 409 already completed / out of order, 409 a submission still being processed
 * (runnerStepLatencyMs), 400 the body, then the step's executor (executors.js).
 * @param {ApiContext} ctx
 */
async function submitStep(ctx) {
	const run = findRun(ctx);
	if ('response' in run) return run.response;
	const { record, execution } = run;
	const { state } = ctx;
	const stepId = toStepId(ctx.params.step_id);
	if (!stepId) return error(404, 'Step not found');
	const step = execution.steps.find((candidate) => candidate.step_id === stepId);
	if (!step) return json(404, { error: "Step is not part of this session's workflow", step_id: stepId });
	const conflict = (/** @type {string} */ message) => json(409, { error: message, current_step: stepNumber(state, execution.current), step_id: stepId });
	if (isTerminal(record)) return conflict('Session is terminal');
	if (state.options.runnerNotRunnableSteps.includes(stepId)) return error(501, "This step type isn't runnable through the API yet");
	const index = execution.steps.indexOf(step);
	if (index !== execution.current) return conflict(step.status === 'COMPLETED' ? 'Workflow step has already been completed' : 'Workflow step is out of order');
	if (execution.inFlight) return conflict('Another submission for this step is still being processed');
	const body = parseJsonBody(ctx.request.body);
	if ('response' in body) return body.response;
	const parsed = parseStepBody(stepId, body.value);
	if ('hints' in parsed) return invalid('Invalid request body', parsed.hints);

	execution.inFlight = true;
	try {
		await state.timers.sleep(state.options.runnerStepLatencyMs);
		const user = ctx.data.users.get(record.user_id);
		const applicant = { first_name: user?.first_name ?? '', last_name: user?.last_name ?? '', email: user?.email ?? '', phone: user?.phone ?? '' };
		return EXECUTORS[stepId]({ state, execution, record, step, body: parsed.value, applicant });
	} finally {
		execution.inFlight = false;
	}
}

/** @type {import('../core/router').Route<ApiContext>[]} */
module.exports = [
	{ method: 'POST', path: '/v1/workflows/:workflow_id/sessions', handler: createRunnerSession },
	{ method: 'GET', path: '/v1/sessions/:session_id/workflow', handler: getWorkflowState },
	{ method: 'POST', path: '/v1/sessions/:session_id/workflow/start', handler: startWorkflow },
	{ method: 'POST', path: '/v1/sessions/:session_id/uploads', handler: createSessionUploads },
	{ method: 'POST', path: '/v1/sessions/:session_id/steps/:step_id', handler: submitStep },
];
