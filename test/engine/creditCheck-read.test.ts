import type { Sandbox } from '../../sandbox';
import { runDeepIdv } from '../helpers/engine';
import { requestSummary, sandboxCredential, useSandbox } from '../helpers/sandbox';

const PREVIEW_MESSAGE = "DeepIDV's credit-check read API is in preview";
const PREVIEW_HINT =
	'For now DeepIDV answers credit-check reads only for sandbox API keys, with its test credit checks. See the result of a real credit check in the DeepIDV Admin Console, or put a sandbox API key in the DeepIDV API credential to try this operation.';

describe('Credit Check → Get / Get Many through the n8n engine', () => {
	const env = useSandbox();
	let sb: Sandbox;
	beforeEach(() => {
		sb = env.sb;
	});

	const run = (parameters: Record<string, unknown>, apiKey = sb.keys.sandbox) =>
		runDeepIdv({ parameters: { resource: 'creditCheck', ...parameters }, credential: sandboxCredential(sb, apiKey) });

	it("Get outputs DeepIDV's test credit check for a sandbox key", async () => {
		const { items, error } = await run({ operation: 'get', creditCheckId: ' test_hard_review ' });
		expect(error).toBeUndefined();
		expect(sb.requests.map(requestSummary)).toEqual([
			{ method: 'GET', path: '/v1/credit-checks/test_hard_review', query: {}, apiKey: sb.keys.sandbox, contentType: undefined, body: undefined },
		]);
		expect(items).toEqual([
			{
				json: {
					id: 'test_hard_review',
					type: 'HARD',
					status: 'COMPLETED',
					score: 612,
					scoreStatus: 'POOR',
					overallRisk: 'MEDIUM',
					insights: {
						summary: 'Late payments, high utilization and a paid collection.',
						categories: [
							{ name: 'payment_history', rating: 'LATE_PAYMENTS' },
							{ name: 'utilization', rating: 'HIGH' },
							{ name: 'collections', rating: 'PAID' },
						],
					},
					createdAt: '2025-01-06T15:00:00.000Z',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it.each([
		['Get', { operation: 'get', creditCheckId: 'test_soft_pass' }],
		['Get Many', { operation: 'getMany', returnAll: true }],
	])("%s with a live key says DeepIDV's read API is in preview instead of a raw 501, and asks once", async (_name, parameters) => {
		const { error } = await run(parameters, sb.keys.live);
		expect([error?.message, error?.description, error?.httpCode]).toEqual([PREVIEW_MESSAGE, PREVIEW_HINT, '501']);
		expect(sb.requests).toHaveLength(1);
	});

	it('Get names the ID DeepIDV does not know, and the test IDs', async () => {
		const { error } = await run({ operation: 'get', creditCheckId: 'cc/42' });
		expect(sb.requests[0].path).toBe('/v1/credit-checks/cc%2F42');
		expect(error?.message).toBe('Credit check "cc/42" was not found in DeepIDV');
		expect(error?.description).toBe(
			"Check the Credit Check ID. With a sandbox API key, DeepIDV's test credit checks are test_soft_pass, test_hard_pass, test_hard_review and test_hard_high_risk.",
		);
	});

	it('Get refuses an empty Credit Check ID without a request', async () => {
		const { error } = await run({ operation: 'get', creditCheckId: '={{ "" }}' });
		expect(error?.message).toBe('The Credit Check ID parameter is empty');
		expect(sb.requests).toEqual([]);
	});

	it('Get Many outputs one item per credit check, all of them or up to Limit', async () => {
		const all = await run({ operation: 'getMany', returnAll: true });
		expect(all.items.map((item) => [item.json.id, item.json.type, item.json.score])).toEqual([
			['test_soft_pass', 'SOFT', 741],
			['test_hard_pass', 'HARD', 741],
			['test_hard_review', 'HARD', 612],
			['test_hard_high_risk', 'HARD', 480],
		]);
		expect(all.items[0].json).toEqual({ id: 'test_soft_pass', type: 'SOFT', status: 'COMPLETED', score: 741, scoreStatus: 'FAIR', createdAt: '2025-01-06T15:00:00.000Z' });
		const two = await run({ operation: 'getMany', limit: 2 });
		expect(two.items.map((item) => item.json.id)).toEqual(['test_soft_pass', 'test_hard_pass']);
		expect(sb.requests.map((request) => [request.method, request.path, request.query])).toEqual([
			['GET', '/v1/credit-checks', {}],
			['GET', '/v1/credit-checks', {}],
		]);
	});
});
