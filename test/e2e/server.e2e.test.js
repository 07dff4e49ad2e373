// @ts-check
'use strict';

/**
 * The packed package loaded by a running n8n server: the editor's type catalogues list the nodes,
 * the AI-tool variant and the credentials; the editor's "Test credential" call reaches DeepIDV; and
 * a published DeepIDV Trigger workflow runs when the sandbox sends a webhook.
 */

const { startSandbox } = require('../../sandbox');
const { DEEPIDV_NODE, DEEPIDV_TRIGGER_NODE, byId, chainWorkflow, deepIdvTrigger, triggerWebhookPath } = require('../../scripts/lib/workflows');
const { CREDENTIAL_TYPE, credential, deepIdvWorkflow, instanceWithPackage, nodeOutput, waitFor } = require('./fixtures');

/** @type {import('../../sandbox').Sandbox} */
let sandbox;
/** @type {import('../../scripts/lib/n8n-instance').N8nInstance} */
let n8n;
/** @type {Awaited<ReturnType<import('../../scripts/lib/n8n-instance').N8nInstance['setupOwner']>>} */
let rest;

const SIGNING_SECRET = 'whsec_e2e_5f2c9a7e41b84d0c9e3a6b1f7d2e8c40';
const WRONG_SECRET = 'whsec_e2e_not_the_right_one_0000000000000';
const WEBHOOK_ID = '6c1f0c55-3c1e-4c43-9a3e-8f1b1d2c4e5f';
const hook = { id: 'deepIdvHook', name: 'DeepIDV webhook' };

beforeAll(async () => {
	// One attempt per delivery: a refused delivery is not retried while the test watches.
	sandbox = await startSandbox({ webhookRetry: { attempts: 1 } });
	n8n = await instanceWithPackage();
	await n8n.importCredentials([
		credential('deepIdvLive', sandbox.keys.live, sandbox.url),
		{ ...hook, type: 'deepIdvWebhookApi', data: { signingSecret: SIGNING_SECRET } },
	]);
	await n8n.importWorkflows([
		chainWorkflow({
			id: 'e2eOnVerified',
			nodes: [deepIdvTrigger({ webhookId: WEBHOOK_ID, events: ['session.status.verified'], credential: hook })],
		}),
		deepIdvWorkflow({
			id: 'e2eVerify',
			credentialId: 'deepIdvLive',
			parameters: { operation: 'updateStatus', sessionId: byId('test_submitted'), status: 'VERIFIED' },
		}),
	]);
	await n8n.publish('e2eOnVerified');
	await n8n.start();
	rest = await n8n.setupOwner();
});

afterAll(async () => {
	await n8n?.dispose();
	await sandbox?.close();
});

describe('n8n server with the package installed', () => {
	it('lists the DeepIDV node, its AI-tool variant and the DeepIDV Trigger', async () => {
		const { status, body } = await rest.request('GET', '/types/nodes.json');
		expect(status).toBe(200);
		const names = body.map((/** @type {{ name: string }} */ type) => type.name);
		expect(names).toEqual(expect.arrayContaining([DEEPIDV_NODE, `${DEEPIDV_NODE}Tool`, DEEPIDV_TRIGGER_NODE]));
		expect(names).not.toContain(`${DEEPIDV_TRIGGER_NODE}Tool`);
	});

	it('lists both DeepIDV credentials', async () => {
		const { status, body } = await rest.request('GET', '/types/credentials.json');
		expect(status).toBe(200);
		expect(body.map((/** @type {{ name: string }} */ type) => type.name)).toEqual(
			expect.arrayContaining([CREDENTIAL_TYPE, 'deepIdvWebhookApi']),
		);
	});

	// The editor posts the form's values with the stored credential's id; n8n runs the credential
	// type's `test` request with them.
	/** @param {string} apiKey */
	const testCredential = (apiKey) =>
		rest.request('POST', '/rest/credentials/test', { credentials: credential('deepIdvLive', apiKey, sandbox.url) });

	it('passes the credential test with the right key', async () => {
		const { status, body } = await testCredential(sandbox.keys.live);
		expect(status).toBe(200);
		expect(body.data).toMatchObject({ status: 'OK' });
	});

	it('fails the credential test with a wrong key', async () => {
		const { status, body } = await testCredential('wrong-key');
		expect(status).toBe(200);
		expect(body.data).toMatchObject({ status: 'Error' });
	});
});

