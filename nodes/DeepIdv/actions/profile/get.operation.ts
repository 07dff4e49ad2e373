import { apiPath, simpleOperation } from '../simpleOperation';

/** GET /v1/profiles/{id}: a read, repeated after any temporary failure. */
export const { description, execute } = simpleOperation({
	properties: [
		{
			displayName: 'Profile ID',
			name: 'profileId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 3f6b1c9e-2a4d-4e8f-9b7a-1c2d3e4f5a6b',
			description: 'The ID of the branding profile: the ID of a Profile → Create or Get Many item',
		},
	],
	request: (input) => {
		const id = input.text('profileId');
		if (!id) input.fail('The Profile ID parameter is empty', 'Enter the ID of a branding profile, or map the id field of a Profile → Get Many item.');
		return {
			method: 'GET',
			path: apiPath`/v1/profiles/${id}`,
			retry: 'idempotent',
			failure: {
				notFound: `The profile "${id}" was not found in DeepIDV`,
				notFoundHint: 'Check the Profile ID parameter: the ID must belong to a profile of the organisation that owns the API key.',
			},
		};
	},
	answer: { field: 'id', is: 'text', missing: 'the profile' },
});
