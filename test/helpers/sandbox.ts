import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { startSandbox } from '../../sandbox';
import type { RecordedRequest, Sandbox, SandboxOptions } from '../../sandbox';

/**
 * Starts a fresh local DeepIDV sandbox server before each test of the calling `describe` and
 * stops it after, so every test sees the same seeded data. Rate limiting is off unless asked for.
 */
export function useSandbox(options: SandboxOptions = {}): { readonly sb: Sandbox } {
	const holder = {} as { sb: Sandbox };
	beforeEach(async () => {
		holder.sb = await startSandbox({ rateLimit: false, ...options });
	});
	afterEach(async () => {
		await holder.sb.close();
	});
	return holder;
}

/** A DeepIDV API credential pointing at the sandbox. */
export function sandboxCredential(sb: Sandbox, apiKey = sb.keys.live): ICredentialDataDecryptedObject {
	return { apiKey, baseUrl: sb.url };
}

/** The parts of a recorded request a user would notice. */
export function requestSummary({ method, path, query, headers, json }: RecordedRequest) {
	return {
		method,
		path,
		query,
		apiKey: headers['x-api-key'],
		contentType: headers['content-type'],
		body: json,
	};
}
