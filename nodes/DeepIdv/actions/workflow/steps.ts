import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * DeepIDV's documented workflow step ids (API form), with the names the node shows. DeepIDV stores
 * them kebab-case (`id-verification`) and shows that form in a single workflow; the node accepts
 * either form, in any case, and sends the API form.
 */
const STEP_NAMES: Record<string, string> = {
	ADDRESS_VERIFICATION: 'Address Verification',
	ADVERSE_MEDIA: 'Adverse Media',
	AGE_ESTIMATION: 'Age Estimation',
	AI_BANK_STATEMENT_ANALYSIS: 'AI Bank Statement Analysis',
	BACKGROUND_CHECK: 'Background Check',
	BANK_STATEMENT_UPLOAD: 'Bank Statement Upload',
	CARRIER_AGE_GATE: 'Carrier Age Gate',
	CONSENT: 'Consent',
	CREDIT_CHECK: 'Credit Check',
	CUSTOM_FORM: 'Custom Form',
	CUSTOM_PROMPT: 'Custom Prompt',
	DEEP_AGE: 'Deep Age',
	DEEPFAKE_DETECTION: 'Deepfake Detection',
	DOCUMENT_UPLOAD: 'Document Upload',
	E_SIGNATURE: 'E-Signature',
	FACE_LIVENESS: 'Face Liveness',
	FACE_LIVENESS_CONSENT_SETTINGS: 'Face Liveness Consent Settings',
	ID_VERIFICATION: 'ID Verification',
	KYB: 'KYB (Business Verification)',
	PEP_SANCTIONS: 'PEP & Sanctions',
	PHONE_OWNERSHIP_MATCH: 'Phone Ownership Match',
	PHONE_TRUST_CHECK: 'Phone Trust Check',
	PHONE_VERIFICATION: 'Phone Verification',
	PROOFCALL: 'ProofCall',
	TITLE_SEARCH: 'Title Search',
	WHITE_LABEL: 'White Label',
};

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
