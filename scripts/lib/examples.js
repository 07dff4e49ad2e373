// @ts-check
'use strict';

/**
 * What `npm start` imports into n8n: a DeepIDV credential and ready example workflows, either
 * against the local DeepIDV sandbox server or against the real DeepIDV API.
 */

const { randomBytes, randomUUID } = require('node:crypto');
const { byId, chainWorkflow, deepIdvNode, deepIdvTrigger, manualTrigger, triggerWebhookPath } = require('./workflows');

/** The seeded sandbox session the examples decide (the sandbox's documented `test_pending`). */
const EXAMPLE_SESSION = 'test_pending';

/**
 * The Manual Trigger examples, one per operation. With `ready` they run as they are against the
 * sandbox; without it, the fields naming a session or a person are left for the user to fill in,
 * so nothing on the real API is changed, or anyone invited, by a click.
 * @param {import('./workflows').CredentialRef} credential @param {boolean} ready
 */
function operationExamples(credential, ready) {
	const example = (/** @type {string} */ id, /** @type {string} */ name, /** @type {Record<string, unknown>} */ parameters) =>
		chainWorkflow({ id, name, nodes: [manualTrigger(), deepIdvNode({ credential, parameters })] });
	const applicant = ready
		? { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', phone: '+15192223333' }
		: { firstName: '', lastName: '', email: '', phone: '' };
	return [
		example(
			'deepidvUpdateStatus',
			ready ? `DeepIDV: Update Status (${EXAMPLE_SESSION} → Verified)` : 'DeepIDV: Update Status (enter a session first)',
			{ operation: 'updateStatus', sessionId: byId(ready ? EXAMPLE_SESSION : ''), status: 'VERIFIED' },
		),
		example(
			'deepidvGetSession',
			ready ? 'DeepIDV: Get a session (test_verified)' : 'DeepIDV: Get a session (enter a session first)',
			{ operation: 'get', sessionId: byId(ready ? 'test_verified' : ''), simplify: true },
		),
		example('deepidvGetMany', 'DeepIDV: Get Many (the 10 newest sessions)', {
			operation: 'getMany',
			returnAll: false,
			limit: 10,
		}),
		example(
			'deepidvCreate',
			ready ? 'DeepIDV: Create a session (Ada Lovelace)' : 'DeepIDV: Create a session (enter the applicant first: it invites them)',
			{ operation: 'create', ...applicant, additionalFields: { externalId: 'crm-2001' } },
		),
	];
}

/**
 * Examples against the local sandbox server, including a published DeepIDV Trigger workflow
 * (Session Submitted → Update Status Verified) whose webhook the caller registers in the sandbox.
 * @param {{ sandboxUrl: string, apiKey: string }} sandbox
 */
function sandboxExamples({ sandboxUrl, apiKey }) {
	const api = { id: 'deepidvSandbox', name: 'DeepIDV sandbox' };
	const hook = { id: 'deepidvSandboxHook', name: 'DeepIDV sandbox webhook' };
	const signingSecret = `whsec_${randomBytes(24).toString('hex')}`;
	const webhookId = randomUUID();
	const trigger = chainWorkflow({
		id: 'deepidvTriggerVerify',
		name: 'DeepIDV Trigger: verify submitted sessions',
		nodes: [
			deepIdvTrigger({ webhookId, events: ['session.status.submitted'], credential: hook }),
			deepIdvNode({
				credential: api,
				parameters: { operation: 'updateStatus', sessionId: byId('={{ $json.id }}'), status: 'VERIFIED' },
			}),
		],
	});
	return {
		credentials: [
			{ ...api, type: 'deepIdvApi', data: { apiKey, baseUrl: sandboxUrl } },
			{ ...hook, type: 'deepIdvWebhookApi', data: { signingSecret } },
		],
		workflows: [...operationExamples(api, true), trigger],
		trigger: { workflow: trigger, webhookPath: triggerWebhookPath(webhookId), signingSecret },
	};
}

/**
 * Examples against the real DeepIDV API. No trigger example: DeepIDV must reach the webhook from
 * the internet, and this n8n listens on 127.0.0.1 only.
 * @param {{ baseUrl: string, apiKey: string }} api
 */
function liveExamples({ baseUrl, apiKey }) {
	const api = { id: 'deepidvApi', name: 'DeepIDV API' };
	return {
		credentials: [{ ...api, type: 'deepIdvApi', data: { apiKey, baseUrl } }],
		workflows: operationExamples(api, false),
	};
}

module.exports = { EXAMPLE_SESSION, sandboxExamples, liveExamples };
