// @ts-check
'use strict';

/**
 * What `npm start` imports into n8n: the DeepIDV credentials the example files name, and every
 * example in examples/, either against the local DeepIDV sandbox server or against the real
 * DeepIDV API.
 */

const { randomBytes } = require('node:crypto');
const { API_CREDENTIAL_REF, WEBHOOK_CREDENTIAL_REF, importable, readExamples } = require('./example-files');
const { DEEPIDV_NODE, triggerWebhookPath } = require('./workflows');

/** The seeded sandbox session the trigger example decides (the sandbox's documented `test_pending`). */
const EXAMPLE_SESSION = 'test_pending';
/** The examples published against the sandbox: the trigger the sandbox sends its webhooks to, and a form. */
const SANDBOX_TRIGGER = 'trigger-verify-submitted.json';
const SANDBOX_FORM = 'form-create-session.json';

/** The DeepIDV operations that only read: free, and they change nothing. Every other one changes data, invites someone or is billed. */
const READ_OPERATIONS = new Set(['ageVerification.getBoundaries', 'ageVerification.getManyParentConnects', 'ageVerification.getParentConnect', 'creditCheck.get', 'creditCheck.getMany', 'session.get', 'session.getMany', 'session.getProgress', 'workflow.get', 'workflow.getMany', 'asyncJob.get', 'screening.getJobResult']);
/** Parameters naming a session or a person: emptied in the real-API copies when typed in (not mapped by an expression). */
const TYPED_IN = ['sessionId', 'firstName', 'lastName', 'email', 'phone', 'dateOfBirth', 'address'];

/** @param {any} node */
const changes = (node) => node.type === DEEPIDV_NODE && !READ_OPERATIONS.has(`${node.parameters.resource}.${node.parameters.operation}`);

/**
 * An example for the real API: nothing on it is changed, nobody invited and nothing billed by a
 * click. Every DeepIDV step that would is deactivated, and the sessions and people typed into it
 * emptied, so turning it back on is a decision with its own fields to fill in.
 * @param {any} workflow
 */
function forRealApi(workflow) {
	const copy = structuredClone(workflow);
	for (const node of copy.nodes.filter(changes)) {
		node.disabled = true;
		for (const name of TYPED_IN) {
			const value = node.parameters[name];
			if (typeof value === 'string' && !value.startsWith('=')) node.parameters[name] = '';
			if (value?.__rl && typeof value.value === 'string' && !value.value.startsWith('=')) value.value = '';
		}
	}
	return copy;
}

/**
 * The examples against the local sandbox server. The DeepIDV Trigger example and the form example
 * are to be published; the caller registers the trigger's webhook in the sandbox.
 * @param {{ sandboxUrl: string, apiKey: string }} sandbox
 */
function sandboxExamples({ sandboxUrl, apiKey }) {
	const signingSecret = `whsec_${randomBytes(24).toString('hex')}`;
	const examples = readExamples();
	const workflows = examples.map(importable);
	const byFile = (/** @type {string} */ file) => {
		const found = workflows[examples.findIndex((example) => example.file === file)];
		if (!found) throw new Error(`examples/${file} is missing`);
		return found;
	};
	const trigger = byFile(SANDBOX_TRIGGER);
	const form = byFile(SANDBOX_FORM);
	const formTrigger = form.nodes.find((/** @type {any} */ node) => node.type === 'n8n-nodes-base.formTrigger');
	const webhookId = trigger.nodes.find((/** @type {any} */ node) => node.webhookId).webhookId;
	return {
		credentials: [
			{ id: 'deepidvSandbox', name: API_CREDENTIAL_REF.name, type: 'deepIdvApi', data: { apiKey, baseUrl: sandboxUrl } },
			{ id: 'deepidvSandboxHook', name: WEBHOOK_CREDENTIAL_REF.name, type: 'deepIdvWebhookApi', data: { signingSecret } },
		],
		workflows,
		published: [trigger.id, form.id],
		trigger: { workflow: trigger, webhookPath: triggerWebhookPath(webhookId), signingSecret },
		form: { workflow: form, formPath: `/form/${formTrigger.parameters.path}` },
	};
}

/**
 * The examples against the real DeepIDV API, none published: DeepIDV must reach a trigger's
 * webhook from the internet, and this n8n listens on 127.0.0.1 only.
 * @param {{ baseUrl: string, apiKey: string }} api
 */
function liveExamples({ baseUrl, apiKey }) {
	return {
		credentials: [{ id: 'deepidvApi', name: API_CREDENTIAL_REF.name, type: 'deepIdvApi', data: { apiKey, baseUrl } }],
		workflows: readExamples().map((example) => forRealApi(importable(example))),
		published: [],
	};
}

module.exports = { EXAMPLE_SESSION, sandboxExamples, liveExamples, forRealApi };
