/**
 * Splitting transactions into DeepIDV's AML ingest requests: at most 500 records and 5 MB of body
 * each (whichever comes first), in input order, one bot per request. Sizes are those of the body
 * as sent: each record is serialised once, and a request's body is put together from those bytes.
 */

/** DeepIDV's documented limits per request. "5 MB" is read as 5,000,000 bytes, the smaller reading. */
export const MAX_RECORDS = 500;
export const MAX_BODY_BYTES = 5_000_000;

/** One record ready to send: the input item it came from and its serialised bytes. */
export interface Serialised {
	itemIndex: number;
	botId: string;
	bytes: Buffer;
}

export interface Batch {
	botId: string;
	records: Serialised[];
}

const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']}');

function opening(botId: string): Buffer {
	return Buffer.from(botId ? `{"bot_id":${JSON.stringify(botId)},"transactions":[` : '{"transactions":[');
}

/** The bytes of the body around the records (and between them, for `count` records). */
export function envelopeBytes(botId: string, count: number): number {
	return opening(botId).length + CLOSE.length + Math.max(0, count - 1);
}

/**
 * The request body of a batch: `{"bot_id"?, "transactions": [...]}`, exactly the bytes counted.
 * Each record's bytes then become a view into the body, so a record is held once, not twice, while
 * its request is under way (and a split builds the halves from those views).
 */
export function batchBody({ botId, records }: Batch): Buffer {
	const parts: Buffer[] = [opening(botId)];
	records.forEach(({ bytes }, index) => parts.push(...(index === 0 ? [bytes] : [COMMA, bytes])));
	parts.push(CLOSE);
	const body = Buffer.concat(parts);
	let offset = parts[0].length;
	for (const record of records) {
		const length = record.bytes.length;
		record.bytes = body.subarray(offset, offset + length);
		offset += length + COMMA.length;
	}
	return body;
}

/**
 * Groups records, in order, into batches within the limits; a new batch starts where the bot
 * changes. Every record must fit a batch of its own (checked before, see `fitsAlone`).
 */
export function toBatches(records: Serialised[], maxRecords = MAX_RECORDS, maxBytes = MAX_BODY_BYTES): Batch[] {
	const batches: Batch[] = [];
	let current: Batch | undefined;
	let size = 0;
	for (const record of records) {
		const grown = size + record.bytes.length + 1;
		if (!current || current.botId !== record.botId || current.records.length >= maxRecords || grown > maxBytes) {
			current = { botId: record.botId, records: [] };
			batches.push(current);
			size = envelopeBytes(record.botId, 1) - 1;
		}
		current.records.push(record);
		size += record.bytes.length + 1;
	}
	return batches;
}

/** Whether one record fits a request of its own. */
export function fitsAlone(record: Serialised, maxBytes = MAX_BODY_BYTES): boolean {
	return envelopeBytes(record.botId, 1) + record.bytes.length <= maxBytes;
}

/** A batch in two halves, in order (for DeepIDV's "split the batch" answers). */
export function halves(batch: Batch): [Batch, Batch] {
	const middle = Math.ceil(batch.records.length / 2);
	return [
		{ botId: batch.botId, records: batch.records.slice(0, middle) },
		{ botId: batch.botId, records: batch.records.slice(middle) },
	];
}
