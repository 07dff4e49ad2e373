import type { INodeParameters } from 'n8n-workflow';

import { createInvited } from '../helpers/invited';
import { useSandbox } from '../helpers/sandbox';
import { runOperation } from '../helpers/screening';

describe('Bank Statement → Get Many through the n8n engine', () => {
	const env = useSandbox({ financialPageSize: 2 });
	const getMany = (parameters: INodeParameters, apiKey?: string) => runOperation(env.sb, 'bankStatement', 'getMany', parameters, { apiKey });
	const queries = () => env.sb.requests.map(({ path, query }) => ({ path, query }));

	it('follows the camelCase nextToken to the end with Return All, newest first, sending no limit', async () => {
		const { sb } = env;
		const ids = await createInvited(sb, '/v1/financial', ['a', 'b', undefined, 'c', 'd']);
		const { items, error } = await getMany({ returnAll: true });
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.id)).toEqual([...ids].reverse());
		expect(items.map((item) => item.pairedItem)).toEqual(ids.map(() => ({ item: 0 })));
		expect(items[0].json).toEqual(sb.getBankStatement(ids[4]));
		expect(queries()).toEqual([
			{ path: '/v1/financial', query: {} },
			{ path: '/v1/financial', query: { nextToken: expect.any(String) } },
			{ path: '/v1/financial', query: { nextToken: expect.any(String) } },
		]);
	});

	it('stops asking once Limit records are in', async () => {
		const { sb } = env;
		const ids = await createInvited(sb, '/v1/financial', ['a', 'b', 'c', 'd']);
		const { items } = await getMany({ returnAll: false, limit: 3 });
		expect(items.map((item) => item.json.id)).toEqual([ids[3], ids[2], ids[1]]);
		expect(sb.requests).toHaveLength(2);
	});

	it("reads the sandbox key's two fixtures", async () => {
		const { items } = await getMany({ returnAll: true }, env.sb.keys.sandbox);
		expect(items.map((item) => [item.json.id, item.json.status])).toEqual([
			['test_pending', 'pending'],
			['test_completed', 'completed'],
		]);
	});

	it('outputs nothing when there are no requests', async () => {
		const { items, error } = await getMany({ returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
	});

	it('refuses a Limit that is not a whole number of 1 or more before sending anything', async () => {
		const { error } = await getMany({ returnAll: false, limit: '={{ 0 }}' });
		expect(error?.message).toBe('The Limit "0" is not a whole number of 1 or more');
		expect(error?.description).toBe('Enter how many bank statement requests to return, e.g. 50, or turn on Return All.');
		expect(env.sb.requests).toEqual([]);
	});
});
