import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** The Limit of a Get Many operation for one item; `things` names what is listed, e.g. 'sessions'. */
export function readLimit(context: IExecuteFunctions, itemIndex: number, things: string): number {
	const raw = context.getNodeParameter('limit', itemIndex, 50) as unknown;
	const limit = Number(raw);
	if (Number.isInteger(limit) && limit >= 1) return limit;
	throw new NodeOperationError(context.getNode(), `The Limit "${String(raw)}" is not a whole number of 1 or more`, {
		itemIndex,
		description: `Enter how many ${things} to return, e.g. 50, or turn on Return All.`,
	});
}
