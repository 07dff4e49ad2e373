import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError, updateDisplayOptions } from 'n8n-workflow';

import { deepIdvApiRequest } from '../../transport/request';
import type { TransportSettings } from '../../transport/settings';
import { simplifyProgress } from './progressSummary';
import { readSessionId, sessionLocator } from './sessionId';

const properties: INodeProperties[] = [
	sessionLocator('The DeepIDV verification session to follow. It must run a DeepIDV workflow.'),
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description:
			'Whether to return a simplified version of the response instead of the raw data. Simplified: a one-line summary of where the applicant is, the current step, attempts remaining, and each step’s status, attempts and failure reason.',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['session'], operation: ['getProgress'] } }, properties);

/** GET /v1/sessions/{id}/workflow: a read, repeated after any temporary failure. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: TransportSettings,
): Promise<IDataObject[]> {
	const sessionId = readSessionId(this, itemIndex);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const response = await deepIdvApiRequest.call(
		this,
		{
			method: 'GET',
			path: `/v1/sessions/${encodeURIComponent(sessionId)}/workflow`,
			retry: 'idempotent',
			failure: {
				notFound: `Session "${sessionId}" was not found in DeepIDV, or it does not run a DeepIDV workflow`,
				notFoundHint:
					'Check the Session parameter. Only sessions created with a workflow have steps to follow; for a session without one, use Session → Get.',
				invalidHint: 'Check the Session parameter.',
			},
		},
		settings,
		itemIndex,
	);
	if (!Array.isArray(response.steps)) {
		throw new NodeApiError(this.getNode(), response as JsonObject, {
			message: 'DeepIDV answered without the steps of the session',
			description: 'Run the workflow again; if it keeps happening, contact DeepIDV support.',
			itemIndex,
		});
	}
	return [simplify ? simplifyProgress(response) : response];
}
