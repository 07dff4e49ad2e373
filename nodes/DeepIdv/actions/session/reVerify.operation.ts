import type { Refusal, RefusalText } from '../apiErrors';
import { isSandboxKeyRefusal, quoting } from '../apiErrors';
import { simpleOperation } from '../simpleOperation';
import { readSessionId, sessionFailureContext, sessionLocator } from './sessionId';

/**
 * POST /v1/re-verifications. DeepIDV documents that it hands back the session's open
 * re-verification (200, reused) instead of starting a second one (201), so a repeat after a server
 * error, a timeout or a dropped connection cannot start two: it is repeated like a read. Such a
 * repeat may report `reused: true` for the re-verification its own first attempt started.
 */
export const { description, execute } = simpleOperation({
	properties: [
		sessionLocator(
			'The verified session of the returning customer: DeepIDV checks a new selfie against the face captured in it.',
		),
	],
	request: (input) => {
		const sessionId = readSessionId(input.context, input.itemIndex);
		return {
			method: 'POST',
			path: '/v1/re-verifications',
			body: { session_id: sessionId },
			retry: 'idempotent',
			failure: {
				...sessionFailureContext(sessionId),
				invalidHint: 'Check the Session parameter: DeepIDV expects the ID of the original verification session.',
			},
			refusals: (refusal) => ineligible(refusal, sessionId),
		};
	},
	answer: {
		field: 're_verification_id',
		is: 'text',
		missing: 'the ID of the re-verification',
		advice: 'Run the item again: DeepIDV hands back the open re-verification rather than starting a second one.',
	},
	output: (response) => {
		const reused = response.reused === true;
		return { ...response, reused, created: !reused };
	},
});

/** What to do about each documented reason DeepIDV refuses a re-verification for (422), and the sandbox key (403). */
function ineligible(refusal: Refusal, sessionId: string): RefusalText | undefined {
	if (isSandboxKeyRefusal(refusal)) {
		return {
			message: 'A sandbox API key cannot start re-verifications',
			description:
				'DeepIDV sandbox keys only read test data. Put a live API key from the DeepIDV Admin Console in the DeepIDV API credential.',
		};
	}
	if (refusal.status !== 422) return undefined;
	const cannot = `Session "${sessionId}" cannot be re-verified`;
	const reason = /\b(not_verified|type_not_allowed|reverify_disabled|no_biometric)\b/.exec(refusal.said)?.[1];
	switch (reason) {
		case 'not_verified':
			return {
				message: `${cannot}: it is not verified${quoting(refusal.said)}`,
				description:
					'DeepIDV re-verifies only sessions with the status VERIFIED. Check the status with Session → Get; for a customer who was never verified, send a new session with Session → Create.',
			};
		case 'type_not_allowed':
			return {
				message: `${cannot}: DeepIDV does not re-verify this kind of session${quoting(refusal.said)}`,
				description:
					'Re-verification needs an identity verification session (e.g. not a screening or credit session). Choose the customer’s identity verification session, or send a new session with Session → Create.',
			};
		case 'reverify_disabled':
			return {
				message: `${cannot}: re-verification is turned off${quoting(refusal.said)}`,
				description:
					'Re-verification is not enabled for this session’s organisation or workflow. Ask a DeepIDV admin to turn it on in the DeepIDV Admin Console, or send a new session with Session → Create.',
			};
		case 'no_biometric':
			return {
				message: `${cannot}: DeepIDV holds no face from it to compare a new selfie with${quoting(refusal.said)}`,
				description:
					'A re-verification matches a new selfie against the selfie or liveness capture of the original session, and this session has none. Send a new session with Session → Create instead.',
			};
		default:
			return {
				message: `${cannot}${quoting(refusal.said)}`,
				description:
					'DeepIDV re-verifies only verified identity verification sessions with a stored face, where re-verification is turned on. Check the session with Session → Get, or send a new session with Session → Create.',
			};
	}
}
