import type { INodeParameters } from 'n8n-workflow';

import { runDeepIdv } from '../helpers/engine';
import { requestSummary, sandboxCredential, useSandbox } from '../helpers/sandbox';

function updateStatus(sessionId: string, status: string, extra: INodeParameters = {}): INodeParameters {
	return {
		resource: 'session',
		operation: 'updateStatus',
		sessionId: { __rl: true, mode: 'id', value: sessionId },
		status,
		...extra,
	};
}

describe('Session → Update Status', () => {
	const env = useSandbox();

	it.each(['VERIFIED', 'REJECTED'])('sets %s and outputs the returned session record', async (status) => {
		const { sb } = env;
		const result = await runDeepIdv({
			parameters: updateStatus('test_pending', status),
			credential: sandboxCredential(sb),
		});

		expect(result.error).toBeUndefined();
		expect(sb.requests.map(requestSummary)).toEqual([
			{
				method: 'PATCH',
				path: '/v1/sessions/test_pending/update-status',
				query: {},
				apiKey: sb.keys.live,
				contentType: 'application/json',
				body: { new_status: status },
			},
		]);
		const record = sb.getSession('test_pending')!.session_record;
		expect(record.status).toBe(status);
		expect(result.items).toEqual([{ json: record, pairedItem: { item: 0 } }]);
	});

	it('handles several items with the session and status mapped by expression', async () => {
		const { sb } = env;
		const input = [
			{ session: 'test_pending', decision: 'verified' },
			{ session: 'test_submitted', decision: 'Rejected' },
			{ session: 'test_voided', decision: ' VERIFIED ' },
		];
		const result = await runDeepIdv({
			parameters: updateStatus('={{ $json.session }}', '={{ $json.decision }}'),
			input,
			credential: sandboxCredential(sb),
		});

		expect(result.error).toBeUndefined();
		const sent = sb.requests.map((request) => [request.path, request.json]);
		expect(sent).toEqual(
			expect.arrayContaining([
				['/v1/sessions/test_pending/update-status', { new_status: 'VERIFIED' }],
				['/v1/sessions/test_submitted/update-status', { new_status: 'REJECTED' }],
				['/v1/sessions/test_voided/update-status', { new_status: 'VERIFIED' }],
			]),
		);
		expect(sent).toHaveLength(3);
		expect(result.items).toEqual(
			input.map(({ session }, index) => ({
				json: sb.getSession(session)!.session_record,
				pairedItem: { item: index },
			})),
		);
		expect(result.items.map((item) => item.json.status)).toEqual(['VERIFIED', 'REJECTED', 'VERIFIED']);
	});

	it('sends an ID with "/", a space and "?" as one encoded path segment', async () => {
		const { sb } = env;
		const odd = 'crm/2024 batch?7';
		sb.addSession({ id: odd, status: 'SUBMITTED' });

		const result = await runDeepIdv({
			parameters: updateStatus(odd, 'VERIFIED'),
			credential: sandboxCredential(sb),
		});

		expect(sb.requests.map((request) => request.path)).toEqual([
			'/v1/sessions/crm%2F2024%20batch%3F7/update-status',
		]);
		expect(result.items.map((item) => [item.json.id, item.json.status])).toEqual([[odd, 'VERIFIED']]);
	});

	it('trims whitespace around the session ID', async () => {
		const { sb } = env;
		await runDeepIdv({ parameters: updateStatus('  test_pending \n', 'REJECTED'), credential: sandboxCredential(sb) });
		expect(sb.requests.map((request) => request.path)).toEqual(['/v1/sessions/test_pending/update-status']);
	});

	describe('refuses bad input before sending anything', () => {
		it.each([
			[
				'an empty session ID',
				updateStatus('   ', 'VERIFIED'),
				'The Session parameter is empty',
				"Enter a DeepIDV session ID, or map one from an earlier node, e.g. the 'id' field of a DeepIDV Trigger item.",
			],
			[
				'an unknown status',
				updateStatus('test_pending', '={{ "approved" }}'),
				'The Status "approved" is not valid',
				'DeepIDV only accepts Verified or Rejected (VERIFIED or REJECTED) when a session is decided by hand.',
			],
		])('%s', async (_case, parameters, message, description) => {
			const { sb } = env;
			const result = await runDeepIdv({ parameters, credential: sandboxCredential(sb) });
			expect(result.error?.message).toBe(message);
			expect(result.error?.description).toBe(description);
			expect(result.error?.context?.itemIndex).toBe(0);
			expect(sb.requests).toHaveLength(0);
		});

		it('names the credential problem when the base URL is plain http outside this computer', async () => {
			const { sb } = env;
			const result = await runDeepIdv({
				parameters: updateStatus('test_pending', 'VERIFIED'),
				credential: { apiKey: sb.keys.live, baseUrl: 'http://api.deepidv.com' },
			});
			expect(result.error?.message).toBe(
				'The Base URL "http://api.deepidv.com" in the DeepIDV credential must start with https:// (plain http is only allowed for localhost), so the API key is never sent unencrypted.',
			);
			expect(sb.requests).toHaveLength(0);
		});
	});

	describe('Continue On Fail', () => {
		const input = [{ id: 'test_pending' }, { id: 'no-such-session' }, { id: 'test_submitted' }];
		const notFound = {
			error: 'Session "no-such-session" was not found in DeepIDV',
			details:
				'Check the Session parameter: the ID must belong to a session of the organisation that owns the API key.',
		};

		it('turns a failing item in the middle into an error item and lets the others through', async () => {
			const { sb } = env;
			const result = await runDeepIdv({
				parameters: updateStatus('={{ $json.id }}', 'VERIFIED'),
				input,
				credential: sandboxCredential(sb),
				continueOnFail: true,
			});

			expect(result.error).toBeUndefined();
			expect(result.items).toEqual([
				{ json: sb.getSession('test_pending')!.session_record, pairedItem: { item: 0 } },
				{ json: notFound, pairedItem: { item: 1 } },
				{ json: sb.getSession('test_submitted')!.session_record, pairedItem: { item: 2 } },
			]);
		});

		it('sends the failing item to the error output with "Continue (using error output)"', async () => {
			const { sb } = env;
			const result = await runDeepIdv({
				parameters: updateStatus('={{ $json.id }}', 'VERIFIED'),
				input,
				credential: sandboxCredential(sb),
				onError: 'continueErrorOutput',
			});

			expect(result.items.map((item) => [item.json.id, item.pairedItem])).toEqual([
				['test_pending', { item: 0 }],
				['test_submitted', { item: 2 }],
			]);
			// n8n merges the input item's fields into items on the error output.
			expect(result.errorItems).toEqual([{ json: { id: 'no-such-session', ...notFound }, pairedItem: { item: 1 } }]);
		});

		it('without it, stops the node with the failing item\'s error', async () => {
			const { sb } = env;
			const result = await runDeepIdv({
				parameters: updateStatus('={{ $json.id }}', 'VERIFIED', { requestOptions: { maxConcurrentRequests: 1 } }),
				input,
				credential: sandboxCredential(sb),
			});
			expect(result.error?.message).toBe(notFound.error);
			expect(result.error?.context?.itemIndex).toBe(1);
			expect(result.items).toEqual([]);
			// One at a time: the third item is never sent once the second has failed.
			expect(sb.requests.map((request) => request.path)).toEqual([
				'/v1/sessions/test_pending/update-status',
				'/v1/sessions/no-such-session/update-status',
			]);
		});
	});
});
