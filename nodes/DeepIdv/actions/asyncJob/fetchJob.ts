import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { deepIdvApiRequest } from '../../transport/request';
import type { TransportSettings } from '../../transport/settings';

/**
 * GET /v1/async-jobs/{jobId}: the job's status, with `result` once ready or `error` once failed.
 * A read, so it is repeated after any temporary failure.
 */
export async function fetchAsyncJob(
	this: IExecuteFunctions,
	jobId: string,
	settings: TransportSettings,
	itemIndex: number,
): Promise<IDataObject> {
	return await deepIdvApiRequest.call(
		this,
		{
			method: 'GET',
			path: `/v1/async-jobs/${encodeURIComponent(jobId)}`,
			retry: 'idempotent',
			failure: {
				notFound: `Async job "${jobId}" was not found in DeepIDV`,
				notFoundHint:
					'DeepIDV keeps a job for a limited time only. Check the Job ID; if the job has expired, run the screening again (it is billed again).',
				invalidHint: 'Check the Job ID: DeepIDV job IDs look like 3f6b1c9e-2a4d-4e8f-9b7a-1c2d3e4f5a6b.',
			},
		},
		settings,
		itemIndex,
	);
}
