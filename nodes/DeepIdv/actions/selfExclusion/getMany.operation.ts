import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { deepIdvApiRequest } from '../../transport/request';
import type { TransportSettings } from '../../transport/settings';
import { ItemInput } from '../itemInput';

/** DeepIDV's bounds and default for `limit` (it has no paging: at most 1000 entries come back). */
const MAX_ENTRIES = 1000;
const DEFAULT_ENTRIES = 200;

export const description: INodeProperties[] = [
	{
		displayName: 'Max Entries',
		name: 'maxEntries',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_ENTRIES },
		default: DEFAULT_ENTRIES,
		description:
			"How many registry entries to return (DeepIDV's default is 200). DeepIDV returns at most 1000 and has no further pages: when the registry holds more than this, every item says registry_truncated: true.",
	},
];

/**
 * GET /v1/igaming/self-exclusion?limit=: one output item per registry entry (identity entries carry
 * document_number, face entries session_id), each with the derived `registry_truncated` — DeepIDV's
 * `truncated`, true when the registry holds more entries than Max Entries.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, settings: TransportSettings): Promise<IDataObject[]> {
	const input = new ItemInput(this, itemIndex);
	const raw = input.raw('maxEntries', DEFAULT_ENTRIES);
	const limit = Number(raw);
	if (String(raw).trim() === '' || !Number.isInteger(limit) || limit < 1 || limit > MAX_ENTRIES) {
		input.fail(`The Max Entries "${String(raw)}" is not a whole number from 1 to ${MAX_ENTRIES}`, `Enter how many registry entries to return, e.g. ${DEFAULT_ENTRIES}; DeepIDV returns at most ${MAX_ENTRIES}.`);
	}
	const response = await deepIdvApiRequest.call(
		this,
		{ method: 'GET', path: '/v1/igaming/self-exclusion', qs: { limit }, retry: 'idempotent', failure: { invalidHint: `Set Max Entries to a whole number from 1 to ${MAX_ENTRIES}.` } },
		settings,
		itemIndex,
	);
	if (!Array.isArray(response.entries) || typeof response.truncated !== 'boolean') {
		throw new NodeApiError(this.getNode(), response as JsonObject, {
			message: 'DeepIDV answered without the list of registry entries',
			description: 'Run the workflow again; if it keeps happening, contact DeepIDV support.',
			itemIndex,
		});
	}
	return (response.entries as IDataObject[]).map((entry) => ({ ...entry, registry_truncated: response.truncated }));
}
