import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../operation';
import * as compare from './compare.operation';
import * as detect from './detect.operation';
import * as estimateAge from './estimateAge.operation';

export const operations: Record<string, Operation> = { compare, detect, estimateAge };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['face'] } },
		options: [
			{
				name: 'Compare',
				value: 'compare',
				description: 'Check whether two photos show the same person, e.g. an ID photo and a selfie',
				action: 'Compare faces',
			},
			{
				name: 'Detect',
				value: 'detect',
				description: 'Check whether a photo shows a face, and where',
				action: 'Detect a face',
			},
			{
				name: 'Estimate Age',
				value: 'estimateAge',
				description: "Estimate a person's age and gender from a photo of their face",
				action: 'Estimate age',
			},
		],
		default: 'compare',
	},
	...compare.description,
	...detect.description,
	...estimateAge.description,
];
