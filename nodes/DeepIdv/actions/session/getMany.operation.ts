import { fetchTokenPages, getManyOperation } from '../getMany';
import { listFilters, readListFilters } from './listFilters';

/** GET /v1/sessions: one output item per session, newest first, page after page. */
export const { description, execute } = getManyOperation({
	things: 'sessions',
	properties: [listFilters],
	list: async (input, max, settings) =>
		await fetchTokenPages(
			input,
			{
				path: '/v1/sessions',
				qs: readListFilters(input.context, input.itemIndex),
				listField: 'sessions',
				tokenField: 'next_token',
				maxPageSize: 500,
				things: 'sessions',
				narrowHint: 'Narrow the Filters (e.g. Created After) or set a Limit',
				invalidHint: 'Check the Filters.',
			},
			max,
			settings,
		),
});
