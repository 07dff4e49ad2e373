// @ts-check
'use strict';

/**
 * Transaction → Save in a real n8n (the packed package, `n8n execute`) against the local sandbox:
 * 1,200 transactions made by a Code node in one execution go to DeepIDV in exactly 3 requests
 * (500, 500, 200), and every item gets its own record's result, paired to it.
 */

const { startSandbox } = require('../../sandbox');
const { chainWorkflow, deepIdvNode, manualTrigger } = require('../../scripts/lib/workflows');
const { credential, instanceWithPackage, nodeOutput } = require('./fixtures');

/** @type {import('../../sandbox').Sandbox} */
let sandbox;
/** @type {import('../../scripts/lib/n8n-instance').N8nInstance} */
let n8n;

const COUNT = 1200;
const CODE = `return Array.from({ length: ${COUNT} }, (_, i) => ({ json: {
	id: 'e2e-txn-' + i,
	customer: 'cust-' + (i % 37),
	at: new Date(Date.UTC(2026, 7, 1) + i * 60000).toISOString(),
	amount: 10 + i / 4,
} }));`;

const workflow = chainWorkflow({
	id: 'e2eAmlSave',
	nodes: [
		manualTrigger(),
		{ name: 'Transactions', type: 'n8n-nodes-base.code', typeVersion: 2, parameters: { jsCode: CODE } },
		deepIdvNode({
			name: 'Save Transactions',
			credential: { id: 'deepIdvLive', name: 'DeepIDV deepIdvLive' },
			parameters: {
				resource: 'transaction',
				operation: 'save',
				clientTxnId: '={{ $json.id }}',
				subjectUserId: '={{ $json.customer }}',
				timestamp: '={{ $json.at }}',
				direction: 'outbound',
				amount: '={{ $json.amount }}',
				currency: 'USD',
				type: 'card',
				additionalFields: { subject: { values: { first_name: 'Jane', last_name: 'Chen' } } },
			},
		}),
	],
});

beforeAll(async () => {
	sandbox = await startSandbox();
	n8n = await instanceWithPackage();
	await n8n.importCredentials([credential('deepIdvLive', sandbox.keys.live, sandbox.url)]);
	await n8n.importWorkflows([workflow]);
});

afterAll(async () => {
	await n8n?.dispose();
	await sandbox?.close();
});

describe('Transaction → Save, 1,200 transactions from a Code node in one execution', () => {
	/** @type {any} */
	let execution;
	beforeAll(async () => {
		execution = await n8n.execute('e2eAmlSave');
	});

	it('sends exactly 3 requests of 500, 500 and 200 records, every record once, in input order', () => {
		const requests = sandbox.requests.filter((request) => request.path === '/v1/aml/transactions');
		const batches = requests.map((request) => /** @type {any} */ (request.json).transactions.map((/** @type {any} */ record) => record.client_txn_id));
		// Sent at once, they may arrive in any order: put them in the order of their first record.
		batches.sort((a, b) => Number(a[0].split('-').at(-1)) - Number(b[0].split('-').at(-1)));
		expect(sandbox.requests).toHaveLength(3);
		expect(batches.map((batch) => batch.length)).toEqual([500, 500, 200]);
		expect(batches.flat()).toEqual(Array.from({ length: COUNT }, (_, i) => `e2e-txn-${i}`));
		expect(requests[0].headers['x-api-key']).toBe(sandbox.keys.live);
		expect(sandbox.amlTransactionCount()).toBe(COUNT);
	});

	it('outputs one item per transaction with its own result, paired to its input item', () => {
		const items = nodeOutput(execution, 'Save Transactions');
		expect(items).toHaveLength(COUNT);
		items.forEach((/** @type {any} */ item, /** @type {number} */ i) => {
			expect(item.json).toEqual({ client_txn_id: `e2e-txn-${i}`, status: 'accepted', stored: true, needsAttention: false });
			expect(item.pairedItem).toEqual({ item: i });
		});
	});
});
