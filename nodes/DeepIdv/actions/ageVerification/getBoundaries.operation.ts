import { apiPath, simpleOperation } from '../simpleOperation';

/**
 * GET /v1/age-verification/boundaries/{childAttestationId}: the settings a parent chose, by the
 * child attestation ID of the Parent Connect Consent Given event. When boundaries_match_attestation
 * is false a parent has changed them since consenting: this answer, not the attestation, is current.
 */
export const { description, execute } = simpleOperation({
	properties: [
		{
			displayName: 'Child Attestation ID',
			name: 'childAttestationId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. att_5d1f0c2b9a7e',
			description:
				"The child's attestation ID: the 'child_attestation_id' field of a DeepIDV Trigger item for Parent Connect Consent Given, or of a parent connect request",
		},
	],
	request: (input) => {
		const id =
			input.text('childAttestationId') ||
			input.fail(
				'The Child Attestation ID parameter is empty',
				"Enter a child attestation ID, or map one from an earlier node, e.g. the 'child_attestation_id' field of a DeepIDV Trigger item.",
			);
		return {
			method: 'GET',
			path: apiPath`/v1/age-verification/boundaries/${id}`,
			retry: 'idempotent',
			failure: {
				notFound: `No boundaries were found in DeepIDV for the child attestation "${id}"`,
				notFoundHint:
					'Check the Child Attestation ID. DeepIDV mints it shortly after the parent consents; until then, Get Parent Connect shows child_attestation_id as null.',
				invalidHint: 'Check the Child Attestation ID.',
			},
		};
	},
	answer: { field: 'boundaries', is: 'object', missing: 'the boundaries' },
});
