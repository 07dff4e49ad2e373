import { creditCheckCreate } from './create';

/** POST /v1/credit-check/soft: an Equifax soft inquiry once the applicant completes the flow. */
export const { description, execute, describeCompleted } = creditCheckCreate('soft');
