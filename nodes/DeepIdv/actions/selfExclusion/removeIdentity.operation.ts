import type { INodeProperties } from 'n8n-workflow';

import { apiPath, simpleOperation } from '../simpleOperation';
import { readDocumentNumber } from './documentNumber';

const documentNumber: INodeProperties = {
	displayName: 'Document Number',
	name: 'documentNumber',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. P1234567',
	description: 'The document number to take off the registry (DeepIDV compares it trimmed and in capitals)',
};

/**
 * DELETE /v1/igaming/self-exclusion/identity/{document_number}: documented idempotent (a number not
 * on the registry answers `removed: false`), so it is repeated after a lost answer — and a repeat's
 * `removed: false` can then mean the first attempt removed it.
 */
export const { description, execute } = simpleOperation({
	properties: [documentNumber],
	request: (input) => ({
		method: 'DELETE',
		path: apiPath`/v1/igaming/self-exclusion/identity/${readDocumentNumber(input)}`,
		retry: 'idempotent',
		failure: { invalidHint: 'Check the Document Number parameter.' },
	}),
	answer: { field: 'removed', is: 'boolean', missing: 'whether the document number was removed' },
});
