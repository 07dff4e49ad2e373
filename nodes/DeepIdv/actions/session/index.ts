import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as updateStatus from './updateStatus.operation';

export const operations: Record<string, Operation> = { create, get, getMany, updateStatus };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['session'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Send an applicant a link to verify their identity, by email and SMS',
				action: 'Create session',
			},
			{
				name: 'Get',
				value: 'get',
				description: "Get a session's status, applicant and verification results",
				action: 'Get session',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List sessions, newest first',
				action: 'Get many sessions',
			},
			{
				name: 'Update Status',
				value: 'updateStatus',
				description: 'Record a manual decision (Verified or Rejected) on a session',
				action: 'Update session status',
			},
		],
		// Update Status stays the default: saved workflows that never stored the operation keep doing it.
		default: 'updateStatus',
	},
	...create.description,
	...get.description,
	...getMany.description,
	...updateStatus.description,
];
