import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { BatchOperation, Operation } from './operation';

/** One entry of a resource's Operation list, and the operation it runs. */
export interface OperationChoice extends INodePropertyOptions {
	value: string;
	description: string;
	action: string;
	run: Operation | BatchOperation;
}

export interface Resource {
	operations: Record<string, Operation | BatchOperation>;
	description: INodeProperties[];
}

/**
 * A resource's Operation list (choices in alphabetical order of name, as n8n shows them) and the
 * parameters of its operations, each shown only for its own operation: the display options are
 * attached here, once per operation. `defaultOperation` is the first choice unless given.
 */
export function defineResource(resource: string, choices: OperationChoice[], defaultOperation = choices[0].value): Resource {
	const operations: Record<string, Operation | BatchOperation> = {};
	for (const choice of choices) operations[choice.value] = choice.run;
	const selector: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: choices.map(({ name, value, description, action }) => ({ name, value, description, action })),
		default: defaultOperation,
	};
	const parameters = choices.flatMap(({ value, run }) =>
		updateDisplayOptions({ show: { resource: [resource], operation: [value] } }, run.description),
	);
	return { operations, description: [selector, ...parameters] };
}
