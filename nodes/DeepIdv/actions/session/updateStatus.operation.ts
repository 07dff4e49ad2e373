import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { deepIdvApiRequest } from '../../transport/request';
import type { TransportSettings } from '../../transport/settings';
import { readSessionId, sessionFailureContext, sessionLocator } from './sessionId';

const STATUSES = ['REJECTED', 'VERIFIED'] as const;

const properties: INodeProperties[] = [
	sessionLocator('The DeepIDV verification session to work on.'),
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		// Rejected is the default on purpose: a node dropped in without a choice must never approve
		// an applicant by accident.
		default: 'REJECTED',
		required: true,
		description: 'The decision to record on the session',
		options: [
			{ name: 'Rejected', value: 'REJECTED', description: 'Decline the applicant' },
			{ name: 'Verified', value: 'VERIFIED', description: 'Approve the applicant' },
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['session'], operation: ['updateStatus'] } },
	properties,
);

/** Accepts the dropdown values and the same words in any case from an expression. */
function readStatus(context: IExecuteFunctions, itemIndex: number): (typeof STATUSES)[number] {
	const raw = context.getNodeParameter('status', itemIndex) as unknown;
	const status = String(raw ?? '').trim().toUpperCase();
	const known = STATUSES.find((value) => value === status);
	if (!known) {
		throw new NodeOperationError(context.getNode(), `The Status "${String(raw ?? '')}" is not valid`, {
			itemIndex,
			description:
				'DeepIDV only accepts Verified or Rejected (VERIFIED or REJECTED) when a session is decided by hand.',
		});
	}
	return known;
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: TransportSettings,
): Promise<IDataObject[]> {
	const sessionId = readSessionId(this, itemIndex);
	const newStatus = readStatus(this, itemIndex);
	const response = await deepIdvApiRequest.call(
		this,
		{
			method: 'PATCH',
			path: `/v1/sessions/${encodeURIComponent(sessionId)}/update-status`,
			body: { new_status: newStatus },
			retry: 'idempotent',
			failure: {
				...sessionFailureContext(sessionId),
				invalidHint: 'Check the Session and Status parameters.',
			},
		},
		settings,
		itemIndex,
	);
	const record = response.session_record;
	if (!record || typeof record !== 'object') {
		throw new NodeApiError(this.getNode(), response as JsonObject, {
			message: 'DeepIDV answered without the updated session record',
			description: 'The status may have changed. Use Get Session to check it.',
			itemIndex,
		});
	}
	return [record as IDataObject];
}
