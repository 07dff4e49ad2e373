import type { INodeProperties } from 'n8n-workflow';

import { fileOptionsField, imageField } from '../../files/descriptions';
import type { FileCheck } from '../../files/fileCheck';
import { fileCheckExecutor } from '../../files/fileCheck';

const source = { name: 'sourceBinaryPropertyName', label: 'Source Image Field' };
const target = { name: 'targetBinaryPropertyName', label: 'Target Image Field' };

export const description: INodeProperties[] = [
	imageField(source, 'idPhoto', 'the reference face, e.g. the photo on the ID document'),
	imageField(target, 'selfie', 'the face to compare with it, e.g. a selfie'),
	fileOptionsField,
];

const check: FileCheck = {
	path: '/v1/face/compare',
	name: 'face comparison',
	images: [
		{ parameter: source, bodyField: 'source' },
		{ parameter: target, bodyField: 'target' },
	],
	withDocumentType: false,
	invalidHint: 'DeepIDV could not use the images. Check that Source Image Field and Target Image Field each hold a photo of a face.',
	answerField: ['isMatch', 'boolean'],
};

export const execute = fileCheckExecutor(check);

export { keepsInputFiles } from '../../files/descriptions';
