import { createInvited } from '../helpers/invited';
import { useSandbox } from '../helpers/sandbox';
import { runOperation } from '../helpers/screening';

describe('Credit Terms → Get, Get Many and Get Many by External ID through the n8n engine', () => {
	const env = useSandbox({ financialPageSize: 2 });
	const calls = () => env.sb.requests.map(({ method, path, query }) => ({ method, path, query }));

	it("Get outputs DeepIDV's record as it is", async () => {
		const { sb } = env;
		const [id] = await createInvited(sb, '/v1/credit-terms', ['acct-1']);
		const { items } = await runOperation(sb, 'creditTerms', 'get', { creditTermsId: id });
		expect(calls()).toEqual([{ method: 'GET', path: `/v1/credit-terms/${id}`, query: {} }]);
		expect(items).toEqual([{ json: sb.getCreditTerms(id), pairedItem: { item: 0 } }]);
		expect(items[0].json).toMatchObject({
			status: 'pending',
			type: 'credit-terms',
			externalId: 'acct-1',
			Config: { businessName: 'Acme Co.', requestedCreditAmount: 25000, requestedCreditPeriod: '30' },
		});
	});

	it('Get names the parameter when DeepIDV has no such request', async () => {
		const { error } = await runOperation(env.sb, 'creditTerms', 'get', { creditTermsId: 'nope' });
		expect(error?.message).toBe('The credit terms request "nope" was not found in DeepIDV');
		expect(error?.description).toBe(
			'Check the Credit Terms ID parameter: the ID must belong to a credit terms request of the organisation that owns the API key.',
		);
	});

	it('Get Many follows nextToken from the creditTerms list, newest first', async () => {
		const { sb } = env;
		const ids = await createInvited(sb, '/v1/credit-terms', ['a', 'b', 'c']);
		const { items } = await runOperation(sb, 'creditTerms', 'getMany', { returnAll: true });
		expect(items.map((item) => item.json.id)).toEqual([...ids].reverse());
		expect(calls()).toEqual([
			{ method: 'GET', path: '/v1/credit-terms', query: {} },
			{ method: 'GET', path: '/v1/credit-terms', query: { nextToken: expect.any(String) } },
		]);
	});

	it('Get Many by External ID lists only those requests', async () => {
		const { sb } = env;
		const ids = await createInvited(sb, '/v1/credit-terms', ['acct-1', 'acct-2', 'acct-1']);
		const { items } = await runOperation(sb, 'creditTerms', 'getManyByExternalId', { externalId: 'acct-1', returnAll: false, limit: 1 });
		expect(items.map((item) => item.json.id)).toEqual([ids[2]]);
		expect(calls()).toEqual([{ method: 'GET', path: '/v1/credit-terms/externalId/acct-1', query: {} }]);
	});
});
