import type { INodeProperties } from 'n8n-workflow';

/**
 * The Simplify toggle of an operation (parameter `simplify`, read with ItemInput.simplify);
 * `shows` lists what the simplified item holds, without a final period.
 */
export function simplifyField(shows: string): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: `Whether to return a simplified version of the response instead of the raw data. Simplified: ${shows}.`,
	};
}
