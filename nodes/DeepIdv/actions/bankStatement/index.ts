import { defineResource } from '../resource';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getManyByExternalId from './getManyByExternalId.operation';

export const { operations, description } = defineResource('bankStatement', [
	{
		name: 'Create',
		value: 'create',
		description: 'Invite an applicant to share 3, 6 or 9 months of bank statements (billed)',
		action: 'Create bank statement request',
		run: create,
	},
	{
		name: 'Get',
		value: 'get',
		description: 'Get a bank statement request, with the parsed statement once completed',
		action: 'Get bank statement request',
		run: get,
	},
	{
		name: 'Get Many',
		value: 'getMany',
		description: "List the organisation's bank statement requests",
		action: 'Get many bank statement requests',
		run: getMany,
	},
	{
		name: 'Get Many by External ID',
		value: 'getManyByExternalId',
		description: 'List the bank statement requests created with one External ID',
		action: 'Get many bank statement requests by external ID',
		run: getManyByExternalId,
	},
]);
