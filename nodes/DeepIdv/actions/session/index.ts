import { defineResource } from '../resource';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getProgress from './getProgress.operation';
import * as reVerify from './reVerify.operation';
import * as updateStatus from './updateStatus.operation';

// Update Status stays the default: saved workflows that never stored the operation keep doing it.
export const { operations, description } = defineResource(
	'session',
	[
		{
			name: 'Create',
			value: 'create',
			description: 'Send an applicant a link to verify their identity, by email and SMS',
			action: 'Create session',
			run: create,
		},
		{
			name: 'Get',
			value: 'get',
			description: "Get a session's status, applicant and verification results",
			action: 'Get session',
			run: get,
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List sessions, newest first',
			action: 'Get many sessions',
			run: getMany,
		},
		{
			name: 'Get Progress',
			value: 'getProgress',
			description:
				'Follow where an applicant is in a workflow session: each step\'s status, attempts and failure reason, and the current step',
			action: 'Get session progress',
			run: getProgress,
		},
		{
			name: 'Re-Verify',
			value: 'reVerify',
			description:
				'Re-verify a returning customer with a new selfie against a verified session, instead of a full new session',
			action: 'Verify a returning customer again',
			run: reVerify,
		},
		{
			name: 'Update Status',
			value: 'updateStatus',
			description: 'Record a manual decision (Verified or Rejected) on a session',
			action: 'Update session status',
			run: updateStatus,
		},
	],
	'updateStatus',
);
