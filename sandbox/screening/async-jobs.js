// @ts-check
'use strict';
// DeepIDV's async jobs (adverse media, and title checks in async mode). A job answers `pending` until it is
// first polled, then `processing`, then `ready` (with `result`) or `failed` (with `error`) once its delay has
// passed — or, with `asyncJobReadyAfterPolls`, on exactly that poll, so tests need no clock. Both settings are
// taken when the job is created. A job is gone (404) after `asyncJobTtlMs` or expireAll().
// `Idempotency-Key` replays: the same key (per organization and route) within 24 hours, as the SDK notes,
// returns the same job instead of starting (and billing) a new one.
const { randomUUID } = require('node:crypto');

/** @typedef {import('../core/options').ResolvedOptions} ResolvedOptions */
/** @typedef {{ result: Record<string, unknown> } | { error: string }} JobOutcome */
/**
 * @typedef {object} Job
 * @property {string} jobId
 * @property {string} organizationId
 * @property {number} createdMs
 * @property {number} updatedMs
 * @property {'pending' | 'processing' | 'ready' | 'failed'} status
 * @property {number} polls
 * @property {number} readyAfterMs
 * @property {number | null} readyAfterPolls
 * @property {JobOutcome} outcome
 */

const REPLAY_WINDOW_MS = 24 * 3600e3;

/** @param {() => ResolvedOptions} options */
function createAsyncJobs(options) {
	/** @type {Map<string, Job>} */
	const jobs = new Map();
	/** @type {Map<string, { jobId: string, at: number }>} */
	const keys = new Map();

	/** @param {Job} job @param {number} now */
	const expired = (job, now) => now - job.createdMs > options().asyncJobTtlMs;

	/** @param {string} jobId @param {number} now */
	function live(jobId, now) {
		const job = jobs.get(jobId);
		if (job && expired(job, now)) jobs.delete(jobId);
		return jobs.get(jobId);
	}

	/** @param {Job} job @param {number} now */
	function advance(job, now) {
		if (job.status === 'ready' || job.status === 'failed') return;
		const done = job.readyAfterPolls !== null ? job.polls >= job.readyAfterPolls : now - job.createdMs >= job.readyAfterMs;
		const next = done ? ('error' in job.outcome ? 'failed' : 'ready') : job.polls > 0 ? 'processing' : 'pending';
		if (next !== job.status) Object.assign(job, { status: next, updatedMs: now });
	}

	return {
		/**
		 * The job an earlier request with this Idempotency-Key started, if it is still there.
		 * @param {string} organizationId @param {string} route @param {string | undefined} key
		 */
		replay(organizationId, route, key) {
			if (!key) return undefined;
			const now = Date.now();
			const entry = keys.get(`${organizationId}\n${route}\n${key}`);
			if (!entry || now - entry.at > REPLAY_WINDOW_MS) return undefined;
			const job = live(entry.jobId, now);
			if (job) advance(job, now);
			return job;
		},
		/**
		 * @param {string} organizationId @param {string} route @param {string | undefined} key
		 * @param {JobOutcome} outcome
		 */
		create(organizationId, route, key, outcome) {
			const now = Date.now();
			const { asyncJobDelayMs, asyncJobReadyAfterPolls } = options();
			/** @type {Job} */
			const job = {
				jobId: randomUUID(),
				organizationId,
				createdMs: now,
				updatedMs: now,
				status: 'pending',
				polls: 0,
				readyAfterMs: asyncJobDelayMs,
				readyAfterPolls: asyncJobReadyAfterPolls,
				outcome,
			};
			jobs.set(job.jobId, job);
			if (key) keys.set(`${organizationId}\n${route}\n${key}`, { jobId: job.jobId, at: now });
			return job;
		},
		/** One GET of the job: counts as a poll. @param {string} jobId */
		poll(jobId) {
			const now = Date.now();
			const job = live(jobId, now);
			if (!job) return undefined;
			job.polls += 1;
			advance(job, now);
			return job;
		},
		/** Drops every job (they answer 404 from now on); returns how many there were. */
		expireAll() {
			const count = jobs.size;
			jobs.clear();
			return count;
		},
	};
}

/**
 * The documented GET /v1/async-jobs/{jobId} answer: createdAt in epoch seconds, updatedAt as ISO 8601.
 * @param {Job} job
 */
function jobView(job) {
	return {
		jobId: job.jobId,
		createdAt: Math.floor(job.createdMs / 1000),
		updatedAt: new Date(job.updatedMs).toISOString(),
		status: job.status,
		...(job.status === 'ready' && 'result' in job.outcome && { result: job.outcome.result }),
		...(job.status === 'failed' && 'error' in job.outcome && { error: job.outcome.error }),
	};
}

module.exports = { createAsyncJobs, jobView };
