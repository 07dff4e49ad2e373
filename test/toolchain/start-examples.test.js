// @ts-check
'use strict';

/**
 * What `npm start` imports: every file of examples/, with the credentials the files name, against
 * the sandbox as they are; against the real API with every DeepIDV step that changes data,
 * invites someone or is billed deactivated and the sessions and people typed into it emptied.
 */

const { liveExamples, sandboxExamples } = require('../../scripts/lib/examples');
const { API_CREDENTIAL_REF, WEBHOOK_CREDENTIAL_REF, importable, readExamples } = require('../../scripts/lib/example-files');
const { DEEPIDV_NODE } = require('../../scripts/lib/workflows');

const files = readExamples();

describe('npm start against the sandbox', () => {
	const examples = sandboxExamples({ sandboxUrl: 'http://127.0.0.1:1', apiKey: 'sandbox-key' });

	it('imports every example file as it is, with the credentials named as the files name them', () => {
		expect(examples.workflows).toEqual(files.map(importable));
		expect(examples.credentials.map(({ name, type }) => ({ name, type }))).toEqual([
			{ name: API_CREDENTIAL_REF.name, type: 'deepIdvApi' },
			{ name: WEBHOOK_CREDENTIAL_REF.name, type: 'deepIdvWebhookApi' },
		]);
	});

	it('publishes the DeepIDV Trigger example the sandbox calls and the form example', () => {
		expect(examples.published).toEqual(['trigger-verify-submit', 'form-create-session']);
		expect(examples.trigger.webhookPath).toMatch(/^\/webhook\/[0-9a-f-]{36}\/webhook$/);
		expect(examples.form.formPath).toMatch(/^\/form\/[0-9a-f-]{36}$/);
	});
});

describe('npm start against the real API (DEEPIDV_API_KEY)', () => {
	const examples = liveExamples({ baseUrl: 'https://api.deepidv.com', apiKey: 'live-key' });
	const nodes = examples.workflows.flatMap((workflow) => workflow.nodes.filter((/** @type {any} */ node) => node.type === DEEPIDV_NODE));
	const reads = ['ageVerification.getBoundaries', 'session.get', 'session.getMany', 'workflow.get', 'workflow.getMany'];

	it('publishes nothing and deactivates exactly the DeepIDV steps that are not reads', () => {
		expect(examples.published).toEqual([]);
		const kind = (/** @type {any} */ node) => `${node.parameters.resource}.${node.parameters.operation}`;
		expect(nodes.filter((node) => node.disabled).map(kind).filter((operation) => reads.includes(operation))).toEqual([]);
		expect(nodes.filter((node) => !node.disabled).map(kind).filter((operation) => !reads.includes(operation))).toEqual([]);
		expect(nodes.some((node) => node.disabled)).toBe(true);
	});

	it('empties the sessions and people typed into them, and keeps what is mapped from earlier nodes', () => {
		const update = examples.workflows.find((workflow) => workflow.id === 'update-session-status').nodes.find((/** @type {any} */ node) => node.name === 'Update Status');
		expect(update.parameters.sessionId).toEqual({ __rl: true, mode: 'id', value: '' });
		const create = examples.workflows.find((workflow) => workflow.id === 'create-session').nodes.find((/** @type {any} */ node) => node.name === 'Create Session');
		expect(create.parameters).toMatchObject({ firstName: '', lastName: '', email: '', phone: '' });
		const form = examples.workflows.find((workflow) => workflow.id === 'form-create-session').nodes.find((/** @type {any} */ node) => node.name === 'Create Session');
		expect(form.parameters.firstName).toBe("={{ $json['First name'] }}");
	});

	it('leaves the files themselves unchanged', () => {
		expect(readExamples()).toEqual(files);
	});
});
