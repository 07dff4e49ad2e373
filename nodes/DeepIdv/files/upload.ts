import type { IDataObject, IExecuteFunctions, IN8nHttpFullResponse, JsonObject } from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import { classifyNetworkError } from '../transport/failureMessages';
import type { NetworkFailureKind } from '../transport/failureMessages';
import { deepIdvApiRequest } from '../transport/request';
import type { AttemptFailure } from '../transport/retryPolicy';
import { backoffDelayMs, isRetryable } from '../transport/retryPolicy';
import type { TransportSettings } from '../transport/settings';
import type { InputImage } from './inputImage';
import { describeImage } from './inputImage';

/** How long one upload may take, as in DeepIDV's official SDK (uploads are slower than API calls). */
export const UPLOAD_TIMEOUT_MS = 120_000;

interface PresignedUpload {
	uploadUrl: string;
	fileKey: string;
}

/**
 * Uploads the images through DeepIDV's presigned-upload flow and returns their fileKeys, in order:
 * one `POST /v1/upload/presign` for all of them (not billed, so repeated when it fails), then one
 * PUT per image to the URL DeepIDV returned, with exactly the declared Content-Type and length.
 * The PUT goes to DeepIDV's file storage, not to DeepIDV's API: it is sent without the credential,
 * so the API key never reaches that host.
 */
export async function uploadImages(
	context: IExecuteFunctions,
	images: InputImage[],
	settings: TransportSettings,
	itemIndex: number,
): Promise<string[]> {
	const response = await deepIdvApiRequest.call(
		context,
		{
			method: 'POST',
			path: '/v1/upload/presign',
			body: { files: images.map((image) => ({ contentType: image.mimeType, byteLength: image.size })) },
			retry: 'idempotent',
			failure: { invalidHint: 'DeepIDV refused to prepare the upload of the images. Check that they are JPEG, PNG or WebP files of at most 15 MiB.' },
		},
		settings,
		itemIndex,
	);
	const uploads = presignedUploads(response, images.length);
	if (!uploads) {
		throw new NodeApiError(context.getNode(), response as JsonObject, {
			message: 'DeepIDV answered the upload request without upload links',
			description: 'Nothing was checked or billed. Run the workflow again; if it keeps happening, contact DeepIDV support.',
			itemIndex,
		});
	}
	await Promise.all(images.map(async (image, index) => await putImage(context, image, uploads[index].uploadUrl, settings, itemIndex)));
	return uploads.map((upload) => upload.fileKey);
}

function presignedUploads(response: IDataObject, count: number): PresignedUpload[] | undefined {
	const uploads = response.uploads;
	if (!Array.isArray(uploads) || uploads.length !== count) return undefined;
	const valid = uploads.every((upload) => {
		const { uploadUrl, fileKey } = (upload ?? {}) as IDataObject;
		return typeof fileKey === 'string' && fileKey !== '' && typeof uploadUrl === 'string' && /^https?:\/\//i.test(uploadUrl);
	});
	return valid ? (uploads as PresignedUpload[]) : undefined;
}

/**
 * One PUT to a presigned upload URL, without the credential, repeated after a server error or a
 * network failure (putting the same file twice is harmless). `notDone` says in its errors what did
 * not happen because of it (by default: the check was not run, nothing billed).
 */
