import type { IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { TransportSettings } from '../transport/settings';

/** What the node says about one DeepIDV refusal: what happened, and how to fix it. */
export interface RefusalText {
	message: string;
	description: string;
}

/** An answer DeepIDV refused, as the transport reported it: its HTTP status and DeepIDV's own words. */
export interface Refusal {
	status: number;
	said: string;
	/** The documented fields of DeepIDV's answer the transport kept, e.g. the Workflow Runner's invalid_steps. */
	details?: JsonObject;
}

/** The status and DeepIDV's words of a NodeApiError from deepIdvApiRequest; undefined for any other error. */
export function refusalOf(error: unknown): Refusal | undefined {
	if ((error as { name?: string })?.name !== 'NodeApiError') return undefined;
	const { httpCode, errorResponse } = error as { httpCode?: string | null; errorResponse?: JsonObject };
	const status = Number(httpCode ?? errorResponse?.status);
	if (!Number.isInteger(status)) return undefined;
	const said = errorResponse?.error;
	return { status, said: typeof said === 'string' ? said : '', details: errorResponse };
}

/** Whether DeepIDV refused because the credential holds a sandbox API key (its documented 403). */
export function isSandboxKeyRefusal(refusal: Refusal): boolean {
	return refusal.status === 403 && /sandbox api key/i.test(refusal.said);
}

/** The sandbox key's documented 403 on a write, in words, e.g. `what` = 'create workflows'. */
export function sandboxKeyCannot(what: string) {
	return (refusal: Refusal): RefusalText | undefined =>
		isSandboxKeyRefusal(refusal)
			? {
					message: `A sandbox API key cannot ${what}`,
					description:
						'DeepIDV sandbox keys only read test data. Put a live API key from the DeepIDV Admin Console in the DeepIDV API credential.',
				}
			: undefined;
}

/**
 * Runs one DeepIDV request; when DeepIDV refuses it and `explain` has better words for that refusal,
 * fails with those instead, keeping the item index, the HTTP code and DeepIDV's answer. DeepIDV's
 * words may be quoted, so the API key is taken out of the new message, as the transport does.
 */
export async function explainRefusals<T>(
	context: IExecuteFunctions,
	itemIndex: number,
	settings: TransportSettings,
	request: () => Promise<T>,
	explain: (refusal: Refusal) => RefusalText | undefined | Promise<RefusalText | undefined>,
): Promise<T> {
	let failure: unknown;
	try {
		return await request();
	} catch (error) {
		failure = error;
	}
	// Outside the catch block: what is passed on as it is, is already the transport's NodeApiError
	// (or NodeOperationError).
	const refusal = refusalOf(failure);
	const text = refusal && (await explain(refusal));
	if (!refusal || !text) throw failure;
	const apiKey = String((await settings.credentials)?.apiKey ?? '');
	const redact = (words: string) => (apiKey.length >= 4 ? words.split(apiKey).join('[redacted]') : words);
	throw new NodeApiError(context.getNode(), (failure as { errorResponse: JsonObject }).errorResponse, {
		message: redact(text.message),
		description: redact(text.description),
		httpCode: String(refusal.status),
		itemIndex,
	});
}

/** DeepIDV's words appended to a message, e.g. ' (DeepIDV: legacy_step_config)'. */
export function quoting(said: string): string {
	return said ? ` (DeepIDV: ${said})` : '';
}
