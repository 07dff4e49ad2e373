import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError, updateDisplayOptions } from 'n8n-workflow';

import { deepIdvApiRequest } from '../../transport/request';
import type { TransportSettings } from '../../transport/settings';
import { readWorkflowId, workflowFailureContext, workflowLocator, workflowOf } from './workflowId';

const properties: INodeProperties[] = [workflowLocator];

export const description = updateDisplayOptions({ show: { resource: ['workflow'], operation: ['get'] } }, properties);

/**
 * GET /v1/workflows/{id}: one item, the workflow as DeepIDV holds it (id, name, status, times, and
 * its steps with their settings; DeepIDV shows the step ids kebab-case here, e.g. id-verification).
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: TransportSettings,
): Promise<IDataObject[]> {
	const workflowId = readWorkflowId(this, itemIndex);
	const response = await deepIdvApiRequest.call(
		this,
		{
			method: 'GET',
			path: `/v1/workflows/${encodeURIComponent(workflowId)}`,
			retry: 'idempotent',
			failure: { ...workflowFailureContext(workflowId), invalidHint: 'Check the Workflow parameter.' },
		},
		settings,
		itemIndex,
	);
	const workflow = workflowOf(response);
	if (!workflow) {
		throw new NodeApiError(this.getNode(), response as JsonObject, {
			message: 'DeepIDV answered without the workflow',
			description: 'Run the workflow again; if it keeps happening, contact DeepIDV support.',
			itemIndex,
		});
	}
	return [workflow as IDataObject];
}
