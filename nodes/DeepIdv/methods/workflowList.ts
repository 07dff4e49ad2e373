import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions, INodePropertyOptions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { deepIdvApiRequest } from '../transport/request';
import type { TransportSettings } from '../transport/settings';

/**
 * GET /v1/workflows: the organisation's DeepIDV workflows, newest first, as DeepIDV lists them
 * (id, name, status, steps, created_at). One list for the Workflow dropdowns, the Workflow picker
 * and Workflow → Get Many.
 */
export async function listWorkflows(
	this: IExecuteFunctions | ILoadOptionsFunctions,
	settings: TransportSettings,
	itemIndex?: number,
): Promise<IDataObject[]> {
	const response = await deepIdvApiRequest.call(this, { method: 'GET', path: '/v1/workflows', retry: 'idempotent' }, settings, itemIndex);
	if (!Array.isArray(response.workflows)) {
		throw new NodeApiError(this.getNode(), response as JsonObject, {
			message: 'DeepIDV answered without a list of workflows',
			description: 'Run the workflow again; if it keeps happening, contact DeepIDV support.',
			itemIndex,
		});
	}
	return response.workflows as IDataObject[];
}

/** The workflows as choices, by name: the name (or the ID when unnamed), with the steps as description. */
export function workflowChoices(workflows: IDataObject[]): INodePropertyOptions[] {
	return workflows
		.filter((workflow) => typeof workflow.id === 'string')
		.map((workflow) => {
			const id = workflow.id as string;
			const steps = Array.isArray(workflow.steps) ? workflow.steps.join(', ') : '';
			return {
				name: typeof workflow.name === 'string' && workflow.name ? workflow.name : id,
				value: id,
				...(steps && { description: `Steps: ${steps}` }),
			};
		})
		.sort((a, b) => a.name.localeCompare(b.name));
}
