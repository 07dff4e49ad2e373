import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../operation';
import * as scan from './scan.operation';

export const operations: Record<string, Operation> = { scan };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['document'] } },
		options: [
			{
				name: 'Scan',
				value: 'scan',
				description: 'Read the name, date of birth, number and expiry from a photo of an ID document',
				action: 'Scan a document',
			},
		],
		default: 'scan',
	},
	...scan.description,
];
