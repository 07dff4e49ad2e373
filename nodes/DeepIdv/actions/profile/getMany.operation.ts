import type { IDataObject, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { deepIdvApiRequest } from '../../transport/request';
import { getManyOperation } from '../getMany';

/**
 * GET /v1/profiles: DeepIDV answers every profile at once (`{ profiles }`, no paging), so Limit
 * only shortens the output.
 */
export const { description, execute } = getManyOperation({
	things: 'profiles',
	properties: [],
	list: async (input, max, settings) => {
		const { context, itemIndex } = input;
		const response = await deepIdvApiRequest.call(context, { method: 'GET', path: '/v1/profiles', retry: 'idempotent' }, settings, itemIndex);
		if (!Array.isArray(response.profiles)) {
			throw new NodeApiError(context.getNode(), response as JsonObject, {
				message: 'DeepIDV answered without a list of profiles',
				description: 'Run the workflow again; if it keeps happening, contact DeepIDV support.',
				itemIndex,
			});
		}
		return (response.profiles as IDataObject[]).slice(0, max);
	},
});
