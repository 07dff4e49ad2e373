import type { IBinaryData, IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { BINARY_IN_JSON_PROPERTY, BINARY_MODE_COMBINED, isBinaryValue } from './binaryMarkers';
import type { AcceptedImages } from './imageTypes';
import { CHECK_IMAGES, MAX_IMAGE_BYTES, acceptedImageType, formatBytes } from './imageTypes';

/** A node parameter naming the binary field that holds one image. */
export interface ImageParameter {
	/** Parameter name, e.g. 'binaryPropertyName'. */
	name: string;
	/** Its label in the editor, e.g. 'Input Binary Field'. */
	label: string;
	/** The image types allowed; by default the checks' (JPEG, PNG, WebP). */
	accepts?: AcceptedImages;
}

/** An item's image, checked: it exists, it is an accepted image type and within DeepIDV's limit. */
export interface InputImage {
	/** The binary field it came from, e.g. 'selfie'. */
	field: string;
	/** The parameter that named the field. */
	parameter: ImageParameter;
	binary: IBinaryData;
	/** The MIME type declared to DeepIDV (normalized, e.g. 'image/jpeg'). */
	mimeType: string;
	size: number;
	/** Set when the size could only be learnt by reading the file (in-memory binary data of old items). */
	buffer?: Buffer;
}

/** How an image is named in messages: the field, and the file name when there is one. */
export function describeImage(image: Pick<InputImage, 'field' | 'binary'>): string {
	return image.binary.fileName ? `"${image.field}" (${image.binary.fileName})` : `"${image.field}"`;
}

/**
 * Finds and checks the image an `ImageParameter` names, before any request is sent. Reads the
 * file only through n8n's binary helpers, so every binary data mode works (in memory, filesystem,
 * database in queue mode, S3).
 */
export async function readInputImage(
	context: IExecuteFunctions,
	itemIndex: number,
	parameter: ImageParameter,
): Promise<InputImage> {
	const fail = (message: string, description: string): never => {
		throw new NodeOperationError(context.getNode(), message, { itemIndex, description });
	};
	const field = String(context.getNodeParameter(parameter.name, itemIndex, '') ?? '').trim();
	if (!field) {
		fail(
			`The ${parameter.label} parameter is empty`,
			'Enter the name of the binary field that holds the image, e.g. data. The input panel lists the fields under Binary.',
		);
	}
	return await readImageInField(context, itemIndex, parameter, field);
}

/**
 * Finds and checks the image in the binary field `field` (which `parameter` named, or which is
 * named after what it holds, e.g. a Workflow Runner upload slot), before any request is sent.
 */
export async function readImageInField(
	context: IExecuteFunctions,
	itemIndex: number,
	parameter: ImageParameter,
	field: string,
): Promise<InputImage> {
	const fail = (message: string, description: string): never => {
		throw new NodeOperationError(context.getNode(), message, { itemIndex, description });
	};
	const item = context.getInputData()[itemIndex];
	const combined = context.getWorkflowSettings().binaryMode === BINARY_MODE_COMBINED;
	const binary = findBinary(item, field, combined);
	if (!binary) {
		const present = binaryFieldNames(item, combined);
		fail(
			`The item has no file in the field "${field}" (${parameter.label})`,
			present.length > 0
				? `This item's files are in: ${present.map((name) => `"${name}"`).join(', ')}. Enter one of them in ${parameter.label}.`
				: 'This item has no files at all. Check that the node before this one outputs the image as a file (binary data), e.g. the file field of a Form Trigger, an email attachment or a downloaded file.',
		);
	}
	const found = binary as IBinaryData;
	const named = describeImage({ field, binary: found });

	const accepts = parameter.accepts ?? CHECK_IMAGES;
	const mimeType = acceptedImageType(found.mimeType, accepts);
	if (!mimeType) {
		fail(
			`The file in ${named} is ${found.mimeType ? `of type ${found.mimeType}` : 'of an unknown type'}, not a ${accepts.labels} image`,
			`${accepts.rule} Convert the file first (for a PDF, export the page as an image), or map another field in ${parameter.label}.`,
		);
	}

	const { size, buffer } = await sizeOf(context, itemIndex, found);
	if (size > MAX_IMAGE_BYTES) {
		fail(
			`The file in ${named} is ${formatBytes(size)} (${size.toLocaleString('en-US')} bytes), more than DeepIDV's limit of ${formatBytes(MAX_IMAGE_BYTES)} (${MAX_IMAGE_BYTES.toLocaleString('en-US')} bytes)`,
			'Make the image smaller first, e.g. with the Edit Image node (Resize), or ask for a lower resolution.',
		);
	}
	if (size === 0) {
		fail(`The file in ${named} is empty`, 'Check the node before this one: the file has no content.');
	}
	return { field, parameter, binary: found, mimeType: mimeType as string, size, ...(buffer && { buffer }) };
}

function findBinary(item: INodeExecutionData, field: string, combined: boolean): IBinaryData | undefined {
	if (!combined) {
		const binary = item.binary?.[field];
		return isBinaryValue(binary) ? binary : undefined;
	}
	// With the workflow setting that keeps files in the JSON, they sit under `_files` (or at a top-level key).
	const inJson = (item.json[BINARY_IN_JSON_PROPERTY] ?? {}) as IDataObject;
	const name = field.startsWith(`${BINARY_IN_JSON_PROPERTY}.`) ? field.slice(BINARY_IN_JSON_PROPERTY.length + 1) : field;
	const candidate = inJson[name] ?? item.json[field];
	return isBinaryValue(candidate) ? (candidate as unknown as IBinaryData) : undefined;
}

function binaryFieldNames(item: INodeExecutionData, combined: boolean): string[] {
	if (!combined) return Object.keys(item.binary ?? {}).filter((name) => isBinaryValue(item.binary?.[name]));
	const inJson = (item.json[BINARY_IN_JSON_PROPERTY] ?? {}) as IDataObject;
	return [
		...Object.keys(inJson).filter((name) => isBinaryValue(inJson[name])),
		...Object.keys(item.json).filter((name) => isBinaryValue(item.json[name])),
	];
}

/**
 * The file's exact size in bytes: recorded by n8n on the binary data (n8n 2.x), else from the stored
 * file's metadata, else (in-memory data of older items) by reading it.
 */
async function sizeOf(
	context: IExecuteFunctions,
	itemIndex: number,
	binary: IBinaryData,
): Promise<{ size: number; buffer?: Buffer }> {
	if (typeof binary.bytes === 'number' && Number.isInteger(binary.bytes) && binary.bytes >= 0) {
		return { size: binary.bytes };
	}
	if (binary.id) {
		const metadata = await context.helpers.getBinaryMetadata(binary.id);
		if (typeof metadata.fileSize === 'number') return { size: metadata.fileSize };
	}
	const buffer = await context.helpers.getBinaryDataBuffer(itemIndex, binary);
	return { size: buffer.length, buffer };
}

/** Whether the item has a file in the binary field `field` (in either binary mode). */
export function itemHasFile(context: IExecuteFunctions, itemIndex: number, field: string): boolean {
	const combined = context.getWorkflowSettings().binaryMode === BINARY_MODE_COMBINED;
	return findBinary(context.getInputData()[itemIndex], field, combined) !== undefined;
}
