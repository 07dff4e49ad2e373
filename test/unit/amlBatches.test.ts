import type { Serialised } from '../../dist/nodes/DeepIdv/actions/transaction/batches';
import { batchBody, halves, toBatches } from '../../dist/nodes/DeepIdv/actions/transaction/batches';

// Records with multi-byte characters (2, 3 and 4 bytes in UTF-8), so a count in characters instead
// of bytes would put every record after the first at the wrong place in the body.
const notes = ['plain', 'Zoë Müller', '東京 branch', 'emoji 🏦', ''];
const records = (count: number, botId = ''): Serialised[] =>
	Array.from({ length: count }, (_, index) => {
		const json = JSON.stringify({ client_txn_id: `t-${index}`, note: notes[index % notes.length] });
		return { itemIndex: index, botId, json, size: Buffer.byteLength(json) };
	});
const transactionsOf = (body: Buffer) => (JSON.parse(body.toString('utf8')) as { transactions: Array<{ client_txn_id: string; note: string }> }).transactions;

describe('AML batch bodies', () => {
	it('writes the body as the JSON of its records, with bot_id, and releases each record\'s string', () => {
		const given = records(7, 'bot-1');
		const expected = given.map(({ json }) => JSON.parse(json) as unknown);
		const [batch] = toBatches(given);
		const body = batchBody(batch);
		expect(JSON.parse(body.toString('utf8'))).toEqual({ bot_id: 'bot-1', transactions: expected });
		expect(body.length).toBe(Buffer.byteLength(JSON.stringify({ bot_id: 'bot-1', transactions: expected })));
		expect(batch.records.map(({ json }) => json)).toEqual(Array(7).fill(''));
	});

	it('splits a written batch into halves whose bodies are their records, again and again', () => {
		const given = records(11);
		const expected = given.map(({ json }) => JSON.parse(json) as unknown);
		const [batch] = toBatches(given);
		batchBody(batch);
		const [first, second] = halves(batch);
		expect(transactionsOf(batchBody(first))).toEqual(expected.slice(0, 6));
		expect(transactionsOf(batchBody(second))).toEqual(expected.slice(6));
		const [a, b] = halves(second);
		expect(transactionsOf(batchBody(a))).toEqual(expected.slice(6, 9));
		expect(transactionsOf(batchBody(b))).toEqual(expected.slice(9));
		expect(batch.sent).toBeUndefined();
	});
});
