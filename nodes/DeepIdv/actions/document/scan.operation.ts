import type { INodeProperties } from 'n8n-workflow';

import { documentTypeField, fileOptionsField, imageField } from '../../files/descriptions';
import { simplifyField } from '../simplifyField';
import type { FileCheck } from '../../files/fileCheck';
import { fileCheckExecutor } from '../../files/fileCheck';
import { simplifyDocumentScan } from './simplify';

const image = { name: 'binaryPropertyName', label: 'Input Binary Field' };

export const description: INodeProperties[] = [
	imageField(image, 'data', 'the photo or scan of the identity document'),
	documentTypeField,
	simplifyField('document type, name, date of birth, document number, expiry date, issuing country and confidence'),
	fileOptionsField,
];

const check: FileCheck = {
	path: '/v1/document/scan',
	name: 'document scan',
	images: [{ parameter: image, bodyField: 'image' }],
	withDocumentType: true,
	invalidHint:
		'DeepIDV could not use the image. Check that it is a clear, uncropped photo of the identity document, and that Document Type matches it (or is Auto).',
	answerField: ['confidence', 'number'],
};

export const execute = fileCheckExecutor(check, simplifyDocumentScan);

export { keepsInputFiles } from '../../files/descriptions';