describe('A published DeepIDV Trigger workflow (Trigger On: Session Verified)', () => {
	const webhookUrl = () => `${n8n.baseUrl}${triggerWebhookPath(WEBHOOK_ID)}`;
	/** @type {import('../../sandbox').Delivery[]} */
	let deliveries;
	/** @type {any} */
	let update;
	/** @type {any} */
	let execution;

	// DeepIDV → Update Status through the DeepIDV node (`n8n execute` next to the server); the sandbox
	// then sends session.status.verified to n8n twice: as registered with the credential's secret,
	// and as a second webhook with another secret (told apart by a query string n8n ignores).
	beforeAll(async () => {
		await n8n.waitForWebhook(triggerWebhookPath(WEBHOOK_ID));
		const events = /** @type {import('../../sandbox').WebhookEventType[]} */ (['session.status.verified']);
		sandbox.addWebhook({ url: webhookUrl(), secret: SIGNING_SECRET, events });
		sandbox.addWebhook({ url: `${webhookUrl()}?from=wrong-secret`, secret: WRONG_SECRET, events });
		update = await n8n.execute('e2eVerify');
		expect(nodeOutput(update, 'DeepIDV')[0].json.status).toBe('VERIFIED');

		try {
			deliveries = await waitFor('both webhook deliveries', () =>
				sandbox.deliveries.length >= 2 ? [...sandbox.deliveries] : undefined,
			);
			const [finished] = await waitFor('a finished execution of the trigger workflow', async () => {
				const list = await rest.executions('e2eOnVerified');
				return list.some((entry) => entry.status !== 'new' && entry.status !== 'running') ? list : undefined;
			});
			execution = await rest.execution(finished.id);
		} catch (error) {
			const seen = JSON.stringify(sandbox.deliveries.map(({ url, type, status, error: failure }) => ({ url, type, status, failure })));
			throw new Error(`${/** @type {Error} */ (error).message}\ndeliveries: ${seen}\nn8n log tail:\n${n8n.logTail()}`);
		}
	});

	it('is called by DeepIDV with the event; n8n accepts the right signature and refuses the wrong one with 401', () => {
		const session = sandbox.getSession('test_submitted')?.session_record;
		expect(deliveries.map(({ url, type, status, body }) => ({ url, type, status, body }))).toEqual(
			expect.arrayContaining([
				{ url: webhookUrl(), type: 'session.status.verified', status: 200, body: { type: 'session.status.verified', data: session } },
				{ url: `${webhookUrl()}?from=wrong-secret`, type: 'session.status.verified', status: 401, body: expect.anything() },
			]),
		);
		expect(deliveries).toHaveLength(2);
	});

	it('runs once, for the signed delivery, and outputs the event and the session', async () => {
		expect(await rest.executions('e2eOnVerified')).toHaveLength(1);
		expect(execution).toMatchObject({ mode: 'webhook', status: 'success' });
		const session = sandbox.getSession('test_submitted')?.session_record;
		expect(nodeOutput(execution, 'DeepIDV Trigger').map((/** @type {{ json: unknown }} */ item) => item.json)).toEqual([
			{ event_type: 'session.status.verified', event_time: session?.updated_at, ...session },
		]);
	});

	it('keeps the signing secret and the API key out of both executions', () => {
		const data = JSON.stringify([update, execution]);
		expect(data).not.toContain(SIGNING_SECRET);
		expect(data).not.toContain(sandbox.keys.live);
	});
});

describe('The n8n server and CLI', () => {
	it('reached nothing outside this computer', () => {
		expect(n8n.outboundConnections()).toEqual([]);
	});
});
