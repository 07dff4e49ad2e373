import { apiPath, simpleOperation } from '../simpleOperation';
import { readSessionId, sessionFailureContext, sessionLocator } from './sessionId';
import { simplifySession } from './simplify';

/** GET /v1/sessions/{id}: a read, repeated after any temporary failure. */
export const { description, execute } = simpleOperation({
	properties: [sessionLocator('The DeepIDV verification session to work on.')],
	request: (input) => {
		const sessionId = readSessionId(input.context, input.itemIndex);
		return {
			method: 'GET',
			path: apiPath`/v1/sessions/${sessionId}`,
			retry: 'idempotent',
			failure: { ...sessionFailureContext(sessionId), invalidHint: 'Check the Session parameter.' },
		};
	},
	answer: { field: 'session_record', is: 'object', missing: 'the session record' },
	simplify: {
		shows: 'status, times, applicant name and email, and the headline analysis results',
		apply: simplifySession,
	},
});
