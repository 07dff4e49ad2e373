import { createHash } from 'crypto';
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { ScreeningInput } from './validation';
import { optionalText } from './personFields';

const MAX_KEY = 255;

/** The Idempotency Key override, an Additional Field of the screenings DeepIDV deduplicates. */
export const idempotencyKeyOption: INodeProperties = {
	displayName: 'Idempotency Key',
	name: 'idempotencyKey',
	type: 'string',
	default: '',
	placeholder: 'e.g. {{ $json.caseId }}',
	description:
		"DeepIDV answers a repeat of the same key (within 24 hours) with the job it already started instead of a new, billed one. Leave empty and the node makes the key from the workflow, this node, the person's details and today's date (UTC): the node's retries, Retry On Fail and running a failed execution again the same day reuse the job. Set it, e.g. to your case ID, to decide yourself what counts as the same screening.",
};

/**
 * The Idempotency-Key of one item's screening job. Unless the user set one, it is derived from what
 * identifies the request — the workflow, the node, the path, the request body — and the UTC day,
 * so every attempt at the same screening on the same day carries the same key (n8n's Retry On
 * Fail and a re-run execution included) and DeepIDV replays the job instead of billing a new one,
 * while another person or another day gets a new key. Shaped as a UUID (version 8: made from a
 * SHA-256), the form DeepIDV's SDK sends.
 */
export function idempotencyKey(input: ScreeningInput, path: string, body: IDataObject, now = new Date()): string {
	const chosen = optionalText(input.fields(), 'idempotencyKey');
	if (chosen !== undefined) {
		if (chosen.length <= MAX_KEY && /^[\x20-\x7e]+$/.test(chosen)) return chosen;
		return input.fail(
			`The Idempotency Key "${chosen.slice(0, 40)}${chosen.length > 40 ? '…' : ''}" cannot be sent`,
			`Use letters, digits, spaces and punctuation only (no accents or line breaks), at most ${MAX_KEY} characters, e.g. your case ID. Or leave it empty to let the node make one.`,
		);
	}
	const { context } = input;
	const day = now.toISOString().slice(0, 10);
	const identity = [context.getWorkflow().id ?? '', context.getNode().id, path, body, day];
	const hex = createHash('sha256').update(JSON.stringify(identity)).digest('hex');
	const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
