import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { readSessionId } from '../session/sessionId';
import { checkedSession } from '../igamingCheck/sessionCheck';
import type { ItemInput } from '../itemInput';

export const reasonField: INodeProperties = {
	displayName: 'Reason',
	name: 'reason',
	type: 'string',
	default: '',
	placeholder: 'e.g. self-requested exclusion',
	description: 'Free text DeepIDV records with the entry (shown by Get Many)',
};

/** Session and Reason, for Exclude Applicant and Exclude Face. */
export const sessionExclusionFields = (purpose: string): INodeProperties[] => [
	checkedSession(purpose),
	{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add field', default: {}, options: [reasonField] },
];

/** `{ session_id, reason? }` for one item. */
export function sessionExclusionBody(input: ItemInput): { sessionId: string; body: IDataObject } {
	const sessionId = readSessionId(input.context, input.itemIndex);
	const reason = typeof input.fields().reason === 'string' ? String(input.fields().reason).trim() : '';
	return { sessionId, body: { session_id: sessionId, ...(reason && { reason }) } };
}

/**
 * The self-exclusion calls fail hard (docs): a real error is a 500, not a soft default. A write that
 * DeepIDV may have carried out although its answer was lost is not repeated (unless it is documented
 * idempotent); this says how to find out what happened.
 */
export const lookUpFirst = (what: string) =>
	`DeepIDV may have ${what} although its answer did not arrive. Look at Self-Exclusion → Get Many before running this item again.`;

/** Adds `matched_session_id: null` when DeepIDV leaves it out, so an If node always finds it. */
export const withMatchedSession = (response: IDataObject): IDataObject => ({ ...response, matched_session_id: response.matched_session_id ?? null });
