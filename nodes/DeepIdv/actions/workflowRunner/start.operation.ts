import { sessionLocator, readSessionId } from '../session/sessionId';
import { apiPath, simpleOperation } from '../simpleOperation';
import { quoting } from '../apiErrors';
import { runnerSessionFailure } from './state';

/**
 * POST /v1/sessions/{id}/workflow/start: DeepIDV checks that a headless session can still run and
 * answers with its workflow state. It changes nothing (validate-only), so it is repeated freely.
 */
export const { description, execute } = simpleOperation({
	properties: [sessionLocator('The headless session (from Workflow Runner → Create Headless Session) to check before its first step.')],
	request: (input) => {
		const sessionId = readSessionId(input.context, input.itemIndex);
		return {
			method: 'POST',
			path: apiPath`/v1/sessions/${sessionId}/workflow/start`,
			retry: 'idempotent',
			failure: {
				...runnerSessionFailure(sessionId),
				invalidHint: "DeepIDV found the session's workflow cannot run through the API (an invalid execution contract). Check the Session parameter, or create the session again from a workflow whose steps the Runner supports.",
			},
			refusals: (refusal) =>
				refusal.status === 409
					? {
							message: `Session "${sessionId}" has already been started, or can no longer run${quoting(refusal.said)}`,
							description:
								'Start Workflow only checks a session that has not begun. To go on with a started session, submit its current step (Workflow Runner → Submit Step, or Run With Files with Continue a Session); a finished or expired one needs a new headless session.',
						}
					: undefined,
		};
	},
	answer: { field: 'steps', is: 'array', missing: "the session's workflow state (its steps)", advice: 'Nothing was changed. Run the item again.' },
});
