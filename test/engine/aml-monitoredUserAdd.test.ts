import type { INodeParameters } from 'n8n-workflow';

import { requestSummary, useSandbox } from '../helpers/sandbox';
import { runOperation } from '../helpers/screening';

describe('Monitored User → Add through the n8n engine', () => {
	const env = useSandbox({ amlBots: [{ id: 'agt-1a2b/3c4d', cadenceDays: 30 }] });
	const add = (parameters: INodeParameters, options: Parameters<typeof runOperation>[4] = {}) => runOperation(env.sb, 'monitoredUser', 'add', parameters, options);

	beforeEach(async () => {
		// DeepIDV knows a customer once their first transaction is saved.
		await runOperation(env.sb, 'transaction', 'save', {
			input: 'json',
			transactionJson: '={{ $json }}',
			saveOptions: { botId: 'agt-1a2b/3c4d' },
		}, {
			input: [{ client_txn_id: 't-1', subject_user_id: 'cust-8821', timestamp: '2026-08-01T09:00:00Z', direction: 'inbound', amount: { value: 1, currency: 'USD' }, type: 'eft', subject: { first_name: 'Jane', last_name: 'Chen' } }],
		});
		env.sb.configure({ amlBots: [{ id: 'agt-1a2b/3c4d', cadenceDays: 30 }, { id: 'agt-2', cadenceDays: 7 }] });
		env.sb.clearRequests();
	});

	it('sends POST /v1/aml/bots/{bot_id}/monitored-users with the bot ID encoded, and outputs the new enrolment with created: true (201)', async () => {
		const { sb } = env;
		const { items, error } = await add({ botId: 'agt-2', subjectUserId: ' cust-8821 ' });
		expect(error).toBeUndefined();
		expect(sb.requests.map(requestSummary)).toEqual([
			{ method: 'POST', path: '/v1/aml/bots/agt-2/monitored-users', query: {}, apiKey: sb.keys.live, contentType: 'application/json', body: { subject_user_id: 'cust-8821' } },
		]);
		const [enrolment] = sb.listMonitoredUsers().filter((user) => user.bot_id === 'agt-2');
		expect(items).toEqual([{ json: { ...enrolment, created: true }, pairedItem: { item: 0 } }]);
		expect(enrolment).toMatchObject({ subject_user_id: 'cust-8821', subject_user_name: 'Jane Chen', cadence_days: 7, status: 'active' });
	});

	it('outputs the existing enrolment unchanged with created: false (200)', async () => {
		const { sb } = env;
		const [existing] = sb.listMonitoredUsers();
		const { items, error } = await add({ botId: 'agt-1a2b/3c4d', subjectUserId: 'cust-8821' });
		expect(error).toBeUndefined();
		expect(sb.requests[0].path).toBe('/v1/aml/bots/agt-1a2b%2F3c4d/monitored-users');
		expect(items).toEqual([{ json: { ...existing, created: false }, pairedItem: { item: 0 } }]);
	});

	it('says which bot or customer DeepIDV did not find (404)', async () => {
		const { error } = await add({ botId: 'agt-2', subjectUserId: 'cust-unknown' });
		expect(error?.message).toBe('DeepIDV found no bot "agt-2" or no customer "cust-unknown" in your organisation');
		expect(error?.description).toBe(
			"Check Bot ID against DeepIDV's dashboard, and that Subject User ID is a customer DeepIDV knows (one whose transactions were saved, or verified with DeepIDV).",
		);
	});

	it('sends the add again after a lost answer (documented idempotent), and enrols once', async () => {
		const { sb } = env;
		sb.injectFaults([{ status: 500, when: 'after', match: { path: '/v1/aml/bots/' } }]);
		const { items, error } = await add({ botId: 'agt-2', subjectUserId: 'cust-8821' });
		expect(error).toBeUndefined();
		expect(sb.requests).toHaveLength(2);
		// The first attempt enrolled; the repeat finds the enrolment.
		expect(items[0].json.created).toBe(false);
		expect(sb.listMonitoredUsers().filter((user) => user.bot_id === 'agt-2')).toHaveLength(1);
	});

	it.each([
		[{ botId: ' ', subjectUserId: 'cust-8821' }, 'The Bot ID parameter is empty', "Enter the ID of a monitoring bot from DeepIDV's dashboard, e.g. agt-1a2b3c4d."],
		[{ botId: 'agt-2', subjectUserId: '={{ "" }}' }, 'The Subject User ID parameter is empty', 'Enter your ID for the customer, e.g. cust-8821.'],
	])('refuses %j before sending anything', async (parameters, message, description) => {
		const { error } = await add(parameters);
		expect({ message: error?.message, description: error?.description }).toEqual({ message, description });
		expect(env.sb.requests).toEqual([]);
	});

	it('under Continue On Fail outputs an error item for the failing item and the enrolment for the other', async () => {
		const { items, error } = await add(
			{ botId: 'agt-2', subjectUserId: '={{ $json.customer }}' },
			{ input: [{ customer: 'nobody' }, { customer: 'cust-8821' }], continueOnFail: true },
		);
		expect(error).toBeUndefined();
		expect(items.map(({ json, pairedItem }) => [json.error ?? json.subject_user_id, pairedItem])).toEqual([
			['DeepIDV found no bot "agt-2" or no customer "nobody" in your organisation', { item: 0 }],
			['cust-8821', { item: 1 }],
		]);
	});
});
