import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../operation';
import * as updateStatus from './updateStatus.operation';

export const operations: Record<string, Operation> = { updateStatus };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['session'] } },
		options: [
			{
				name: 'Update Status',
				value: 'updateStatus',
				description: 'Record a manual decision (Verified or Rejected) on a session',
				action: 'Update session status',
			},
		],
		default: 'updateStatus',
	},
	...updateStatus.description,
];
