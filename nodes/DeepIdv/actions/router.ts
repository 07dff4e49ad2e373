import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { forEachBounded } from '../transport/concurrency';
import { readTransportSettings } from '../transport/settings';
import * as asyncJob from './asyncJob';
import type { Operation } from './operation';
import * as screening from './screening';
import * as session from './session';

const resources: Record<string, Record<string, Operation>> = {
	asyncJob: asyncJob.operations,
	screening: screening.operations,
	session: session.operations,
};

interface ItemFailure {
	itemIndex: number;
	error: Error;
}

/**
 * Runs the chosen operation for every input item, several at a time, and returns exactly one
 * result per input item (or its error item under Continue On Fail), in input order, each paired
 * to its input item.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = resources[resource]?.[operationName];
	if (!operation) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operationName}" is not supported for the resource "${resource}"`,
		);
	}

	const settings = readTransportSettings(this);
	const results: INodeExecutionData[][] = new Array(items.length);
	const failures: ItemFailure[] = [];
	const continueOnFail = this.continueOnFail();

	await forEachBounded(
		items.length,
		settings.maxConcurrency,
		async (itemIndex) => {
			const pairedItem = { item: itemIndex };
			try {
				const output = await operation.execute.call(this, itemIndex, settings);
				results[itemIndex] = output.map((json) => ({ json, pairedItem }));
			} catch (caught) {
				const error = asNodeError(this, caught, itemIndex);
				if (!continueOnFail) {
					failures.push({ itemIndex, error });
					return;
				}
				const json: IDataObject = { error: error.message };
				const details = (error as { description?: unknown }).description;
				if (typeof details === 'string' && details) json.details = details;
				// Fields an operation attached for the error item, e.g. the job_id of a job not yet ready.
				const fields = (error as { context?: IDataObject }).context?.errorItemFields;
				if (fields && typeof fields === 'object') Object.assign(json, fields);
				results[itemIndex] = [{ json, pairedItem }];
			}
		},
		() => failures.length > 0,
	);

	if (failures.length > 0) {
		// Requests already under way were allowed to finish; report the earliest failing item.
		throw failures.sort((a, b) => a.itemIndex - b.itemIndex)[0].error;
	}
	return [results.flat()];
}

function asNodeError(context: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	if (error instanceof NodeOperationError || (error as { name?: string })?.name === 'NodeApiError') {
		return error as Error;
	}
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}
