import { readSessionId } from '../session/sessionId';
import { checkedSession } from '../igamingCheck/sessionCheck';
import { apiPath, simpleOperation } from '../simpleOperation';
import { withMatchedSession } from './sessionExclusion';

/**
 * DELETE /v1/igaming/self-exclusion/face/{session_id}: documented idempotent (clearing a face that is
 * not excluded answers `unexcluded: false`), so it is repeated after a lost answer — and a repeat's
 * `unexcluded: false` can then mean the first attempt cleared it.
 */
export const { description, execute } = simpleOperation({
	properties: [checkedSession('The verification session whose face exclusion to clear (set by Exclude Face or Exclude Applicant).')],
	request: (input) => {
		const sessionId = readSessionId(input.context, input.itemIndex);
		return {
			method: 'DELETE',
			path: apiPath`/v1/igaming/self-exclusion/face/${sessionId}`,
			retry: 'idempotent',
			failure: { invalidHint: 'Check the Session parameter.' },
		};
	},
	answer: { field: 'unexcluded', is: 'boolean', missing: 'whether the face exclusion was cleared' },
	output: withMatchedSession,
});
