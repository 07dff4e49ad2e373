// @ts-check
'use strict';

/**
 * The packed package installed into a real n8n, run headless with `n8n execute` against the local
 * DeepIDV sandbox: what n8n outputs and what actually went over the wire.
 */

const { startSandbox } = require('../../sandbox');
const { credential, deepIdvWorkflow, instanceWithPackage, nodeOutput } = require('./fixtures');

/** @type {import('../../sandbox').Sandbox} */
let sandbox;
/** @type {import('../../scripts/lib/n8n-instance').N8nInstance} */
let n8n;

const WRONG_KEY = 'e2e-wrong-api-key-0123456789';

/** @param {string} id @param {string} credentialId @param {string} sessionId */
const updateStatusWorkflow = (id, credentialId, sessionId) =>
	deepIdvWorkflow({
		id,
		credentialId,
		parameters: {
			resource: 'session',
			operation: 'updateStatus',
			sessionId: { __rl: true, mode: 'id', value: sessionId },
			status: 'VERIFIED',
		},
	});

beforeAll(async () => {
	sandbox = await startSandbox();
	n8n = await instanceWithPackage();
	await n8n.importCredentials([
		credential('deepIdvLive', sandbox.keys.live, sandbox.url),
		credential('deepIdvWrong', WRONG_KEY, sandbox.url),
	]);
	await n8n.importWorkflows([
		updateStatusWorkflow('e2eUpdateStatus', 'deepIdvLive', 'test_pending'),
		updateStatusWorkflow('e2eWrongKey', 'deepIdvWrong', 'test_submitted'),
	]);
});

afterAll(async () => {
	await n8n?.dispose();
	await sandbox?.close();
});

describe('Session → Update Status in a real n8n', () => {
	/** @type {any} */
	let execution;

	beforeAll(async () => {
		sandbox.clearRequests();
		execution = await n8n.execute('e2eUpdateStatus');
	});

	it('outputs the session record DeepIDV returned', () => {
		expect(execution.data.resultData.error).toBeUndefined();
		const stored = sandbox.getSession('test_pending');
		expect(stored?.session_record.status).toBe('VERIFIED');
		expect(nodeOutput(execution, 'DeepIDV')).toEqual([
			{ json: stored?.session_record, pairedItem: { item: 0 } },
		]);
	});

	it('sends exactly one authenticated PATCH with the new status', () => {
		expect(sandbox.requests).toHaveLength(1);
		const [request] = sandbox.requests;
		expect(request.method).toBe('PATCH');
		expect(request.path).toBe('/v1/sessions/test_pending/update-status');
		expect(request.headers['x-api-key']).toBe(sandbox.keys.live);
		expect(JSON.parse(request.body)).toEqual({ new_status: 'VERIFIED' });
	});

	it('never shows the API key in the execution data', () => {
		expect(JSON.stringify(execution)).not.toContain(sandbox.keys.live);
	});
});

describe('Session → Update Status with a key DeepIDV refuses', () => {
	/** @type {any} */
	let execution;
	/** @type {import('../../sandbox').StoredSession | undefined} */
	let sessionBefore;

	beforeAll(async () => {
		sessionBefore = sandbox.getSession('test_submitted');
		execution = await n8n.execute('e2eWrongKey');
	});

	it('fails the node with the API error and leaves the session as it was', () => {
		expect(execution.status).toBe('error');
		expect(execution.data.resultData.error).toMatchObject({ name: 'NodeApiError', httpCode: '401' });
		expect(sandbox.getSession('test_submitted')).toEqual(sessionBefore);
	});

	it('never shows the refused key in the execution data', () => {
		expect(JSON.stringify(execution)).not.toContain(WRONG_KEY);
	});
});
