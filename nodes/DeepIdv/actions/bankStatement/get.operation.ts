import { getRecord } from '../invitedRecords';
import { BANK_STATEMENTS } from './records';

/** GET /v1/financial/{id}: the request, with the parsed statement once it is completed. */
export const { description, execute } = getRecord(BANK_STATEMENTS);
