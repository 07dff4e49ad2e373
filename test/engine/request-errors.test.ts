import { Logger } from '@n8n/backend-common';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import type { Fault } from '../../sandbox';
import { runDeepIdv } from '../helpers/engine';
import { sandboxCredential, useSandbox } from '../helpers/sandbox';

const params = (sessionId: string, requestOptions: INodeParameters = {}): INodeParameters => ({
	resource: 'session',
	operation: 'updateStatus',
	sessionId: { __rl: true, mode: 'id', value: sessionId },
	status: 'VERIFIED',
	requestOptions: { maxRetries: 0, ...requestOptions },
});

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise((resolve) => server.close(resolve));
	return port;
}

describe('what a failed DeepIDV call tells the user', () => {
	const env = useSandbox();

	const cases: Array<[string, Fault | null, string, string, string]> = [
		[
			'400 invalid request',
			{ status: 400 },
			'test_pending',
			'DeepIDV rejected the request as invalid: Bad Request',
			'Check the Session and Status parameters.',
		],
		[
			'402 plain-text billing refusal',
			{ status: 402 },
			'test_pending',
			'DeepIDV refused the request for billing reasons: Insufficient funds or subscription.',
			'Your DeepIDV organisation has run out of prepaid tokens or has no active subscription. Top up or renew in the DeepIDV Admin Console, then run the workflow again.',
		],
		[
			'403 session of another organisation',
			null,
			'other_org_session',
			'DeepIDV refused access: This session belongs to another organization.',
			'The API key is missing, or it belongs to an organisation that does not own this resource. Use a key from the organisation that owns it.',
		],
		[
			'404 unknown session',
			null,
			'no-such-session',
			'Session "no-such-session" was not found in DeepIDV',
			'Check the Session parameter: the ID must belong to a session of the organisation that owns the API key.',
		],
		[
			'409 state conflict',
			{ status: 409 },
			'test_pending',
			'DeepIDV refused the change because of the current state: Conflict',
			'Get the latest state from DeepIDV and check that this step is still allowed.',
		],
		[
			'500 server error',
			{ status: 500 },
			'test_pending',
			'DeepIDV had a server error (HTTP 500): Internal Server Error',
			'This is usually temporary. Run the workflow again in a few minutes; if it keeps happening, contact DeepIDV support.',
		],
		[
			'503 server error',
			{ status: 503 },
			'test_pending',
			'DeepIDV had a server error (HTTP 503): Service Unavailable',
			'This is usually temporary. Run the workflow again in a few minutes; if it keeps happening, contact DeepIDV support.',
		],
		[
			'connection reset',
			{ reset: true },
			'test_pending',
			'The connection to DeepIDV was interrupted before it answered',
			'This is usually a passing network problem. Run the workflow again.',
		],
	];

	it.each(cases)('%s', async (_name, fault, sessionId, message, description) => {
		const { sb } = env;
		if (fault) sb.injectFaults([fault]);
		const result = await runDeepIdv({ parameters: params(sessionId), credential: sandboxCredential(sb) });

		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe(message);
		expect(result.error?.description).toBe(description);
		expect(result.error?.context?.itemIndex).toBe(0);
		expect(JSON.stringify(result.run)).not.toContain(sb.keys.live);
	});

	it('429 that outlasts Max Retry Wait: retried until the wait is used up, then explained', async () => {
		const { sb } = env;
		sb.configure({ faults: [{ status: 429, probability: 1 }] });
		const started = Date.now();
		const result = await runDeepIdv({
			parameters: params('test_pending', { maxRetryWaitSeconds: 1 }),
			credential: sandboxCredential(sb),
		});
		const elapsed = Date.now() - started;
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toMatch(
			/^DeepIDV's rate limit was reached: Too Many Requests, and it still was after 1 second of retrying \(after \d+ attempts\)$/,
		);
		expect(result.error?.description).toBe(
			"DeepIDV allows 25 requests per second and 10,000 per day per organisation, shared by every workflow using the API key. Run the workflow again when the others have finished, or raise 'Max Retry Wait (Seconds)' in the node options so items wait longer.",
		);
		expect(result.error?.context?.itemIndex).toBe(0);
		// Max Retries is 0 here: 429s are not counted against it, only against the wait.
		expect(sb.stats.rateLimited).toBeGreaterThan(1);
		expect(elapsed).toBeGreaterThanOrEqual(1000);
	});

	it('401 wrong API key', async () => {
		const { sb } = env;
		const result = await runDeepIdv({
			parameters: params('test_pending'),
			credential: sandboxCredential(sb, 'sk_live_wrong_key_123456'),
		});
		expect(result.error?.message).toBe('DeepIDV did not accept the API key');
		expect(result.error?.description).toBe(
			'Open the DeepIDV API credential and enter a current API key from the DeepIDV Admin Console.',
		);
		expect(JSON.stringify(result.run)).not.toContain('sk_live_wrong_key_123456');
	});

	it('403 sandbox key used for a change quotes the server and says what to do', async () => {
		const { sb } = env;
		const result = await runDeepIdv({
			parameters: params('test_pending'),
			credential: sandboxCredential(sb, sb.keys.sandbox),
		});
		expect(result.error?.message).toBe(
			'DeepIDV refused access: This is a sandbox API key. Use a live API key to create or modify resources.',
		);
		expect(result.error?.description).toBe(
			'A sandbox API key can only read DeepIDV test data. Put a live API key in the DeepIDV API credential to change sessions.',
		);
	});

	it('timeout', async () => {
		const { sb } = env;
		sb.injectFaults([{ delayMs: 2500 }]);
		const result = await runDeepIdv({
			parameters: params('test_pending', { timeoutSeconds: 1 }),
			credential: sandboxCredential(sb),
		});
		expect(result.error?.message).toBe('DeepIDV did not answer within 1 seconds');
		expect(result.error?.description).toBe(
			"Try again later, or raise 'Timeout (Seconds)' in the node options.",
		);
	});

	it('connection refused', async () => {
		const port = await closedPort();
		const credential: ICredentialDataDecryptedObject = { apiKey: 'sk_live_x_123456', baseUrl: `http://127.0.0.1:${port}` };
		const result = await runDeepIdv({ parameters: params('test_pending'), credential });
		expect(result.error?.message).toBe(
			`Could not connect to DeepIDV at http://127.0.0.1:${port}: the connection was refused`,
		);
		expect(result.error?.description).toBe(
			'Check the Base URL in the DeepIDV API credential and that the server is running.',
		);
	});

	it('says how many attempts were made when retries ran out', async () => {
		const { sb } = env;
		sb.injectFaults([{ status: 503 }, { status: 503 }, { status: 503 }]);
		const result = await runDeepIdv({
			parameters: params('test_pending', { maxRetries: 2 }),
			credential: sandboxCredential(sb),
		});
		expect(result.error?.message).toBe('DeepIDV had a server error (HTTP 503): Service Unavailable (after 3 attempts)');
		expect(sb.requests).toHaveLength(3);
	});

	it('keeps the API key out of output items, error items and logs', async () => {
		const { sb } = env;
		// Everything n8n's engine logs goes through its Logger's level methods.
		const logged: string[] = [];
		const spies = (['error', 'warn', 'info', 'debug'] as const).map((level) =>
			jest.spyOn(Logger.prototype, level).mockImplementation((message: string, metadata?: object) => {
				logged.push(`${message} ${JSON.stringify(metadata ?? {})}`);
			}),
		);
		const stopped = await runDeepIdv({ parameters: params('no-such-session'), credential: sandboxCredential(sb) });
		sb.injectFaults([{ status: 500 }, { status: 402 }]);
		const result = await runDeepIdv({
			parameters: params('={{ $json.id }}'),
			input: [{ id: 'no-such-session' }, { id: 'test_pending' }, { id: 'other_org_session' }, { id: 'test_submitted' }],
			credential: sandboxCredential(sb),
			continueOnFail: true,
		});
		spies.forEach((spy) => spy.mockRestore());
		expect(stopped.error?.message).toBe('Session "no-such-session" was not found in DeepIDV');
		expect(result.items).toHaveLength(4);
		expect(result.items.filter((item) => item.json.error)).toHaveLength(4 - 1);
		expect(logged.join('')).toContain('was not found in DeepIDV');
		expect(logged.join('')).not.toContain(sb.keys.live);
		expect(JSON.stringify(result.run)).not.toContain(sb.keys.live);
	});
});
