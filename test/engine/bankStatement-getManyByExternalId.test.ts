import type { INodeParameters } from 'n8n-workflow';

import { createInvited } from '../helpers/invited';
import { useSandbox } from '../helpers/sandbox';
import { runOperation } from '../helpers/screening';

describe('Bank Statement → Get Many by External ID through the n8n engine', () => {
	const env = useSandbox({ financialPageSize: 2 });
	const byExternalId = (parameters: INodeParameters) => runOperation(env.sb, 'bankStatement', 'getManyByExternalId', { returnAll: true, ...parameters });

	it('lists only the requests with that External ID, newest first, page after page', async () => {
		const { sb } = env;
		const ids = await createInvited(sb, '/v1/financial', ['loan-1', 'loan-2', 'loan-1', 'loan-1']);
		const { items, error } = await byExternalId({ externalId: ' loan-1 ' });
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.id)).toEqual([ids[3], ids[2], ids[0]]);
		expect(items.every((item) => item.json.externalId === 'loan-1')).toBe(true);
		expect(sb.requests.map(({ method, path, query }) => ({ method, path, query }))).toEqual([
			{ method: 'GET', path: '/v1/financial/externalId/loan-1', query: {} },
			{ method: 'GET', path: '/v1/financial/externalId/loan-1', query: { nextToken: expect.any(String) } },
		]);
	});

	it('URL-encodes the External ID into the path', async () => {
		await byExternalId({ externalId: 'crm/1 2' });
		expect(env.sb.requests.map((request) => request.path)).toEqual(['/v1/financial/externalId/crm%2F1%202']);
	});

	it('outputs nothing when no request has the External ID', async () => {
		const { items } = await byExternalId({ externalId: 'nobody' });
		expect(items).toEqual([]);
	});

	it('refuses an empty External ID before sending anything', async () => {
		const { error } = await byExternalId({ externalId: '={{ " " }}' });
		expect(error?.message).toBe('The External ID parameter is empty');
		expect(error?.description).toBe('Enter the External ID the bank statement requests were created with, e.g. crm-1001.');
		expect(env.sb.requests).toEqual([]);
	});
});
