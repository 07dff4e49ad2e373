import type { INodeProperties } from 'n8n-workflow';

/** The Simplify toggle of a screening operation; `what` says what the simplified item holds (no final period). */
export function simplifyField(what: string): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: `Whether to return a simplified version of the response instead of the raw data. ${what}.`,
	};
}
