import { apiPath, simpleOperation } from '../simpleOperation';
import { simplifyProgress } from './progressSummary';
import { readSessionId, sessionLocator } from './sessionId';

/** GET /v1/sessions/{id}/workflow: a read, repeated after any temporary failure. */
export const { description, execute } = simpleOperation({
	properties: [sessionLocator('The DeepIDV verification session to follow. It must run a DeepIDV workflow.')],
	request: (input) => {
		const sessionId = readSessionId(input.context, input.itemIndex);
		return {
			method: 'GET',
			path: apiPath`/v1/sessions/${sessionId}/workflow`,
			retry: 'idempotent',
			failure: {
				notFound: `Session "${sessionId}" was not found in DeepIDV, or it does not run a DeepIDV workflow`,
				notFoundHint:
					'Check the Session parameter. Only sessions created with a workflow have steps to follow; for a session without one, use Session → Get.',
				invalidHint: 'Check the Session parameter.',
			},
		};
	},
	answer: { field: 'steps', is: 'array', missing: 'the steps of the session' },
	simplify: {
		shows:
			'a one-line summary of where the applicant is, the current step, attempts remaining, and each step’s status, attempts and failure reason',
		apply: simplifyProgress,
	},
});
