import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { forEachBounded } from '../../transport/concurrency';
import { deepIdvApiRequest } from '../../transport/request';
import type { TransportSettings } from '../../transport/settings';
import type { ItemBatch } from '../batch';
import { describeWrites } from '../operation';
import type { Batch, Serialised } from './batches';
import { batchBody, fitsAlone, halves, MAX_BODY_BYTES, toBatches } from './batches';
import { transactionFields } from './fields';
import { TransactionInput } from './record';

export const description = transactionFields;

/** DeepIDV's answer for one record (AmlRecordResult), as it is paired to its input item. */
interface RecordResult extends IDataObject {
	client_txn_id: string | null;
	status: string;
}

/** The monthly quota answer (429, code QUOTA_EXCEEDED). */
interface Quota {
	quota?: number;
	used?: number;
	remaining?: number;
	month?: string;
	resets_at?: string;
}

const RUN_AGAIN_IS_SAFE = 'Saving again is safe: DeepIDV replaces each transaction by its Client Transaction ID.';

const count = (value: unknown) => (typeof value === 'number' ? value.toLocaleString('en-US') : '?');

function quotaError(context: IExecuteFunctions, quota: Quota, itemIndex: number, sent: boolean): NodeOperationError {
	const state = `${count(quota.used)} of ${count(quota.quota)} used${quota.month ? ` in ${quota.month}` : ''}, ${count(quota.remaining)} left`;
	return new NodeOperationError(
		context.getNode(),
		sent
			? `DeepIDV's monthly transaction quota is used up (${state})`
			: `Not sent: DeepIDV's monthly transaction quota was used up by an earlier request of this run (${state})`,
		{
			itemIndex,
			description: `Nothing of ${sent ? 'this request' : 'this transaction'} was saved. The quota resets at ${quota.resets_at ?? 'the start of next month'}; save these transactions again after that, or ask DeepIDV support to raise the quota. This is not the rate limit: the node does not retry it.`,
		},
	);
}

function rejectedError(context: IExecuteFunctions, result: RecordResult, itemIndex: number): NodeOperationError {
	const errors = Array.isArray(result.errors) ? (result.errors as IDataObject[]) : [];
	const said = errors.map(({ field, message, code }) => `${field ? `${String(field)}: ` : ''}${String(message ?? code ?? '')}`).join('; ');
	const error = new NodeOperationError(context.getNode(), `DeepIDV rejected transaction "${result.client_txn_id ?? '?'}"${said ? `: ${said}` : ''}`, {
		itemIndex,
		description: 'The transaction was not saved. Correct the fields named, then save it again.',
	});
	(error as { context: IDataObject }).context.errorItemFields = { client_txn_id: result.client_txn_id, status: 'rejected', errors };
	return error;
}

/** The output item for a record DeepIDV answered: its result as DeepIDV gave it, and what it means. */
function output(result: RecordResult): IDataObject {
	const kept: IDataObject = { ...result };
	// Its position in the request the node made up; the item's own position is its pairing.
	delete kept.index;
	return { ...kept, stored: result.status !== 'rejected', needsAttention: result.status !== 'accepted' };
}

/** One transaction read, checked and serialised; nothing is sent here. */
interface Prepared extends Serialised {
	failOnRejected: boolean;
}

/** Reads and checks one item's transaction, failing with an error that names the parameter. */
function prepare(this: IExecuteFunctions, itemIndex: number): Prepared {
	const input = new TransactionInput(this, itemIndex, this.getNodeParameter('input', itemIndex, 'fields') === 'json');
	const { record, botId, failOnRejected } = input.read();
	const json = JSON.stringify(record);
	const prepared = { itemIndex, botId, json, size: Buffer.byteLength(json), failOnRejected };
	if (!fitsAlone(prepared)) {
		input.fail(
			`The transaction is ${prepared.size.toLocaleString('en-US')} bytes as JSON, more than fits one DeepIDV request (${MAX_BODY_BYTES.toLocaleString('en-US')} bytes)`,
			'Make Metadata smaller; DeepIDV takes at most 5 MB per request.',
		);
	}
	return prepared;
}

/**
 * POST /v1/aml/transactions for the checked items, in batches of at most 500 records and 5 MB, in
 * input order; each item gets its own record's result. Saving is idempotent on client_txn_id, so a
 * batch whose answer was lost is sent again; DeepIDV's 413 and BATCH_TOO_LARGE split the batch in
 * two; the monthly quota's 429 is never repeated.
 */
