import type { INodeParameters } from 'n8n-workflow';

import type { SandboxOptions } from '../../sandbox';
import type { TestFile } from '../helpers/nodeTypes';
import { imageFile, useFileChecks } from '../helpers/files';
import { deepIdvNodeType, loadOptionsContext } from '../helpers/loadOptions';
import { sandboxCredential } from '../helpers/sandbox';
import { PASSPORT, PERSON, SELFIE, bySessionId, byWorkflowId, calls } from '../helpers/runner';

type Files = Array<Record<string, TestFile> | undefined>;
type Step = string | { id: string; config?: Record<string, unknown> };

function useRunner(options: SandboxOptions = {}) {
	const env = useFileChecks(options);
	return {
		env,
		/** A headless session of a new workflow with these steps; the sandbox's requests are cleared after. */
		async newSession(steps: Step[]): Promise<string> {
			const workflowId = env.sb.addRunnerWorkflow({ steps }).id;
			const { items } = await env.run({ resource: 'workflowRunner', operation: 'createSession', ...byWorkflowId(workflowId), ...PERSON }, [undefined]);
			env.sb.clearRequests();
			return items[0].json.session_id as string;
		},
		submit: (sessionId: string, stepId: string, parameters: INodeParameters = {}, files: Files = [undefined], extra: { continueOnFail?: boolean } = {}) =>
			env.run({ resource: 'workflowRunner', operation: 'submitStep', ...bySessionId(sessionId), stepId, ...parameters }, files, extra),
	};
}

