import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { deepIdvApiRequest } from '../transport/request';
import { defaultTransportSettings } from '../transport/settings';
import { listWorkflows, workflowChoices } from './workflowList';

const PAGE_SIZE = 100;

/**
 * Sessions for the Session field's "From List" mode, newest first, a page at a time. DeepIDV has
 * no text search, so what the user types is looked up as an external ID (exact match, whole
 * organisation); without it the list shows every session of the organisation.
 */
export async function searchSessions(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const externalId = filter?.trim();
	const qs: IDataObject = externalId ? { external_id: externalId } : { by_organization: true };
	qs.limit = PAGE_SIZE;
	if (paginationToken) qs.next_token = paginationToken;
	const response = await deepIdvApiRequest.call(
		this,
		{ method: 'GET', path: '/v1/sessions', qs, retry: 'idempotent' },
		defaultTransportSettings(),
	);
	const sessions = Array.isArray(response.sessions) ? (response.sessions as IDataObject[]) : [];
	const nextToken = response.next_token;
	return {
		results: sessions.filter((session) => typeof session.id === 'string').map(listItem),
		paginationToken: typeof nextToken === 'string' && nextToken ? nextToken : undefined,
	};
}

/**
 * e.g. "crm-1001 · VERIFIED · created 2025-03-03 15:00 UTC · 3f2a9c1e". The short ID at the end tells
 * apart sessions that share everything else: several without an external ID, or a re-run's
 * duplicates of one.
 */
function listItem(session: IDataObject): INodeListSearchItems {
	const id = session.id as string;
	const created = typeof session.created_at === 'string' ? new Date(session.created_at) : undefined;
	const parts = [
		session.external_id,
		session.status,
		created && !Number.isNaN(created.getTime())
			? `created ${created.toISOString().slice(0, 16).replace('T', ' ')} UTC`
			: undefined,
	].filter((part) => typeof part === 'string' && part !== '');
	return { name: parts.length > 0 ? [...parts, shortId(id)].join(' · ') : id, value: id };
}

/** The first 8 characters of an ID (a UUID's first group), or the whole ID when that is short. */
function shortId(id: string): string {
	return id.length > 12 ? id.slice(0, 8) : id;
}

/**
 * Workflows for the Workflow field's "From List" mode: the list that feeds the "Workflow Name or ID"
 * dropdowns, by name. DeepIDV lists every workflow at once, so what the user types filters the
 * names and IDs here.
 */
export async function searchWorkflows(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const choices = workflowChoices(await listWorkflows.call(this, defaultTransportSettings()));
	const wanted = filter?.trim().toLowerCase();
	const shown = wanted
		? choices.filter((choice) => choice.name.toLowerCase().includes(wanted) || String(choice.value).toLowerCase().includes(wanted))
		: choices;
	return { results: shown.map(({ name, value }) => ({ name, value })) };
}
