import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { deepIdvApiRequest } from '../../transport/request';
import type { TransportSettings } from '../../transport/settings';
import type { CreatedThing } from '../externalIdCreate';
import { newestWithExternalId } from '../externalIdCreate';

export const SESSION: CreatedThing = { thing: 'session', Thing: 'Session' };

/**
 * The newest session DeepIDV has with exactly this external ID, or undefined. DeepIDV's list filters
 * by external ID across the whole organisation (its documented precedence puts `external_id` first).
 */
export async function findByExternalId(
	context: IExecuteFunctions,
	externalId: string,
	settings: TransportSettings,
	itemIndex: number,
): Promise<IDataObject | undefined> {
	const response = await deepIdvApiRequest.call(
		context,
		{
			method: 'GET',
			path: '/v1/sessions',
			qs: { external_id: externalId, limit: 50 },
			retry: 'idempotent',
		},
		settings,
		itemIndex,
	);
	const sessions = Array.isArray(response.sessions) ? (response.sessions as IDataObject[]) : [];
	return newestWithExternalId(sessions, externalId, { externalId: 'external_id', createdAt: 'created_at' });
}

/**
 * Create's output for a session found by its external ID rather than created by this request's
 * answer. `created` says whether this run made it: false for one that existed before, true for one
 * that a request whose answer was lost turned out to have created. The verification link is not
 * part of DeepIDV's list answer.
 */
export function foundSessionOutput(session: IDataObject, created: boolean): IDataObject {
	return {
		id: session.id,
		session_url: null,
		external_id: session.external_id ?? null,
		expires_at: session.expires_at ?? null,
		links: [],
		created,
		status: session.status ?? null,
	};
}
