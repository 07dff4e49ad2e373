import { Logger } from '@n8n/backend-common';

import type { Sandbox } from '../../sandbox';
import { useSandbox } from '../helpers/sandbox';
import { runOperation } from '../helpers/screening';

const PEP = '/v1/screening/pep-sanctions';
const MEDIA = '/v1/screening/adverse-media';

/** How often DeepIDV billed each item, by the first name that identifies it. */
function billsPerItem(sb: Sandbox, path: string): Map<string, number> {
	const bills = new Map<string, number>();
	for (const request of sb.requests) {
		if (request.path !== path || !request.billed) continue;
		const name = (request.json as { firstName: string }).firstName;
		bills.set(name, (bills.get(name) ?? 0) + 1);
	}
	return bills;
}

describe('Screening under faults', () => {
	describe('PEP & Sanctions: server errors, resets, timeouts and 429s', () => {
		const env = useSandbox({
			seed: 5,
			rateLimit: { perSecond: 250, burst: 350 },
			faults: [
				{ probability: 0.05, status: 503, match: { method: 'POST' } },
				{ probability: 0.05, status: 500, when: 'after', match: { method: 'POST' } },
				{ probability: 0.03, status: 502, match: { method: 'POST' } },
				{ probability: 0.03, reset: true, when: 'after', match: { method: 'POST' } },
				{ probability: 0.03, status: 429, match: { method: 'POST' } },
				{ probability: 0.02, delayMs: 2500, when: 'after', match: { method: 'POST' } },
			],
		});

		// A 2 s timeout against 2.5 s delays: on a busy machine a 1 s timeout also caught answers that
		// were merely slow, and the share of screened items fell below what the 503/429 repeats ensure.
		it('never bills an item twice, and explains the items it could not screen', async () => {
			const { sb } = env;
			const input = Array.from({ length: 120 }, (_, index) => ({ first: `Person${index}`, last: index % 4 === 0 ? 'Sanctioned' : 'Doe' }));
			const { items } = await runOperation(
				sb,
				'screening',
				'pepSanctions',
				{
					firstName: '={{ $json.first }}',
					lastName: '={{ $json.last }}',
					dateOfBirth: '1980-01-01',
					requestOptions: { maxRequestsPerSecond: 250, maxRetries: 8, timeoutSeconds: 2 },
				},
				{ input, continueOnFail: true },
			);

			expect(sb.stats.faultsInjected).toBeGreaterThan(10);
			expect(items.map((item) => item.pairedItem)).toEqual(input.map((_, item) => ({ item })));
			const bills = billsPerItem(sb, PEP);
			for (const count of bills.values()) expect(count).toBe(1);

			const maybeBilled =
				'DeepIDV may have run the PEP and sanctions screening and billed it anyway, so the node did not repeat it. Run the item again only if a second charge is acceptable.';
			const failures = new Set<string>();
			items.forEach(({ json }, index) => {
				const { first, last } = input[index];
				if (json.error) {
					failures.add(String(json.error).replace(/ \(after \d+ attempts\)$/, ''));
					expect(json.details).toBe(maybeBilled);
				} else {
					expect(bills.get(first)).toBe(1);
					expect(json.match).toBe(last === 'Sanctioned');
				}
			});
			expect([...failures].sort()).toEqual([
				'DeepIDV did not answer within 2 seconds',
				'DeepIDV had a server error (HTTP 500): Internal Server Error',
				'DeepIDV had a server error (HTTP 502): Bad Gateway',
				'The connection to DeepIDV was interrupted before it answered',
			]);
			// 503s and 429s were repeated: most items went through.
			expect(items.filter((item) => !item.json.error).length).toBeGreaterThan(90);
		});
	});

	describe('Adverse Media: the same faults on the start and the polls', () => {
		const env = useSandbox({
			seed: 9,
			asyncJobReadyAfterPolls: 1,
			rateLimit: { perSecond: 250, burst: 350 },
			faults: [
				{ probability: 0.08, status: 500, when: 'after', match: { method: 'POST' } },
				{ probability: 0.05, reset: true, when: 'after', match: { method: 'POST' } },
				{ probability: 0.05, status: 503, match: { method: 'POST' } },
				{ probability: 0.03, delayMs: 1500, when: 'after', match: { method: 'POST' } },
				{ probability: 0.08, status: 500, match: { method: 'GET' } },
				{ probability: 0.03, reset: true, match: { method: 'GET' } },
			],
		});

		it('screens every item, each billed exactly once, thanks to one Idempotency-Key per item', async () => {
			const { sb } = env;
			const input = Array.from({ length: 60 }, (_, index) => ({ first: `Person${index}`, last: index % 3 === 0 ? 'Headlines' : 'Doe' }));
			const { items, error } = await runOperation(
				sb,
				'screening',
				'adverseMedia',
				{
					firstName: '={{ $json.first }}',
					lastName: '={{ $json.last }}',
					dateOfBirth: '1980-01-01',
					pollIntervalSeconds: 0.5,
					maxWaitSeconds: 60,
					requestOptions: { maxRequestsPerSecond: 250, maxRetries: 8, timeoutSeconds: 1 },
				},
				{ input },
			);

			expect(error).toBeUndefined();
			expect(sb.stats.faultsInjected).toBeGreaterThan(5);
			expect(items.map(({ json, pairedItem }) => [json.riskLevel, pairedItem])).toEqual(
				input.map(({ last }, item) => [last === 'Headlines' ? 'HIGH' : 'LOW', { item }]),
			);
			const bills = billsPerItem(sb, MEDIA);
			expect(bills.size).toBe(input.length);
			for (const count of bills.values()) expect(count).toBe(1);
			expect(sb.stats.billed).toEqual({ [MEDIA]: input.length });
			// Repeated starts of one item carried one key; different items never shared one.
			const keysByItem = new Map<string, Set<unknown>>();
			for (const request of sb.requests.filter((request) => request.path === MEDIA)) {
				const name = (request.json as { firstName: string }).firstName;
				keysByItem.set(name, (keysByItem.get(name) ?? new Set()).add(request.headers['idempotency-key']));
			}
			for (const keys of keysByItem.values()) expect(keys.size).toBe(1);
			expect(new Set([...keysByItem.values()].map((keys) => [...keys][0])).size).toBe(input.length);
		});
	});

	describe('the API key', () => {
		const env = useSandbox({ asyncJobReadyAfterPolls: 1 });

		it('appears in no output item, error item or log line of any screening operation', async () => {
			const { sb } = env;
			const logged: string[] = [];
			const spies = (['error', 'warn', 'info', 'debug'] as const).map((level) =>
				jest.spyOn(Logger.prototype, level).mockImplementation((message: string, metadata?: object) => {
					logged.push(`${message} ${JSON.stringify(metadata ?? {})}`);
				}),
			);
			sb.injectFaults([{ status: 500, when: 'after', match: { path: PEP } }, { status: 402 }]);
			const runs = [
				await runOperation(sb, 'screening', 'pepSanctions', { firstName: 'Jane', lastName: '={{ $json.last }}', dateOfBirth: '1990-05-17' }, {
					input: [{ last: 'Doe' }, { last: 'Sanctioned' }, { last: 'Listed' }],
					continueOnFail: true,
				}),
				await runOperation(sb, 'screening', 'adverseMedia', { firstName: 'Jane', lastName: 'Failing', dateOfBirth: '1990-05-17', pollIntervalSeconds: 0.5 }),
				await runOperation(sb, 'screening', 'phoneTrust', { phone: '+447700900001' }),
				await runOperation(sb, 'screening', 'getJobResult', { jobId: '00000000-0000-4000-8000-000000000000' }),
			];
			spies.forEach((spy) => spy.mockRestore());
			expect(runs.map((run) => run.error?.message ?? run.items.length)).toEqual([
				3,
				'DeepIDV could not complete the adverse media screening: The media search provider could not complete the screening',
				1,
				'Screening job "00000000-0000-4000-8000-000000000000" was not found in DeepIDV',
			]);
			expect(runs[0].items.filter((item) => item.json.error)).toHaveLength(2);
			expect(logged.join('\n')).toContain('could not complete the adverse media screening');
			expect(logged.join('\n')).not.toContain(sb.keys.live);
			for (const run of runs) expect(JSON.stringify(run.run)).not.toContain(sb.keys.live);
		});
	});
});
