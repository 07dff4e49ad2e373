import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readApplicant } from '../applicant';
import { ItemInput } from '../itemInput';

/**
 * The body of POST /v1/sessions for one item, checked before anything is sent: a session invites a
 * real person, so a mistake must stop the item here rather than at DeepIDV. Sent in camelCase,
 * the spelling every version of DeepIDV's documentation accepts.
 */
export function readCreateBody(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const input = new ItemInput(context, itemIndex);
	const body = readApplicant(input, 'a session');
	const workflowId = String(input.fields().workflowId ?? '').trim();
	if (workflowId) body.workflowId = workflowId;
	return body;
}
