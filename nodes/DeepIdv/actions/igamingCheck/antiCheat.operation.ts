import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { fileOptionsField, imageField } from '../../files/descriptions';
import type { AcceptedImages } from '../../files/imageTypes';
import type { ImageParameter } from '../../files/inputImage';
import { readInputImage } from '../../files/inputImage';
import { jsonBody } from '../../files/jsonBody';
import { deepIdvApiRequest } from '../../transport/request';
import type { TransportSettings } from '../../transport/settings';
import { ItemInput } from '../itemInput';
import type { ExecutionShared } from '../operation';
import { readSessionId } from '../session/sessionId';
import { simplifyField } from '../simplifyField';
import { checkedSession, sessionNotFound } from './sessionCheck';
import { SEVERITY_SHOWS, checkMaybeRan, withSeverity } from './verdict';

/** Anti-cheat takes the face as base64 JPEG or PNG (docs), inline only: it documents no upload key. */
const FACE_IMAGES: AcceptedImages = {
	types: [
		{ mimeType: 'image/jpeg', label: 'JPEG', alsoKnownAs: ['image/jpg', 'image/pjpeg'] },
		{ mimeType: 'image/png', label: 'PNG', alsoKnownAs: [] },
	],
	labels: 'JPEG or PNG',
	rule: "DeepIDV's anti-cheat check reads JPEG or PNG photos.",
};

const image: ImageParameter = { name: 'binaryPropertyName', label: 'Face Image Field', accepts: FACE_IMAGES };

/** The File Options of the other file checks, less the upload size: anti-cheat sends every image inline. */
const keepFilesOption: INodeProperties = {
	...fileOptionsField,
	options: fileOptionsField.options?.filter((option) => option.name === 'keepInputFiles'),
};

export const description: INodeProperties[] = [
	checkedSession('The verification session of the applicant whose face to check for duplicate accounts and self-exclusion.'),
	imageField(image, 'data', "the applicant's face photo (e.g. the selfie of the sign-up form)"),
	{
		displayName: 'Device Fingerprint',
		name: 'deviceFingerprint',
		type: 'string',
		default: '',
		placeholder: 'e.g. d3b07384-d9a7-4e1c-9f2a-1c2b3d4e5f60',
		description: 'A stable identifier of the applicant\'s device, used as a multi-accounting signal. Optional.',
	},
	keepFilesOption,
	simplifyField(SEVERITY_SHOWS),
];

const CHECK = 'anti-cheat check';

/**
 * POST /v1/igaming/anti-cheat `{ session_id, image, device_fingerprint? }` → `{ verdict, action }`.
 * The image is checked like the other file checks' images before anything is sent. Not repeated once
 * DeepIDV may have acted: the first run enrolls the face, so a repeat could answer differently.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, settings: TransportSettings, shared: ExecutionShared): Promise<IDataObject[]> {
	const input = new ItemInput(this, itemIndex);
	const sessionId = readSessionId(this, itemIndex);
	const fingerprint = input.text('deviceFingerprint');
	const simplify = input.simplify();
	const face = await readInputImage(this, itemIndex, image);

	const lease = await shared.fileMemory.acquire(face.size);
	let response: IDataObject;
	try {
		const bytes = face.buffer ?? (await this.helpers.getBinaryDataBuffer(itemIndex, face.binary));
		delete face.buffer;
		const body = jsonBody([['session_id', sessionId], ['image', bytes], ...(fingerprint ? [['device_fingerprint', fingerprint] as [string, string]] : [])]);
		response = await deepIdvApiRequest.call(
			this,
			{
				method: 'POST',
				path: '/v1/igaming/anti-cheat',
				jsonBody: body,
				retry: 'notIfReceived',
				failure: {
					...sessionNotFound(sessionId),
					invalidHint: `Check the Session parameter, and that ${image.label} holds a JPEG or PNG photo of a face.`,
					maybeActedHint: checkMaybeRan(CHECK),
				},
			},
			settings,
			itemIndex,
		);
	} finally {
		lease.release();
	}
	if (typeof response.verdict !== 'string' || typeof response.action !== 'string') {
		throw new NodeApiError(this.getNode(), response as JsonObject, {
			message: `DeepIDV answered without the verdict of the ${CHECK}`,
			description: checkMaybeRan(CHECK),
			itemIndex,
		});
	}
	return [simplify ? withSeverity(response) : response];
}

export { keepsInputFiles } from '../../files/descriptions';
