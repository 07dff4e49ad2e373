import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { factsOf } from '../../sandbox';
import type { TestFile } from '../helpers/nodeTypes';
import { imageFile, useFileChecks } from '../helpers/files';
import { LICENCE_BACK, LICENCE_FRONT, PASSPORT, PERSON, SELFIE, byWorkflowId, bySessionId, calls } from '../helpers/runner';

type Files = Array<Record<string, TestFile> | undefined>;

const ID_FILES = { id_front: PASSPORT.file, selfie_front: SELFIE.file };

describe('Workflow Runner → Run With Files through the n8n engine', () => {
	const env = useFileChecks();
	const run = (workflowId: string, parameters: INodeParameters = {}, files: Files = [ID_FILES], extra: { continueOnFail?: boolean } = {}) =>
		env.run({ resource: 'workflowRunner', operation: 'runWithFiles', ...byWorkflowId(workflowId), ...PERSON, documentType: 'passport-us', ...parameters }, files, extra);
	const idWorkflow = (...more: string[]) => env.sb.addRunnerWorkflow({ steps: ['ID_VERIFICATION', ...more] }).id;

	it('creates the headless session, uploads the ID and selfie to it without the API key, submits ID Verification once and outputs the finished session', async () => {
		const { sb } = env;
		const workflowId = idWorkflow();
		const { items, error } = await run(workflowId);
		expect(error).toBeUndefined();
		const sessionId = items[0].json.session_id as string;
		expect(calls(sb)).toEqual([
			`GET /v1/workflows/${workflowId}`,
			`POST /v1/workflows/${workflowId}/sessions`,
			`POST /v1/sessions/${sessionId}/uploads`,
			`POST /v1/sessions/${sessionId}/steps/ID_VERIFICATION`,
			`GET /v1/sessions/${sessionId}`,
		]);
		expect(sb.requests.every((request) => request.headers['x-api-key'] === sb.keys.live)).toBe(true);
		const [, create, uploads, submit] = sb.requests;
		expect(create.json).toEqual({ firstName: 'Jane', lastName: 'Doe', email: 'jane.doe@example.com', phone: '+15192223333' });
		expect(uploads.json).toEqual({
			files: [
				{ file_name: 'passport.png', content_type: 'image/png', upload_type: 'id_front' },
				{ file_name: 'selfie.png', content_type: 'image/png', upload_type: 'selfie_front' },
			],
		});
		// The PUTs go to the upload host, without the key; the submission carries their keys, and the
		// sandbox refuses keys nothing was uploaded to yet, so they were uploaded before it.
		expect(sb.uploads.map(({ method, status, headers }) => ({ method, status, key: headers['x-api-key'] }))).toEqual([
			{ method: 'PUT', status: 200, key: undefined },
			{ method: 'PUT', status: 200, key: undefined },
		]);
		expect(JSON.stringify(sb.uploads)).not.toContain(sb.keys.live);
		const keys = (submit.json as { uploads: Record<string, string> }).uploads;
		expect(submit.json).toEqual({ document_type: 'passport-us', uploads: { id_front: expect.any(String), selfie_front: expect.any(String) } });
		expect(sb.uploadedFile(keys.id_front)).toEqual(factsOf(PASSPORT.bytes));
		expect(sb.uploadedFile(keys.selfie_front)).toEqual(factsOf(SELFIE.bytes));
		expect(items).toEqual([
			{
				json: {
					session_id: sessionId,
					created: true,
					run_outcome: 'completed',
					stopped_at_step: null,
					waiting_for: null,
					waiting_reason: null,
					failure_reason: null,
					failure_explained: null,
					attempts_remaining: 3,
					current_step: null,
					steps_submitted: [{ step_id: 'ID_VERIFICATION', step_status: 'COMPLETED', failure_reason: null }],
					session: expect.objectContaining({ id: sessionId, status: 'VERIFIED', session_progress: 'COMPLETED', first_name: 'Jane', id_matches_selfie: true }),
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it("sends the back of a driver's licence too, and Simplify off outputs Session → Get's full answer", async () => {
		const { sb } = env;
		const workflowId = idWorkflow();
		const { items, error } = await run(
			workflowId,
			{ documentType: 'driver-license-us', idFrontField: 'front', idBackField: 'back', selfieField: 'face', simplify: false },
			[{ front: LICENCE_FRONT.file, back: LICENCE_BACK.file, face: SELFIE.file }],
		);
		expect(error).toBeUndefined();
		const uploads = sb.requests.find((request) => request.path.endsWith('/uploads'))!;
		expect((uploads.json as { files: IDataObject[] }).files.map((file) => file.upload_type)).toEqual(['id_front', 'id_back', 'selfie_front']);
		const submit = sb.requests.find((request) => request.path.endsWith('/steps/ID_VERIFICATION'))!;
		expect(Object.keys((submit.json as { uploads: IDataObject }).uploads)).toEqual(['id_front', 'id_back', 'selfie_front']);
		const sessionId = items[0].json.session_id as string;
		expect(items[0].json.session).toEqual({
			session_record: expect.objectContaining({ id: sessionId, status: 'VERIFIED', workflow_steps: ['ID_VERIFICATION'] }),
			resource_links: { id_front: expect.any(String), id_back: expect.any(String), selfie_front: expect.any(String) },
			user: expect.objectContaining({ first_name: 'Jane', last_name: 'Doe', email: 'jane.doe@example.com' }),
			sender_user: expect.any(Object),
		});
	});

	it.each([
		['FACE_MISMATCH', { id_front: PASSPORT.file, selfie_front: imageFile({ face: 'someone-else' }).file }, 'The selfie does not match the face on the document closely enough.'],
		['NO_FACE_DETECTED', { id_front: PASSPORT.file, selfie_front: imageFile({ face: null }).file }, 'No face was found in the selfie.'],
		[
			'FACE_NOT_DETECTED_IN_ID',
			{ id_front: imageFile({ face: null, document: { documentType: 'passport', firstName: 'Jane', lastName: 'Doe' } }).file, selfie_front: SELFIE.file },
			'No face was found on the front image of the identity document.',
		],
		[
			'OCR_NAME_MISSING',
			{ id_front: imageFile({ face: 'jane', document: { documentType: 'passport', firstName: '', lastName: '' } }).file, selfie_front: SELFIE.file },
			'No name could be read from the identity document.',
		],
		['ID_TYPE_UNRECOGNIZED', { id_front: imageFile({ face: 'jane', document: 'unreadable' }).file, selfie_front: SELFIE.file }, "The document's type could not be read."],
		[
			'ID_TYPE_LOW_CONFIDENCE',
			{ id_front: imageFile({ face: 'jane', document: { documentType: 'passport', firstName: 'Jane', lastName: 'Doe', idTypeConfidence: 10 } }).file, selfie_front: SELFIE.file },
			"The document's type was read with too little confidence.",
		],
		[
			'DOC_TYPE_NOT_ALLOWED',
			{ id_front: imageFile({ face: 'jane', document: { documentType: 'national_id', firstName: 'Jane', lastName: 'Doe' } }).file, selfie_front: SELFIE.file },
			'The document found is not of the family of the declared Document Type.',
		],
	])('a 200 with failure_reason %s is not a pass: the run stops there, says why, and submits the files only once', async (reason, files, words) => {
		const { sb } = env;
		const workflowId = idWorkflow('CONSENT');
		const { items, error } = await run(workflowId, { stepInput: { consentAccepted: true } }, [files]);
		expect(error).toBeUndefined();
		expect(calls(sb).filter((call) => call.includes('/steps/'))).toHaveLength(1);
		expect(items).toEqual([
			{
				json: {
					session_id: expect.any(String),
					created: true,
					run_outcome: 'step_failed',
					stopped_at_step: 'ID_VERIFICATION',
					waiting_for: null,
					waiting_reason: null,
					failure_reason: reason,
					failure_explained: words,
					attempts_remaining: 2,
					current_step: 0,
					steps_submitted: [{ step_id: 'ID_VERIFICATION', step_status: expect.any(String), failure_reason: reason }],
					session: null,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('stops at a step only the applicant can do (face liveness) and says what it waits for, without submitting it', async () => {
		const { sb } = env;
		const workflowId = idWorkflow('FACE_LIVENESS');
		const { items, error } = await run(workflowId);
		expect(error).toBeUndefined();
		expect(calls(sb).filter((call) => call.includes('/steps/'))).toEqual([expect.stringMatching(/\/steps\/ID_VERIFICATION$/)]);
		expect(items[0].json).toMatchObject({
			run_outcome: 'waiting_for_applicant',
			stopped_at_step: 'FACE_LIVENESS',
			waiting_for: 'face_liveness',
			waiting_reason: "The liveness check films the applicant's face live on their own device; it cannot be done from a photo.",
			current_step: 1,
			session: null,
		});
	});

	it("stops before a step the applicant completes in DeepIDV's hosted flow (background check), after running the server check before it", async () => {
		const { sb } = env;
		const workflowId = sb.addRunnerWorkflow({ steps: ['PHONE_TRUST_CHECK', 'BACKGROUND_CHECK'] }).id;
		const { items, error } = await run(workflowId, {}, [undefined]);
		expect(error).toBeUndefined();
		expect(calls(sb).filter((call) => call.includes('/steps/'))).toEqual([expect.stringMatching(/\/steps\/PHONE_TRUST_CHECK$/)]);
		expect(items[0].json).toMatchObject({
			run_outcome: 'waiting_for_applicant',
			stopped_at_step: 'BACKGROUND_CHECK',
			waiting_for: 'hosted_flow',
			waiting_reason: "The applicant completes this step in DeepIDV's hosted flow, between its start and complete.",
			steps_submitted: [{ step_id: 'PHONE_TRUST_CHECK', step_status: 'COMPLETED', failure_reason: null }],
		});
	});

	it('with Refuse Workflows With Live Steps, refuses such a workflow before anything is created, listing the steps', async () => {
		const { sb } = env;
		const workflowId = env.sb.addRunnerWorkflow({ name: 'KYC with liveness', steps: ['ID_VERIFICATION', 'FACE_LIVENESS', 'PHONE_VERIFICATION'] }).id;
		const { error } = await run(workflowId, { refuseLiveSteps: true });
		expect(error?.message).toBe(
			'Run With Files cannot finish the workflow "KYC with liveness" without the applicant: FACE_LIVENESS (face_liveness), PHONE_VERIFICATION (phone_otp)',
		);
		expect(error?.description).toMatch(/^Nothing was created\. /);
		expect(calls(sb)).toEqual([`GET /v1/workflows/${workflowId}`]);
	});

	it('runs server checks with an empty body and consent with the applicant’s name, then finishes', async () => {
		const { sb } = env;
		const workflowId = env.sb.addRunnerWorkflow({ steps: ['PHONE_TRUST_CHECK', 'CONSENT'] }).id;
		const { items, error } = await run(workflowId, { stepInput: { consentAccepted: true } }, [undefined]);
		expect(error).toBeUndefined();
		const steps = sb.requests.filter((request) => request.path.includes('/steps/'));
		expect(steps.map(({ path, json }) => [path.split('/').pop(), json])).toEqual([
			['PHONE_TRUST_CHECK', {}],
			['CONSENT', { accepted: true, legal_name: 'Jane Doe' }],
		]);
		expect(items[0].json).toMatchObject({ run_outcome: 'completed', session: expect.objectContaining({ status: expect.any(String) }) });
	});

	it('refuses a consent workflow before creating anything while Consent Accepted is off', async () => {
		const { sb } = env;
		const workflowId = env.sb.addRunnerWorkflow({ steps: ['CONSENT'] }).id;
		const { error } = await run(workflowId, {}, [undefined]);
		expect(error?.message).toBe('The workflow has a consent step, but Step Input → Consent Accepted is off');
		expect(calls(sb)).toEqual([`GET /v1/workflows/${workflowId}`]);
	});

	it('refuses an item without the ID file before creating the session', async () => {
		const { sb } = env;
		const workflowId = idWorkflow();
		const { error } = await run(workflowId, {}, [{ selfie_front: SELFIE.file }]);
		expect(error?.message).toBe('The item has no file in the field "id_front" (ID Front Field)');
		expect(calls(sb)).toEqual([`GET /v1/workflows/${workflowId}`]);
	});

	it('stops at a step that needs data the item does not give, saying how to give it', async () => {
		const workflowId = env.sb.addRunnerWorkflow({ steps: ['TITLE_SEARCH'] }).id;
		const { items, error } = await run(workflowId, {}, [undefined]);
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ run_outcome: 'needs_input', stopped_at_step: 'TITLE_SEARCH', waiting_for: 'step_data' });
		expect(items[0].json.waiting_reason).toContain('Step Input → Step Data (JSON) as {"TITLE_SEARCH": {…}}');
		expect(calls(env.sb).filter((call) => call.includes('/steps/'))).toEqual([]);
	});

	it('gives a step its data from Step Data (JSON), by step ID', async () => {
		const { sb } = env;
		const workflowId = env.sb.addRunnerWorkflow({ steps: ['TITLE_SEARCH'] }).id;
		const { items, error } = await run(workflowId, { stepInput: { stepData: '{"TITLE_SEARCH": {"address": "1 Main St, Springfield, IL"}}' } }, [undefined]);
		expect(error).toBeUndefined();
		expect(sb.requests.find((request) => request.path.endsWith('/steps/TITLE_SEARCH'))?.json).toEqual({ address: '1 Main St, Springfield, IL' });
		expect(items[0].json.run_outcome).toBe('completed');
	});

	it('continues a session a previous run stopped, from its current step, without creating another', async () => {
		const { sb } = env;
		const workflowId = env.sb.addRunnerWorkflow({ steps: ['PHONE_TRUST_CHECK', 'CONSENT'] }).id;
		const first = await run(workflowId, {}, [undefined]).catch(() => undefined);
		expect(first?.error?.message).toBe('The workflow has a consent step, but Step Input → Consent Accepted is off');
		const created = await env.run({ resource: 'workflowRunner', operation: 'createSession', ...byWorkflowId(workflowId), ...PERSON }, [undefined]);
		const sessionId = created.items[0].json.session_id as string;
		sb.clearRequests();
		const { items, error } = await env.run(
			{ resource: 'workflowRunner', operation: 'runWithFiles', sessionSource: 'continueSession', ...bySessionId(sessionId), stepInput: { consentAccepted: true, legalName: 'Jane A. Doe' } },
			[undefined],
		);
		expect(error).toBeUndefined();
		expect(calls(sb)).toEqual([
			`GET /v1/sessions/${sessionId}/workflow`,
			`POST /v1/sessions/${sessionId}/steps/PHONE_TRUST_CHECK`,
			`POST /v1/sessions/${sessionId}/steps/CONSENT`,
			`GET /v1/sessions/${sessionId}`,
		]);
		expect(sb.requests[2].json).toEqual({ accepted: true, legal_name: 'Jane A. Doe' });
		expect(items[0].json).toMatchObject({ session_id: sessionId, created: false, run_outcome: 'completed' });
	});

	it('under Continue On Fail, outputs one item per input in order: the finished run, and an error item for the item without files', async () => {
		const workflowId = idWorkflow();
		const { items, error } = await run(workflowId, {}, [ID_FILES, { data: SELFIE.file }], { continueOnFail: true });
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{ json: expect.objectContaining({ run_outcome: 'completed' }), pairedItem: { item: 0 } },
			{
				json: { error: 'The item has no file in the field "id_front" (ID Front Field)', details: 'This item\'s files are in: "data". Enter one of them in ID Front Field.' },
				pairedItem: { item: 1 },
			},
		]);
	});
});

describe('Workflow Runner → Run With Files: asynchronous results and lost answers', () => {
	const env = useFileChecks({ runnerNotReadyPolls: 2 });
	const run = (workflowId: string, parameters: INodeParameters = {}) =>
		env.run({ resource: 'workflowRunner', operation: 'runWithFiles', ...byWorkflowId(workflowId), ...PERSON, ...parameters }, [undefined]);

	it('starts adverse media with the applicant and the date of birth, and asks for the result again while DeepIDV says it is not ready', async () => {
		const { sb } = env;
		const workflowId = sb.addRunnerWorkflow({ steps: ['ADVERSE_MEDIA'] }).id;
		const { items, error } = await run(workflowId, { stepInput: { stepData: { ADVERSE_MEDIA: { date_of_birth: '1990-04-12' } } } });
		expect(error).toBeUndefined();
		const steps = sb.requests.filter((request) => request.path.endsWith('/steps/ADVERSE_MEDIA'));
		expect(steps.map((request) => request.json)).toEqual([
			{ date_of_birth: '1990-04-12', first_name: 'Jane', last_name: 'Doe', action: 'start' },
			{ action: 'complete' },
			{ action: 'complete' },
			{ action: 'complete' },
		]);
		expect(items[0].json).toMatchObject({
			run_outcome: 'completed',
			steps_submitted: [
				{ step_id: 'ADVERSE_MEDIA', action: 'start', step_status: 'IN_PROGRESS', failure_reason: null },
				{ step_id: 'ADVERSE_MEDIA', action: 'complete', step_status: 'COMPLETED', failure_reason: null },
			],
		});
	});

	it('fails the item, naming the session and how to finish later, when the result is not ready within Max Wait', async () => {
		const { sb } = env;
		const workflowId = sb.addRunnerWorkflow({ steps: ['ADVERSE_MEDIA'] }).id;
		const { error } = await run(workflowId, { stepInput: { maxWaitSeconds: 1, stepData: { ADVERSE_MEDIA: { date_of_birth: '1990-04-12' } } } });
		expect(error?.message).toBe("DeepIDV's result for ADVERSE_MEDIA was not ready within 1 seconds");
		const sessionId = sb.requests.find((request) => request.path.includes('/steps/'))!.path.split('/')[3];
		expect(error?.description).toContain(`This run created the headless session ${sessionId}, at step ADVERSE_MEDIA. To go on, run the item with Session set to Continue a Session`);
	});

	it('a submission whose answer is lost after DeepIDV acted is settled from the workflow state, never submitted twice', async () => {
		const { sb } = env;
		const workflowId = sb.addRunnerWorkflow({ steps: ['PHONE_TRUST_CHECK'] }).id;
		sb.injectFaults([{ reset: true, when: 'after', match: { method: 'POST', path: /\/steps\/PHONE_TRUST_CHECK$/ } }]);
		const { items, error } = await run(workflowId);
		expect(error).toBeUndefined();
		const sessionId = items[0].json.session_id as string;
		expect(calls(sb)).toEqual([
			`GET /v1/workflows/${workflowId}`,
			`POST /v1/workflows/${workflowId}/sessions`,
			`POST /v1/sessions/${sessionId}/steps/PHONE_TRUST_CHECK`,
			`GET /v1/sessions/${sessionId}/workflow`,
			`GET /v1/sessions/${sessionId}`,
		]);
		expect(items[0].json).toMatchObject({
			run_outcome: 'completed',
			steps_submitted: [{ step_id: 'PHONE_TRUST_CHECK', step_status: 'COMPLETED', failure_reason: null, answer_from_state: true }],
		});
	});

	it('a submission lost before DeepIDV acted is sent again once the state shows the step untouched', async () => {
		const { sb } = env;
		const workflowId = sb.addRunnerWorkflow({ steps: ['PHONE_TRUST_CHECK'] }).id;
		sb.injectFaults([{ reset: true, when: 'before', match: { method: 'POST', path: /\/steps\/PHONE_TRUST_CHECK$/ } }]);
		const { items, error } = await run(workflowId);
		expect(error).toBeUndefined();
		const sessionId = items[0].json.session_id as string;
		expect(calls(sb).slice(2)).toEqual([
			`POST /v1/sessions/${sessionId}/steps/PHONE_TRUST_CHECK`,
			`GET /v1/sessions/${sessionId}/workflow`,
			`POST /v1/sessions/${sessionId}/steps/PHONE_TRUST_CHECK`,
			`GET /v1/sessions/${sessionId}`,
		]);
		expect(sb.getRunnerExecution(sessionId)?.steps[0]).toMatchObject({ status: 'COMPLETED', attempts: 1 });
	});
});
