import type { INodeParameters } from 'n8n-workflow';

import { createInvited } from '../helpers/invited';
import { requestSummary, useSandbox } from '../helpers/sandbox';
import { runOperation } from '../helpers/screening';

describe('Bank Statement → Get through the n8n engine', () => {
	const env = useSandbox();
	const get = (parameters: INodeParameters, apiKey?: string) => runOperation(env.sb, 'bankStatement', 'get', parameters, { apiKey });

	it("outputs DeepIDV's record as it is: the sandbox key's completed fixture with its parsed statement", async () => {
		const { sb } = env;
		const { items, error } = await get({ bankStatementId: 'test_completed' }, sb.keys.sandbox);
		expect(error).toBeUndefined();
		expect(sb.requests.map(requestSummary)).toEqual([
			{ method: 'GET', path: '/v1/financial/test_completed', query: {}, apiKey: sb.keys.sandbox, contentType: undefined, body: undefined },
		]);
		expect(items).toEqual([
			{
				json: {
					id: 'test_completed',
					organizationId: expect.any(String),
					userId: 'test_user',
					senderUserId: expect.any(String),
					createdAt: '2025-01-06T10:00:00.000Z',
					updatedAt: '2025-01-06T10:00:00.000Z',
					type: 'bank-statement',
					status: 'completed',
					Config: { email: 'jane.doe@example.com', firstName: 'Jane', lastName: 'Doe', phone: '+15192223333', period: '3' },
					statement: {
						institution: 'Sandbox Bank',
						accountType: 'checking',
						currency: 'CAD',
						periodMonths: 3,
						averageMonthlyIncome: 5200,
						averageMonthlyExpenses: 3900,
						closingBalance: 8450.25,
					},
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('shows a request as pending until the applicant shares the statements, then completed with the statement', async () => {
		const { sb } = env;
		const [id] = await createInvited(sb, '/v1/financial', ['loan-1']);
		const pending = await get({ bankStatementId: id });
		expect(pending.items[0].json).toEqual(sb.getBankStatement(id));
		expect(pending.items[0].json).toMatchObject({ status: 'pending', externalId: 'loan-1' });
		expect(pending.items[0].json.statement).toBeUndefined();
		sb.completeBankStatement(id);
		const done = await get({ bankStatementId: id });
		expect(done.items[0].json).toMatchObject({ status: 'completed', statement: { averageMonthlyIncome: 5200 } });
	});

	it('URL-encodes the ID into the path', async () => {
		await get({ bankStatementId: ' a/b c ' });
		expect(env.sb.requests.map((request) => request.path)).toEqual(['/v1/financial/a%2Fb%20c']);
	});

	it('names the parameter when DeepIDV has no such request', async () => {
		const { error } = await get({ bankStatementId: 'nope' });
		expect(error?.message).toBe('The bank statement request "nope" was not found in DeepIDV');
		expect(error?.description).toBe(
			'Check the Bank Statement ID parameter: the ID must belong to a bank statement request of the organisation that owns the API key.',
		);
	});

	it('refuses an empty Bank Statement ID before sending anything', async () => {
		const { error } = await get({ bankStatementId: '={{ "" }}' });
		expect(error?.message).toBe('The Bank Statement ID parameter is empty');
		expect(error?.description).toBe('Enter the ID of a bank statement request, or map bankStatementId from the Bank Statement → Create node.');
		expect(env.sb.requests).toEqual([]);
	});
});
