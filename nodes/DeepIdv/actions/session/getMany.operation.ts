import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError, updateDisplayOptions } from 'n8n-workflow';

import { readLimit } from '../limit';
import { deepIdvApiRequest } from '../../transport/request';
import type { TransportSettings } from '../../transport/settings';
import { listFilters, readListFilters } from './listFilters';

/** The most sessions DeepIDV returns per request. */
const MAX_PAGE_SIZE = 500;

const properties: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
	listFilters,
];

export const description = updateDisplayOptions({ show: { resource: ['session'], operation: ['getMany'] } }, properties);

/**
 * One output item per session, newest first. Follows next_token until DeepIDV says there is no
 * more (or the Limit is reached), asking each time for no more than is still needed.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: TransportSettings,
): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? Infinity : readLimit(this, itemIndex, 'sessions');
	const filters = readListFilters(this, itemIndex);

	const sessions: IDataObject[] = [];
	const seenIds = new Set<string>();
	const seenTokens = new Set<string>();
	let nextToken: string | undefined;
	do {
		const qs: IDataObject = { ...filters, limit: Math.min(limit - sessions.length, MAX_PAGE_SIZE) };
		if (nextToken) {
			if (seenTokens.has(nextToken)) {
				throw new NodeApiError(this.getNode(), { next_token: nextToken }, {
					message: 'DeepIDV returned the same page of sessions twice',
					description:
						'Listing stopped so it does not run forever. Narrow the Filters (e.g. Created After) or set a Limit, and tell DeepIDV support.',
					itemIndex,
				});
			}
			seenTokens.add(nextToken);
			qs.next_token = nextToken;
		}
		const page = await deepIdvApiRequest.call(
			this,
			{ method: 'GET', path: '/v1/sessions', qs, retry: 'idempotent', failure: { invalidHint: 'Check the Filters.' } },
			settings,
			itemIndex,
		);
		if (!Array.isArray(page.sessions)) {
			throw new NodeApiError(this.getNode(), page as JsonObject, {
				message: 'DeepIDV answered without a list of sessions',
				description: 'Run the workflow again; if it keeps happening, contact DeepIDV support.',
				itemIndex,
			});
		}
		for (const session of page.sessions as IDataObject[]) {
			if (sessions.length >= limit) break;
			// A session listed already (the list shifted between pages) is not output twice.
			if (typeof session.id === 'string') {
				if (seenIds.has(session.id)) continue;
				seenIds.add(session.id);
			}
			sessions.push(session);
		}
		nextToken = typeof page.next_token === 'string' && page.next_token ? page.next_token : undefined;
	} while (nextToken && sessions.length < limit);
	return sessions;
}
