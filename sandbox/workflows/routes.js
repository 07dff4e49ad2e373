// @ts-check
'use strict';
// DeepIDV workflow management. The list shows step ids in API form (UPPER_SNAKE); a single workflow (read,
// created or changed) shows the stored form (kebab-case ids with snake_case config), as the OAS describes
// the answers. Sandbox-only flags on a record (a legacy step, re-verification off) never appear in them.
const { randomUUID } = require('node:crypto');
const { json, error, invalid, parseJsonBody } = require('../core/http');
const { parseCreateWorkflow, parseStepConfigPatch, toStepId } = require('./validation');
const { iso } = require('../core/time');

/** @typedef {import('../core/router').ApiContext} ApiContext */
/** @typedef {import('./fixtures').WorkflowRecord} WorkflowRecord */

/** @param {ApiContext} ctx */
function listWorkflows(ctx) {
	const own = [...ctx.data.workflows.values()].filter((w) => w.organization_id === ctx.identity.organization.id);
	own.sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at));
	return json(200, {
		workflows: own.map((w) => ({ id: w.id, name: w.name, status: w.status, steps: w.steps.map((step) => step.id), created_at: w.created_at })),
	});
}

/**
 * One workflow as DeepIDV answers it: `{ workflow: { id, name, status, organization_id, created_at, updated_at, steps } }`.
 * @param {WorkflowRecord} w
 */
function workflowBody(w) {
	return {
		workflow: {
			id: w.id,
			name: w.name,
			status: w.status,
			organization_id: w.organization_id,
			created_at: w.created_at,
			updated_at: w.updated_at,
			steps: w.steps.map((step) => ({ id: step.id.toLowerCase().replaceAll('_', '-'), config: structuredClone(step.config) })),
		},
	};
}

/** A workflow of another organization is "not found" (the docs define no 403 here). @param {ApiContext} ctx @param {string} id */
function findOwnWorkflow(ctx, id) {
	const workflow = ctx.data.workflows.get(id);
	return workflow && workflow.organization_id === ctx.identity.organization.id ? workflow : undefined;
}

/** @param {ApiContext} ctx */
function retrieveWorkflow(ctx) {
	const workflow = findOwnWorkflow(ctx, ctx.params.id);
	return workflow ? json(200, workflowBody(workflow)) : error(404, 'Workflow not found');
}

/** 201 with the new workflow, active. (The sandbox key never gets here: its writes are refused with 403.) @param {ApiContext} ctx */
function createWorkflow(ctx) {
	const body = parseJsonBody(ctx.request.body);
	if ('response' in body) return body.response;
	const parsed = parseCreateWorkflow(body.value);
	if ('hints' in parsed) return invalid('Invalid request body', parsed.hints);
	const at = iso(Date.now());
	/** @type {WorkflowRecord} */
	const workflow = { id: randomUUID(), name: parsed.value.name, status: 'active', organization_id: ctx.identity.organization.id, created_at: at, updated_at: at, steps: parsed.value.steps };
	ctx.data.workflows.set(workflow.id, workflow);
	return json(201, workflowBody(workflow));
}

/**
 * Body first, then the workflow, then its step (either documented form of the step id, any case). A step
 * the workflow does not have answers `unknownWorkflowStepStatus` (the docs are silent); a legacy step 409
 * `legacy_step_config`. The given settings are merged into the step's config.
 * @param {ApiContext} ctx
 */
function updateStepConfig(ctx) {
	const stepId = toStepId(ctx.params.step_id);
	const body = parseJsonBody(ctx.request.body);
	if ('response' in body) return body.response;
	const parsed = parseStepConfigPatch(body.value, stepId ?? '');
	if ('hints' in parsed) return invalid('Invalid request body', parsed.hints);
	const workflow = findOwnWorkflow(ctx, ctx.params.workflow_id);
	if (!workflow) return error(404, 'Workflow not found');
	const step = stepId && workflow.steps.find((candidate) => candidate.id === stepId);
	if (!step) return error(ctx.state.options.unknownWorkflowStepStatus, 'Step not found in workflow');
	if (step.legacy) return error(409, 'legacy_step_config');
	// The checks across settings (minimum ≤ maximum age, escalation and fraud analysis) see the step as it will be.
	const withCurrent = parseStepConfigPatch(body.value, step.id, step.config);
	if ('hints' in withCurrent) return invalid('Invalid request body', withCurrent.hints);
	Object.assign(step.config, parsed.value);
	workflow.updated_at = iso(Math.max(Date.now(), Date.parse(workflow.updated_at) + 1));
	return json(200, workflowBody(workflow));
}

/** @type {import('../core/router').Route<ApiContext>[]} */
module.exports = [
	{ method: 'GET', path: '/v1/workflows', handler: listWorkflows },
	{ method: 'POST', path: '/v1/workflows', handler: createWorkflow },
	{ method: 'GET', path: '/v1/workflows/:id', handler: retrieveWorkflow },
	{ method: 'PATCH', path: '/v1/workflows/:workflow_id/steps/:step_id/config', handler: updateStepConfig },
];
