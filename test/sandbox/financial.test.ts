import { call } from './helpers';
import { useSandbox } from '../helpers/sandbox';

const STATEMENT = { email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace', phone: '+15192223333' };
const TERMS = { firstName: 'Ada', lastName: 'Lovelace', businessName: 'Acme', businessEmail: 'ap@acme.example', businessAddress: '1 Main St', requestedCreditAmount: 0 };

describe('sandbox: bank statements and credit terms', () => {
	const env = useSandbox({ financialPageSize: 1 });

	it('validates POST /v1/financial with Zod-style hints, every problem at once, and bills nothing then', async () => {
		const { status, json } = await call(env.sb, 'POST', '/v1/financial', { body: { ...STATEMENT, phone: '5192223333', period: '12', sendEmailInvite: 'yes', email: undefined } });
		expect(status).toBe(400);
		expect(json.message).toBe('Invalid request body');
		expect(json.hints.map((hint: { path: string[]; code: string }) => `${hint.path.join('.')} ${hint.code}`)).toEqual([
			'email invalid_type',
			'phone invalid_string',
			'period invalid_enum_value',
			'sendEmailInvite invalid_type',
		]);
		expect(env.sb.stats.billed).toEqual({});
	});

	it('validates POST /v1/credit-terms: required fields, an amount of 0 or more, the period enum', async () => {
		const { json } = await call(env.sb, 'POST', '/v1/credit-terms', { body: { ...TERMS, requestedCreditAmount: -1, requestedCreditPeriod: 45, businessName: '' } });
		expect(json.hints.map((hint: { path: string[]; code: string }) => `${hint.path.join('.')} ${hint.code}`)).toEqual([
			'businessName too_small',
			'requestedCreditAmount too_small',
			'requestedCreditPeriod invalid_enum_value',
		]);
	});

	it('bills each create, keeps the defaults in Config, and pages the lists with nextToken', async () => {
		const { sb } = env;
		const first = await call(sb, 'POST', '/v1/credit-terms', { body: TERMS });
		const second = await call(sb, 'POST', '/v1/credit-terms', { body: { ...TERMS, externalId: 'x' } });
		expect(second.json).toMatchObject({ creditTermsId: expect.any(String), creditTermsUrl: expect.any(String), externalId: 'x', links: expect.any(Array) });
		expect(first.json.externalId).toBeUndefined();
		expect(sb.stats.billed).toEqual({ '/v1/credit-terms': 2 });
		const page1 = await call(sb, 'GET', '/v1/credit-terms');
		expect(page1.json.creditTerms).toHaveLength(1);
		expect(page1.json.creditTerms[0].Config.requestedCreditPeriod).toBe('30');
		const page2 = await call(sb, 'GET', '/v1/credit-terms', { query: { nextToken: page1.json.nextToken } });
		expect(page2.json).toEqual({ creditTerms: [expect.objectContaining({ id: first.json.creditTermsId })], nextToken: null });
		expect((await call(sb, 'GET', '/v1/credit-terms', { query: { nextToken: 'not-ours' } })).status).toBe(400);
	});

	it("gives the sandbox key the documented fixtures and refuses its writes to /v1/financial with DeepIDV's 403", async () => {
		const { sb } = env;
		expect((await call(sb, 'GET', '/v1/financial/test_pending', { key: sb.keys.sandbox })).json).toMatchObject({ id: 'test_pending', status: 'pending' });
		const write = await call(sb, 'POST', '/v1/financial', { key: sb.keys.sandbox, body: STATEMENT });
		expect(write).toMatchObject({ status: 403, json: { error: 'This is a sandbox API key. Use a live API key to create or modify resources.' } });
		expect((await call(sb, 'GET', '/v1/financial/test_pending')).status).toBe(404);
	});

	it('completes a bank statement through the control route, with a statement', async () => {
		const { sb } = env;
		const created = await call(sb, 'POST', '/v1/financial', { body: { ...STATEMENT, period: '9' } });
		const id = created.json.bankStatementId;
		const done = await fetch(`${sb.url}/__sandbox/financial/${id}/complete`, { method: 'POST' });
		expect(await done.json()).toMatchObject({ id, status: 'completed', statement: { periodMonths: 9 } });
		expect((await fetch(`${sb.url}/__sandbox/financial/nope/complete`, { method: 'POST' })).status).toBe(404);
	});
});
