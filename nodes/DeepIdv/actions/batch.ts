import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { TransportSettings } from '../transport/settings';

/**
 * How an operation's items go to DeepIDV together, several in one request (document numbers in one
 * `document_numbers` list, transactions in one ingest batch), each item still getting its own output
 * item, paired to it.
 */
export interface ItemBatch<Prepared = unknown> {
	/** Reads and checks one item's parameters, throwing the item's error; nothing is sent here. */
	prepare(this: IExecuteFunctions, itemIndex: number): Prepared;
	/**
	 * Sends the prepared items, in as few requests as it likes, and returns one outcome per item, in
	 * the order given: the item's output, or the error of the request it went in.
	 */
	send(
		this: IExecuteFunctions,
		items: Array<{ itemIndex: number; prepared: Prepared }>,
		settings: TransportSettings,
	): Promise<Array<IDataObject | Error>>;
}

/**
 * Runs a batch operation over every input item: every item is read and checked first, so a mistake in
 * any of them stops the run before anything is sent (unless Continue On Fail, where that item gets its
 * error item and the others are sent); then the items go out together.
 */
export async function runBatch(
	context: IExecuteFunctions,
	batch: ItemBatch,
	itemCount: number,
	settings: TransportSettings,
	continueOnFail: boolean,
	settle: (itemIndex: number, outcome: { output: IDataObject[] } | { caught: unknown }) => void,
): Promise<void> {
	const ready: Array<{ itemIndex: number; prepared: unknown }> = [];
	let refused = false;
	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
		try {
			ready.push({ itemIndex, prepared: batch.prepare.call(context, itemIndex) });
		} catch (caught) {
			refused = true;
			settle(itemIndex, { caught });
		}
	}
	if ((refused && !continueOnFail) || ready.length === 0) return;
	const outcomes = await batch.send.call(context, ready, settings);
	ready.forEach(({ itemIndex }, index) => {
		const outcome = outcomes[index];
		settle(itemIndex, outcome instanceof Error ? { caught: outcome } : { output: [outcome] });
	});
}