describe('Workflow Runner → Submit Step through the n8n engine', () => {
	const { env, newSession, submit } = useRunner();

	it('reads the state, uploads the ID and selfie to the session without the key, then submits ID Verification once with their keys', async () => {
		const { sb } = env;
		const sessionId = await newSession(['ID_VERIFICATION', 'CONSENT']);
		const { items, error } = await submit(sessionId, 'ID_VERIFICATION', { documentType: 'passport-us', idFrontField: 'doc', selfieField: 'face' }, [{ doc: PASSPORT.file, face: SELFIE.file }]);
		expect(error).toBeUndefined();
		expect(calls(sb)).toEqual([`GET /v1/sessions/${sessionId}/workflow`, `POST /v1/sessions/${sessionId}/uploads`, `POST /v1/sessions/${sessionId}/steps/ID_VERIFICATION`]);
		expect(sb.uploads.map(({ headers }) => headers['x-api-key'])).toEqual([undefined, undefined]);
		expect(sb.requests[2]).toMatchObject({
			headers: expect.objectContaining({ 'x-api-key': sb.keys.live, 'content-type': 'application/json' }),
			json: { document_type: 'passport-us', uploads: { id_front: expect.stringContaining(sessionId), selfie_front: expect.stringContaining(sessionId) } },
		});
		expect(items).toEqual([
			{
				json: {
					session_id: sessionId,
					step_id: 'ID_VERIFICATION',
					step_status: 'COMPLETED',
					failure_reason: null,
					current_step: 1,
					attempts_remaining: 3,
					session_status: 'PENDING',
					session_progress: 'STARTED',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('outputs a failed attempt (200 with failure_reason) with the reason in words and the attempts left', async () => {
		const sessionId = await newSession(['ID_VERIFICATION']);
		const { items, error } = await submit(sessionId, 'ID_VERIFICATION', { documentType: 'passport-us' }, [{ id_front: PASSPORT.file, selfie_front: imageFile({ face: 'mallory' }).file }]);
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({
			session_id: sessionId,
			step_id: 'ID_VERIFICATION',
			step_status: 'PENDING',
			failure_reason: 'FACE_MISMATCH',
			failure_explained: 'The selfie does not match the face on the document closely enough.',
			current_step: 0,
			attempts_remaining: 2,
			session_status: 'PENDING',
			session_progress: 'STARTED',
		});
	});

	it.each<[string, Step[], string, INodeParameters, string, string]>([
		[
			'a step out of order',
			['PHONE_TRUST_CHECK', 'CONSENT'],
			'CONSENT',
			{},
			"The step CONSENT is out of order: the session's current step is PHONE_TRUST_CHECK (step 1 of 2)",
			"Steps must be submitted in order. Submit PHONE_TRUST_CHECK first; the Step list shows the session's current step first.",
		],
		[
			'a step the workflow does not have',
			['PHONE_TRUST_CHECK'],
			'face-liveness',
			{},
			'The step FACE_LIVENESS is not part of the workflow of session "{session}"',
			"The session's steps are PHONE_TRUST_CHECK. Choose one of them in Step.",
		],
		[
			'a Document Type the step does not accept',
			['ID_VERIFICATION'],
			'ID_VERIFICATION',
			{ documentType: 'library-card' },
			'The Document Type "library-card" is not a type the ID Verification step accepts',
			'The step accepts: driver-license-us, driver-license-ca, passport-us, passport-ca, national-id-us, national-id-ca, pr-card-ca. Enter one of them.',
		],
		[
			'consent that is not given',
			['CONSENT'],
			'CONSENT',
			{},
			"The CONSENT step needs the applicant's consent, but Step Input → Consent Accepted is off",
			'Turn on Consent Accepted under Step Input once the applicant has accepted the consent text (e.g. a checkbox in your form); DeepIDV records it as given.',
		],
	])('refuses %s, having only read the state', async (_case, steps, stepId, parameters, message, description) => {
		const { sb } = env;
		const sessionId = await newSession(steps);
		const { error } = await submit(sessionId, stepId, parameters);
		expect(error?.message).toBe(message.replace('{session}', sessionId));
		expect(error?.description).toBe(description);
		expect(calls(sb)).toEqual([`GET /v1/sessions/${sessionId}/workflow`]);
	});

	it('refuses a session whose run has finished', async () => {
		const { sb } = env;
		const sessionId = await newSession(['PHONE_TRUST_CHECK']);
		await submit(sessionId, 'PHONE_TRUST_CHECK');
		sb.clearRequests();
		const { error } = await submit(sessionId, 'PHONE_TRUST_CHECK');
		expect(error?.message).toMatch(/^The session's run has already finished \(status (VERIFIED|SUBMITTED)\), so PHONE_TRUST_CHECK cannot be submitted$/);
		expect(calls(sb)).toEqual([`GET /v1/sessions/${sessionId}/workflow`]);
	});

	it("explains DeepIDV's 400 for an upload key that is not this session's", async () => {
		const sessionId = await newSession([{ id: 'DOCUMENT_UPLOAD', config: { documents: [{ id: 'employment_letter', description: 'A recent employment letter', optional: true }] } }]);
		const { error } = await submit(sessionId, 'DOCUMENT_UPLOAD', { stepInput: { stepData: { uploads: { employment_letter: 'other-org/other-session/1-letter.pdf' } } } });
		expect(error?.message).toBe('DeepIDV rejected the request as invalid: Upload key for employment_letter does not belong to this session');
		expect(error?.description).toContain('it is not a file of this session: upload the files for this session');
	});

	it('uploads a config-driven slot from the binary field named like it, and submits its key under uploads', async () => {
		const { sb } = env;
		const sessionId = await newSession([{ id: 'DOCUMENT_UPLOAD', config: { documents: [{ id: 'employment_letter', description: 'A recent employment letter' }] } }]);
		const letter = { base64: Buffer.from('%PDF-1.7 letter').toString('base64'), mimeType: 'application/pdf', fileName: 'letter.pdf' };
		const { items, error } = await submit(sessionId, 'DOCUMENT_UPLOAD', {}, [{ employment_letter: letter }]);
		expect(error).toBeUndefined();
		expect(sb.requests[1].json).toEqual({ files: [{ file_name: 'letter.pdf', content_type: 'application/pdf', slot: 'employment_letter' }] });
		expect(sb.requests[2].json).toEqual({ uploads: { employment_letter: expect.stringContaining(sessionId) } });
		expect(items[0].json).toMatchObject({ step_status: 'COMPLETED', current_step: null });
	});

	it('starts a multi-phase step with its inputs from Step Data, and outputs what DeepIDV returns (face liveness: the streaming session)', async () => {
		const { sb } = env;
		const sessionId = await newSession(['FACE_LIVENESS']);
		const { items, error } = await submit(sessionId, 'FACE_LIVENESS');
		expect(error).toBeUndefined();
		expect(sb.requests[1].json).toEqual({ action: 'start' });
		expect(items[0].json).toMatchObject({ step_status: 'IN_PROGRESS', liveness: { liveness_session_id: expect.any(String), region: 'us-east-1' } });
		sb.setRunnerLiveness(sessionId, { status: 'SUCCEEDED', confidence: 95 });
		const complete = await submit(sessionId, 'FACE_LIVENESS');
		expect(sb.requests.at(-1)?.json).toEqual({ action: 'complete' });
		expect(complete.items[0].json).toMatchObject({ step_status: 'COMPLETED', liveness: { status: 'SUCCEEDED', confidence: 95, passed: true } });
	});

	it('outputs a liveness check that did not pass (FACE_LIVENESS_CHECK_FAILED) with the reason in words', async () => {
		const { sb } = env;
		const sessionId = await newSession(['FACE_LIVENESS']);
		await submit(sessionId, 'FACE_LIVENESS');
		sb.setRunnerLiveness(sessionId, { status: 'SUCCEEDED', confidence: 40 });
		const { items, error } = await submit(sessionId, 'FACE_LIVENESS', { stepInput: { phase: 'complete' } });
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			step_id: 'FACE_LIVENESS',
			failure_reason: 'FACE_LIVENESS_CHECK_FAILED',
			failure_explained: 'The liveness check finished but did not pass.',
			attempts_remaining: 2,
			liveness: { status: 'SUCCEEDED', confidence: 40, passed: false },
		});
	});

	it('outputs LIVENESS_ID_MISMATCH when the face filmed in the liveness check is not the one on the document', async () => {
		const { sb } = env;
		const sessionId = await newSession(['FACE_LIVENESS', 'ID_VERIFICATION']);
		sb.setRunnerLiveness(sessionId, { status: 'SUCCEEDED', confidence: 95, face: 'bob' });
		await submit(sessionId, 'FACE_LIVENESS');
		await submit(sessionId, 'FACE_LIVENESS');
		const { items, error } = await submit(sessionId, 'ID_VERIFICATION', { documentType: 'passport-us' }, [{ id_front: PASSPORT.file, selfie_front: SELFIE.file }]);
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			failure_reason: 'LIVENESS_ID_MISMATCH',
			failure_explained: 'The face filmed in the liveness check does not match the face on the document.',
			current_step: 1,
		});
	});

	it('explains a 409 DeepIDV gives while the step is already being submitted, without submitting it twice', async () => {
		const { sb } = env;
		const sessionId = await newSession(['PHONE_TRUST_CHECK', 'CONSENT']);
		sb.injectFaults([{ status: 409, match: { method: 'POST', path: `/v1/sessions/${sessionId}/steps/` } }]);
		const { error } = await submit(sessionId, 'PHONE_TRUST_CHECK');
		expect(error?.message).toMatch(/^DeepIDV did not take the PHONE_TRUST_CHECK submission: the step is being submitted already or is not in a state to submit \(PENDING\)/);
		expect(calls(sb)).toEqual([`GET /v1/sessions/${sessionId}/workflow`, `POST /v1/sessions/${sessionId}/steps/PHONE_TRUST_CHECK`, `GET /v1/sessions/${sessionId}/workflow`]);
	});

	it('under Continue On Fail, outputs one item per input: the answer, and an error item for the item without its files', async () => {
		const sessionId = await newSession(['ID_VERIFICATION']);
		const { items, error } = await submit(sessionId, 'ID_VERIFICATION', { documentType: 'passport-us' }, [{ selfie_front: SELFIE.file }, { id_front: PASSPORT.file, selfie_front: SELFIE.file }], {
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{ json: expect.objectContaining({ error: 'The item has no file in the field "id_front" (ID Front Field)' }), pairedItem: { item: 0 } },
			{ json: expect.objectContaining({ step_status: 'COMPLETED' }), pairedItem: { item: 1 } },
		]);
	});
});

describe('Workflow Runner → Submit Step: results not ready, steps not runnable, expired upload links', () => {
	describe('with a result that is not ready for two asks', () => {
		const { env, newSession, submit } = useRunner({ runnerNotReadyPolls: 2 });

		it('asks again for the result while DeepIDV answers 409 *_RESULT_NOT_READY, within Max Wait', async () => {
			const { sb } = env;
			const sessionId = await newSession(['ADVERSE_MEDIA']);
			const start = await submit(sessionId, 'ADVERSE_MEDIA', { stepInput: { stepData: { first_name: 'Jane', last_name: 'Doe', date_of_birth: '1990-04-12' } } });
			expect(start.items[0].json.step_status).toBe('IN_PROGRESS');
			const { items, error } = await submit(sessionId, 'ADVERSE_MEDIA', { stepInput: { phase: 'complete', maxWaitSeconds: 30 } });
			expect(error).toBeUndefined();
			const steps = sb.requests.filter((request) => request.path.endsWith('/steps/ADVERSE_MEDIA'));
			expect(steps.map((request) => request.json)).toEqual([
				{ first_name: 'Jane', last_name: 'Doe', date_of_birth: '1990-04-12', action: 'start' },
				{ action: 'complete' },
				{ action: 'complete' },
				{ action: 'complete' },
			]);
			expect(items[0].json).toMatchObject({ step_status: 'COMPLETED', current_step: null });
		});
	});

	describe('with a step DeepIDV cannot run through the API yet', () => {
		const { newSession, submit } = useRunner({ runnerNotRunnableSteps: ['TITLE_SEARCH'] });

		it('explains the 501', async () => {
			const sessionId = await newSession(['TITLE_SEARCH']);
			const { error } = await submit(sessionId, 'TITLE_SEARCH', { stepInput: { stepData: { address: '1 Main St' } } });
			expect(error?.message).toBe("DeepIDV cannot run the step TITLE_SEARCH through the API yet (DeepIDV: This step type isn't runnable through the API yet)");
			expect(error?.description).toBe(
				"Nothing was done. Send the applicant DeepIDV's hosted flow instead (Session → Create with this workflow), or remove TITLE_SEARCH from the workflow (Workflow → Create makes a new one).",
			);
		});
	});

	describe('with upload links that expire at once', () => {
		const { env, newSession, submit } = useRunner({ uploadUrlTtlSeconds: 0 });

		it("explains the file storage's 403 and does not submit the step", async () => {
			const { sb } = env;
			const sessionId = await newSession(['ID_VERIFICATION']);
			const { error } = await submit(sessionId, 'ID_VERIFICATION', { documentType: 'passport-us' }, [{ id_front: PASSPORT.file, selfie_front: SELFIE.file }]);
			expect(error?.message).toBe('DeepIDV\'s file storage refused the upload of "id_front" (passport.png) (HTTP 403): Request has expired (AccessDenied)');
			expect(error?.description).toMatch(/^The upload link has expired, or the file did not match .* The step was not submitted\. Run the item again to get a new link/);
			expect(calls(sb).some((call) => call.includes('/steps/'))).toBe(false);
		});
	});
});

describe('Workflow Runner → Submit Step: the Step dropdown (loadOptions getRunnerSteps)', () => {
	const { env, newSession, submit } = useRunner();
	const { methods } = deepIdvNodeType();
	const steps = (sessionId: INodeParameters[string]) =>
		methods!.loadOptions!.getRunnerSteps.call(loadOptionsContext(sandboxCredential(env.sb), 'parameters.stepId', { resource: 'workflowRunner', operation: 'submitStep', sessionId }));

	it("lists the session's steps from its workflow state, the current one first, each with its status", async () => {
		const { sb } = env;
		const sessionId = await newSession(['PHONE_TRUST_CHECK', 'CONSENT']);
		await submit(sessionId, 'PHONE_TRUST_CHECK');
		sb.clearRequests();
		const options = await steps({ __rl: true, mode: 'id', value: sessionId });
		expect(calls(sb)).toEqual([`GET /v1/sessions/${sessionId}/workflow`]);
		expect(options).toEqual([
			{ name: '2. Consent (CONSENT) — current step', value: 'CONSENT', description: 'Status: PENDING' },
			{ name: '1. Phone Trust Check (PHONE_TRUST_CHECK)', value: 'PHONE_TRUST_CHECK', description: 'Status: COMPLETED' },
		]);
	});

	it('is empty until a session is chosen, asking DeepIDV nothing', async () => {
		expect(await steps({ __rl: true, mode: 'id', value: '' })).toEqual([]);
		expect(env.sb.requests).toEqual([]);
	});
});
