// @ts-check
'use strict';
// GET /v1/sessions/{session_id}/workflow — where the applicant is in the session's workflow.
const { json, error } = require('../core/http');
const { workflowProgress } = require('./progress');

/** @typedef {import('../core/router').ApiContext} ApiContext */

/** 404 for an unknown session and for one without a workflow execution (as the OAS says); 403 for another organization's. @param {ApiContext} ctx */
function getProgress(ctx) {
	const entry = ctx.data.sessions.get(ctx.params.session_id);
	if (!entry) return error(404, 'Session not found');
	if (entry.record.organization_id !== ctx.identity.organization.id) return error(403, 'This session belongs to another organization.');
	const progress = workflowProgress(entry.record, ctx.state.options.currentStepBase);
	return progress ? json(200, progress) : error(404, 'This session has no workflow execution');
}

/** @type {import('../core/router').Route<ApiContext>[]} */
module.exports = [{ method: 'GET', path: '/v1/sessions/:session_id/workflow', handler: getProgress }];
