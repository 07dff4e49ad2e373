import { creditCheckCreate } from './create';

/** POST /v1/credit-check/hard: an Equifax hard inquiry once the applicant completes the flow. */
export const { description, execute, describeCompleted } = creditCheckCreate('hard');
