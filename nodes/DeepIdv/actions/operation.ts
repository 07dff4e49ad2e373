import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { MemoryBudget } from '../files/memoryBudget';
import type { TransportSettings } from '../transport/settings';

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
 * An operation that works on all input items at once, e.g. one that sends them to DeepIDV in
 * batches. The router calls `executeAll` once per execution instead of `execute` per item.
 */
export interface BatchOperation extends Omit<Operation, 'execute'> {
	/**
	 * One outcome per input item, in input order: the JSON of its output items, or the Error that
	 * fails it (an error item under Continue On Fail, else the node's error).
	 */
	executeAll(this: IExecuteFunctions, settings: TransportSettings, shared: ExecutionShared): Promise<Array<IDataObject[] | Error>>;
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
