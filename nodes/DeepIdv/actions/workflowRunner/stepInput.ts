import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { SLOT_FILES } from '../../files/imageTypes';
import type { ImageParameter } from '../../files/inputImage';
import { itemHasFile, readImageInField } from '../../files/inputImage';
import type { ItemInput } from '../itemInput';
import type { RunnerStep } from './state';
import { runnerStepId } from './stepKinds';
import type { SlotFile } from './uploads';

/**
 * What a step submission sends, read from the item before anything is sent: the files to upload
 * first (by slot) and the body, which takes their file keys.
 */
export interface PreparedSubmission {
	files: SlotFile[];
	body(fileKeys: Record<string, string>): IDataObject;
}

/** The binary-field parameters of ID_VERIFICATION's fixed slots; the field is named like the slot when a parameter is unset. */
const SLOT_PARAMETERS: Record<string, ImageParameter> = {
	id_front: { name: 'idFrontField', label: 'ID Front Field' },
	id_back: { name: 'idBackField', label: 'ID Back Field' },
	selfie_front: { name: 'selfieField', label: 'Selfie Field' },
	secondary_id_front: { name: 'stepInput.secondaryIdFrontField', label: 'Step Input → Secondary ID Front Field' },
	secondary_id_back: { name: 'stepInput.secondaryIdBackField', label: 'Step Input → Secondary ID Back Field' },
	tertiary_id_front: { name: 'stepInput.tertiaryIdFrontField', label: 'Step Input → Tertiary ID Front Field' },
	tertiary_id_back: { name: 'stepInput.tertiaryIdBackField', label: 'Step Input → Tertiary ID Back Field' },
};

const fileField = (slot: string, label: string, what: string, top = true): INodeProperties => ({
	displayName: label,
	name: top ? SLOT_PARAMETERS[slot].name : SLOT_PARAMETERS[slot].name.replace('stepInput.', ''),
	type: 'string',
	default: slot,
	placeholder: `e.g. ${slot}`,
	description: `The input binary field with ${what} (upload slot ${slot}), for ID Verification`,
});

/** The ID Verification parameters (Document Type and the three main files). */
export const idVerificationFields: INodeProperties[] = [
	{
		displayName: 'Document Type',
		name: 'documentType',
		type: 'string',
		default: '',
		placeholder: 'e.g. passport-us',
		description:
			"The type of the identity document in the ID images, one the workflow's ID Verification step accepts (its requirements list them as valid_id_types, e.g. driver-license-us, passport-ca). Needed when the session reaches ID Verification.",
	},
	fileField('id_front', 'ID Front Field', 'the photo of the front of the identity document'),
	{ ...fileField('id_back', 'ID Back Field', 'the photo of the back of the identity document'), hint: 'Not sent for front-only documents such as passports' },
	fileField('selfie_front', 'Selfie Field', 'the photo of the applicant’s face (also used by Age Estimation)'),
];

/** The Step Input collection: what the other steps need, and the secondary and tertiary documents. */
export function stepInputField(extra: INodeProperties[], stepDataDescription: string): INodeProperties {
	return {
		displayName: 'Step Input',
		name: 'stepInput',
		type: 'collection',
		placeholder: 'Add Input',
		default: {},
		options: [
			...extra,
			{
				displayName: 'Consent Accepted',
				name: 'consentAccepted',
				type: 'boolean',
				default: false,
				description:
					'Whether the applicant has accepted the consent text (CONSENT and Face Liveness Consent steps). Turn it on only when they really did, e.g. in your own form.',
			},
			{
				displayName: 'Legal Name',
				name: 'legalName',
				type: 'string',
				default: '',
				placeholder: 'e.g. Jane Doe',
				description: "The applicant's full legal name for the consent; empty: First Name and Last Name (Run With Files) or none",
			},
			{
				displayName: 'Max Wait (Seconds)',
				name: 'maxWaitSeconds',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 180,
				description:
					"How long to wait for DeepIDV's asynchronous results (e.g. adverse media), asking again at the interval the step suggests. Still running then: the item fails and says how to finish it later.",
			},
			fileField('secondary_id_front', 'Secondary ID Front Field', 'the front of the second identity document', false),
			fileField('secondary_id_back', 'Secondary ID Back Field', 'the back of the second identity document', false),
			{
				displayName: 'Secondary Document Type',
				name: 'secondaryDocumentType',
				type: 'string',
				default: '',
				placeholder: 'e.g. driver-license-us',
				description: 'The type of the second identity document, when the ID Verification step requires one',
			},
			{
				displayName: 'Step Data (JSON)',
				name: 'stepData',
				type: 'json',
				default: '{}',
				description: stepDataDescription,
			},
			fileField('tertiary_id_front', 'Tertiary ID Front Field', 'the front of the third identity document', false),
			fileField('tertiary_id_back', 'Tertiary ID Back Field', 'the back of the third identity document', false),
			{
				displayName: 'Tertiary Document Type',
				name: 'tertiaryDocumentType',
				type: 'string',
				default: '',
				placeholder: 'e.g. passport-us',
				description: 'The type of the third identity document, when the ID Verification step requires one',
			},
		],
	};
}

