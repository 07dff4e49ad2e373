import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { InputImage } from '../../files/inputImage';
import { putImage } from '../../files/upload';
import { deepIdvApiRequest } from '../../transport/request';
import type { TransportSettings } from '../../transport/settings';
import type { ExecutionShared } from '../operation';
import { apiPath } from '../simpleOperation';
import { ID_SLOTS } from './stepKinds';
import { runnerSessionFailure } from './state';

/** One file for a step: the slot it fills and the checked file. */
export interface SlotFile {
	slot: string;
	file: InputImage;
}

const NOT_SUBMITTED = 'The step was not submitted.';
const LEGACY = new Set<string>(ID_SLOTS);

/**
 * Uploads the files of one step submission and returns their file keys by slot:
 * `POST /v1/sessions/{id}/uploads` for all of them (it only mints upload links, so it is repeated
 * when it fails), then one PUT per file to the link DeepIDV returned, without the credential, so
 * the API key never reaches DeepIDV's file storage. ID and selfie slots go as `upload_type`, the
 * slots a step's requirements name as `slot`. The files' bytes count against the execution's
 * memory budget only while they are being sent.
 */
export async function uploadSlotFiles(
	context: IExecuteFunctions,
	sessionId: string,
	files: SlotFile[],
	settings: TransportSettings,
	shared: ExecutionShared,
	itemIndex: number,
): Promise<Record<string, string>> {
	if (files.length === 0) return {};
	const response = await deepIdvApiRequest.call(
		context,
		{
			method: 'POST',
			path: apiPath`/v1/sessions/${sessionId}/uploads`,
			body: {
				files: files.map(({ slot, file }) => ({
					file_name: file.binary.fileName || `${slot}${extensionOf(file.mimeType)}`,
					content_type: file.mimeType,
					...(LEGACY.has(slot) ? { upload_type: slot } : { slot }),
				})),
			},
			retry: 'idempotent',
			failure: {
				...runnerSessionFailure(sessionId),
				invalidHint: `DeepIDV refused to prepare the upload of ${files.map(({ slot }) => slot).join(', ')}. The slots must be the ones the current step's requirements name; ${NOT_SUBMITTED}`,
			},
		},
		settings,
		itemIndex,
	);
	const links = signedUrls(response, files);
	if (!links) {
		throw new NodeApiError(context.getNode(), response as JsonObject, {
			message: 'DeepIDV answered the upload request without an upload link for every file',
			description: `${NOT_SUBMITTED} Run the item again; if it keeps happening, contact DeepIDV support.`,
			itemIndex,
		});
	}
	const lease = await shared.fileMemory.acquire(files.reduce((total, { file }) => total + file.size, 0));
	try {
		for (const { slot, file } of files) {
			await putImage(context, file, links[slot].upload_url, settings, itemIndex, NOT_SUBMITTED);
			delete file.buffer;
		}
	} finally {
		lease.release();
	}
	return Object.fromEntries(files.map(({ slot }) => [slot, links[slot].file_key]));
}

interface SignedUrl {
	file_key: string;
	upload_url: string;
}

function signedUrls(response: IDataObject, files: SlotFile[]): Record<string, SignedUrl> | undefined {
	const list = response.signed_urls;
	if (!Array.isArray(list)) return undefined;
	const bySlot: Record<string, SignedUrl> = {};
	for (const entry of list as IDataObject[]) {
		const slot = entry?.slot ?? entry?.upload_type;
		const { file_key: fileKey, upload_url: uploadUrl } = entry ?? {};
		if (typeof slot === 'string' && typeof fileKey === 'string' && fileKey && typeof uploadUrl === 'string' && /^https?:\/\//i.test(uploadUrl)) {
			bySlot[slot] = { file_key: fileKey, upload_url: uploadUrl };
		}
	}
	return files.every(({ slot }) => bySlot[slot]) ? bySlot : undefined;
}

function extensionOf(mimeType: string): string {
	return { 'image/jpeg': '.jpg', 'image/png': '.png', 'image/webp': '.webp', 'application/pdf': '.pdf' }[mimeType] ?? '';
}
