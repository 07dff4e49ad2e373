import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

const LIST_HINT =
	'From List shows the newest sessions of your organisation; type an external ID there to find the sessions that carry it.';

/**
 * The Session picker (parameter `sessionId`, read with readSessionId), without display options:
 * each operation attaches its own. `purpose` starts its description.
 */
export function sessionLocator(purpose: string): INodeProperties {
	return {
		displayName: 'Session',
		name: 'sessionId',
		type: 'resourceLocator',
		// "By ID" stays the default: workflows saved before "From List" existed keep working.
		default: { mode: 'id', value: '' },
		required: true,
		description: `${purpose} ${LIST_HINT}`,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a session...',
				typeOptions: { searchListMethod: 'searchSessions', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 3f6b1c9e-2a4d-4e8f-9b7a-1c2d3e4f5a6b',
			},
		],
	};
}

/** Reads the Session parameter for one item: trimmed, and refused when empty. */
export function readSessionId(context: IExecuteFunctions, itemIndex: number): string {
	const raw = context.getNodeParameter('sessionId', itemIndex, '', { extractValue: true }) as unknown;
	const sessionId = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
	if (!sessionId) {
		throw new NodeOperationError(context.getNode(), 'The Session parameter is empty', {
			itemIndex,
			description:
				"Enter a DeepIDV session ID, or map one from an earlier node, e.g. the 'id' field of a DeepIDV Trigger item.",
		});
	}
	return sessionId;
}

/** How the operations name a session in error messages. */
export function sessionFailureContext(sessionId: string) {
	return {
		notFound: `Session "${sessionId}" was not found in DeepIDV`,
		notFoundHint:
			'Check the Session parameter: the ID must belong to a session of the organisation that owns the API key.',
	};
}
