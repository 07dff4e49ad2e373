import { defineResource } from '../resource';
import * as add from './add.operation';

export const { operations, description } = defineResource('monitoredUser', [
	{
		name: 'Add',
		value: 'add',
		description: 'Place a customer under ongoing AML monitoring by a bot (idempotent: an enrolled customer stays as they are)',
		action: 'Add monitored user',
		run: add,
	},
]);
