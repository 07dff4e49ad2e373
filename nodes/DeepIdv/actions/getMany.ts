import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { deepIdvApiRequest } from '../transport/request';
import type { TransportSettings } from '../transport/settings';
import { ItemInput } from './itemInput';
import type { Operation } from './operation';

export interface GetManySpec {
	/** What is listed, plural, for messages, e.g. 'sessions'. */
	things: string;
	/** Parameters after Return All and Limit, e.g. Filters. */
	properties: INodeProperties[];
	/** Up to `max` results (Infinity for Return All), one output item each. */
	list(input: ItemInput, max: number, settings: TransportSettings): Promise<IDataObject[]>;
}

/** A Get Many operation: Return All and Limit, then what `list` finds. */
export function getManyOperation(spec: GetManySpec): Operation {
	return {
		description: [...returnAllFields, ...spec.properties],
		async execute(this: IExecuteFunctions, itemIndex: number, settings: TransportSettings): Promise<IDataObject[]> {
			const input = new ItemInput(this, itemIndex);
			const returnAll = input.raw('returnAll', false) as boolean;
			return await spec.list(input, returnAll ? Infinity : readLimit(input, spec.things), settings);
		},
	};
}

const returnAllFields: INodeProperties[] = [
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
];

function readLimit(input: ItemInput, things: string): number {
	const raw = input.raw('limit', 50);
	const limit = Number(raw);
	if (Number.isInteger(limit) && limit >= 1) return limit;
	return input.fail(
		`The Limit "${String(raw)}" is not a whole number of 1 or more`,
		`Enter how many ${things} to return, e.g. 50, or turn on Return All.`,
	);
}

/** A DeepIDV list that comes in pages, each naming the next one with a token. */
export interface TokenPagedList {
	path: string;
	/** The filters, sent with every page. */
	qs: IDataObject;
	/** The answer's field with the page's records, e.g. 'sessions'. */
	listField: string;
	/** The name of the token, in the answer and in the next request, e.g. 'next_token'. */
	tokenField: string;
	/** The most records DeepIDV returns per request, asked for with `limit`; absent: the list takes no `limit`. */
	maxPageSize?: number;
	/**
	 * Whether DeepIDV filters a page after reading `limit` records (e.g. the parent connect status
	 * filter), so a page holds fewer matches than asked for, or none, while more follow: then every
	 * page is asked for in full, whatever is still needed.
	 */
	filtersAfterLimit?: boolean;
	things: string;
	/** How to make the list shorter, e.g. 'Narrow the Filters (e.g. Created After) or set a Limit'. */
	narrowHint: string;
	invalidHint: string;
}

/**
 * Up to `max` records of a token-paged list, in DeepIDV's order. Follows the token until DeepIDV
 * says there is no more (or `max` is reached), through short and empty pages, asking each time for no more than is still needed;
 * a record listed already (the list shifted between pages) is not output twice, and a token seen
 * before stops the listing.
 */
export async function fetchTokenPages(
	input: ItemInput,
	list: TokenPagedList,
	max: number,
	settings: TransportSettings,
): Promise<IDataObject[]> {
	const { context, itemIndex } = input;
	const records: IDataObject[] = [];
	const seenIds = new Set<string>();
	const seenTokens = new Set<string>();
	let token: string | undefined;
	do {
		const qs: IDataObject = { ...list.qs };
		if (list.maxPageSize) qs.limit = list.filtersAfterLimit ? list.maxPageSize : Math.min(max - records.length, list.maxPageSize);
		if (token) {
			if (seenTokens.has(token)) {
				throw new NodeApiError(context.getNode(), { [list.tokenField]: token }, {
					message: `DeepIDV returned the same page of ${list.things} twice`,
					description: `Listing stopped so it does not run forever. ${list.narrowHint}, and tell DeepIDV support.`,
					itemIndex,
				});
			}
			seenTokens.add(token);
			qs[list.tokenField] = token;
		}
		const page = await deepIdvApiRequest.call(
			context,
			{ method: 'GET', path: list.path, qs, retry: 'idempotent', failure: { invalidHint: list.invalidHint } },
			settings,
			itemIndex,
		);
		const pageRecords = page[list.listField];
		if (!Array.isArray(pageRecords)) {
			throw new NodeApiError(context.getNode(), page as JsonObject, {
				message: `DeepIDV answered without a list of ${list.things}`,
				description: 'Run the workflow again; if it keeps happening, contact DeepIDV support.',
				itemIndex,
			});
		}
		for (const record of pageRecords as IDataObject[]) {
			if (records.length >= max) break;
			if (typeof record.id === 'string') {
				if (seenIds.has(record.id)) continue;
				seenIds.add(record.id);
			}
			records.push(record);
		}
		const next = page[list.tokenField];
		token = typeof next === 'string' && next ? next : undefined;
	} while (token && records.length < max);
	return records;
}
