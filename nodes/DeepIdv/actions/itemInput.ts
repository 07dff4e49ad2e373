import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * The parameters of one input item, as an operation reads them before sending anything: every
 * mistake stops the item here with a message that names the parameter and says how to fix it.
 * Resources with checks of their own extend it (ScreeningInput, StepSettingsInput).
 */
export class ItemInput {
	constructor(
		readonly context: IExecuteFunctions,
		readonly itemIndex: number,
	) {}

	fail(message: string, description: string): never {
		throw new NodeOperationError(this.context.getNode(), message, { itemIndex: this.itemIndex, description });
	}

	/** A parameter as n8n resolved it for this item. */
	raw(name: string, fallback: unknown = ''): unknown {
		return this.context.getNodeParameter(name, this.itemIndex, fallback);
	}

	/** A top-level text parameter, trimmed ('' when empty). */
	text(name: string): string {
		return asText(this.raw(name));
	}

	/** A collection parameter such as Additional Fields ({} when unset). */
	fields(name = 'additionalFields'): IDataObject {
		const value = this.raw(name, {});
		return value && typeof value === 'object' ? (value as IDataObject) : {};
	}

	/** Whether Simplify is on (its default). */
	simplify(): boolean {
		return this.raw('simplify', true) !== false;
	}
}

export function asText(value: unknown): string {
	return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
}
