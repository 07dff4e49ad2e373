import { readSessionId } from '../session/sessionId';
import { checkedSession } from '../igamingCheck/sessionCheck';
import { apiPath, simpleOperation } from '../simpleOperation';

/**
 * DELETE /v1/igaming/anti-cheat/{session_id}: deletes the face anti-cheat enrolled for the session
 * (GDPR deletion, or a reset), not a registry entry. Only the session's own enrollment: a DUPLICATE
 * session answers `deleted: false`. Documented idempotent, so repeated after a lost answer.
 */
export const { description, execute } = simpleOperation({
	properties: [checkedSession('The verification session whose enrolled face to delete from the anti-cheat collection.')],
	request: (input) => {
		const sessionId = readSessionId(input.context, input.itemIndex);
		return {
			method: 'DELETE',
			path: apiPath`/v1/igaming/anti-cheat/${sessionId}`,
			retry: 'idempotent',
			failure: { invalidHint: 'Check the Session parameter.' },
		};
	},
	answer: { field: 'deleted', is: 'boolean', missing: 'whether the enrollment was deleted' },
});
