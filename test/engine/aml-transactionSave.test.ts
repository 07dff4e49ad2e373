import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { requestsTo, runOperation } from '../helpers/screening';
import { useSandbox } from '../helpers/sandbox';
import type { RecordedRequest, Sandbox } from '../../sandbox';

const PATH = '/v1/aml/transactions';

/** Fields Below, mapped from the input items. */
const MAPPED: INodeParameters = {
	input: 'fields',
	clientTxnId: '={{ $json.id }}',
	subjectUserId: '={{ $json.customer }}',
	timestamp: '2026-08-01T09:00:00Z',
	direction: 'outbound',
	amount: '={{ $json.amount }}',
	currency: 'USD',
	type: 'wire',
	additionalFields: { subject: { values: { first_name: 'Jane', last_name: 'Chen' } } },
};

const itemsOf = (count: number, extra: (index: number) => IDataObject = () => ({})) =>
	Array.from({ length: count }, (_, index) => ({ id: `t-${index}`, customer: `cust-${index % 7}`, amount: 100 + index, ...extra(index) }));

const idsSent = (request: RecordedRequest) => (request.json as { transactions: Array<{ client_txn_id: string }> }).transactions.map((record) => record.client_txn_id);
/**
 * The AML requests in the order the node started them: requests sent at once may arrive in any
 * order, so they are put in the order of their first record (input order); a repeat stays after.
 */
const sentInOrder = (sb: Sandbox) => {
	const first = (request: RecordedRequest) => Number(idsSent(request)[0].slice(2));
	return requestsTo(sb, PATH)
		.map((request, arrival) => ({ request, arrival }))
		.sort((a, b) => first(a.request) - first(b.request) || a.arrival - b.arrival)
		.map(({ request }) => request);
};
const batchSizes = (sb: Sandbox) => sentInOrder(sb).map((request) => idsSent(request).length);

