import type { IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { LOGO_IMAGES } from '../../files/imageTypes';
import type { ImageParameter, InputImage } from '../../files/inputImage';
import { readInputImage } from '../../files/inputImage';
import { putImage } from '../../files/upload';
import { deepIdvApiRequest } from '../../transport/request';
import type { TransportSettings } from '../../transport/settings';

export const LOGO_PARAMETER: ImageParameter = { name: 'logoBinaryField', label: 'Logo Binary Field', accepts: LOGO_IMAGES };

const NOT_CREATED = 'The profile was not created.';

/** The item's logo, checked like the file checks' images (type, size, not empty) before anything is sent. */
export async function readLogo(context: IExecuteFunctions, itemIndex: number): Promise<InputImage> {
	return await readInputImage(context, itemIndex, LOGO_PARAMETER);
}

/**
 * Uploads the logo and returns its fileKey: `POST /v1/profiles/logo-upload-url` (not billed, so
 * repeated when it fails), then one PUT of the bytes to the URL DeepIDV returned, without the
 * credential, so the API key never reaches DeepIDV's file storage.
 */
export async function uploadLogo(context: IExecuteFunctions, logo: InputImage, settings: TransportSettings, itemIndex: number): Promise<string> {
	const response = await deepIdvApiRequest.call(
		context,
		{
			method: 'POST',
			path: '/v1/profiles/logo-upload-url',
			body: { contentType: logo.mimeType, byteLength: logo.size },
			retry: 'idempotent',
			failure: { invalidHint: `DeepIDV refused to prepare the upload of the logo. Check that it is a ${LOGO_IMAGES.labels} image of at most 15 MiB.` },
		},
		settings,
		itemIndex,
	);
	const { uploadUrl, fileKey } = response;
	if (typeof fileKey !== 'string' || !fileKey || typeof uploadUrl !== 'string' || !/^https?:\/\//i.test(uploadUrl)) {
		throw new NodeApiError(context.getNode(), response as JsonObject, {
			message: 'DeepIDV answered the logo upload request without an upload link',
			description: `${NOT_CREATED} Run the workflow again; if it keeps happening, contact DeepIDV support.`,
			itemIndex,
		});
	}
	await putImage(context, logo, uploadUrl, settings, itemIndex, NOT_CREATED);
	return fileKey;
}
