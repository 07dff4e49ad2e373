import type { INodePropertyOptions } from 'n8n-workflow';

import { STEP_SCHEMA } from './stepSchema';

/**
 * DeepIDV's documented workflow step ids (API form), with the names the node shows, from the step
 * table (stepSchema.json). DeepIDV stores them kebab-case (`id-verification`) and shows that form in
 * a single workflow; the node accepts either form, in any case, and sends the API form.
 */
const STEP_NAMES: Record<string, string> = Object.fromEntries(Object.entries(STEP_SCHEMA).map(([id, step]) => [id, step.name]));

/** The most steps one DeepIDV workflow may have. */
export const MAX_STEPS = 10;

/** The step choices of a dropdown or multi-select, sorted by name. */
export const stepOptions: INodePropertyOptions[] = Object.entries(STEP_NAMES)
	.map(([value, name]) => ({ name, value }))
	.sort((a, b) => a.name.localeCompare(b.name));

/** The documented step id (API form) for `raw` in any case, with '-', '_' or spaces; undefined when unknown. */
export function toStepId(raw: unknown): string | undefined {
	if (typeof raw !== 'string') return undefined;
	const id = raw.trim().toUpperCase().replace(/[\s-]+/g, '_');
	return Object.hasOwn(STEP_NAMES, id) ? id : undefined;
}

/** The name the node shows for a step id in any form, e.g. 'Face Liveness'; the id itself when unknown. */
export function stepName(raw: string): string {
	const id = toStepId(raw);
	return id ? STEP_NAMES[id] : raw;
}

/** e.g. 'ID Verification (ID_VERIFICATION)'. */
export function stepLabel(id: string): string {
	return `${STEP_NAMES[id] ?? id} (${id})`;
}

/** A hint listing a few step ids, for error descriptions. */
export const STEP_ID_HINT =
	'Choose the steps from the list, or give DeepIDV step IDs such as ID_VERIFICATION, FACE_LIVENESS or PEP_SANCTIONS (any case; id-verification works too).';
