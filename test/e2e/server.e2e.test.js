// @ts-check
'use strict';

/**
 * The packed package loaded by a running n8n server: the editor's type catalogues list the node,
 * its AI-tool variant and the credential, and the editor's "Test credential" call reaches DeepIDV.
 */

const { startSandbox } = require('../../sandbox');
const { NODE_TYPE, CREDENTIAL_TYPE, credential, instanceWithPackage } = require('./fixtures');

/** @type {import('../../sandbox').Sandbox} */
let sandbox;
/** @type {import('../../scripts/lib/n8n-instance').N8nInstance} */
let n8n;
/** @type {Awaited<ReturnType<import('../../scripts/lib/n8n-instance').N8nInstance['setupOwner']>>} */
let rest;

beforeAll(async () => {
	sandbox = await startSandbox();
	n8n = await instanceWithPackage();
	await n8n.importCredentials([credential('deepIdvLive', sandbox.keys.live, sandbox.url)]);
	await n8n.start();
	rest = await n8n.setupOwner();
});

afterAll(async () => {
	await n8n?.dispose();
	await sandbox?.close();
});

describe('n8n server with the package installed', () => {
	it('lists the DeepIDV node and its AI-tool variant', async () => {
		const { status, body } = await rest.request('GET', '/types/nodes.json');
		expect(status).toBe(200);
		const names = body.map((/** @type {{ name: string }} */ type) => type.name);
		expect(names).toEqual(expect.arrayContaining([NODE_TYPE, `${NODE_TYPE}Tool`]));
	});

	it('lists the DeepIDV credential', async () => {
		const { status, body } = await rest.request('GET', '/types/credentials.json');
		expect(status).toBe(200);
		expect(body.map((/** @type {{ name: string }} */ type) => type.name)).toContain(CREDENTIAL_TYPE);
	});

	// The editor posts the form's values with the stored credential's id; n8n runs the credential
	// type's `test` request with them.
	/** @param {string} apiKey */
	const testCredential = (apiKey) =>
		rest.request('POST', '/rest/credentials/test', {
			credentials: { ...credential('deepIdvLive', apiKey, sandbox.url) },
		});

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
