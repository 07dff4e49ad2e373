/**
 * How the Workflow Runner executes each step (DeepIDV's four execution patterns), and which steps
 * need the applicant themself, so that files and mapped fields cannot finish them.
 */

/** The Runner's step ids in their API form: upper case, words joined by '_'. */
export function runnerStepId(raw: unknown): string {
	return typeof raw === 'string' || typeof raw === 'number'
		? String(raw)
				.trim()
				.toUpperCase()
				.replace(/[\s-]+/g, '_')
		: '';
}

/** Steps the server runs on the session's own data: submitted with an empty body. */
export const SERVER_AUTO = new Set(['AI_BANK_STATEMENT_ANALYSIS', 'PHONE_TRUST_CHECK', 'CARRIER_AGE_GATE', 'PHONE_OWNERSHIP_MATCH']);

/** Multi-phase steps whose phases need nothing but `action: start` and then `action: complete`. */
export const START_COMPLETE = new Set(['ADVERSE_MEDIA']);

/** Why a step needs the live applicant (or DeepIDV's hosted flow), as `waiting_for` names it and in words. */
export interface LiveStep {
	waitingFor: string;
	reason: string;
}

/** Multi-phase steps the applicant completes in DeepIDV's hosted flow between `start` and `complete`. */
export const HOSTED_FLOW: LiveStep = {
	waitingFor: 'hosted_flow',
	reason: "The applicant completes this step in DeepIDV's hosted flow, between its start and complete.",
};

/**
 * Steps only the applicant can finish, on their own device: a live camera check, a code sent to
 * their phone, a call, a signature or another step in the hosted flow. Run With Files stops before them.
 */
export const LIVE_STEPS: Record<string, LiveStep> = {
	FACE_LIVENESS: {
		waitingFor: 'face_liveness',
		reason: "The liveness check films the applicant's face live on their own device; it cannot be done from a photo.",
	},
	DEEPFAKE_DETECTION: {
		waitingFor: 'deepfake_detection',
		reason: 'The deepfake check records the applicant live (frames and a spoken challenge word) on their own device.',
	},
	PHONE_VERIFICATION: {
		waitingFor: 'phone_otp',
		reason: "DeepIDV sends a one-time code to the applicant's phone, and only the applicant can enter it.",
	},
	PROOFCALL: {
		waitingFor: 'proofcall',
		reason: 'DeepIDV calls the applicant, and only the applicant can answer the call.',
	},
	E_SIGNATURE: {
		waitingFor: 'e_signature',
		reason: "The e-signature step runs only in DeepIDV's hosted flow; the Workflow Runner cannot execute it.",
	},
	...Object.fromEntries(
		['DEEP_AGE', 'ADDRESS_VERIFICATION', 'BACKGROUND_CHECK', 'BANK_STATEMENT_UPLOAD'].map((id) => [id, HOSTED_FLOW]),
	),
};

/** The steps of a workflow that Run With Files cannot finish, in workflow order, as API ids. */
export function liveStepsOf(stepIds: string[]): string[] {
	return stepIds.map(runnerStepId).filter((id) => Object.hasOwn(LIVE_STEPS, id));
}

/** ID_VERIFICATION's fixed upload slots (DeepIDV's legacy `upload_type`s). */
export const ID_SLOTS = [
	'id_front',
	'id_back',
	'secondary_id_front',
	'secondary_id_back',
	'tertiary_id_front',
	'tertiary_id_back',
	'selfie_front',
] as const;

/** What each documented ID_VERIFICATION `failure_reason` means, in words an ops person can act on. */
export const FAILURE_REASONS: Record<string, string> = {
	FACE_NOT_DETECTED_IN_ID: 'No face was found on the front image of the identity document.',
	OCR_NAME_MISSING: 'No name could be read from the identity document.',
	ID_CLASSIFICATION_FAILED: 'The document is not of the declared type, or not a type the step accepts.',
	ID_TYPE_UNRECOGNIZED: "The document's type could not be read.",
	ID_TYPE_LOW_CONFIDENCE: "The document's type was read with too little confidence.",
	DOC_TYPE_NOT_ALLOWED: 'The document found is not of the family of the declared Document Type.',
	NO_FACE_DETECTED: 'No face was found in the selfie.',
	FACE_MISMATCH: "The selfie does not match the face on the document closely enough.",
	LIVENESS_ID_MISMATCH: 'The face filmed in the liveness check does not match the face on the document.',
	FACE_LIVENESS_CHECK_FAILED: 'The liveness check finished but did not pass.',
};

/** A `failure_reason` in words (DeepIDV's own code when it is not documented). */
export function explainFailure(reason: string): string {
	return FAILURE_REASONS[reason] ?? `DeepIDV reported ${reason} (not among the reasons DeepIDV documents; see the session in the DeepIDV Admin Console).`;
}
