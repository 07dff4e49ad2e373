import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../operation';
import * as verify from './verify.operation';

export const operations: Record<string, Operation> = { verify };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['identity'] } },
		options: [
			{
				name: 'Verify',
				value: 'verify',
				description: 'Read an ID document and check that the face on it matches a photo of the person',
				action: 'Verify an identity',
			},
		],
		default: 'verify',
	},
	...verify.description,
];