export async function putImage(
	context: IExecuteFunctions,
	image: InputImage,
	uploadUrl: string,
	settings: TransportSettings,
	itemIndex: number,
	notDone = NOT_BILLED,
): Promise<void> {
	const origin = new URL(uploadUrl).origin;
	for (let attempt = 0; ; attempt++) {
		let response: IN8nHttpFullResponse;
		try {
			response = (await context.helpers.httpRequest({
				method: 'PUT',
				url: uploadUrl,
				// A fresh stream for every attempt: the node never reads a file n8n stores outside memory whole
				// (n8n streams it from disk in filesystem mode; its database mode loads the row, up to 15 MiB here).
				body: (await fileBody(context, image, itemIndex)) as unknown as Buffer,
				headers: { 'Content-Type': image.mimeType, 'Content-Length': String(image.size) },
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				encoding: 'text',
				json: false,
				// Following redirects would make the HTTP client keep a copy of the whole body in memory
				// (to send it again); a presigned upload URL does not redirect.
				disableFollowRedirect: true,
				timeout: Math.max(settings.timeoutMs, UPLOAD_TIMEOUT_MS),
			})) as IN8nHttpFullResponse;
		} catch (error) {
			const network = classifyNetworkError(error);
			if (attempt < settings.maxRetries && isRetryable('idempotent', { kind: 'network', network })) {
				await sleep(backoffDelayMs(attempt, settings.initialRetryDelayMs, settings.maxBackoffMs));
				continue;
			}
			throw uploadFailed(context, image, itemIndex, attempt + 1, networkText(network, origin, image, notDone), { network });
		}
		const status = response.statusCode;
		if (status >= 200 && status < 300) return;
		const failure: AttemptFailure = { kind: 'http', status };
		// A 403 is final: the link expired, or the file is not what was announced; repeating cannot help.
		if (status !== 403 && attempt < settings.maxRetries && isRetryable('idempotent', failure)) {
			await sleep(backoffDelayMs(attempt, settings.initialRetryDelayMs, settings.maxBackoffMs));
			continue;
		}
		const said = storageMessage(response.body);
		throw uploadFailed(context, image, itemIndex, attempt + 1, httpText(status, said, image, notDone), { status, error: said ?? null });
	}
}

type FileStream = Awaited<ReturnType<IExecuteFunctions['helpers']['getBinaryStream']>>;

async function fileBody(context: IExecuteFunctions, image: InputImage, itemIndex: number): Promise<Buffer | FileStream> {
	if (image.buffer) return image.buffer;
	if (image.binary.id) return await context.helpers.getBinaryStream(image.binary.id);
	return await context.helpers.getBinaryDataBuffer(itemIndex, image.binary);
}

/** S3 answers errors as XML: `<Error><Code>…</Code><Message>…</Message></Error>`. */
function storageMessage(body: unknown): string | undefined {
	const text = typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('utf8') : '';
	const message = /<Message>([^<]*)<\/Message>/.exec(text)?.[1]?.trim();
	const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1]?.trim();
	if (message && code) return `${message} (${code})`;
	return message || code || undefined;
}

interface Text {
	message: string;
	description: string;
}

const NOT_BILLED = 'The check was not run, so nothing was billed.';

function httpText(status: number, said: string | undefined, image: InputImage, notDone: string): Text {
	const named = describeImage(image);
	const quoted = said ? `: ${said}` : '';
	if (status === 403) {
		return {
			message: `DeepIDV's file storage refused the upload of ${named} (HTTP 403)${quoted}`,
			description: `The upload link has expired, or the file did not match the size (${image.size} bytes) and type (${image.mimeType}) announced to DeepIDV. ${notDone} Run the item again to get a new link; if it keeps failing, check that nothing between n8n and the internet (a proxy) changes uploads.`,
		};
	}
	return {
		message: `DeepIDV's file storage answered HTTP ${status} to the upload of ${named}${quoted}`,
		description: `${notDone} ${status >= 500 ? 'This is usually temporary: run the item again in a few minutes.' : 'Run the item again; if it keeps failing, contact DeepIDV support.'}`,
	};
}

function networkText(kind: NetworkFailureKind, origin: string, image: InputImage, notDone: string): Text {
	const what = {
		timeout: `did not finish within ${UPLOAD_TIMEOUT_MS / 1000} seconds`,
		refused: 'was refused',
		dns: 'could not find the server',
		reset: 'was interrupted',
		other: 'failed',
	}[kind];
	return {
		message: `The upload of ${describeImage(image)} to DeepIDV's file storage at ${origin} ${what}`,
		description: `${notDone} Check the network connection of n8n to ${origin}, then run the item again.`,
	};
}

function uploadFailed(
	context: IExecuteFunctions,
	image: InputImage,
	itemIndex: number,
	attempts: number,
	text: Text,
	details: JsonObject,
): NodeApiError {
	const suffix = attempts > 1 ? ` (after ${attempts} attempts)` : '';
	return new NodeApiError(context.getNode(), { ...details, field: image.field }, {
		message: `${text.message}${suffix}`,
		description: text.description,
		httpCode: typeof details.status === 'number' ? String(details.status) : undefined,
		itemIndex,
	});
}
