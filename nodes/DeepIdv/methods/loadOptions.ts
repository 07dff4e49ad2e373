import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { defaultTransportSettings } from '../transport/settings';
import { listWorkflows, workflowChoices } from './workflowList';

/** The organisation's DeepIDV workflows for the "Workflow Name or ID" dropdowns, by name. */
export async function getWorkflows(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return workflowChoices(await listWorkflows.call(this, defaultTransportSettings()));
}
