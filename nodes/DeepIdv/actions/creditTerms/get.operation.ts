import { getRecord } from '../invitedRecords';
import { CREDIT_TERMS } from './records';

/** GET /v1/credit-terms/{id}: the credit terms request as DeepIDV keeps it. */
export const { description, execute } = getRecord(CREDIT_TERMS);
