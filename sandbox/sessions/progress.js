// @ts-check
'use strict';
// GET /v1/sessions/{id}/workflow: a session's workflow execution, derived from the session's state so that it
// always agrees with the record (seeded, created, submitted or failed). The shape is the OAS one; the values
// are ours: DeepIDV documents neither the attempt limit per step (3 here, as in failureData) nor whether
// `current_step` counts from 0 or 1 (option `currentStepBase`). A finished session has no current step.
const { MINUTE, iso } = require('../core/time');

/** @typedef {import('./records').SessionRecord} SessionRecord */

const ATTEMPT_LIMIT = 3;

/**
 * @typedef {object} StepProgress
 * @property {string} step_id
 * @property {'PENDING' | 'IN_PROGRESS' | 'COMPLETED' | 'FAILED' | 'SKIPPED'} status
 * @property {number} attempts
 * @property {string | null} started_at
 * @property {string | null} completed_at
 * @property {string | null} failure_reason
 * @property {Record<string, unknown>} requirements
 */

/**
 * @param {SessionRecord} record
 * @param {0 | 1} currentStepBase
 * @returns {Record<string, unknown> | null} null when the session runs no workflow
 */
function workflowProgress(record, currentStepBase) {
	const ids = record.workflow_steps;
	if (!record.workflow_id || !Array.isArray(ids) || ids.length === 0) return null;
	const start = Date.parse(record.created_at);
	/** @param {number} index @param {StepProgress['status']} status @param {number} attempts @param {string | null} [reason] @returns {StepProgress} */
	const step = (index, status, attempts, reason = null) => ({
		step_id: ids[index],
		status,
		attempts,
		started_at: status === 'PENDING' ? null : iso(start + (30 + 5 * index) * MINUTE),
		completed_at: status === 'COMPLETED' || status === 'FAILED' ? iso(start + (34 + 5 * index) * MINUTE) : null,
		failure_reason: reason,
		requirements: {},
	});
	const last = ids.length - 1;
	/** @type {StepProgress[]} */
	let steps;
	/** @type {number | null} */
	let current = null;
	/** @type {number | null} */
	let attemptsRemaining = null;
	switch (record.status) {
		case 'SUBMITTED':
		case 'VERIFIED':
		case 'REJECTED':
			steps = ids.map((_, i) => step(i, 'COMPLETED', 1));
			break;
		case 'FAILED': {
			// The failed-attempt limit was reached on the second step (the first when there is one).
			const failedAt = Math.min(1, last);
			const meta = /** @type {{ failureData?: { attempts?: { reason?: string }[] } } | undefined} */ (record.meta_data);
			const attempts = meta?.failureData?.attempts;
			const reason = attempts?.[attempts.length - 1]?.reason ?? 'FACE_MISMATCH';
			steps = ids.map((_, i) => (i < failedAt ? step(i, 'COMPLETED', 1) : i === failedAt ? step(i, 'FAILED', ATTEMPT_LIMIT, reason) : step(i, 'PENDING', 0)));
			attemptsRemaining = 0;
			break;
		}
		case 'VOIDED':
			steps = ids.map((_, i) => (i === 0 ? step(i, 'COMPLETED', 1) : step(i, 'PENDING', 0)));
			break;
		case 'EXPIRED':
			steps = ids.map((_, i) => step(i, 'PENDING', 0));
			break;
		default:
			if (record.session_progress === 'STARTED') {
				// The applicant finished the first step and failed the second once (the first, for one step).
				const at = Math.min(1, last);
				steps = ids.map((_, i) => (i < at ? step(i, 'COMPLETED', 1) : i === at ? step(i, 'IN_PROGRESS', 1, 'NO_FACE_DETECTED') : step(i, 'PENDING', 0)));
				current = at;
				attemptsRemaining = ATTEMPT_LIMIT - 1;
			} else {
				steps = ids.map((_, i) => step(i, 'PENDING', 0));
				current = 0;
				attemptsRemaining = ATTEMPT_LIMIT;
			}
	}
	return {
		session_id: record.id,
		status: record.status,
		session_progress: record.session_progress,
		steps,
		current_step: current === null ? null : current + currentStepBase,
		attempts_remaining: attemptsRemaining,
	};
}

module.exports = { workflowProgress, ATTEMPT_LIMIT };
