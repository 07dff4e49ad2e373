import { defineResource } from '../resource';
import * as verify from './verify.operation';

export const { operations, description } = defineResource(
	'identity',
	[
		{
			name: 'Verify',
			value: 'verify',
			description: 'Read an ID document and check that the face on it matches a photo of the person',
			action: 'Verify an identity',
			run: verify,
		},
	],
);
