import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as updateStepConfig from './updateStepConfig.operation';

export const operations: Record<string, Operation> = { create, get, getMany, updateStepConfig };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['workflow'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a verification workflow: its name, its steps in order, and their settings',
				action: 'Create workflow',
			},
			{
				name: 'Get',
				value: 'get',
				description: "Get a workflow's steps and their settings",
				action: 'Get workflow',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: "List the organisation's workflows with their steps, newest first",
				action: 'Get many workflows',
			},
			{
				name: 'Update Step Config',
				value: 'updateStepConfig',
				description: 'Change some settings of one step of a workflow, e.g. the minimum age of ID verification',
				action: 'Update workflow step config',
			},
		],
		default: 'getMany',
	},
	...create.description,
	...get.description,
	...getMany.description,
	...updateStepConfig.description,
];
