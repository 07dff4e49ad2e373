import type { INodeParameters } from 'n8n-workflow';

import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { runDeepIdv } from '../helpers/engine';
import { sandboxCredential, useSandbox } from '../helpers/sandbox';

const byExpression = (requestOptions: INodeParameters = {}): INodeParameters => ({
	resource: 'session',
	operation: 'updateStatus',
	sessionId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
	status: '={{ $json.status }}',
	requestOptions,
});

/** `count` fresh PENDING sessions, and one input item per session asking for a decision. */
function seedSessions(sb: Sandbox, count: number) {
	return Array.from({ length: count }, (_, index) => {
		const id = `fault-${String(index).padStart(3, '0')}`;
		sb.addSession({ id, status: 'PENDING', session_progress: 'PENDING' });
		return { id, status: index % 3 === 0 ? 'REJECTED' : 'VERIFIED' };
	});
}

describe('Update Status under faults', () => {
	describe('10% server errors, resets and answers slower than the timeout', () => {
		const env = useSandbox({
			seed: 7,
			rateLimit: { perSecond: 250, burst: 350 },
			faults: [
				{ probability: 0.1, status: 503 },
				{ probability: 0.03, reset: true },
				{ probability: 0.03, reset: true, when: 'after' },
				{ probability: 0.02, delayMs: 1500 },
			],
		});

		it('decides all 300 sessions, each exactly once in the output, in input order', async () => {
			const { sb } = env;
			const input = seedSessions(sb, 300);
			const result = await runDeepIdv({
				parameters: byExpression({ timeoutSeconds: 1, maxRequestsPerSecond: 250, maxRetries: 8 }),
				input,
				credential: sandboxCredential(sb),
			});

			expect(result.error).toBeUndefined();
			expect(sb.stats.faultsInjected).toBeGreaterThan(30);
			expect(result.items.map((item) => [item.json.id, item.json.status, item.pairedItem])).toEqual(
				input.map(({ id, status }, index) => [id, status, { item: index }]),
			);
			for (const { id, status } of input) expect(sb.getSession(id)!.session_record.status).toBe(status);
		});
	});

	describe('Create under the same faults', () => {
		const env = useSandbox({
			seed: 11,
			rateLimit: { perSecond: 250, burst: 350 },
			faults: [
				{ probability: 0.05, status: 503, match: { method: 'POST' } },
				{ probability: 0.05, status: 500, when: 'after', match: { method: 'POST' } },
				{ probability: 0.03, reset: true, match: { method: 'POST' } },
				{ probability: 0.03, reset: true, when: 'after', match: { method: 'POST' } },
				{ probability: 0.03, status: 429, match: { method: 'POST' } },
			],
		});

		it('never creates a session twice for one item, and explains the items it could not create', async () => {
			const { sb } = env;
			const input = Array.from({ length: 150 }, (_, index) => ({ ref: `bulk-${index}` }));
			const result = await runDeepIdv({
				parameters: {
					resource: 'session',
					operation: 'create',
					firstName: 'Jane',
					lastName: 'Doe',
					email: 'jane.doe@example.com',
					phone: '+15192223333',
					additionalFields: { externalId: '={{ $json.ref }}' },
					requestOptions: { maxRequestsPerSecond: 250, maxRetries: 8 },
				},
				input,
				credential: sandboxCredential(sb),
				continueOnFail: true,
			});

			expect(result.items.map((item) => item.pairedItem)).toEqual(input.map((_, index) => ({ item: index })));
			const created = new Map<string, string[]>();
			for (const { session_record: record } of sb.listSessions()) {
				if (!record.external_id?.startsWith('bulk-')) continue;
				created.set(record.external_id, [...(created.get(record.external_id) ?? []), record.id]);
			}
			for (const ids of created.values()) expect(ids).toHaveLength(1);

			const maybeCreated =
				'DeepIDV may have created the session and invited the applicant anyway. Before running this item again, look for the session with Get Many (e.g. by External ID) so the applicant is not invited twice.';
			const failures = new Set<string>();
			result.items.forEach((item, index) => {
				const ref = input[index].ref;
				if (item.json.error) {
					// A 429 first (repeated) then a failure reads "… (after 2 attempts)": same failure.
					failures.add(String(item.json.error).replace(/ \(after \d+ attempts\)$/, ''));
					expect(item.json.details).toBe(maybeCreated);
				} else {
					expect(item.json).toMatchObject({ id: created.get(ref)![0], external_id: ref });
				}
			});
			expect([...failures].sort()).toEqual([
				'DeepIDV had a server error (HTTP 500): Internal Server Error',
				'DeepIDV had a server error (HTTP 503): Service Unavailable',
				'The connection to DeepIDV was interrupted before it answered',
			]);
			// Refused 429s were retried: every item that did not fail created exactly one session.
			expect(sb.stats.rateLimited).toBeGreaterThan(0);
			expect(result.items.filter((item) => !item.json.error).length).toBeGreaterThan(100);
		});
	});

	describe('429 storms', () => {
		it.each([
			['without Retry-After', false],
			['with Retry-After in seconds', 'seconds'],
		] as const)('are absorbed %s', async (_name, retryAfter) => {
			// The server allows 10 per second while the node would send 25: most first tries get 429.
			const env = await startSandbox({ rateLimit: { perSecond: 10, burst: 10 }, retryAfter });
			try {
				const input = seedSessions(env, 40);
				const result = await runDeepIdv({
					parameters: byExpression({ maxRetries: 8 }),
					input,
					credential: sandboxCredential(env),
				});
				expect(result.error).toBeUndefined();
				expect(env.stats.rateLimited).toBeGreaterThan(0);
				expect(result.items.map((item) => item.json.id)).toEqual(input.map(({ id }) => id));
				for (const { id, status } of input) expect(env.getSession(id)!.session_record.status).toBe(status);
			} finally {
				await env.close();
			}
		});
	});

	describe('Retry-After', () => {
		const env = useSandbox();

		it('waits as long as an HTTP-date Retry-After says, then succeeds', async () => {
			const { sb } = env;
			const until = new Date(Date.now() + 2000);
			sb.injectFaults([{ status: 429, retryAfter: until.toUTCString() }]);
			const result = await runDeepIdv({
				parameters: byExpression(),
				input: [{ id: 'test_pending', status: 'VERIFIED' }],
				credential: sandboxCredential(sb),
			});
			expect(result.items.map((item) => item.json.status)).toEqual(['VERIFIED']);
			const [first, second] = sb.requests;
			// HTTP dates have whole seconds: the retry comes no earlier than the second the server named.
			expect(second.receivedAt).toBeGreaterThanOrEqual(Math.floor(until.getTime() / 1000) * 1000 - 50);
			expect(second.receivedAt - first.receivedAt).toBeGreaterThan(900);
		});

		it('fails fast, saying so, when asked to wait longer than Max Retry Wait', async () => {
			const { sb } = env;
			sb.injectFaults([{ status: 429, retryAfter: '3600' }]);
			const result = await runDeepIdv({
				parameters: byExpression({ maxRetryWaitSeconds: 60 }),
				input: [{ id: 'test_pending', status: 'VERIFIED' }],
				credential: sandboxCredential(sb),
			});
			expect(result.error?.message).toBe(
				"DeepIDV asked to wait 3600 seconds before trying again, longer than the 60 seconds allowed by 'Max Retry Wait (Seconds)'",
			);
			expect(result.error?.description).toBe(
				"The daily request quota (10,000 per organisation) may be used up. Run the workflow again later, or raise 'Max Retry Wait (Seconds)' in the node options.",
			);
			expect(sb.requests).toHaveLength(1);
		});
	});

	describe('a permanent failure with Continue On Fail off', () => {
		const env = useSandbox();

		it('stops the node with that item\'s error while other items are in flight', async () => {
			const { sb } = env;
			const input = seedSessions(sb, 30);
			input[12] = { id: 'missing-12', status: 'VERIFIED' };
			const result = await runDeepIdv({ parameters: byExpression(), input, credential: sandboxCredential(sb) });
			expect(result.error?.message).toBe('Session "missing-12" was not found in DeepIDV');
			expect(result.error?.context?.itemIndex).toBe(12);
			expect(result.items).toEqual([]);
		});
	});
});
