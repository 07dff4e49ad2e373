import type { InvitedRecords } from '../invitedRecords';

/** DeepIDV's bank statement requests: `/v1/financial`, camelCase, listed with `nextToken`. */
export const BANK_STATEMENTS: InvitedRecords = {
	path: '/v1/financial',
	resource: 'Bank Statement',
	thing: 'bank statement request',
	Thing: 'Bank Statement Request',
	listField: 'bankStatements',
	idField: 'bankStatementId',
	urlField: 'bankStatementUrl',
	idParameter: { name: 'bankStatementId', label: 'Bank Statement ID' },
};
