// @ts-check
'use strict';

/** Credentials, workflows and instance setup shared by the real-n8n suites. */

const { createInstance } = require('../../scripts/lib/n8n-instance');
const { chainWorkflow, deepIdvNode, manualTrigger } = require('../../scripts/lib/workflows');
const { e2eN8nVersion } = require('./n8n-version');

const CREDENTIAL_TYPE = 'deepIdvApi';

/**
 * A DeepIDV API credential as `n8n import:credentials` takes it (plain data, encrypted on import).
 * @param {string} id @param {string} apiKey @param {string} baseUrl
 */
function credential(id, apiKey, baseUrl) {
	return { id, name: `DeepIDV ${id}`, type: CREDENTIAL_TYPE, data: { apiKey, baseUrl } };
}

/**
 * The fields DeepIDV reads from the sandbox's passport image of Ada (`sandboxImage({ document:
 * PASSPORT, face: 'ada' })`), as Document → Scan and Identity → Verify output them simplified.
 */
const PASSPORT = Object.freeze({
	documentType: 'passport',
	firstName: 'Ada',
	lastName: 'Lovelace',
	fullName: 'Ada Lovelace',
	dateOfBirth: '1985-12-10',
	documentNumber: 'P12345678',
	expirationDate: '2031-05-31',
	issuingCountry: 'GB',
});

/**
 * Manual Trigger → one DeepIDV node (`resource: 'session'` is added).
 * @param {{ id: string, credentialId: string, parameters: Record<string, unknown> }} spec
 */
function deepIdvWorkflow({ id, credentialId, parameters }) {
	const node = deepIdvNode({ credential: { id: credentialId, name: `DeepIDV ${credentialId}` }, parameters });
	return chainWorkflow({ id, nodes: [manualTrigger(), node] });
}

/**
 * A fresh n8n (the version under test, see n8n-version.js) with the packed package installed (the
 * .tgz comes from global-setup.js), recording every connection it attempts outside this computer.
 * `env`: more n8n settings.
 * @param {{ env?: Record<string, string> }} [options]
 */
async function instanceWithPackage({ env } = {}) {
	const tgz = process.env.DEEPIDV_E2E_TGZ;
	if (!tgz) throw new Error('DEEPIDV_E2E_TGZ is unset: run with -c test/e2e/jest.config.js');
	const n8n = await createInstance({ n8nVersion: e2eN8nVersion(), recordOutbound: true, env });
	await n8n.installPackage(tgz);
	return n8n;
}

/**
 * The items one node produced on its first output in an execution's data.
 * @param {any} execution @param {string} nodeName
 */
function nodeOutput(execution, nodeName) {
	const runs = execution.data.resultData.runData[nodeName];
	if (!runs) throw new Error(`node "${nodeName}" did not run: ${JSON.stringify(execution.data.resultData.error)}`);
	return runs[0].data.main[0];
}

/**
 * Polls `check` until it returns something other than undefined, or fails after `timeoutMs`.
 * @template T
 * @param {string} what what is awaited, for the error
 * @param {() => Promise<T | undefined> | T | undefined} check
 * @param {{ timeoutMs?: number, intervalMs?: number }} [options]
 * @returns {Promise<T>}
 */
async function waitFor(what, check, { timeoutMs = 30_000, intervalMs = 200 } = {}) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const result = await check();
		if (result !== undefined) return result;
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
}

module.exports = { PASSPORT, CREDENTIAL_TYPE, credential, deepIdvWorkflow, instanceWithPackage, nodeOutput, waitFor };
