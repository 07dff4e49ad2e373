import { defineResource } from '../resource';
import * as createHard from './createHard.operation';
import * as createSoft from './createSoft.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export const { operations, description } = defineResource('creditCheck', [
	{
		name: 'Create Hard',
		value: 'createHard',
		description: 'Invite an applicant to an Equifax hard credit check (billed unless in Test Mode)',
		action: 'Create hard credit check',
		run: createHard,
	},
	{
		name: 'Create Soft',
		value: 'createSoft',
		description: 'Invite an applicant to an Equifax soft credit check (billed unless in Test Mode)',
		action: 'Create soft credit check',
		run: createSoft,
	},
	{
		name: 'Get',
		value: 'get',
		description: "Get a credit check's score and risk (DeepIDV preview: sandbox keys only for now)",
		action: 'Get credit check',
		run: get,
	},
	{
		name: 'Get Many',
		value: 'getMany',
		description: 'List credit checks (DeepIDV preview: sandbox keys only for now)',
		action: 'Get many credit checks',
		run: getMany,
	},
]);