/** The Step Input values of one item. */
export function stepInputOf(input: ItemInput): IDataObject {
	return input.fields('stepInput');
}

/** The Max Wait (Seconds) of Step Input, in milliseconds (default 180 s). */
export function readMaxWaitMs(input: ItemInput): number {
	const raw = stepInputOf(input).maxWaitSeconds ?? 180;
	const seconds = typeof raw === 'number' ? raw : Number(String(raw).trim());
	if (Number.isFinite(seconds) && seconds >= 1) return seconds * 1000;
	return input.fail(`The Step Input → Max Wait (Seconds) value "${String(raw)}" is not a number of 1 or more`, 'Enter a number of seconds, e.g. 180 for three minutes.');
}

/** A JSON parameter's value as an object ({} when empty). */
export function readJsonObject(input: ItemInput, value: unknown, label: string): IDataObject {
	if (value === undefined || value === null || value === '') return {};
	let parsed: unknown = value;
	if (typeof value === 'string') {
		try {
			parsed = JSON.parse(value);
		} catch {
			return input.fail(`${label} is not valid JSON`, 'Enter a JSON object, e.g. {"address": "1 Main St"}, or map one with an expression.');
		}
	}
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
		return input.fail(`${label} is not a JSON object`, 'Enter a JSON object in braces, e.g. {"address": "1 Main St"}.');
	}
	return parsed as IDataObject;
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asObject = (value: unknown): IDataObject => (value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {});
const texts = (value: unknown): string[] => asList(value).filter((entry): entry is string => typeof entry === 'string');

/** Whether `documentType` never needs a back image: it is, or is of the family of, a front-only type. */
export function isFrontOnly(documentType: string, frontOnlyTypes: string[]): boolean {
	const type = documentType.toLowerCase();
	return frontOnlyTypes.some((frontOnly) => {
		const family = frontOnly.toLowerCase();
		return type === family || type.startsWith(`${family}-`);
	});
}

/** The file for one slot: from its parameter's field (or the field named like the slot), checked. */
async function slotFile(input: ItemInput, slot: string, accepts = SLOT_FILES): Promise<SlotFile> {
	const known = SLOT_PARAMETERS[slot];
	const parameter: ImageParameter = known ? { ...known, accepts: undefined } : { name: slot, label: `the binary field "${slot}" (upload slot ${slot})`, accepts };
	const field = known ? String(input.context.getNodeParameter(known.name, input.itemIndex, '') ?? '').trim() || slot : slot;
	return { slot, file: await readImageInField(input.context, input.itemIndex, parameter, field) };
}

/** ID_VERIFICATION: Document Type (checked against the step's accepted types) and one file per slot the requirements call for. */
export async function prepareIdVerification(input: ItemInput, step: RunnerStep): Promise<PreparedSubmission> {
	const document = asObject(step.requirements.document);
	const valid = texts(document.valid_id_types);
	const frontOnly = texts(document.front_only_document_types);
	const extra = stepInputOf(input);
	const typeOf = (value: unknown, label: string, which: string) => {
		const type = typeof value === 'string' ? value.trim() : '';
		if (!type) {
			input.fail(
				`The ${label} parameter is empty`,
				`The session's ID Verification step needs the type of the ${which} identity document${valid.length ? `, one of: ${valid.join(', ')}` : ''}. Enter it, or map it from an earlier node.`,
			);
		}
		if (valid.length > 0 && !valid.includes(type)) {
			input.fail(`The ${label} "${type}" is not a type the ID Verification step accepts`, `The step accepts: ${valid.join(', ')}. Enter one of them.`);
		}
		return type;
	};
	const documentType = typeOf(input.raw('documentType'), 'Document Type', 'primary');
	const body: IDataObject = { document_type: documentType };
	const slots = ['id_front', ...(isFrontOnly(documentType, frontOnly) ? [] : ['id_back'])];
	for (const [prefix, required, key, label] of [
		['secondary', document.require_secondary_id, 'secondaryDocumentType', 'Step Input → Secondary Document Type'],
		['tertiary', document.require_tertiary_id, 'tertiaryDocumentType', 'Step Input → Tertiary Document Type'],
	] as const) {
		if (required !== true) continue;
		const type = typeOf(extra[key], label, prefix);
		body[`${prefix}_document_type`] = type;
		slots.push(`${prefix}_id_front`, ...(isFrontOnly(type, frontOnly) ? [] : [`${prefix}_id_back`]));
	}
	slots.push('selfie_front');
	const files: SlotFile[] = [];
	for (const slot of slots) files.push(await slotFile(input, slot));
	return { files, body: (keys) => ({ ...body, uploads: keys }) };
}

