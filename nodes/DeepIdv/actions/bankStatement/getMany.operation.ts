import { listRecords } from '../invitedRecords';
import { BANK_STATEMENTS } from './records';

/** GET /v1/financial, page after page (`nextToken`). */
export const { description, execute } = listRecords(BANK_STATEMENTS, false);
