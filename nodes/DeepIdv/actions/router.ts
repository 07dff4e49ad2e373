import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { BINARY_IN_JSON_PROPERTY } from '../files/binaryMarkers';
import { FILE_MEMORY_BUDGET_BYTES, MemoryBudget } from '../files/memoryBudget';
import { forEachBounded } from '../transport/concurrency';
import { readTransportSettings } from '../transport/settings';
import { runBatch } from './batch';
import * as ageVerification from './ageVerification';
import * as bankStatement from './bankStatement';
import * as creditCheck from './creditCheck';
import * as creditTerms from './creditTerms';
import * as document from './document';
import * as face from './face';
import * as identity from './identity';
import * as igamingCheck from './igamingCheck';
import * as monitoredUser from './monitoredUser';
import type { BatchOperation, ExecutionShared, Operation } from './operation';
import * as profile from './profile';
import * as screening from './screening';
import * as selfExclusion from './selfExclusion';
import * as session from './session';
import * as transaction from './transaction';
import * as workflow from './workflow';
import * as workflowRunner from './workflowRunner';

const resources: Record<string, Record<string, Operation | BatchOperation>> = {
	ageVerification: ageVerification.operations,
	bankStatement: bankStatement.operations,
	creditCheck: creditCheck.operations,
	creditTerms: creditTerms.operations,
	document: document.operations,
	face: face.operations,
	identity: identity.operations,
	igamingCheck: igamingCheck.operations,
	monitoredUser: monitoredUser.operations,
	profile: profile.operations,
	screening: screening.operations,
	selfExclusion: selfExclusion.operations,
	session: session.operations,
	transaction: transaction.operations,
	workflow: workflow.operations,
	workflowRunner: workflowRunner.operations,
};

interface ItemFailure {
	itemIndex: number;
	error: Error;
}

/**
 * Runs the chosen operation for every input item — several at a time, or all at once for an
 * operation that batches them (BatchOperation) — and returns exactly one result per input item (or
 * its error item under Continue On Fail), in input order, each paired to its input item.
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
	const shared: ExecutionShared = { fileMemory: new MemoryBudget(FILE_MEMORY_BUDGET_BYTES) };
	const results: INodeExecutionData[][] = new Array(items.length);
	const failures: ItemFailure[] = [];
	const continueOnFail = this.continueOnFail();
	const toErrorOutput = this.getNode().onError === 'continueErrorOutput';

	/** Records one item's output, or its error (an error item under Continue On Fail). */
	const settle = (itemIndex: number, outcome: { output: IDataObject[] } | { caught: unknown }) => {
		const pairedItem = { item: itemIndex };
		const withFiles = (json: IDataObject): INodeExecutionData => ({
			json,
			pairedItem,
			...keptFiles(this, operation, items[itemIndex], itemIndex, json),
		});
		if ('output' in outcome) {
			results[itemIndex] = outcome.output.map(withFiles);
			return;
		}
		const error = asNodeError(this, outcome.caught, itemIndex);
		if (!continueOnFail) {
			failures.push({ itemIndex, error });
			return;
		}
		const json: IDataObject = { error: error.message };
		const details = (error as { description?: unknown }).description;
		if (typeof details === 'string' && details) json.details = details;
		// Fields an operation attached for the error item, e.g. the jobId of a job not yet ready —
		// but not for "Continue (using error output)": n8n sends an item there only when its JSON
		// has nothing but `error`, `message` and `details` (and the details name the job too).
		const fields = (error as { context?: IDataObject }).context?.errorItemFields;
		if (fields && typeof fields === 'object' && !toErrorOutput) Object.assign(json, fields);
		results[itemIndex] = [withFiles(json)];
	};

	if ('batch' in operation) {
		await runBatch(this, operation.batch, items.length, settings, continueOnFail, settle);
	} else {
		await forEachBounded(
			items.length,
			settings.maxConcurrency,
			async (itemIndex) => {
				try {
					settle(itemIndex, { output: await operation.execute.call(this, itemIndex, settings, shared) });
				} catch (caught) {
					settle(itemIndex, { caught });
				}
			},
			// A stopped execution starts no more items: its requests would take turns in the shared pacer
			// from the executions still running (see transport/organisationPacers.ts).
			() => failures.length > 0 || this.getExecutionCancelSignal?.()?.aborted === true,
		);
	}

	if (failures.length > 0) {
		// Requests already under way were allowed to finish; report the earliest failing item, and
		// what the others had done by then.
		const { error } = failures.sort((a, b) => a.itemIndex - b.itemIndex)[0];
		const completed = results.flatMap((output, itemIndex) => (output ?? []).map(({ json }) => ({ itemIndex, json })));
		const done = operation.describeCompleted?.(completed);
		if (done) {
			const described = error as { description?: string | null };
			described.description = [described.description, done].filter(Boolean).join(' ');
		}
		throw error;
	}
	return [results.flat()];
}

/**
 * The input item's files, for an operation that keeps them on its output items: the binary data,
 * and with the workflow setting that keeps files in the JSON, the JSON's files field.
 */
function keptFiles(
	context: IExecuteFunctions,
	operation: Operation | BatchOperation,
	item: INodeExecutionData,
	itemIndex: number,
	json: IDataObject,
): Pick<INodeExecutionData, 'binary'> {
	let keep: boolean;
	try {
		keep = operation.keepsInputFiles?.call(context, itemIndex) ?? false;
	} catch {
		keep = false;
	}
	if (!keep) return {};
	const inJson = item.json[BINARY_IN_JSON_PROPERTY];
	if (inJson !== undefined && json[BINARY_IN_JSON_PROPERTY] === undefined) json[BINARY_IN_JSON_PROPERTY] = inJson;
	return item.binary ? { binary: item.binary } : {};
}

function asNodeError(context: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	if (error instanceof NodeOperationError || (error as { name?: string })?.name === 'NodeApiError') {
		return error as Error;
	}
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}
