import { listWorkflows } from '../../methods/workflowList';
import { getManyOperation } from '../getMany';

/**
 * GET /v1/workflows: one output item per workflow, newest first, as DeepIDV lists them (id, name,
 * status, steps as step IDs, created_at). DeepIDV answers with every workflow at once; the Limit
 * keeps the newest.
 */
export const { description, execute } = getManyOperation({
	things: 'workflows',
	properties: [],
	list: async (input, max, settings) => (await listWorkflows.call(input.context, settings, input.itemIndex)).slice(0, max),
});
