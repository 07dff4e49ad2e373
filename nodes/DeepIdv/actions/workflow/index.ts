import { defineResource } from '../resource';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as updateStepConfig from './updateStepConfig.operation';

export const { operations, description } = defineResource(
	'workflow',
	[
		{
			name: 'Create',
			value: 'create',
			description: 'Create a verification workflow: its name, its steps in order, and their settings',
			action: 'Create workflow',
			run: create,
		},
		{
			name: 'Get',
			value: 'get',
			description: "Get a workflow's steps and their settings",
			action: 'Get workflow',
			run: get,
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description: "List the organisation's workflows with their steps, newest first",
			action: 'Get many workflows',
			run: getMany,
		},
		{
			name: 'Update Step Config',
			value: 'updateStepConfig',
			description: 'Change some settings of one step of a workflow, e.g. the minimum age of ID verification',
			action: 'Update workflow step config',
			run: updateStepConfig,
		},
	],
	'getMany',
);
