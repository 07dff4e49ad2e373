import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { ItemInput } from '../itemInput';
import { apiPath, simpleOperation } from '../simpleOperation';
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

/** Accepts the dropdown values and the same words in any case from an expression. */
function readStatus(input: ItemInput): (typeof STATUSES)[number] {
	const raw = input.context.getNodeParameter('status', input.itemIndex) as unknown;
	const status = String(raw ?? '').trim().toUpperCase();
	const known = STATUSES.find((value) => value === status);
	if (known) return known;
	return input.fail(
		`The Status "${String(raw ?? '')}" is not valid`,
		'DeepIDV only accepts Verified or Rejected (VERIFIED or REJECTED) when a session is decided by hand.',
	);
}

/** PATCH /v1/sessions/{id}/update-status: setting the same status twice changes nothing more, so it is repeated after a temporary failure. */
export const { description, execute } = simpleOperation({
	properties,
	request: (input) => {
		const sessionId = readSessionId(input.context, input.itemIndex);
		return {
			method: 'PATCH',
			path: apiPath`/v1/sessions/${sessionId}/update-status`,
			body: { new_status: readStatus(input) },
			retry: 'idempotent',
			failure: { ...sessionFailureContext(sessionId), invalidHint: 'Check the Session and Status parameters.' },
		};
	},
	answer: {
		field: 'session_record',
		is: 'object',
		missing: 'the updated session record',
		advice: 'The status may have changed. Use Get Session to check it.',
	},
	output: (response) => response.session_record as IDataObject,
});
