// @ts-check
'use strict';

/**
 * Builders for the n8n workflow JSON that `n8n import:workflow` takes, shared by `npm start`'s
 * examples and the end-to-end suite. Node type ids are those of this package installed as a
 * community package: `<package name>.<node name>`.
 */

const { randomUUID } = require('node:crypto');
const { name: PACKAGE_NAME } = require('../../package.json');

const DEEPIDV_NODE = `${PACKAGE_NAME}.deepIdv`;
const DEEPIDV_TRIGGER_NODE = `${PACKAGE_NAME}.deepIdvTrigger`;

/** @typedef {{ id: string, name: string }} CredentialRef */
/**
 * A node without position and id (the workflow builder adds them).
 * @typedef {{ name: string, type: string, typeVersion: number, parameters: Record<string, unknown>, [key: string]: unknown }} NodeSpec
 */

/** @returns {NodeSpec} */
const manualTrigger = () => ({
	name: 'Manual Trigger',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	parameters: {},
});

/**
 * The DeepIDV node. `settings` are node settings such as `onError`.
 * @param {{ name?: string, credential: CredentialRef, parameters: Record<string, unknown>, settings?: Record<string, unknown> }} spec
 * @returns {NodeSpec}
 */
const deepIdvNode = ({ name = 'DeepIDV', credential: { id, name: credentialName }, parameters, settings = {} }) => ({
	name,
	type: DEEPIDV_NODE,
	typeVersion: 1,
	parameters: { resource: 'session', ...parameters },
	credentials: { deepIdvApi: { id, name: credentialName } },
	...settings,
});

/**
 * The DeepIDV Trigger. Its production URL is `<n8n>/webhook/<webhookId>/webhook` once published.
 * @param {{ webhookId: string, events: string[], credential: CredentialRef }} spec
 * @returns {NodeSpec}
 */
const deepIdvTrigger = ({ webhookId, events, credential: { id, name } }) => ({
	name: 'DeepIDV Trigger',
	type: DEEPIDV_TRIGGER_NODE,
	typeVersion: 1,
	webhookId,
	parameters: { events },
	credentials: { deepIdvWebhookApi: { id, name } },
});

/** A Session parameter value in "By ID" mode (a resource locator). */
const byId = (/** @type {string} */ value) => ({ __rl: true, mode: 'id', value });

/** The path of a DeepIDV Trigger's production webhook, below n8n's base URL. */
const triggerWebhookPath = (/** @type {string} */ webhookId) => `/webhook/${webhookId}/webhook`;

/**
 * Edit Fields (raw JSON) → Split Out: one item per entry of `items`, as input for the next node.
 * @param {Record<string, unknown>[]} items
 * @returns {NodeSpec[]}
 */
const itemsFrom = (items) => [
	{
		name: 'Input Items',
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		parameters: { mode: 'raw', jsonOutput: JSON.stringify({ items }), options: {} },
	},
	{
		name: 'One Item Each',
		type: 'n8n-nodes-base.splitOut',
		typeVersion: 1,
		parameters: { fieldToSplitOut: 'items', options: {} },
	},
];

/**
 * A workflow whose nodes run one after another, left to right.
 * @param {{ id: string, name?: string, nodes: NodeSpec[] }} spec `id` ≤ 21 characters (n8n's limit)
 */
function chainWorkflow({ id, name = id, nodes }) {
	if (id.length > 21) throw new Error(`workflow id "${id}" is longer than 21 characters`);
	/** @type {Record<string, { main: { node: string, type: string, index: number }[][] }>} */
	const connections = {};
	nodes.slice(1).forEach((node, i) => {
		connections[nodes[i].name] = { main: [[{ node: node.name, type: 'main', index: 0 }]] };
	});
	return {
		id,
		name,
		active: false,
		settings: { executionOrder: 'v1' },
		connections,
		nodes: nodes.map((node, i) => ({ id: randomUUID(), position: [i * 240, 0], ...node })),
	};
}

/**
 * Webhook (POST `{ sessions: [{ id }, …] }`, answered with every item of the last node) → Split Out
 * → DeepIDV Update Status Verified, continuing on a failed item: a bulk decision started from
 * outside n8n, as the queue-mode suite and `npm run bench:n8n` fire it. Published, it listens on
 * `/webhook/<path>`.
 * @param {{ id: string, webhookId: string, path: string, credential: CredentialRef }} spec
 */
function bulkVerifyWorkflow({ id, webhookId, path, credential }) {
	return chainWorkflow({
		id,
		nodes: [
			{
				name: 'Bulk decision',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				webhookId,
				parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
			},
			{
				name: 'One Item Each',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				parameters: { fieldToSplitOut: 'body.sessions', options: {} },
			},
			deepIdvNode({
				credential,
				parameters: { operation: 'updateStatus', sessionId: byId('={{ $json.id }}'), status: 'VERIFIED' },
				settings: { onError: 'continueRegularOutput' },
			}),
		],
	});
}

module.exports = {
	DEEPIDV_NODE,
	DEEPIDV_TRIGGER_NODE,
	byId,
	manualTrigger,
	deepIdvNode,
	deepIdvTrigger,
	triggerWebhookPath,
	itemsFrom,
	chainWorkflow,
	bulkVerifyWorkflow,
};
