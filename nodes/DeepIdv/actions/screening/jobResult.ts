import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { deepIdvApiRequest } from '../../transport/request';
import type { TransportSettings } from '../../transport/settings';
import type { SimpleRequest } from '../simpleOperation';
import { apiPath } from '../simpleOperation';

/**
 * GET /v1/async-jobs/{jobId}: the status of a screening job, with `result` once ready or `error`
 * once failed. A read, so it is repeated after any temporary failure; asking is free.
 */
export function jobResultRequest(jobId: string): SimpleRequest {
	return {
		method: 'GET',
		path: apiPath`/v1/async-jobs/${jobId}`,
		retry: 'idempotent',
		failure: {
			notFound: `Screening job "${jobId}" was not found in DeepIDV`,
			notFoundHint:
				'DeepIDV keeps a job for a limited time only. Check the Job ID; if the job has expired, run the screening again (it is billed again).',
			invalidHint: 'Check the Job ID: DeepIDV job IDs look like 3f6b1c9e-2a4d-4e8f-9b7a-1c2d3e4f5a6b.',
		},
	};
}

export async function fetchJobResult(
	this: IExecuteFunctions,
	jobId: string,
	settings: TransportSettings,
	itemIndex: number,
): Promise<IDataObject> {
	return await deepIdvApiRequest.call(this, jobResultRequest(jobId), settings, itemIndex);
}
