import { defineResource } from '../resource';
import * as scan from './scan.operation';

export const { operations, description } = defineResource(
	'document',
	[
		{
			name: 'Scan',
			value: 'scan',
			description: 'Read the name, date of birth, number and expiry from a photo of an ID document',
			action: 'Scan a document',
			run: scan,
		},
	],
);
