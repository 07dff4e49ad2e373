import { call } from './helpers';
import { useSandbox } from '../helpers/sandbox';

const txn = (id: string, extra: Record<string, unknown> = {}) => ({
	client_txn_id: id,
	subject_user_id: 'cust-8821',
	timestamp: '2026-08-01T09:00:00Z',
	direction: 'outbound',
	amount: { value: 12500, currency: 'USD' },
	type: 'wire',
	subject: { first_name: 'Jane', last_name: 'Chen' },
	...extra,
});

describe('sandbox: AML transactions', () => {
	const env = useSandbox();
	const save = (body: unknown, key?: string) => call(env.sb, 'POST', '/v1/aml/transactions', { body, key });

	it('answers each record in order: accepted, warned (NORMALIZED_AMOUNT_MISSING, SUBJECT_UNNAMED), rejected (FIELD_INVALID)', async () => {
		const { status, json } = await save({
			transactions: [
				txn('t-1'),
				txn('t-2', { amount: { value: 4200.5, currency: 'CAD' }, subject_user_id: 'cust-2', subject: undefined }),
				txn('t-3', { amount: { value: '12', currency: 'USD' } }),
				txn('t-4', { direction: 'any', geography: { ip_address: '300.1.1.1', origin_country: 'QQ' } }),
			],
		});
		expect(status).toBe(200);
		expect(json).toEqual({
			accepted: 2,
			warned: 1,
			rejected: 2,
			results: [
				{ index: 0, client_txn_id: 't-1', status: 'accepted' },
				{ index: 1, client_txn_id: 't-2', status: 'warned', warnings: ['NORMALIZED_AMOUNT_MISSING', 'SUBJECT_UNNAMED'] },
				{ index: 2, client_txn_id: 't-3', status: 'rejected', errors: [{ code: 'FIELD_INVALID', field: 'amount.value', message: 'Invalid input: expected number, received string' }] },
				{
					index: 3,
					client_txn_id: 't-4',
					status: 'rejected',
					errors: [
						{ code: 'FIELD_INVALID', field: 'direction', message: 'Invalid option: expected one of "inbound"|"outbound"|"internal"' },
						{ code: 'FIELD_INVALID', field: 'geography.origin_country', message: 'Unrecognized ISO 3166-1 alpha-2 country code "QQ"' },
						{ code: 'FIELD_INVALID', field: 'geography.ip_address', message: 'Invalid IPv4 or IPv6 address' },
					],
				},
			],
		});
		expect(env.sb.amlTransactionCount()).toBe(2);
		expect(env.sb.getAmlTransaction('t-3')).toBeUndefined();
	});

	it('takes a bare array and camelCase keys, keeps metadata keys as sent, and replaces a re-posted record in full with a revision', async () => {
		const { sb } = env;
		await save([{ ...txn('t-1'), clientTxnId: 't-1', client_txn_id: undefined, metadata: { someKey: 1 } }]);
		expect(sb.getAmlTransaction('t-1')?.record).toMatchObject({ client_txn_id: 't-1', metadata: { someKey: 1 } });
		const again = await save([txn('t-1', { status: 'completed' })]);
		expect(again.json.results).toEqual([{ index: 0, client_txn_id: 't-1', status: 'accepted' }]);
		const stored = sb.getAmlTransaction('t-1');
		expect(stored?.record.metadata).toBeUndefined();
		expect(stored?.record.status).toBe('completed');
		expect(stored?.revisions).toHaveLength(1);
		await save([txn('t-1', { status: 'completed' })]);
		expect(sb.getAmlTransaction('t-1')?.revisions).toHaveLength(1);
		expect(sb.amlTransactionCount()).toBe(1);
	});

	it('refuses the envelope: over 500 records is 400 BATCH_TOO_LARGE, over the size limit is 413, an empty batch or unknown bot_id is 400', async () => {
		const many = Array.from({ length: 501 }, (_, index) => txn(`t-${index}`));
		expect(await save({ transactions: many })).toMatchObject({ status: 400, json: { code: 'BATCH_TOO_LARGE' } });
		expect((await save({ transactions: many.slice(0, 500) })).json.accepted).toBe(500);
		env.sb.configure({ amlMaxBodyBytes: 1000 });
		const big = await save({ transactions: many.slice(0, 10) });
		expect(big.status).toBe(413);
		expect(big.json.error).toMatch(/over the 1000-byte limit/);
		expect((await save({ transactions: [] })).status).toBe(400);
		env.sb.configure({ amlMaxBodyBytes: 5_000_000 });
		expect(await save({ bot_id: 'agt-nope', transactions: [txn('x')] })).toMatchObject({ status: 400, json: { error: 'bot_id "agt-nope" is not a transaction-risk bot of your organization' } });
	});

	it('answers the monthly quota with 429 QUOTA_EXCEEDED and stores nothing of that batch', async () => {
		const { sb } = env;
		sb.configure({ amlMonthlyQuota: 3 });
		expect((await save([txn('a'), txn('b')])).status).toBe(200);
		const over = await save([txn('c'), txn('d')]);
		const month = new Date().toISOString().slice(0, 7);
		expect(over).toMatchObject({ status: 429, json: { error: 'Monthly transaction quota exceeded', code: 'QUOTA_EXCEEDED', quota: 3, used: 2, remaining: 1, month } });
		expect(Date.parse(over.json.resets_at)).toBeGreaterThan(Date.now());
		expect(sb.getAmlTransaction('c')).toBeUndefined();
		expect(sb.amlQuotaUsed()).toBe(2);
	});

	it('adds request-scope warnings from the bots: none running, several without bot_id, a bot without a usable cadence', async () => {
		const { sb } = env;
		sb.configure({ amlBots: [] });
		expect((await save([txn('a')])).json.results[0].warnings).toEqual(['NO_TRANSACTION_BOT']);
		sb.configure({ amlBots: [{ id: 'b1', cadenceDays: 30 }, { id: 'b2', cadenceDays: 7 }] });
		expect((await save([txn('a')])).json.results[0].warnings).toEqual(['AMBIGUOUS_TRANSACTION_BOT']);
		expect((await save({ bot_id: 'b2', transactions: [txn('a')] })).json.results[0]).toEqual({ index: 0, client_txn_id: 'a', status: 'accepted' });
		expect(sb.listMonitoredUsers().map((user) => [user.bot_id, user.subject_user_id, user.cadence_days])).toEqual([['b2', 'cust-8821', 7]]);
		sb.configure({ amlBots: [{ id: 'b3', cadenceDays: null }] });
		expect((await save([txn('a')])).json.results[0].warnings).toEqual(['BOT_CADENCE_INVALID']);
	});

	it('validates fully with the sandbox key but stores nothing and uses no quota', async () => {
		const { sb } = env;
		const { json } = await save([txn('s-1'), txn('s-2', { amount: { value: 1, currency: 'usd' } })], sb.keys.sandbox);
		expect(json.results.map((result: { status: string }) => result.status)).toEqual(['accepted', 'rejected']);
		expect(json.results[1].errors).toEqual([{ code: 'FIELD_INVALID', field: 'amount.currency', message: 'Invalid ISO 4217 currency code: expected 3 capital letters, received "usd"' }]);
		expect(sb.amlTransactionCount()).toBe(0);
		expect(sb.amlQuotaUsed()).toBe(0);
	});
});

