import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { MemoryBudget } from '../files/memoryBudget';
import type { TransportSettings } from '../transport/settings';
import type { ItemBatch } from './batch';

/** What the items of one execution share besides the transport settings; made anew per execution. */
export interface ExecutionShared {
	/** Bounds the image bytes the file checks hold in memory at once. */
	fileMemory: MemoryBudget;
}

/** One operation of the node: its parameters, and what it does for one input item. */
export interface Operation {
	/** Its parameters, without display options: defineResource shows them for this operation only. */
	description: INodeProperties[];
	/** Returns the JSON of the output items for input item `itemIndex` (usually exactly one). */
	execute(
		this: IExecuteFunctions,
		itemIndex: number,
		settings: TransportSettings,
		shared: ExecutionShared,
	): Promise<IDataObject[]>;
	/**
	 * When an item's error stops the run: what the items that had already succeeded did that a re-run
	 * would do again (e.g. sessions created), appended to the error's description; absent: nothing.
	 */
	describeCompleted?(completed: Array<{ itemIndex: number; json: IDataObject }>): string | undefined;
	/** Whether the output items of `itemIndex` carry that input item's files on; absent: they do not. */
	keepsInputFiles?(this: IExecuteFunctions, itemIndex: number): boolean;
}

/**
 * An operation whose items go to DeepIDV together, several in one request (Transaction → Save,
 * Self-Exclusion → Add Identity): the router runs its `batch` over all items instead of an
 * `execute` per item (see batch.ts).
 */
export interface BatchOperation extends Omit<Operation, 'execute'> {
	batch: ItemBatch;
}

/**
 * A `describeCompleted` for writes: the items whose output `made` says they created something
 * (`thing` with the output's `idField`, e.g. 'session' and 'id'), what they did (`did`) and what a
 * re-run does (`rerun`). Names the first 50 items.
 */
export function describeWrites(
	made: (json: IDataObject) => boolean,
	thing: string,
	did: string,
	rerun: string,
	idField = 'id',
): NonNullable<Operation['describeCompleted']> {
	return (completed) => {
		const done = completed.filter(({ json }) => made(json) && typeof json[idField] === 'string');
		if (done.length === 0) return undefined;
		const shown = done.slice(0, 50).map(({ itemIndex, json }) => `item ${itemIndex} (${thing} ${String(json[idField])})`);
		const more = done.length > shown.length ? ` and ${done.length - shown.length} more` : '';
		return `Before the run stopped, ${done.length} item${done.length === 1 ? '' : 's'} had already ${did}: ${shown.join(', ')}${more}. ${rerun}`;
	};
}