describe('Transaction → Save through the n8n engine', () => {
	const env = useSandbox();
	const save = (parameters: INodeParameters, input: IDataObject[], options: Parameters<typeof runOperation>[4] = {}) =>
		runOperation(env.sb, 'transaction', 'save', parameters, { input, ...options });

	it('sends one item as one request with the record in DeepIDV\'s shape, and outputs its result', async () => {
		const { sb } = env;
		const { items, error } = await save(
			{
				...MAPPED,
				currency: 'cad',
				additionalFields: {
					normalizedAmount: { values: { value: 3108.37, currency: 'usd', fx_rate: 0.74 } },
					status: 'completed',
					channel: 'web',
					counterparty: { values: { name: 'Acme Supplies Ltd', country: 'gb', external_id: '' } },
					geography: { values: { origin_country: 'US', ip_address: '2001:db8::1' } },
					metadata: '{"ledgerRef": "GL-99812"}',
					subject: { values: { first_name: 'Jane', last_name: 'Chen', email: 'jane.chen@example.com' } },
				},
				saveOptions: { botId: 'agt-sandbox-txn' },
			},
			[{ id: 'txn-000123', customer: 'cust-8821', amount: 12500 }],
		);
		expect(error).toBeUndefined();
		const [request] = sb.requests;
		expect(sb.requests).toHaveLength(1);
		expect(request).toMatchObject({ method: 'POST', path: PATH, headers: expect.objectContaining({ 'x-api-key': sb.keys.live, 'content-type': 'application/json' }) });
		expect(request.json).toEqual({
			bot_id: 'agt-sandbox-txn',
			transactions: [
				{
					client_txn_id: 'txn-000123',
					subject_user_id: 'cust-8821',
					timestamp: '2026-08-01T09:00:00Z',
					direction: 'outbound',
					amount: { value: 12500, currency: 'CAD' },
					type: 'wire',
					normalized_amount: { value: 3108.37, currency: 'USD', fx_rate: 0.74 },
					status: 'completed',
					channel: 'web',
					counterparty: { name: 'Acme Supplies Ltd', country: 'GB' },
					geography: { origin_country: 'US', ip_address: '2001:db8::1' },
					subject: { first_name: 'Jane', last_name: 'Chen', email: 'jane.chen@example.com' },
					metadata: { ledgerRef: 'GL-99812' },
				},
			],
		});
		expect(items).toEqual([{ json: { client_txn_id: 'txn-000123', status: 'accepted', stored: true, needsAttention: false }, pairedItem: { item: 0 } }]);
		expect(sb.getAmlTransaction('txn-000123')?.record.metadata).toEqual({ ledgerRef: 'GL-99812' });
	});

	it.each([
		[1, [1]],
		[500, [500]],
		[501, [500, 1]],
		[1234, [500, 500, 234]],
	])('sends %i items in requests of %j records, in input order, each output paired to its own input', async (count, sizes) => {
		const { sb } = env;
		const { items, error } = await save(MAPPED, itemsOf(count));
		expect(error).toBeUndefined();
		expect(batchSizes(sb)).toEqual(sizes);
		expect(sentInOrder(sb).flatMap(idsSent)).toEqual(itemsOf(count).map(({ id }) => id));
		expect(items).toHaveLength(count);
		items.forEach((item, index) => expect(item).toEqual({ json: { client_txn_id: `t-${index}`, status: 'accepted', stored: true, needsAttention: false }, pairedItem: { item: index } }));
		expect(sb.amlTransactionCount()).toBe(count);
	});

	it('keeps each request within 5 MB as sent, filling each one as far as it goes', async () => {
		const { sb } = env;
		const padding = 'x'.repeat(40_000);
		const records = Array.from({ length: 260 }, (_, index) => ({
			client_txn_id: `t-${index}`,
			subject_user_id: 'cust-1',
			timestamp: '2026-08-01T09:00:00Z',
			direction: 'inbound',
			amount: { value: index, currency: 'USD' },
			type: 'eft',
			metadata: { padding },
		}));
		const { items, error } = await save({ input: 'json', transactionJson: '={{ $json }}' }, records);
		expect(error).toBeUndefined();
		const sizes = sentInOrder(sb).map((request) => Buffer.byteLength(request.body));
		expect(sizes.length).toBe(3);
		sizes.forEach((size) => expect(size).toBeLessThanOrEqual(5_000_000));
		const recordBytes = Buffer.byteLength(JSON.stringify((sentInOrder(sb)[0].json as { transactions: unknown[] }).transactions[0]));
		// The first request could not have taken one more record.
		expect(sizes[0] + recordBytes + 1).toBeGreaterThan(5_000_000);
		expect(batchSizes(sb).reduce((a, b) => a + b)).toBe(260);
		expect(items.map((item) => item.json.client_txn_id)).toEqual(itemsOf(260).map(({ id }) => id));
	});

	it('splits a batch in two when DeepIDV answers 413, and again, until every record is saved', async () => {
		const { sb } = env;
		sb.configure({ amlMaxBodyBytes: 2_000 });
		const { items, error } = await save(MAPPED, itemsOf(12));
		expect(error).toBeUndefined();
		expect(requestsTo(sb, PATH)[0].body.length).toBeGreaterThan(2_000);
		expect(batchSizes(sb)).toEqual([12, 6, 6]);
		expect(requestsTo(sb, PATH).slice(1).flatMap(idsSent)).toEqual(itemsOf(12).map(({ id }) => id));
		expect(items.map((item) => [item.json.client_txn_id, item.json.status, item.pairedItem])).toEqual(itemsOf(12).map(({ id }, index) => [id, 'accepted', { item: index }]));
		expect(sb.amlTransactionCount()).toBe(12);
	});

	it('fails a transaction DeepIDV refuses as too large even alone, and saves the others', async () => {
		const { sb } = env;
		sb.configure({ amlMaxBodyBytes: 400 });
		const { items, error } = await save({ ...MAPPED, additionalFields: { ...(MAPPED.additionalFields as IDataObject), metadata: '={{ JSON.stringify({ note: "x".repeat($json.id === "t-1" ? 300 : 1) }) }}' } }, itemsOf(3), { continueOnFail: true });
		expect(error).toBeUndefined();
		expect(items.map(({ json }) => json.error ?? json.status)).toEqual(['accepted', 'DeepIDV refused the transaction as too large, even alone in a request', 'accepted']);
		expect(items[1].json.details).toBe('Make Metadata smaller, then save it again.');
	});

	it('refuses before sending anything a transaction that alone is over 5 MB', async () => {
		const { sb } = env;
		const { error } = await save({ ...MAPPED, additionalFields: { metadata: '={{ JSON.stringify({ note: "x".repeat($json.id === "t-1" ? 5000000 : 1) }) }}' } }, itemsOf(2));
		expect(error?.message).toMatch(/^The transaction is 5,000,\d{3} bytes as JSON, more than fits one DeepIDV request \(5,000,000 bytes\)$/);
		expect(error?.description).toBe('Make Metadata smaller; DeepIDV takes at most 5 MB per request.');
		expect(sb.requests).toEqual([]);
	});

	it('splits on 400 BATCH_TOO_LARGE too', async () => {
		const { sb } = env;
		sb.configure({ amlMaxRecords: 200 });
		const { items, error } = await save({ ...MAPPED, requestOptions: { maxConcurrentRequests: 1 } }, itemsOf(501));
		expect(error).toBeUndefined();
		expect(batchSizes(sb)).toEqual([500, 250, 125, 125, 250, 125, 125, 1]);
		expect(items.every((item, index) => item.json.client_txn_id === `t-${index}` && item.json.status === 'accepted')).toBe(true);
	});

	it('starts a new request where Bot ID changes, each with its bot_id, keeping input order', async () => {
		const { sb } = env;
		sb.configure({ amlBots: [{ id: 'b1', cadenceDays: 30 }, { id: 'b2', cadenceDays: 7 }] });
		const bots = ['b1', 'b1', 'b2', 'b1'];
		const { items, error } = await save({ ...MAPPED, saveOptions: { botId: '={{ $json.bot }}' } }, itemsOf(4, (index) => ({ bot: bots[index] })));
		expect(error).toBeUndefined();
		expect(sentInOrder(sb).map((request) => [(request.json as IDataObject).bot_id, idsSent(request)])).toEqual([
			['b1', ['t-0', 't-1']],
			['b2', ['t-2']],
			['b1', ['t-3']],
		]);
		expect(items.map((item) => item.json.status)).toEqual(['accepted', 'accepted', 'accepted', 'accepted']);
		expect(sb.listMonitoredUsers().map((user) => `${user.bot_id}/${user.subject_user_id}`)).toEqual(['b1/cust-0', 'b1/cust-1', 'b2/cust-2', 'b1/cust-3']);
	});

	it('pairs accepted, warned and rejected records to their own items; a rejected one is an output item, not an error', async () => {
		const { sb } = env;
		const input: IDataObject[] = itemsOf(4);
		input[1].amount = 0.5;
		const { items, error } = await save(
			{ ...MAPPED, currency: '={{ $json.id === "t-1" ? "EUR" : $json.id === "t-2" ? "ZZZ" : "USD" }}' },
			input,
		);
		expect(error).toBeUndefined();
		expect(sb.requests).toHaveLength(1);
		expect(items.map(({ json, pairedItem }) => ({ json, pairedItem }))).toEqual([
			{ json: { client_txn_id: 't-0', status: 'accepted', stored: true, needsAttention: false }, pairedItem: { item: 0 } },
			{ json: { client_txn_id: 't-1', status: 'warned', warnings: ['NORMALIZED_AMOUNT_MISSING'], stored: true, needsAttention: true }, pairedItem: { item: 1 } },
			{
				json: { client_txn_id: 't-2', status: 'rejected', errors: [{ code: 'FIELD_INVALID', field: 'amount.currency', message: 'Unrecognized ISO 4217 currency code "ZZZ"' }], stored: false, needsAttention: true },
				pairedItem: { item: 2 },
			},
			{ json: { client_txn_id: 't-3', status: 'accepted', stored: true, needsAttention: false }, pairedItem: { item: 3 } },
		]);
	});

	describe('with "Fail the Item When DeepIDV Rejects It"', () => {
		const parameters = { ...MAPPED, currency: '={{ $json.id === "t-1" ? "ZZZ" : "USD" }}', saveOptions: { failOnRejected: true } };

		it('fails the node at the rejected item, saying which items were saved', async () => {
			const { error } = await save(parameters, itemsOf(3));
			expect(error?.message).toBe('DeepIDV rejected transaction "t-1": amount.currency: Unrecognized ISO 4217 currency code "ZZZ"');
			expect(error?.description).toBe(
				'The transaction was not saved. Correct the fields named, then save it again. Before the run stopped, 2 items had already been saved: item 0 (transaction t-0), item 2 (transaction t-2). Saving again is safe: DeepIDV replaces each transaction by its Client Transaction ID.',
			);
		});

		it('under Continue On Fail makes it an error item with DeepIDV\'s errors, the others saved', async () => {
			const { items, error } = await save(parameters, itemsOf(3), { continueOnFail: true });
			expect(error).toBeUndefined();
			expect(items.map(({ json }) => json)).toEqual([
				{ client_txn_id: 't-0', status: 'accepted', stored: true, needsAttention: false },
				{
					error: 'DeepIDV rejected transaction "t-1": amount.currency: Unrecognized ISO 4217 currency code "ZZZ"',
					details: 'The transaction was not saved. Correct the fields named, then save it again.',
					client_txn_id: 't-1',
					status: 'rejected',
					errors: [{ code: 'FIELD_INVALID', field: 'amount.currency', message: 'Unrecognized ISO 4217 currency code "ZZZ"' }],
				},
				{ client_txn_id: 't-2', status: 'accepted', stored: true, needsAttention: false },
			]);
		});
	});

	it('sends a batch again after its answer was lost (saving is idempotent), once, and saves each record once', async () => {
		const { sb } = env;
		sb.injectFaults([{ reset: true, when: 'after', match: { method: 'POST', path: PATH } }]);
		const { items, error } = await save(MAPPED, itemsOf(3));
		expect(error).toBeUndefined();
		expect(batchSizes(sb)).toEqual([3, 3]);
		expect(requestsTo(sb, PATH)[1].body).toBe(requestsTo(sb, PATH)[0].body);
		expect(items.map((item) => item.json.status)).toEqual(['accepted', 'accepted', 'accepted']);
		expect(sb.amlTransactionCount()).toBe(3);
		expect(sb.getAmlTransaction('t-0')?.revisions).toEqual([]);
	});

	it('waits out the rate limit (a 429 without the quota code) and sends again', async () => {
		const { sb } = env;
		sb.injectFaults([{ status: 429, retryAfter: '0', match: { path: PATH } }]);
		const { items, error } = await save(MAPPED, itemsOf(2));
		expect(error).toBeUndefined();
		expect(batchSizes(sb)).toEqual([2, 2]);
		expect(items.map((item) => item.json.status)).toEqual(['accepted', 'accepted']);
	});

	describe('at the monthly quota (429 QUOTA_EXCEEDED)', () => {
		const month = new Date().toISOString().slice(0, 7);
		const resets = () => { const now = new Date(); return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString(); };

		it('never sends a refused batch again, and fails its items with the quota, the use and the reset', async () => {
			const { sb } = env;
			sb.configure({ amlMonthlyQuota: 600 });
			const { items, error } = await save(MAPPED, itemsOf(1234), { continueOnFail: true });
			expect(error).toBeUndefined();
			expect(batchSizes(sb)).toEqual([500, 500, 234]);
			expect(items.slice(0, 500).every((item) => item.json.status === 'accepted')).toBe(true);
			expect(items[500]).toEqual({
				json: {
					error: `DeepIDV's monthly transaction quota is used up (500 of 600 used in ${month}, 100 left)`,
					details: `Nothing of this request was saved. The quota resets at ${resets()}; save these transactions again after that, or ask DeepIDV support to raise the quota. This is not the rate limit: the node does not retry it.`,
				},
				pairedItem: { item: 500 },
			});
			expect(items.slice(500).every((item) => typeof item.json.error === 'string' && (item.json.error as string).includes('quota'))).toBe(true);
			expect(sb.amlTransactionCount()).toBe(500);
		});

		it('sends no later batch once the quota is used up', async () => {
			const { sb } = env;
			sb.configure({ amlMonthlyQuota: 600 });
			const { items } = await save({ ...MAPPED, requestOptions: { maxConcurrentRequests: 1 } }, itemsOf(1234), { continueOnFail: true });
			expect(batchSizes(sb)).toEqual([500, 500]);
			expect(items[1000]).toEqual({
				json: {
					error: `Not sent: DeepIDV's monthly transaction quota was used up by an earlier request of this run (500 of 600 used in ${month}, 100 left)`,
					details: `Nothing of this transaction was saved. The quota resets at ${resets()}; save these transactions again after that, or ask DeepIDV support to raise the quota. This is not the rate limit: the node does not retry it.`,
				},
				pairedItem: { item: 1000 },
			});
		});

		it('without Continue On Fail stops the node at the first refused item', async () => {
			const { sb } = env;
			sb.configure({ amlMonthlyQuota: 10 });
			const { error } = await save(MAPPED, itemsOf(20));
			expect(error?.message).toBe(`DeepIDV's monthly transaction quota is used up (0 of 10 used in ${month}, 10 left)`);
			expect(batchSizes(sb)).toEqual([20]);
		});
	});

	it.each<[string, INodeParameters, IDataObject, string, string]>([
		['an empty Client Transaction ID', MAPPED, { id: ' ', customer: 'c', amount: 1 }, 'Client Transaction ID is empty', "Enter the transaction's ID; DeepIDV requires it."],
		['an amount in text', MAPPED, { id: 't', customer: 'c', amount: '12.50' }, 'Amount is the text "12.50", not a number', 'DeepIDV takes amounts and rates as JSON numbers, not text: convert it, e.g. {{ Number($json.amount) }}.'],
		['a currency that is no ISO 4217 code', { ...MAPPED, currency: 'US$' }, { id: 't', customer: 'c', amount: 1 }, 'Currency is "US$", not an ISO 4217 code', 'Enter the ISO 4217 code in capitals, e.g. USD.'],
		['a timestamp that is no ISO 8601', { ...MAPPED, timestamp: '01/08/2026' }, { id: 't', customer: 'c', amount: 1 }, 'Timestamp is "01/08/2026", not an ISO 8601 date and time', 'Enter it like 2026-08-01T09:00:00Z, e.g. {{ $json.created_at.toDateTime().toISO() }}.'],
		[
			'an IP address that is none',
			{ ...MAPPED, additionalFields: { geography: { values: { ip_address: '203.0.113.256' } } } },
			{ id: 't', customer: 'c', amount: 1 },
			'Additional Fields → Geography → IP Address is "203.0.113.256", not an IPv4 or IPv6 address',
			'Enter an address like 203.0.113.42 or 2001:db8::1, or leave it out.',
		],
		[
			'a country that is no ISO 3166 code',
			{ ...MAPPED, additionalFields: { counterparty: { values: { country: 'GBR' } } } },
			{ id: 't', customer: 'c', amount: 1 },
			'Additional Fields → Counterparty → Country is "GBR", not an ISO 3166-1 alpha-2 code',
			'Enter the ISO 3166-1 alpha-2 code in capitals, e.g. GB.',
		],
		[
			'JSON with direction "any"',
			{ input: 'json', transactionJson: '={{ $json }}' },
			{ clientTxnId: 't', subjectUserId: 'c', timestamp: '2026-08-01T09:00:00Z', direction: 'any', amount: { value: 1, currency: 'USD' }, type: 'wire' },
			'Transaction (JSON) field "direction" is "any", which DeepIDV does not take',
			'Use one of: inbound, outbound, internal.',
		],
		[
			'JSON with a lower-case currency',
			{ input: 'json', transactionJson: '={{ $json }}' },
			{ client_txn_id: 't', subject_user_id: 'c', timestamp: '2026-08-01T09:00:00Z', direction: 'inbound', amount: { value: 1, currency: 'usd' }, type: 'wire' },
			'Transaction (JSON) field "amount.currency" is "usd", not an ISO 4217 code',
			'Enter the ISO 4217 code in capitals, e.g. USD.',
		],
		[
			'JSON without amount',
			{ input: 'json', transactionJson: '={{ $json }}' },
			{ client_txn_id: 't', subject_user_id: 'c', timestamp: '2026-08-01T09:00:00Z', direction: 'inbound', type: 'wire' },
			'Transaction (JSON) field "amount" is missing',
			'Enter the amount as {"value": 12500, "currency": "USD"}.',
		],
	])('refuses %s before sending anything', async (_case, parameters, item, message, description) => {
		const { sb } = env;
		const valid = parameters.input === 'json' ? { client_txn_id: 'ok', subject_user_id: 'c', timestamp: '2026-08-01T09:00:00Z', direction: 'inbound', amount: { value: 1, currency: 'USD' }, type: 'wire' } : itemsOf(1)[0];
		const { error } = await save(parameters, [valid, item]);
		expect({ message: error?.message, description: error?.description }).toEqual({ message, description });
		expect(sb.requests).toEqual([]);
	});

	it('under Continue On Fail outputs the invalid item as an error item and saves the others', async () => {
		const { sb } = env;
		const input: IDataObject[] = itemsOf(3);
		input[1].amount = 'lots';
		const { items, error } = await save(MAPPED, input, { continueOnFail: true });
		expect(error).toBeUndefined();
		expect(batchSizes(sb)).toEqual([2]);
		expect(items.map(({ json, pairedItem }) => [json.client_txn_id ?? json.error, pairedItem])).toEqual([
			['t-0', { item: 0 }],
			['Amount is the text "lots", not a number', { item: 1 }],
			['t-2', { item: 2 }],
		]);
	});

	it('sends JSON records as they are, camelCase and metadata keys included', async () => {
		const { sb } = env;
		const record = { clientTxnId: 'j-1', subjectUserId: 'cust-8821', timestamp: '2026-08-01T14:31:00Z', direction: 'inbound', amount: { value: 4200.5, currency: 'CAD' }, normalizedAmount: { value: 3108.37, currency: 'USD', fxRate: 0.74 }, type: 'eft', metadata: { some_key: 1 } };
		const { items } = await save({ input: 'json', transactionJson: '={{ $json }}' }, [record]);
		expect(sb.requests[0].json).toEqual({ transactions: [record] });
		expect(items[0].json).toEqual({ client_txn_id: 'j-1', status: 'warned', warnings: ['SUBJECT_UNNAMED'], stored: true, needsAttention: true });
	});
});
