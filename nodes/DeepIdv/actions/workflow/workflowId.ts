import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** The Workflow picker (parameter `workflowId`) of the operations on one DeepIDV workflow. */
export const workflowLocator: INodeProperties = {
	displayName: 'Workflow',
	name: 'workflowId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description:
		'The DeepIDV workflow (set of verification steps). From List shows the workflows of your organisation by name; type to filter them.',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a workflow...',
			typeOptions: { searchListMethod: 'searchWorkflows', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 3f6b1c9e-2a4d-4e8f-9b7a-1c2d3e4f5a6b',
		},
	],
};

/** Reads the Workflow parameter for one item: trimmed, and refused when empty. */
export function readWorkflowId(context: IExecuteFunctions, itemIndex: number): string {
	const raw = context.getNodeParameter('workflowId', itemIndex, '', { extractValue: true }) as unknown;
	const workflowId = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
	if (!workflowId) {
		throw new NodeOperationError(context.getNode(), 'The Workflow parameter is empty', {
			itemIndex,
			description: "Choose a workflow from the list, or enter or map a DeepIDV workflow ID, e.g. the 'id' field of a Workflow → Get Many item.",
		});
	}
	return workflowId;
}

/** How the operations name a workflow in error messages. */
export function workflowFailureContext(workflowId: string) {
	return {
		notFound: `Workflow "${workflowId}" was not found in DeepIDV`,
		notFoundHint: 'Check the Workflow parameter: choose it from the list, or use the ID of a workflow of the organisation that owns the API key.',
	};
}
