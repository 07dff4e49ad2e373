import type { ICredentialDataDecryptedObject, IHttpRequestOptions, INode } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { DeepIdvApi } from '../../dist/credentials/DeepIdvApi.credentials';
import { TestNodeTypes } from '../helpers/nodeTypes';
import { sandboxCredential, useSandbox } from '../helpers/sandbox';

const credentialType = new DeepIdvApi();

/**
 * Runs the credential's connection test the way n8n's credential tester does: resolve the test
 * request's expressions against the credential, apply the credential's `authenticate`, send it.
 */
async function testConnection(credential: ICredentialDataDecryptedObject) {
	const node: INode = {
		id: 'cred-test',
		name: 'Credential test',
		type: 'n8n-nodes-deepidv-api.deepIdv',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: new TestNodeTypes() });
	const { baseURL, url, method } = credentialType.test.request;
	const resolvedBase = workflow.expression.getSimpleParameterValue(node, baseURL, 'internal', {
		$credentials: credential,
	}) as string;
	const request: IHttpRequestOptions = await credentialType.authenticate(credential, {
		baseURL: resolvedBase,
		url: url!,
		method,
	});
	const response = await fetch(`${request.baseURL}${request.url}`, {
		method: request.method,
		headers: request.headers as Record<string, string>,
	});
	return { status: response.status, body: await response.json(), request };
}

describe('DeepIDV API credential', () => {
	const env = useSandbox();

	it('passes its connection test with the right key', async () => {
		const { sb } = env;
		const result = await testConnection(sandboxCredential(sb));
		expect(result.status).toBe(200);
		expect(result.body).toMatchObject({ valid: true, organization: { status: 'active' } });
		expect(sb.requests.map(({ method, path, headers }) => [method, path, headers['x-api-key']])).toEqual([
			['GET', '/v1/auth/verify', sb.keys.live],
		]);
	});

	it('fails its connection test with a wrong key', async () => {
		const { sb } = env;
		const result = await testConnection(sandboxCredential(sb, 'sk_live_not_a_real_key'));
		expect(result.status).toBe(401);
	});

	it('tolerates a trailing slash on the base URL', async () => {
		const { sb } = env;
		const result = await testConnection({ apiKey: sb.keys.live, baseUrl: `${sb.url}/` });
		expect(result.status).toBe(200);
		expect(sb.requests.map((request) => request.path)).toEqual(['/v1/auth/verify']);
	});

	describe('sends the key only where it belongs', () => {
		const apiKey = 'sk_live_secret_value';

		it('refuses plain http to another computer', async () => {
			await expect(
				credentialType.authenticate({ apiKey, baseUrl: 'http://api.deepidv.com' }, { url: 'http://api.deepidv.com/v1/auth/verify' }),
			).rejects.toThrow(
				'The Base URL "http://api.deepidv.com" in the DeepIDV credential must start with https:// (plain http is only allowed for localhost), so the API key is never sent unencrypted.',
			);
		});

		it('refuses a request to a host other than the base URL', async () => {
			await expect(
				credentialType.authenticate(
					{ apiKey, baseUrl: 'https://api.deepidv.com' },
					{ url: 'https://evil.example.com/v1/sessions' },
				),
			).rejects.toThrow(
				"The DeepIDV API key is only sent to the credential's Base URL (https://api.deepidv.com); a request to https://evil.example.com was stopped.",
			);
		});

		it('refuses an unparseable base URL', async () => {
			await expect(
				credentialType.authenticate({ apiKey, baseUrl: 'api.deepidv.com' }, { url: '/v1/auth/verify' }),
			).rejects.toThrow('The Base URL "api.deepidv.com" in the DeepIDV credential is not a valid URL.');
		});

		it.each([
			['https://api.deepidv.com', 'https://api.deepidv.com/v1/sessions/x'],
			['http://localhost:4010', 'http://localhost:4010/v1/sessions/x'],
			['http://127.0.0.1:4010/', 'http://127.0.0.1:4010/v1/sessions/x'],
			['http://[::1]:4010', 'http://[::1]:4010/v1/sessions/x'],
		])('adds x-api-key for base URL %s', async (baseUrl, url) => {
			const request = await credentialType.authenticate({ apiKey, baseUrl }, { url, headers: { accept: 'application/json' } });
			expect(request.headers).toEqual({ accept: 'application/json', 'x-api-key': apiKey });
		});
	});
});
