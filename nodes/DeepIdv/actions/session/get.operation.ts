import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError, updateDisplayOptions } from 'n8n-workflow';

import { deepIdvApiRequest } from '../../transport/request';
import type { TransportSettings } from '../../transport/settings';
import { readSessionId, sessionFailureContext, sessionLocator } from './sessionId';
import { simplifySession } from './simplify';

const properties: INodeProperties[] = [
	sessionLocator('The DeepIDV verification session to work on.'),
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description:
			'Whether to return a simplified version of the response instead of the raw data. Simplified: status, times, applicant name and email, and the headline analysis results.',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['session'], operation: ['get'] } }, properties);

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
			path: `/v1/sessions/${encodeURIComponent(sessionId)}`,
			retry: 'idempotent',
			failure: { ...sessionFailureContext(sessionId), invalidHint: 'Check the Session parameter.' },
		},
		settings,
		itemIndex,
	);
	if (!response.session_record || typeof response.session_record !== 'object') {
		throw new NodeApiError(this.getNode(), response as JsonObject, {
			message: 'DeepIDV answered without the session record',
			description: 'Run the workflow again; if it keeps happening, contact DeepIDV support.',
			itemIndex,
		});
	}
	return [simplify ? simplifySession(response) : response];
}
