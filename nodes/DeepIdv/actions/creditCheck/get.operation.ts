import { apiPath, simpleOperation } from '../simpleOperation';
import { readInPreview } from './refusals';

/**
 * GET /v1/credit-checks/{id}: DeepIDV answers it for sandbox keys only while the read API is in
 * preview (501 with a live key, explained in plain words). The record is output as DeepIDV sends it.
 */
export const { description, execute } = simpleOperation({
	properties: [
		{
			displayName: 'Credit Check ID',
			name: 'creditCheckId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. test_hard_pass',
			description: 'The credit check, as DeepIDV identified it when it was created',
		},
	],
	request: (input) => {
		const id =
			input.text('creditCheckId') ||
			input.fail(
				'The Credit Check ID parameter is empty',
				"Enter a credit check ID, or map one from an earlier node, e.g. the 'id' field of Credit Check → Create Hard.",
			);
		return {
			method: 'GET',
			path: apiPath`/v1/credit-checks/${id}`,
			retry: 'idempotent',
			failure: {
				notFound: `Credit check "${id}" was not found in DeepIDV`,
				notFoundHint:
					"Check the Credit Check ID. With a sandbox API key, DeepIDV's test credit checks are test_soft_pass, test_hard_pass, test_hard_review and test_hard_high_risk.",
				invalidHint: 'Check the Credit Check ID.',
			},
			refusals: readInPreview,
		};
	},
});
