import type { INodeProperties } from 'n8n-workflow';

import { fileOptionsField, imageField } from '../../files/descriptions';
import type { FileCheck } from '../../files/fileCheck';
import { fileCheckExecutor } from '../../files/fileCheck';

const image = { name: 'binaryPropertyName', label: 'Input Binary Field' };

export const description: INodeProperties[] = [imageField(image, 'data', 'the photo to look for a face in'), fileOptionsField];

const check: FileCheck = {
	path: '/v1/face/detect',
	name: 'face detection',
	images: [{ parameter: image, bodyField: 'image' }],
	withDocumentType: false,
	invalidHint: 'DeepIDV could not use the image. Check that Input Binary Field holds a photo.',
	answerField: ['faceDetected', 'boolean'],
};

export const execute = fileCheckExecutor(check);

export { keepsInputFiles } from '../../files/descriptions';
