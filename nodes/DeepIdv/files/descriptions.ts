import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ACCEPTED_IMAGE_LABELS, MAX_IMAGE_BYTES, formatBytes } from './imageTypes';
import type { ImageParameter } from './inputImage';

/** A parameter naming the binary field with one image, and how messages refer to it. */
export function imageField(
	parameter: ImageParameter,
	defaultField: string,
	what: string,
): INodeProperties {
	return {
		displayName: parameter.label,
		name: parameter.name,
		type: 'string',
		default: defaultField,
		required: true,
		placeholder: `e.g. ${defaultField}`,
		hint: `${parameter.accepts?.labels ?? ACCEPTED_IMAGE_LABELS}, up to ${formatBytes(MAX_IMAGE_BYTES)}`,
		description: `The name of the input binary field containing ${what}`,
	};
}

/** DeepIDV's document types; Auto lets DeepIDV tell from the image. */
const DOCUMENT_TYPES = [
	{ name: 'Auto', value: 'auto' },
	{ name: "Driver's Licence", value: 'drivers_license' },
	{ name: 'National ID', value: 'national_id' },
	{ name: 'Passport', value: 'passport' },
];

export const documentTypeField: INodeProperties = {
	displayName: 'Document Type',
	name: 'documentType',
	type: 'options',
	options: DOCUMENT_TYPES,
	default: 'auto',
	description: 'The kind of identity document in the image. Auto lets DeepIDV recognise it.',
};

/** The Document Type for one item (from the list, or an expression in any letter case). */
export function readDocumentType(context: IExecuteFunctions, itemIndex: number): string {
	const raw = String(context.getNodeParameter('documentType', itemIndex, 'auto') ?? '').trim();
	const found = DOCUMENT_TYPES.find(
		(type) => type.value === raw.toLowerCase() || type.name.toLowerCase() === raw.toLowerCase(),
	);
	if (found) return found.value;
	throw new NodeOperationError(context.getNode(), `The Document Type "${raw}" is not valid`, {
		itemIndex,
		description: `Choose ${DOCUMENT_TYPES.map((type) => type.name).join(', ')}; from an expression, ${DOCUMENT_TYPES.map((type) => type.value).join(', ')}.`,
	});
}

/** Default of Upload Files Larger Than (MB). */
export const DEFAULT_INLINE_LIMIT_MB = 4;
const MIB = 1024 * 1024;

export const fileOptionsField: INodeProperties = {
	displayName: 'File Options',
	name: 'fileOptions',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [
		{
			displayName: 'Keep Input Files',
			name: 'keepInputFiles',
			type: 'boolean',
			default: true,
			description:
				"Whether the output item carries the input item's files (binary data), e.g. to archive them in a later node",
		},
		{
			displayName: 'Upload Files Larger Than (MB)',
			name: 'inlineLimitMb',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 15, numberPrecision: 1 },
			default: DEFAULT_INLINE_LIMIT_MB,
			description:
				"Images up to this size are sent inside the request (base64). Larger ones are first uploaded to DeepIDV's file storage, and the request refers to the upload. 0 uploads every image. 1 MB is 1,048,576 bytes here.",
		},
	],
};

interface FileOptions {
	keepInputFiles?: boolean;
	inlineLimitMb?: number | string;
}

const readFileOptions = (context: IExecuteFunctions, itemIndex: number) =>
	context.getNodeParameter('fileOptions', itemIndex, {}) as FileOptions;

/** Whether the output item of `itemIndex` keeps the input item's files (an Operation's `keepsInputFiles`). */
export function keepsInputFiles(this: IExecuteFunctions, itemIndex: number): boolean {
	return readFileOptions(this, itemIndex).keepInputFiles !== false;
}

/** Images above this many bytes are uploaded first; smaller ones are sent inline. */
export function inlineLimitBytes(context: IExecuteFunctions, itemIndex: number): number {
	const raw = readFileOptions(context, itemIndex).inlineLimitMb ?? DEFAULT_INLINE_LIMIT_MB;
	const megabytes = typeof raw === 'number' ? raw : Number(String(raw).trim());
	if (String(raw).trim() !== '' && Number.isFinite(megabytes) && megabytes >= 0 && megabytes <= 15) {
		return Math.round(megabytes * MIB);
	}
	throw new NodeOperationError(
		context.getNode(),
		`The Upload Files Larger Than (MB) option "${raw}" is not a number from 0 to 15`,
		{ itemIndex, description: `Enter a size in MB, e.g. ${DEFAULT_INLINE_LIMIT_MB}, or 0 to upload every image first.` },
	);
}
