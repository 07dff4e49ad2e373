import { defineResource } from '../resource';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export const { operations, description } = defineResource('profile', [
	{
		name: 'Create',
		value: 'create',
		description: 'Create a branding profile: a name and, optionally, a logo from a file',
		action: 'Create profile',
		run: create,
	},
	{
		name: 'Get',
		value: 'get',
		description: 'Get a branding profile',
		action: 'Get profile',
		run: get,
	},
	{
		name: 'Get Many',
		value: 'getMany',
		description: "List the organisation's branding profiles (DeepIDV returns them all at once)",
		action: 'Get many profiles',
		run: getMany,
	},
]);
