import { defineResource } from '../resource';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getManyByExternalId from './getManyByExternalId.operation';

export const { operations, description } = defineResource('creditTerms', [
	{
		name: 'Create',
		value: 'create',
		description: 'Invite a business to apply for trade credit terms of 30, 60 or 90 days (billed)',
		action: 'Create credit terms request',
		run: create,
	},
	{
		name: 'Get',
		value: 'get',
		description: 'Get a credit terms request',
		action: 'Get credit terms request',
		run: get,
	},
	{
		name: 'Get Many',
		value: 'getMany',
		description: "List the organisation's credit terms requests",
		action: 'Get many credit terms requests',
		run: getMany,
	},
	{
		name: 'Get Many by External ID',
		value: 'getManyByExternalId',
		description: 'List the credit terms requests created with one External ID',
		action: 'Get many credit terms requests by external ID',
		run: getManyByExternalId,
	},
]);
