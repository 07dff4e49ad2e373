import { defineResource } from '../resource';
import * as save from './save.operation';

export const { operations, description } = defineResource('transaction', [
	{
		name: 'Save',
		value: 'save',
		description: 'Store transactions for AML transaction-risk monitoring, up to 500 per request (idempotent on the Client Transaction ID)',
		action: 'Save transactions',
		run: save,
	},
]);
