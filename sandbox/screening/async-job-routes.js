// @ts-check
'use strict';
// GET /v1/async-jobs/{jobId}: the job's status, with `result` when ready or `error` when failed (async-jobs.js).
// 404 for an unknown job or one past its time to live; 403 for a job of another organization.
const { json, error, invalid } = require('../core/http');
const { jobView } = require('./async-jobs');

/** @typedef {import('../core/router').ApiContext} ApiContext */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** @param {ApiContext} ctx */
function getAsyncJob(ctx) {
	const { jobId } = ctx.params;
	if (!UUID.test(jobId)) return invalid('Invalid path parameters', [{ code: 'invalid_string', validation: 'uuid', path: ['jobId'], message: 'Invalid uuid' }]);
	const job = ctx.state.asyncJobs.poll(jobId);
	if (!job) return error(404, 'Async job not found');
	if (job.organizationId !== ctx.identity.organization.id) return error(403, 'This job belongs to another organization.');
	return json(200, jobView(job));
}

/** @type {import('../core/router').Route<ApiContext>[]} */
module.exports = [{ method: 'GET', path: '/v1/async-jobs/:jobId', handler: getAsyncJob }];
