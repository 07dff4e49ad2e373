import { defineResource } from '../resource';
import * as compare from './compare.operation';
import * as detect from './detect.operation';
import * as estimateAge from './estimateAge.operation';

export const { operations, description } = defineResource(
	'face',
	[
		{
			name: 'Compare',
			value: 'compare',
			description: 'Check whether two photos show the same person, e.g. an ID photo and a selfie',
			action: 'Compare faces',
			run: compare,
		},
		{
			name: 'Detect',
			value: 'detect',
			description: 'Check whether a photo shows a face, and where',
			action: 'Detect a face',
			run: detect,
		},
		{
			name: 'Estimate Age',
			value: 'estimateAge',
			description: "Estimate a person's age and gender from a photo of their face",
			action: 'Estimate age',
			run: estimateAge,
		},
	],
);
