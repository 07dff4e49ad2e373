import { apiPath, simpleOperation } from '../simpleOperation';
import { PARENT_CONNECT_SHOWS, simplifyParentConnect } from './simplify';

/** GET /v1/age-verification/parent-connect/{id}: one parent's consent request and where it stands. */
export const { description, execute } = simpleOperation({
	properties: [
		{
			displayName: 'Parent Connect ID',
			name: 'parentConnectId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 7c1e4b2a-9d3f-4e8a-b6c5-2f1a0e9d8c7b',
			description: 'The parent connect request, as listed by Get Many Parent Connects. DeepIDV gives it an ID once the child has started the flow.',
		},
	],
	request: (input) => {
		const id =
			input.text('parentConnectId') ||
			input.fail(
				'The Parent Connect ID parameter is empty',
				"Enter the ID of a parent connect request, or map one from an earlier node, e.g. the 'id' field of Get Many Parent Connects.",
			);
		return {
			method: 'GET',
			path: apiPath`/v1/age-verification/parent-connect/${id}`,
			retry: 'idempotent',
			failure: {
				notFound: `Parent connect request "${id}" was not found in DeepIDV`,
				notFoundHint:
					'Check the Parent Connect ID. To find the request behind an age verification you created, use Get Many Parent Connects with its ID as Child Session ID.',
				invalidHint: 'Check the Parent Connect ID.',
			},
		};
	},
	answer: { field: 'status', is: 'text', missing: 'the status of the parent connect request' },
	simplify: { shows: PARENT_CONNECT_SHOWS, apply: simplifyParentConnect },
});
