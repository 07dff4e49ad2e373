import type { INodeProperties } from 'n8n-workflow';

import { documentTypeField, fileOptionsField, imageField } from '../../files/descriptions';
import { simplifyField } from '../simplifyField';
import type { FileCheck } from '../../files/fileCheck';
import { fileCheckExecutor } from '../../files/fileCheck';
import { simplifyIdentityVerification } from './simplify';

const documentImage = { name: 'documentBinaryPropertyName', label: 'Document Image Field' };
const faceImage = { name: 'faceBinaryPropertyName', label: 'Face Image Field' };

export const description: INodeProperties[] = [
	imageField(documentImage, 'idPhoto', 'the photo or scan of the identity document'),
	imageField(faceImage, 'selfie', 'the photo of the person, e.g. a selfie'),
	documentTypeField,
	simplifyField(
		'verified, overallConfidence, faceMatch (isMatch, confidence), faceDetection (whether a face was found in the selfie), and the document’s type, name, date of birth, number, expiry date, issuing country and confidence, under DeepIDV’s names',
	),
	fileOptionsField,
];

const check: FileCheck = {
	path: '/v1/identity/verify',
	name: 'identity verification',
	images: [
		{ parameter: documentImage, bodyField: 'documentImage' },
		{ parameter: faceImage, bodyField: 'faceImage' },
	],
	withDocumentType: true,
	invalidHint:
		'DeepIDV could not use the images. Check that Document Image Field holds a clear photo of the identity document and Face Image Field a photo of the person, and that Document Type matches the document (or is Auto).',
	answerField: ['verified', 'boolean'],
};

export const execute = fileCheckExecutor(check, simplifyIdentityVerification);

export { keepsInputFiles } from '../../files/descriptions';
