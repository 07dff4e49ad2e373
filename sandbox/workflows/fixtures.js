// @ts-check
'use strict';
// Workflow records: the builder of stored-looking workflows, and DeepIDV's documented 11-step fixture
// workflow `test_workflow`, which the Sandbox API Key reads (the live organization gets its own copy).
const { iso } = require('../core/time');

/**
 * @typedef {object} WorkflowStep
 * @property {string} id API (UPPER_SNAKE) form.
 * @property {Record<string, unknown>} config
 * @property {boolean} [legacy] Sandbox only, never in answers: settings in DeepIDV's older format (PATCH answers 409 legacy_step_config).
 */

/**
 * @typedef {object} WorkflowRecord
 * @property {string} id
 * @property {string} name
 * @property {string} status
 * @property {string} organization_id
 * @property {string} created_at
 * @property {string} updated_at
 * @property {WorkflowStep[]} steps
 * @property {boolean} [reverifyDisabled] Sandbox only, never in answers: re-verification is turned off for the workflow's sessions.
 */

/** Example per-step configuration (snake_case keys from the OAS workflow step schemas). */
const STEP_CONFIGS = /** @type {Record<string, Record<string, unknown>>} */ ({
	ID_VERIFICATION: { minimum_age: 18, expiry_date_years: 0, require_secondary_id: false, enable_fraud_analysis: true },
	FACE_LIVENESS: { confidence_threshold: 80 },
});

/**
 * Workflow `status` values are undocumented; every seeded workflow is 'active'. `legacySteps` and
 * `reverifyDisabled` are sandbox-only flags that never appear in answers (see workflows/routes.js).
 * @param {{ id: string, name: string, organizationId: string, createdAt: number, steps: string[], legacySteps?: string[], reverifyDisabled?: boolean }} spec
 * @returns {WorkflowRecord}
 */
function buildWorkflow(spec) {
	const at = iso(spec.createdAt);
	return {
		id: spec.id,
		name: spec.name,
		status: 'active',
		organization_id: spec.organizationId,
		created_at: at,
		updated_at: at,
		steps: spec.steps.map((id) => ({ id, config: { ...STEP_CONFIGS[id] }, ...(spec.legacySteps?.includes(id) && { legacy: true }) })),
		...(spec.reverifyDisabled && { reverifyDisabled: true }),
	};
}

const TEST_WORKFLOW_STEPS = [
	'ID_VERIFICATION',
	'FACE_LIVENESS',
	'AGE_ESTIMATION',
	'DEEPFAKE_DETECTION',
	'ADDRESS_VERIFICATION',
	'PEP_SANCTIONS',
	'ADVERSE_MEDIA',
	'CONSENT',
	'DOCUMENT_UPLOAD',
	'CUSTOM_FORM',
	'PHONE_VERIFICATION',
];

/** @param {string} organizationId */
function testWorkflow(organizationId) {
	return buildWorkflow({ id: 'test_workflow', name: 'Sandbox Test Workflow', organizationId, createdAt: Date.UTC(2024, 9, 1, 12), steps: TEST_WORKFLOW_STEPS });
}

module.exports = { buildWorkflow, testWorkflow };
