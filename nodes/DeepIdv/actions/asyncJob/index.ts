import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../operation';
import * as get from './get.operation';

export const operations: Record<string, Operation> = { get };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['asyncJob'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description:
					'Get the status of an adverse media or title check job, and its result once ready, by job ID',
				action: 'Get async job',
			},
		],
		default: 'get',
	},
	...get.description,
];