describe('sandbox: AML monitored users', () => {
	const env = useSandbox();
	const add = (botId: string, body: unknown, key?: string) => call(env.sb, 'POST', `/v1/aml/bots/${encodeURIComponent(botId)}/monitored-users`, { body, key });

	it('enrols a known subject with 201, answers 200 with the same enrolment after, and 404 for an unknown bot or subject', async () => {
		const { sb } = env;
		expect(await add('agt-sandbox-txn', { subject_user_id: 'cust-1' })).toMatchObject({ status: 404, json: { error: 'Subject "cust-1" was not found in your organization' } });
		await call(sb, 'POST', '/v1/aml/transactions', { body: [txn('t-1', { subject_user_id: 'cust-1' })] });
		// The ingest enrolled cust-1 already; a new bot shows the 201.
		sb.configure({ amlBots: [{ id: 'agt-sandbox-txn', cadenceDays: 30 }, { id: 'agt-2', cadenceDays: 0 }] });
		const first = await add('agt-2', { subjectUserId: 'cust-1' });
		expect(first).toMatchObject({
			status: 201,
			json: { bot_id: 'agt-2', subject_user_id: 'cust-1', subject_user_name: 'Jane Chen', subject_country: 'XX', status: 'active', cadence_days: 0, last_checked_at: null },
		});
		expect(await add('agt-2', { subject_user_id: 'cust-1' })).toEqual(expect.objectContaining({ status: 200, json: first.json }));
		expect((await add('agt-x', { subject_user_id: 'cust-1' })).status).toBe(404);
		expect(await add('agt-2', { subject_user_id: '' })).toMatchObject({ status: 400, json: { error: 'subject_user_id is required' } });
		sb.configure({ amlBots: [{ id: 'agt-3', cadenceDays: null }] });
		expect(await add('agt-3', { subject_user_id: 'cust-1' })).toMatchObject({ status: 400, json: { code: 'BOT_CADENCE_INVALID' } });
	});

	it('answers the sandbox key with a realistic enrolment of its fixture subject and stores nothing', async () => {
		const { sb } = env;
		const answer = await add('agt-sandbox-txn', { subject_user_id: 'cust-8821' }, sb.keys.sandbox);
		expect(answer).toMatchObject({ status: 201, json: { subject_user_id: 'cust-8821', subject_user_name: 'Jane Chen' } });
		expect((await add('agt-sandbox-txn', { subject_user_id: 'cust-8821' }, sb.keys.sandbox)).status).toBe(201);
		expect(sb.listMonitoredUsers()).toEqual([]);
	});
});
