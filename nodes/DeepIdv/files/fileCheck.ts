import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { ExecutionShared } from '../actions/operation';
import { deepIdvApiRequest } from '../transport/request';
import type { TransportSettings } from '../transport/settings';
import { inlineLimitBytes, readDocumentType } from './descriptions';
import type { ImageParameter, InputImage } from './inputImage';
import { readInputImage } from './inputImage';
import { jsonBody } from './jsonBody';
import { uploadImages } from './upload';

/** One of DeepIDV's billed file checks: where it goes and which images it sends under which names. */
export interface FileCheck {
	path: string;
	/** What it is called in messages, e.g. 'document scan'. */
	name: string;
	images: Array<{ parameter: ImageParameter; bodyField: string }>;
	withDocumentType: boolean;
	/** How to fix a 400, naming the parameters involved. */
	invalidHint: string;
	/** A field every answer has, and its type; an answer without it is an error. */
	answerField: [name: string, type: 'boolean' | 'number'];
}

/**
 * Runs a file check for one item: checks its images before anything is sent, then sends each image
 * inline (base64) when it is small and through a presigned upload when it is large, and makes the
 * billed call once. That call is only repeated when DeepIDV certainly did not act on it (429, refused
 * connection), like Session → Create.
 */
export async function runFileCheck(
	context: IExecuteFunctions,
	itemIndex: number,
	settings: TransportSettings,
	shared: ExecutionShared,
	check: FileCheck,
): Promise<IDataObject> {
	const images: InputImage[] = [];
	for (const { parameter } of check.images) images.push(await readInputImage(context, itemIndex, parameter));
	const documentType = check.withDocumentType ? readDocumentType(context, itemIndex) : undefined;
	const limit = inlineLimitBytes(context, itemIndex);

	const lease = await shared.fileMemory.acquire(images.reduce((total, image) => total + image.size, 0));
	let response: IDataObject;
	try {
		const large = images.filter((image) => image.size > limit);
		const fileKeys = large.length > 0 ? await uploadImages(context, large, settings, itemIndex) : [];
		const body = await requestBody(context, itemIndex, check, images, (image) => fileKeys[large.indexOf(image)], documentType);
		// Once every image is uploaded, this item holds no image bytes while DeepIDV works on it.
		if (large.length === images.length) lease.release();
		response = await deepIdvApiRequest.call(
			context,
			{
				method: 'POST',
				path: check.path,
				jsonBody: body,
				retry: 'notIfReceived',
				failure: { invalidHint: check.invalidHint, maybeActedHint: maybeBilled(check) },
			},
			settings,
			itemIndex,
		);
	} finally {
		lease.release();
	}

	const [field, type] = check.answerField;
	if (typeof response[field] !== type) {
		throw new NodeApiError(context.getNode(), response as JsonObject, {
			message: `DeepIDV answered without the result of the ${check.name}`,
			description: maybeBilled(check),
			itemIndex,
		});
	}
	return response;
}

/** The request body; the images' bytes are only referenced in here, so they can go once it is built. */
async function requestBody(
	context: IExecuteFunctions,
	itemIndex: number,
	check: FileCheck,
	images: InputImage[],
	uploadedKey: (image: InputImage) => string | undefined,
	documentType: string | undefined,
): Promise<Buffer> {
	const fields: Array<[string, string | Buffer]> = [];
	for (const [index, image] of images.entries()) {
		const key = uploadedKey(image);
		const value = key ?? image.buffer ?? (await context.helpers.getBinaryDataBuffer(itemIndex, image.binary));
		delete image.buffer;
		fields.push([check.images[index].bodyField, value]);
	}
	if (documentType) fields.push(['documentType', documentType]);
	return jsonBody(fields);
}

const maybeBilled = (check: FileCheck) =>
	`DeepIDV may have run the ${check.name}, and billed it, although its answer did not arrive. Running this item again runs and bills the ${check.name} again.`;

/**
 * An Operation's `execute` for a file check; with `simplify`, the Simplify parameter (on by default)
 * chooses between its result and DeepIDV's full answer.
 */
export function fileCheckExecutor(check: FileCheck, simplify?: (response: IDataObject) => IDataObject) {
	return async function execute(
		this: IExecuteFunctions,
		itemIndex: number,
		settings: TransportSettings,
		shared: ExecutionShared,
	): Promise<IDataObject[]> {
		const response = await runFileCheck(this, itemIndex, settings, shared, check);
		const simplified = simplify && (this.getNodeParameter('simplify', itemIndex, true) as boolean);
		return [simplified ? simplify(response) : response];
	};
}
