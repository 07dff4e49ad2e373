import { simpleOperation } from '../simpleOperation';
import { lookUpFirst, sessionExclusionBody, sessionExclusionFields, withMatchedSession } from './sessionExclusion';

/**
 * POST /v1/igaming/self-exclusion/face: flags the face enrolled for a session (or the enrollment a
 * DUPLICATE session matched). `excluded: false, reason: no_enrolled_face` when there is none.
 */
export const { description, execute } = simpleOperation({
	properties: sessionExclusionFields('The verification session whose enrolled face to exclude, without its document number.'),
	request: (input) => {
		const { body } = sessionExclusionBody(input);
		return {
			method: 'POST',
			path: '/v1/igaming/self-exclusion/face',
			body,
			retry: 'notIfReceived',
			failure: { invalidHint: 'Check the Session parameter.', maybeActedHint: lookUpFirst('excluded the face') },
		};
	},
	answer: { field: 'excluded', is: 'boolean', missing: 'whether the face was excluded', advice: lookUpFirst('excluded the face') },
	output: withMatchedSession,
});
