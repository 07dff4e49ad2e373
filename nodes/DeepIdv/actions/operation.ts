import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { TransportSettings } from '../transport/settings';

/** One operation of the node: its parameters, and what it does for one input item. */
export interface Operation {
	description: INodeProperties[];
	/** Returns the JSON of the output items for input item `itemIndex` (usually exactly one). */
	execute(this: IExecuteFunctions, itemIndex: number, settings: TransportSettings): Promise<IDataObject[]>;
}
