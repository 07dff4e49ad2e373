import { startSandbox, type Sandbox } from '../../sandbox';
import { call } from './helpers';

const person = { email: 'jane@example.com', firstName: 'Jane', lastName: 'Doe', phone: '+15192223333' };
const PREVIEW = { error: 'Credit Checks read API is not yet generally available. Use a sandbox API key to preview test responses.' };

describe('sandbox server: credit checks', () => {
	let sb: Sandbox;
	beforeEach(async () => {
		sb = await startSandbox({ rateLimit: false });
	});
	afterEach(() => sb.close());

	it('creates a hard or soft credit check, billed unless uat, snake_case accepted and camelCase winning', async () => {
		const hard = await call(sb, 'POST', '/v1/credit-check/hard', { body: { ...person, external_id: 'x', externalId: 'loan-1' } });
		expect(hard.status).toBe(200);
		expect(hard.json).toEqual({ id: expect.any(String), session_url: expect.any(String), type: 'credit-check-hard', externalId: 'loan-1', links: [expect.objectContaining({ rel: 'session_url' })] });
		const soft = await call(sb, 'POST', '/v1/credit-check/soft', { body: { ...person, uat: true, uatType: 'any' } });
		expect(soft.json.type).toBe('credit-check-soft');
		expect(sb.stats.billed).toEqual({ '/v1/credit-check/hard': 1 });
		expect(sb.creditChecks.map((c) => [c.inquiry, c.uat])).toEqual([['hard', false], ['soft', true]]);
	});

	it('answers 400 with a hint per problem', async () => {
		const answer = await call(sb, 'POST', '/v1/credit-check/soft', { body: { ...person, phone: '5192223333', redirectUrl: 'http://x.example', uat: 'yes' } });
		expect(answer.status).toBe(400);
		expect(answer.json.hints.map((hint: { path: string[] }) => hint.path)).toEqual([['phone'], ['redirectUrl'], ['uat']]);
		expect(sb.stats.billed).toEqual({});
	});

	it('refuses creates with the sandbox key, unless the option allows them', async () => {
		const refused = await call(sb, 'POST', '/v1/credit-check/hard', { key: sb.keys.sandbox, body: person });
		expect([refused.status, refused.json]).toEqual([403, { error: 'This is a sandbox API key. Use a live API key to create or modify resources.' }]);
		sb.configure({ creditCheckCreateWithSandboxKey: 'allowed' });
		expect((await call(sb, 'POST', '/v1/credit-check/hard', { key: sb.keys.sandbox, body: person })).status).toBe(200);
	});

	it('answers reads with 501 for a live key and with the four fixtures for the sandbox key', async () => {
		for (const path of ['/v1/credit-checks', '/v1/credit-checks/test_hard_pass']) {
			const live = await call(sb, 'GET', path);
			expect([live.status, live.json]).toEqual([501, PREVIEW]);
		}
		const list = await call(sb, 'GET', '/v1/credit-checks', { key: sb.keys.sandbox });
		expect(list.json.creditChecks.map((c: { id: string; scoreStatus: string; overallRisk?: string }) => [c.id, c.scoreStatus, c.overallRisk])).toEqual([
			['test_soft_pass', 'FAIR', undefined],
			['test_hard_pass', 'FAIR', 'LOW'],
			['test_hard_review', 'POOR', 'MEDIUM'],
			['test_hard_high_risk', 'HIGH_RISK', 'HIGH'],
		]);
		expect(list.json.next_token).toBeNull();
		expect((await call(sb, 'GET', '/v1/credit-checks/other', { key: sb.keys.sandbox })).status).toBe(404);
		sb.configure({ sandboxUnknownId: 'random' });
		const random = await call(sb, 'GET', '/v1/credit-checks/other', { key: sb.keys.sandbox });
		expect(random.json).toMatchObject({ id: 'other', score: expect.any(Number) });
	});
});
