import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import type { TransportSettings } from '../../transport/settings';
import { asText } from '../screening/validation';
import { fetchAsyncJob } from './fetchJob';

const properties: INodeProperties[] = [
	{
		displayName: 'Job ID',
		name: 'jobId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 3f6b1c9e-2a4d-4e8f-9b7a-1c2d3e4f5a6b',
		description:
			"The job_id an Adverse Media or Title Check screening returned, when it ran with Wait for Result off or was not ready within Max Wait. Checking a job is free: it does not screen again.",
	},
];

export const description = updateDisplayOptions({ show: { resource: ['asyncJob'], operation: ['get'] } }, properties);

/** DeepIDV's answer as it is: jobId, createdAt (epoch seconds), updatedAt, status, and result or error. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: TransportSettings,
): Promise<IDataObject[]> {
	const jobId = asText(this.getNodeParameter('jobId', itemIndex, ''));
	if (!jobId) {
		throw new NodeOperationError(this.getNode(), 'The Job ID parameter is empty', {
			itemIndex,
			description:
				"Enter the ID of a DeepIDV async job, or map it from an earlier node, e.g. the 'job_id' field of an Adverse Media item.",
		});
	}
	return [await fetchAsyncJob.call(this, jobId, settings, itemIndex)];
}
