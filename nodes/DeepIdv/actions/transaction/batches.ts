/**
 * Splitting transactions into DeepIDV's AML ingest requests: at most 500 records and 5 MB of body
 * each (whichever comes first), in input order, one bot per request. Sizes are those of the body
 * as sent: each record is serialised once, and a request's body is put together from those bytes.
 */

/** DeepIDV's documented limits per request. "5 MB" is read as 5,000,000 bytes, the smaller reading. */
export const MAX_RECORDS = 500;
export const MAX_BODY_BYTES = 5_000_000;

/**
 * One record ready to send: the input item it came from and its JSON. The JSON is kept as the
 * string it was serialised to (a compact one-byte string for ASCII records, not a Buffer object per
 * record) until its request's body is written, and then released: from then on the record's bytes
 * are only in that body.
 */
export interface Serialised {
	itemIndex: number;
	botId: string;
	json: string;
	/** The JSON's length in UTF-8 bytes, as it is sent. */
	size: number;
}

export interface Batch {
	botId: string;
	records: Serialised[];
	/**
	 * The records' bytes, comma-separated, once the batch's body has been written: a view into the
	 * body (or into the body of the batch it was split from). Released once the batch is answered.
	 */
	sent?: Buffer;
}

const COMMA = 0x2c;
const CLOSE = Buffer.from(']}');
const RELEASED = '';

function opening(botId: string): Buffer {
	return Buffer.from(botId ? `{"bot_id":${JSON.stringify(botId)},"transactions":[` : '{"transactions":[');
}

/** The bytes of the body around the records (and between them, for `count` records). */
export function envelopeBytes(botId: string, count: number): number {
	return opening(botId).length + CLOSE.length + Math.max(0, count - 1);
}

/** The bytes of a batch's records with the commas between them. */
function recordsBytes(records: Serialised[]): number {
	return records.reduce((total, { size }) => total + size, Math.max(0, records.length - 1));
}

/**
 * The request body of a batch: `{"bot_id"?, "transactions": [...]}`, exactly the bytes counted,
 * written when the batch's turn comes. Each record's JSON string is released as it is written, so a
 * record is held once, not twice, while its request is under way; a split takes the halves' bytes
 * from this body.
 */
export function batchBody(batch: Batch): Buffer {
	const head = opening(batch.botId);
	const inner = recordsBytes(batch.records);
	const body = Buffer.allocUnsafe(head.length + inner + CLOSE.length);
	let offset = head.copy(body, 0);
	if (batch.sent) {
		offset += batch.sent.copy(body, offset);
	} else {
		batch.records.forEach((record, index) => {
			if (index > 0) body[offset++] = COMMA;
			offset += body.write(record.json, offset);
			record.json = RELEASED;
		});
	}
	CLOSE.copy(body, offset);
	batch.sent = body.subarray(head.length, head.length + inner);
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
		const grown = size + record.size + 1;
		if (!current || current.botId !== record.botId || current.records.length >= maxRecords || grown > maxBytes) {
			current = { botId: record.botId, records: [] };
			batches.push(current);
			size = envelopeBytes(record.botId, 1) - 1;
		}
		current.records.push(record);
		size += record.size + 1;
	}
	return batches;
}

/** Whether one record fits a request of its own. */
export function fitsAlone(record: Serialised, maxBytes = MAX_BODY_BYTES): boolean {
	return envelopeBytes(record.botId, 1) + record.size <= maxBytes;
}

/**
 * A batch in two halves, in order (for DeepIDV's "split the batch" answers). The batch's body must
 * have been written: each half's bytes are the part of it its records take, so nothing is serialised
 * again.
 */
export function halves(batch: Batch): [Batch, Batch] {
	const middle = Math.ceil(batch.records.length / 2);
	const first = batch.records.slice(0, middle);
	const firstBytes = recordsBytes(first);
	const sent = batch.sent!;
	batch.sent = undefined;
	return [
		{ botId: batch.botId, records: first, sent: sent.subarray(0, firstBytes) },
		{ botId: batch.botId, records: batch.records.slice(middle), sent: sent.subarray(firstBytes + 1) },
	];
}
