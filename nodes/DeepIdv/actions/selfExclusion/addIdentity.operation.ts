import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { forEachBounded } from '../../transport/concurrency';
import { deepIdvApiRequest } from '../../transport/request';
import type { TransportSettings } from '../../transport/settings';
import type { ItemBatch } from '../batch';
import { ItemInput } from '../itemInput';
import { describeWrites } from '../operation';
import { readDocumentNumber } from './documentNumber';
import { reasonField } from './sessionExclusion';

/**
 * POST /v1/igaming/self-exclusion/identity. Items go to DeepIDV together: the document numbers of
 * items with the same Reason, First Name and Last Name share one request's `document_numbers`
 * (those are per request), up to BATCH_SIZE each, and DeepIDV answers one entry per number in
 * request order, which is how each item gets its own `added` / `already_excluded` / `invalid`.
 *
 * Retries: DeepIDV documents these writes as idempotent (a number already on the registry answers
 * `already_excluded`), so a request whose answer was lost is sent again. The registry ends up the
 * same; but in the repeated answer `already_excluded` may mean "added by the attempt whose answer was
 * lost" rather than "was on the registry before this run".
 */
const BATCH_SIZE = 100;

export const description: INodeProperties[] = [
	{
		displayName: 'Document Number',
		name: 'documentNumber',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. P1234567',
		description:
			'The document number to put on the registry (DeepIDV stores it trimmed and in capitals). Items with the same Additional Fields go to DeepIDV together, up to 100 numbers a request.',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add field',
		default: {},
		options: [
			{ displayName: 'First Name', name: 'firstName', type: 'string', default: '', description: "The applicant's first name, stored with the entry" },
			{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '', description: "The applicant's last name, stored with the entry" },
			reasonField,
		],
	},
];

interface Prepared {
	documentNumber: string;
	/** reason, first_name, last_name as sent (absent when empty). */
	shared: IDataObject;
}

function prepare(this: IExecuteFunctions, itemIndex: number): Prepared {
	const input = new ItemInput(this, itemIndex);
	const documentNumber = readDocumentNumber(input);
	const fields = input.fields();
	const shared: IDataObject = {};
	for (const [parameter, field] of [['reason', 'reason'], ['firstName', 'first_name'], ['lastName', 'last_name']] as const) {
		const value = typeof fields[parameter] === 'string' ? String(fields[parameter]).trim() : '';
		if (value) shared[field] = value;
	}
	return { documentNumber, shared };
}

const LOST =
	'DeepIDV may have added these document numbers although its answer did not arrive. Running the items again is safe: numbers already on the registry come back as already_excluded.';

async function send(this: IExecuteFunctions, items: Array<{ itemIndex: number; prepared: Prepared }>, settings: TransportSettings): Promise<Array<IDataObject | Error>> {
	// Group by the per-request fields, keep input order inside each group, then cut into requests.
	const groups = new Map<string, number[]>();
	items.forEach(({ prepared }, position) => {
		const key = JSON.stringify(prepared.shared);
		groups.set(key, [...(groups.get(key) ?? []), position]);
	});
	const requests: number[][] = [];
	for (const positions of groups.values()) {
		for (let start = 0; start < positions.length; start += BATCH_SIZE) requests.push(positions.slice(start, start + BATCH_SIZE));
	}

	const outcomes = new Array<IDataObject | Error>(items.length);
	await forEachBounded(requests.length, settings.maxConcurrency, async (requestIndex) => {
		const positions = requests[requestIndex];
		const first = items[positions[0]];
		const numbers = positions.map((position) => items[position].prepared.documentNumber);
		const itemIndexes = positions.map((position) => items[position].itemIndex);
		try {
			const response = await deepIdvApiRequest.call(
				this,
				{
					method: 'POST',
					path: '/v1/igaming/self-exclusion/identity',
					body: { document_numbers: numbers, ...first.prepared.shared },
					retry: 'idempotent',
					failure: { invalidHint: 'Check the Document Number parameter of the items.', maybeActedHint: LOST },
				},
				settings,
				first.itemIndex,
			);
			const excluded = response.excluded;
			if (!Array.isArray(excluded) || excluded.length !== numbers.length || !excluded.every(isEntry)) {
				throw new NodeApiError(this.getNode(), response as JsonObject, {
					message: `DeepIDV answered without one result per document number (sent ${numbers.length})`,
					description: LOST,
					itemIndex: first.itemIndex,
				});
			}
			positions.forEach((position, index) => (outcomes[position] = excluded[index] as IDataObject));
		} catch (error) {
			const described = itemIndexes.length > 1 ? withItems(error as Error, itemIndexes) : (error as Error);
			for (const position of positions) outcomes[position] = described;
		}
	});
	return outcomes;
}

const isEntry = (entry: unknown) =>
	!!entry && typeof entry === 'object' && typeof (entry as IDataObject).document_number === 'string' && typeof (entry as IDataObject).status === 'string';

/** Says in the error which items shared the failed request. */
function withItems(error: Error, itemIndexes: number[]): Error {
	const described = error as Error & { description?: string | null };
	const shown = itemIndexes.length > 10 ? `${itemIndexes.slice(0, 10).join(', ')} and ${itemIndexes.length - 10} more` : itemIndexes.join(', ');
	described.description = [described.description, `The request carried the document numbers of items ${shown}.`].filter(Boolean).join(' ');
	return described;
}

export const batch: ItemBatch<Prepared> = { prepare, send };

export const describeCompleted = describeWrites(
	(json) => json.status === 'added',
	'document number',
	'put a document number on the self-exclusion registry',
	'Running them again is safe: DeepIDV answers already_excluded for numbers on the registry.',
	'document_number',
);
