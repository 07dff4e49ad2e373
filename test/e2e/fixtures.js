// @ts-check
'use strict';

/** Credentials, workflows and instance setup shared by the real-n8n suites. */

const { createInstance } = require('../../scripts/lib/n8n-instance');

/** Installed as a community package, the node type id is `<package name>.<node name>`. */
const NODE_TYPE = 'n8n-nodes-deepidv-api.deepIdv';
const CREDENTIAL_TYPE = 'deepIdvApi';

/** @param {string} id @param {string} apiKey @param {string} baseUrl */
function credential(id, apiKey, baseUrl) {
	return { id, name: `DeepIDV ${id}`, type: CREDENTIAL_TYPE, data: { apiKey, baseUrl } };
}

/**
 * Manual Trigger → one DeepIDV node.
 * @param {{ id: string, credentialId: string, parameters: Record<string, unknown> }} spec
 */
function deepIdvWorkflow({ id, credentialId, parameters }) {
	return {
		id,
		name: id,
		active: false,
		settings: {},
		connections: { 'Manual Trigger': { main: [[{ node: 'DeepIDV', type: 'main', index: 0 }]] } },
		nodes: [
			{
				id: 'b0000000-0000-4000-8000-000000000001',
				name: 'Manual Trigger',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'b0000000-0000-4000-8000-000000000002',
				name: 'DeepIDV',
				type: NODE_TYPE,
				typeVersion: 1,
				position: [220, 0],
				parameters,
				credentials: { [CREDENTIAL_TYPE]: { id: credentialId, name: `DeepIDV ${credentialId}` } },
			},
		],
	};
}

/** A fresh n8n with the packed package installed (the .tgz comes from global-setup.js). */
async function instanceWithPackage() {
	const tgz = process.env.DEEPIDV_E2E_TGZ;
	if (!tgz) throw new Error('DEEPIDV_E2E_TGZ is unset: run with -c test/e2e/jest.config.js');
	const n8n = await createInstance();
	await n8n.installPackage(tgz);
	return n8n;
}

/**
 * The items one node produced on its first output in an `n8n execute --rawOutput` result.
 * @param {any} execution @param {string} nodeName
 */
function nodeOutput(execution, nodeName) {
	const runs = execution.data.resultData.runData[nodeName];
	if (!runs) throw new Error(`node "${nodeName}" did not run: ${JSON.stringify(execution.data.resultData.error)}`);
	return runs[0].data.main[0];
}

module.exports = { NODE_TYPE, CREDENTIAL_TYPE, credential, deepIdvWorkflow, instanceWithPackage, nodeOutput };
