import type { IDataObject, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { explainRefusals } from '../apiErrors';
import { getManyOperation } from '../getMany';
import { deepIdvApiRequest } from '../../transport/request';
import { readInPreview } from './refusals';

/**
 * GET /v1/credit-checks: one output item per credit check, up to Limit. DeepIDV documents no query
 * parameters and answers in one page; it names neither the list field nor the cursor, so both
 * spellings are read (creditChecks or credit_checks).
 */
export const { description, execute } = getManyOperation({
	things: 'credit checks',
	properties: [],
	list: async (input, max, settings) => {
		const { context, itemIndex } = input;
		const send = async () =>
			await deepIdvApiRequest.call(
				context,
				{ method: 'GET', path: '/v1/credit-checks', retry: 'idempotent' },
				settings,
				itemIndex,
			);
		const page = await explainRefusals(context, itemIndex, settings, send, readInPreview);
		const records = page.creditChecks ?? page.credit_checks;
		if (!Array.isArray(records)) {
			throw new NodeApiError(context.getNode(), page as JsonObject, {
				message: 'DeepIDV answered without a list of credit checks',
				description: 'Run the workflow again; if it keeps happening, contact DeepIDV support.',
				itemIndex,
			});
		}
		return (records as IDataObject[]).slice(0, max);
	},
});
