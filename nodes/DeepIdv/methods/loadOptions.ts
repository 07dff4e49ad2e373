import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { deepIdvApiRequest } from '../transport/request';
import { defaultTransportSettings } from '../transport/settings';

/** The organisation's DeepIDV workflows for the "Workflow Name or ID" dropdowns, by name. */
export async function getWorkflows(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const response = await deepIdvApiRequest.call(
		this,
		{ method: 'GET', path: '/v1/workflows', retry: 'idempotent' },
		defaultTransportSettings(),
	);
	const workflows = Array.isArray(response.workflows) ? (response.workflows as IDataObject[]) : [];
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
