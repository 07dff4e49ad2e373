import { sessionNotFound } from '../igamingCheck/sessionCheck';
import { simpleOperation } from '../simpleOperation';
import { lookUpFirst, sessionExclusionBody, sessionExclusionFields, withMatchedSession } from './sessionExclusion';

/**
 * POST /v1/igaming/self-exclusion/applicant: DeepIDV's preferred exclusion path. Flags the session's
 * enrolled face (or, for a DUPLICATE session, the enrollment it matched: matched_session_id) and adds
 * the document number scanned on the session. Not repeated automatically once DeepIDV may have acted
 * (the face part is not documented as idempotent); run again by hand it reports the identity as
 * `already_excluded`, which then means "this call, or an earlier one, added it".
 */
export const { description, execute } = simpleOperation({
	properties: sessionExclusionFields(
		"The verification session of the applicant who asked to be excluded: DeepIDV excludes the face enrolled for it and the document number scanned on it.",
	),
	request: (input) => {
		const { sessionId, body } = sessionExclusionBody(input);
		return {
			method: 'POST',
			path: '/v1/igaming/self-exclusion/applicant',
			body,
			retry: 'notIfReceived',
			failure: {
				...sessionNotFound(sessionId),
				invalidHint: 'Check the Session parameter.',
				maybeActedHint: lookUpFirst('excluded the applicant'),
			},
		};
	},
	answer: { field: 'face_attached', is: 'boolean', missing: 'whether the face was excluded', advice: lookUpFirst('excluded the applicant') },
	output: withMatchedSession,
});
