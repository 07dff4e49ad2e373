import { listRecords } from '../invitedRecords';
import { CREDIT_TERMS } from './records';

/** GET /v1/credit-terms/externalId/{externalId}, page after page (`nextToken`). */
export const { description, execute } = listRecords(CREDIT_TERMS, true);
