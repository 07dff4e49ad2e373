import type { INodeProperties } from 'n8n-workflow';

import { fileOptionsField, imageField } from '../../files/descriptions';
import type { FileCheck } from '../../files/fileCheck';
import { fileCheckExecutor } from '../../files/fileCheck';

const image = { name: 'binaryPropertyName', label: 'Input Binary Field' };

export const description: INodeProperties[] = [imageField(image, 'data', 'the photo of the face, e.g. a selfie'), fileOptionsField];

const check: FileCheck = {
	path: '/v1/face/estimate-age',
	name: 'age estimation',
	images: [{ parameter: image, bodyField: 'image' }],
	withDocumentType: false,
	invalidHint: 'DeepIDV could not use the image. Check that Input Binary Field holds a photo of a face.',
	answerField: ['faceDetected', 'boolean'],
};

export const execute = fileCheckExecutor(check);

export { keepsInputFiles } from '../../files/descriptions';
