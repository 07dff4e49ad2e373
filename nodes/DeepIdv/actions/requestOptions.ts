import type { INodeProperties } from 'n8n-workflow';

// Defaults must match DEFAULTS in transport/settings.ts (a test checks it); the linter needs literals.
/** Options shared by every operation: how fast and how patiently the node talks to DeepIDV. */
export const requestOptions: INodeProperties = {
	displayName: 'Options',
	name: 'requestOptions',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [
		{
			displayName: 'Max Concurrent Requests',
			name: 'maxConcurrentRequests',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 100 },
			default: 25,
			description: 'How many items are sent to DeepIDV at the same time',
		},
		{
			displayName: 'Max Requests per Second',
			name: 'maxRequestsPerSecond',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 1000 },
			default: 25,
			description:
				"DeepIDV allows 25 per second per organisation. Lower it when other workflows use the same API key at the same time.",
		},
		{
			displayName: 'Max Retries',
			name: 'maxRetries',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 10 },
			default: 5,
			description:
				'How often a request is repeated after a server error, timeout or dropped connection. Creating a session is only repeated when DeepIDV certainly did not act on it. Rate-limited requests are governed by Max Retry Wait instead.',
		},
		{
			displayName: 'Max Retry Wait (Seconds)',
			name: 'maxRetryWaitSeconds',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 60,
			description:
				"How long an item may keep waiting and retrying while DeepIDV's rate limit (shared by every workflow on the API key) refuses it, before it fails. If DeepIDV asks to wait longer than this (e.g. the daily quota is used up), the item fails at once.",
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeoutSeconds',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 30,
			description: 'How long to wait for DeepIDV to answer one request',
		},
	],
};
