// @ts-check
'use strict';
// DeepIDV workflow reads. The list shows step ids in API form (UPPER_SNAKE); the single workflow shows the
// stored form (kebab-case ids with snake_case config), as the OAS describes the two answers.
const { json, error } = require('../http');

/** @typedef {import('../internal').ApiContext} ApiContext */
/** @typedef {import('../internal').WorkflowRecord} WorkflowRecord */

/** @param {ApiContext} ctx */
function listWorkflows(ctx) {
	const own = [...ctx.data.workflows.values()].filter((w) => w.organization_id === ctx.identity.organization.id);
	own.sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at));
	return json(200, {
		workflows: own.map((w) => ({ id: w.id, name: w.name, status: w.status, steps: w.steps.map((step) => step.id), created_at: w.created_at })),
	});
}

/** A workflow of another organization is "not found" (the docs define no 403 here). @param {ApiContext} ctx */
function retrieveWorkflow(ctx) {
	const workflow = ctx.data.workflows.get(ctx.params.id);
	if (!workflow || workflow.organization_id !== ctx.identity.organization.id) return error(404, 'Workflow not found');
	return json(200, {
		workflow: {
			...workflow,
			steps: workflow.steps.map((step) => ({ id: step.id.toLowerCase().replaceAll('_', '-'), config: step.config })),
		},
	});
}

/** @type {import('../internal').Route<ApiContext>[]} */
module.exports = [
	{ method: 'GET', path: '/v1/workflows', handler: listWorkflows },
	{ method: 'GET', path: '/v1/workflows/:id', handler: retrieveWorkflow },
];
