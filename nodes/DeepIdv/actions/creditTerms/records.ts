import type { InvitedRecords } from '../invitedRecords';

/** DeepIDV's trade credit terms applications: `/v1/credit-terms`, camelCase, listed with `nextToken`. */
export const CREDIT_TERMS: InvitedRecords = {
	path: '/v1/credit-terms',
	resource: 'Credit Terms Request',
	thing: 'credit terms request',
	Thing: 'Credit Terms Request',
	listField: 'creditTerms',
	idField: 'creditTermsId',
	urlField: 'creditTermsUrl',
	idParameter: { name: 'creditTermsId', label: 'Credit Terms ID' },
};
