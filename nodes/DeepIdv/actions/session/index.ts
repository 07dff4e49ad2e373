import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getProgress from './getProgress.operation';
import * as reVerify from './reVerify.operation';
import * as updateStatus from './updateStatus.operation';

export const operations: Record<string, Operation> = { create, get, getMany, getProgress, reVerify, updateStatus };

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
				name: 'Get Progress',
				value: 'getProgress',
				description:
					'Follow where an applicant is in a workflow session: each step\'s status, attempts and failure reason, and the current step',
				action: 'Get session progress',
			},
			{
				name: 'Re-Verify',
				value: 'reVerify',
				description:
					'Re-verify a returning customer with a new selfie against a verified session, instead of a full new session',
				action: 'Verify a returning customer again',
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
	...getProgress.description,
	...reVerify.description,
	...updateStatus.description,
];