/**
 * The config-driven upload slots a step's requirements name, and whether each is optional:
 * `upload_slots` / `prompts[].slot` (custom prompts, age estimation), `documents[].id` (document
 * upload, KYB), `fields[].key` of type file-upload (custom form), `signature_upload` when a
 * signature is required (consent).
 */
export function requiredSlots(requirements: IDataObject): Array<{ slot: string; optional: boolean }> {
	const slots = new Map<string, boolean>();
	for (const slot of texts(requirements.upload_slots)) slots.set(slot, false);
	for (const prompt of asList(requirements.prompts)) {
		const slot = asObject(prompt).slot;
		if (typeof slot === 'string') slots.set(slot, false);
	}
	for (const document of asList(requirements.documents)) {
		const { id, optional } = asObject(document);
		if (typeof id === 'string') slots.set(id, optional === true);
	}
	for (const field of asList(requirements.fields)) {
		const { key, type, required } = asObject(field);
		if (typeof key === 'string' && type === 'file-upload') slots.set(key, required !== true);
	}
	if (requirements.signature_required === true) slots.set('signature_upload', false);
	return [...slots].map(([slot, optional]) => ({ slot, optional }));
}

/**
 * Any other step that takes data: `data` as the body, and the files of the slots its requirements
 * name from the item's binary fields named like the slots (ID slots: from their parameters), their
 * keys where the step takes them (`uploads`; KYB: `documents`; CUSTOM_FORM: file answers under
 * `answers`; consent: `signature_upload`). A required slot without a file stops the item; an
 * optional one is left out.
 */
export async function prepareWithSlots(input: ItemInput, step: RunnerStep, data: IDataObject): Promise<PreparedSubmission> {
	const files: SlotFile[] = [];
	for (const { slot, optional } of requiredSlots(step.requirements)) {
		const known = SLOT_PARAMETERS[slot];
		const field = known ? String(input.context.getNodeParameter(known.name, input.itemIndex, '') ?? '').trim() || slot : slot;
		if (optional && !itemHasFile(input.context, input.itemIndex, field)) continue;
		files.push(await slotFile(input, slot));
	}
	const stepId = runnerStepId(step.step_id);
	return {
		files,
		body: (keys) => {
			if (Object.keys(keys).length === 0) return data;
			if (stepId === 'KYB') return { ...data, documents: { ...asObject(data.documents), ...keys } };
			if (CONSENT_STEPS.has(stepId)) return { ...data, ...keys };
			if (stepId === 'CUSTOM_FORM') {
				const answers = { ...asObject(data.answers) };
				for (const { slot, file } of files) {
					answers[slot] = { file_key: keys[slot], file_name: file.binary.fileName || slot, file_size: file.size, file_type: file.mimeType };
				}
				return { ...data, answers };
			}
			return { ...data, uploads: { ...asObject(data.uploads), ...keys } };
		},
	};
}

/** The consent steps: CONSENT and Face Liveness Consent Settings. */
export const CONSENT_STEPS = new Set(['CONSENT', 'FACE_LIVENESS_CONSENT_SETTINGS']);

/**
 * CONSENT and the Face Liveness consent: `accepted` (refused when off), `legal_name` (Step Input →
 * Legal Name, else `fallbackName`), and the signature file when the step requires one.
 */
export async function prepareConsent(input: ItemInput, step: RunnerStep, fallbackName?: string): Promise<PreparedSubmission> {
	const extra = stepInputOf(input);
	if (extra.consentAccepted !== true) {
		input.fail(
			`The ${step.step_id} step needs the applicant's consent, but Step Input → Consent Accepted is off`,
			'Turn on Consent Accepted under Step Input once the applicant has accepted the consent text (e.g. a checkbox in your form); DeepIDV records it as given.',
		);
	}
	const legalName = String(extra.legalName ?? '').trim() || fallbackName;
	if (!legalName) {
		input.fail('The Step Input → Legal Name parameter is empty', `The ${step.step_id} step records the applicant's full legal name with their consent. Add Legal Name under Step Input, e.g. Jane Doe.`);
	}
	return await prepareWithSlots(input, step, { accepted: true, legal_name: legalName });
}
