import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { listWorkflows } from '../../methods/workflowList';
import type { TransportSettings } from '../../transport/settings';
import { readLimit } from '../limit';

const properties: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

export const description = updateDisplayOptions({ show: { resource: ['workflow'], operation: ['getMany'] } }, properties);

/**
 * GET /v1/workflows: one output item per workflow, newest first, as DeepIDV lists them (id, name,
 * status, steps as step IDs, created_at). DeepIDV answers with every workflow at once; the Limit
 * keeps the newest.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: TransportSettings,
): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? Infinity : readLimit(this, itemIndex, 'workflows');
	const workflows = await listWorkflows.call(this, settings, itemIndex);
	return workflows.slice(0, limit);
}
