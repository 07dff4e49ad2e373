import type { IDataObject } from 'n8n-workflow';

import { apiPath, simpleOperation } from '../simpleOperation';
import { readWorkflowId, workflowFailureContext, workflowLocator } from './workflowId';

/**
 * GET /v1/workflows/{id}: one item, the workflow as DeepIDV holds it (id, name, status, times, and
 * its steps with their settings; DeepIDV shows the step ids kebab-case here, e.g. id-verification).
 */
export const { description, execute } = simpleOperation({
	properties: [workflowLocator],
	request: (input) => {
		const workflowId = readWorkflowId(input.context, input.itemIndex);
		return {
			method: 'GET',
			path: apiPath`/v1/workflows/${workflowId}`,
			retry: 'idempotent',
			failure: { ...workflowFailureContext(workflowId), invalidHint: 'Check the Workflow parameter.' },
		};
	},
	answer: { field: 'workflow', is: 'object', missing: 'the workflow' },
	output: (response) => response.workflow as IDataObject,
});