async function send(this: IExecuteFunctions, items: Array<{ itemIndex: number; prepared: Prepared }>, settings: TransportSettings): Promise<Array<IDataObject | Error>> {
	const continueOnFail = this.continueOnFail();
	const ready = items.map(({ prepared }) => prepared);
	const positionOf = new Map(items.map(({ itemIndex }, position) => [itemIndex, position]));
	const outcomes: Array<IDataObject | Error> = new Array(items.length);
	const settle = (itemIndex: number, outcome: IDataObject | Error) => (outcomes[positionOf.get(itemIndex)!] = outcome);

	let quotaUsedUp: Quota | undefined;
	let stopped = false;
	const fail = (itemIndex: number, error: Error) => {
		settle(itemIndex, error);
		if (!continueOnFail) stopped = true;
	};

	const send = async (batch: Batch): Promise<void> => {
		const first = batch.records[0].itemIndex;
		if (quotaUsedUp) {
			for (const { itemIndex } of batch.records) fail(itemIndex, quotaError(this, quotaUsedUp, itemIndex, false));
			return;
		}
		let refused: { split: true } | { quota: Quota } | undefined;
		let answer: IDataObject;
		try {
			answer = await deepIdvApiRequest.call(
				this,
				{
					method: 'POST',
					path: '/v1/aml/transactions',
					jsonBody: batchBody(batch),
					retry: 'idempotent',
					failure: { invalidHint: batch.botId ? 'Check Options → Bot ID: it must be a running transaction-risk bot of your organisation.' : 'Check the transactions.' },
					documentedAnswer: (status, body) => {
						const code = (body as IDataObject | undefined)?.code;
						if (status === 413 || (status === 400 && code === 'BATCH_TOO_LARGE')) refused = { split: true };
						else if (status === 429 && code === 'QUOTA_EXCEEDED') refused = { quota: body as Quota };
						return refused && {};
					},
				},
				settings,
				first,
			);
		} catch (error) {
			for (const { itemIndex } of batch.records) fail(itemIndex, error as Error);
			return;
		} finally {
			// What was sent is no longer needed once answered (a split takes its halves' bytes first).
			if (!(refused && 'split' in refused)) batch.sent = undefined;
		}
		if (refused && 'quota' in refused) {
			quotaUsedUp = refused.quota;
			for (const { itemIndex } of batch.records) fail(itemIndex, quotaError(this, refused.quota, itemIndex, true));
			return;
		}
		if (refused) {
			if (batch.records.length === 1) {
				batch.sent = undefined;
				fail(first, new NodeOperationError(this.getNode(), 'DeepIDV refused the transaction as too large, even alone in a request', { itemIndex: first, description: 'Make Metadata smaller, then save it again.' }));
				return;
			}
			for (const half of halves(batch)) await send(half);
			return;
		}
		pair(batch, answer);
	};

	const pair = (batch: Batch, answer: IDataObject) => {
		const results = new Map<number, RecordResult>();
		for (const result of Array.isArray(answer.results) ? (answer.results as RecordResult[]) : []) {
			if (result && typeof result.index === 'number') results.set(result.index, result);
		}
		(batch.records as Prepared[]).forEach(({ itemIndex, failOnRejected }, index) => {
			const result = results.get(index);
			if (!result || typeof result.status !== 'string') {
				fail(itemIndex, new NodeOperationError(this.getNode(), 'DeepIDV answered without a result for this transaction', { itemIndex, description: `It may or may not have been saved. ${RUN_AGAIN_IS_SAFE}` }));
			} else if (result.status === 'rejected' && failOnRejected) {
				fail(itemIndex, rejectedError(this, result, itemIndex));
			} else {
				settle(itemIndex, output(result));
			}
		});
	};

	const batches = toBatches(ready);
	await forEachBounded(batches.length, settings.maxConcurrency, async (index) => await send(batches[index]), () => stopped || this.getExecutionCancelSignal?.()?.aborted === true);
	ready.forEach(({ itemIndex }, position) => {
		outcomes[position] ??= new NodeOperationError(this.getNode(), 'Not sent: the run stopped at an earlier error', { itemIndex, description: RUN_AGAIN_IS_SAFE });
	});
	return outcomes;
}

export const batch: ItemBatch<Prepared> = { prepare, send };

/** For the error that stops a run: which items DeepIDV had already saved. */
export const describeCompleted = describeWrites((json) => json.stored === true, 'transaction', 'been saved', RUN_AGAIN_IS_SAFE, 'client_txn_id');
