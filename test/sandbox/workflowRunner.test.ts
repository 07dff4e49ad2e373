import { startSandbox, sandboxImage, type Sandbox, type ImageSpec, type RunnerWorkflowSpec } from '../../sandbox';
import { call, startReceiver, waitFor, validPerson, type Json } from './helpers';

const ID = { document: { firstName: 'Ada', lastName: 'Lovelace', documentType: 'passport' }, face: 'ada' } satisfies ImageSpec;
const SELFIE = { face: 'ada' } satisfies ImageSpec;

describe('sandbox server: Workflow Runner', () => {
	let sb: Sandbox;
	beforeEach(async () => {
		sb = await startSandbox({ rateLimit: false });
	});
	afterEach(() => sb.close());

	/** A headless session of a new workflow with these steps. */
	async function runnerSession(steps: RunnerWorkflowSpec['steps'], extra: Partial<RunnerWorkflowSpec> = {}) {
		const workflow = sb.addRunnerWorkflow({ steps, ...extra });
		const created = await call(sb, 'POST', `/v1/workflows/${workflow.id}/sessions`, { body: validPerson });
		expect(created.status).toBe(200);
		return created.json as Json;
	}

	/** Uploads these images to fresh session upload URLs (legacy upload_type or dynamic slot) and returns slot → file key. */
	async function upload(sessionId: string, files: Record<string, Buffer>, kind: 'upload_type' | 'slot' = 'upload_type') {
		const minted = await call(sb, 'POST', `/v1/sessions/${sessionId}/uploads`, {
			body: { files: Object.keys(files).map((slot) => ({ file_name: `${slot}.png`, content_type: 'image/png', [kind]: slot })) },
		});
		expect(minted.status).toBe(200);
		const keys: Record<string, string> = {};
		for (const entry of minted.json.signed_urls) {
			const put = await fetch(entry.upload_url, { method: 'PUT', headers: { 'content-type': 'image/png' }, body: files[entry.slot] });
			expect(put.status).toBe(200);
			keys[entry.slot] = entry.file_key;
		}
		return keys;
	}

	const submit = (sessionId: string, step: string, body: unknown = {}) => call(sb, 'POST', `/v1/sessions/${sessionId}/steps/${step}`, { body });
	const state = async (sessionId: string) => (await call(sb, 'GET', `/v1/sessions/${sessionId}/workflow`)).json;

	async function idVerification(sessionId: string, id: ImageSpec = ID, selfie: ImageSpec = SELFIE, documentType = 'passport-us') {
		const keys = await upload(sessionId, { id_front: sandboxImage(id), selfie_front: sandboxImage(selfie) });
		return submit(sessionId, 'ID_VERIFICATION', { document_type: documentType, uploads: keys });
	}

	describe('the happy path', () => {
		it('creates a headless session, takes ID verification, a server-side phone check and consent, and ends VERIFIED with webhooks', async () => {
			const receiver = await startReceiver();
			try {
				sb.addWebhook({ url: receiver.url, secret: 'whsec_test' });
				const created = await runnerSession(['ID_VERIFICATION', 'PHONE_TRUST_CHECK', 'CONSENT']);
				expect(created).toEqual({
					session_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
					expires_at: null,
					steps: [
						{
							step_id: 'ID_VERIFICATION',
							status: 'PENDING',
							requirements: {
								document: {
									require_front_only: false,
									front_only_document_types: ['passport'],
									require_secondary_id: false,
									require_tertiary_id: false,
									valid_id_types: ['driver-license-us', 'driver-license-ca', 'passport-us', 'passport-ca', 'national-id-us', 'national-id-ca', 'pr-card-ca'],
									valid_states: [],
								},
								face: { face_front_photo_only: false },
							},
						},
						{ step_id: 'PHONE_TRUST_CHECK', status: 'PENDING', requirements: { session_fields: ['phone'], submission_fields: [] } },
						{ step_id: 'CONSENT', status: 'PENDING', requirements: { consent_text: 'I agree to the verification of my identity.', signature_required: false } },
					],
					current_step: 0,
				});
				const id = created.session_id;

				const start = await call(sb, 'POST', `/v1/sessions/${id}/workflow/start`);
				expect(start.status).toBe(200);
				expect(start.json).toMatchObject({ session_id: id, status: 'PENDING', session_progress: 'PENDING', current_step: 0, attempts_remaining: 3 });
				expect((await call(sb, 'POST', `/v1/sessions/${id}/workflow/start`)).json).toEqual(start.json);

				const idv = await idVerification(id);
				expect(idv.status).toBe(200);
				expect(idv.json).toEqual({
					step_id: 'ID_VERIFICATION',
					step_status: 'COMPLETED',
					failure_reason: null,
					current_step: 1,
					attempts_remaining: 3,
					session_status: 'PENDING',
					session_progress: 'STARTED',
				});

				const phone = await submit(id, 'phone-trust-check', {});
				expect(phone.status).toBe(200);
				expect(phone.json).toEqual({
					step_id: 'PHONE_TRUST_CHECK',
					step_status: 'COMPLETED',
					failure_reason: null,
					current_step: 2,
					attempts_remaining: 3,
					session_status: 'PENDING',
					session_progress: 'STARTED',
					phone_trust_check: {
						tripped: false,
						tripReasons: [],
						simSwappedRisk: 'NO_DATA',
						forwardingRisk: 'NO_DATA',
						sensitivity: 'medium',
						statusMessage: 'No carrier data is available for this number',
						checkedAt: expect.any(String),
						sessionId: id,
					},
				});

				const consent = await submit(id, 'consent', { accepted: true, legal_name: 'Ada Lovelace' });
				expect(consent.json).toEqual({
					step_id: 'CONSENT',
					step_status: 'COMPLETED',
					failure_reason: null,
					current_step: null,
					attempts_remaining: 3,
					session_status: 'VERIFIED',
					session_progress: 'COMPLETED',
				});

				const final = await state(id);
				expect(final).toMatchObject({ status: 'VERIFIED', session_progress: 'COMPLETED', current_step: null, attempts_remaining: 3 });
				expect(final.steps.map((s: Json) => [s.step_id, s.status, s.attempts, s.failure_reason])).toEqual([
					['ID_VERIFICATION', 'COMPLETED', 1, null],
					['PHONE_TRUST_CHECK', 'COMPLETED', 1, null],
					['CONSENT', 'COMPLETED', 1, null],
				]);
				for (const step of final.steps) {
					expect(Date.parse(step.started_at)).toBeLessThanOrEqual(Date.parse(step.completed_at));
				}

				const record = await call(sb, 'GET', `/v1/sessions/${id}`);
				expect(record.status).toBe(200);
				expect(record.json.session_record).toMatchObject({
					id,
					status: 'VERIFIED',
					type: 'session',
					session_progress: 'COMPLETED',
					workflow_steps: ['ID_VERIFICATION', 'PHONE_TRUST_CHECK', 'CONSENT'],
					uploads: { id_front: true, selfie_front: true },
					analysis_data: {
						id_matches_selfie: true,
						id_matches_liveness: null,
						selected_document_types: { primary: 'passport-us', secondary: null, tertiary: null },
						phone_checks: { trust: expect.objectContaining({ sessionId: id }) },
					},
				});
				expect(record.json.session_record.analysis_data.id_analysis_data.id_extracted_text).toEqual(
					expect.arrayContaining([{ type: 'FIRST_NAME', value: 'ADA', confidence: 99.2 }, { type: 'LAST_NAME', value: 'LOVELACE', confidence: 99.1 }]),
				);
				expect(Object.keys(record.json.resource_links).sort()).toEqual(['id_front', 'selfie_front']);
				expect(record.json.user).toMatchObject({ first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', phone: '+14155552671' });

				await waitFor(() => receiver.received.length === 3);
				expect(receiver.received.map((r) => [r.body.type, r.body.data.status, r.body.data.session_progress])).toEqual([
					['session.created', 'PENDING', 'PENDING'],
					['session.status.submitted', 'SUBMITTED', 'COMPLETED'],
					['session.status.verified', 'VERIFIED', 'COMPLETED'],
				]);
				expect(receiver.received[1].body.data.analysis_data.id_matches_selfie).toBe(true);
				expect(receiver.received[0].headers['deepidv-signature']).toBe('whsec_test');
			} finally {
				await receiver.close();
			}
		});
	});

	describe('POST /v1/workflows/{workflow_id}/sessions', () => {
		it('takes camelCase too, sends no invite, sets expires_at and fires session.created', async () => {
			const receiver = await startReceiver();
			try {
				sb.addWebhook({ url: receiver.url });
				const workflow = sb.addRunnerWorkflow({ steps: ['CONSENT'] });
				const created = await call(sb, 'POST', `/v1/workflows/${workflow.id}/sessions`, {
					body: { email: 'g@example.com', firstName: 'Grace', first_name: 'ignored', lastName: 'Hopper', phone: '+14155550000', externalId: 'ext-1', expiresInHours: 2 },
				});
				expect(created.status).toBe(200);
				expect(Date.parse(created.json.expires_at) - Date.now()).toBeGreaterThan(2 * 3600e3 - 60e3);
				const stored = sb.getSession(created.json.session_id)!;
				expect(stored.invites).toEqual({ send_email_invite: false, send_phone_invite: false });
				expect(stored.session_record).toMatchObject({ external_id: 'ext-1', workflow_id: workflow.id, status: 'PENDING', session_progress: 'PENDING', type: 'session' });
				expect(created.json).not.toHaveProperty('session_url');
				await waitFor(() => receiver.received.length === 1);
				expect(receiver.received[0].body).toMatchObject({ type: 'session.created', data: { id: created.json.session_id } });
				const user = (await call(sb, 'GET', `/v1/sessions/${created.json.session_id}`)).json.user;
				expect(user).toMatchObject({ first_name: 'Grace', last_name: 'Hopper', email: 'g@example.com' });
			} finally {
				await receiver.close();
			}
		});

		it('runs the seeded workflows, requirements from their stored configs', async () => {
			const { workflows } = (await call(sb, 'GET', '/v1/workflows')).json;
			const kyc = workflows.find((w: Json) => w.name === 'KYC Standard');
			const created = await call(sb, 'POST', `/v1/workflows/${kyc.id}/sessions`, { body: validPerson });
			expect(created.json.steps.map((s: Json) => [s.step_id, s.status])).toEqual([
				['ID_VERIFICATION', 'PENDING'],
				['FACE_LIVENESS', 'PENDING'],
				['PEP_SANCTIONS', 'PENDING'],
			]);
			expect(created.json.steps[1].requirements).toEqual({ challenge_type: 'FaceMovementChallenge', confidence_threshold: 80 });
			expect(created.json.steps[2].requirements).toEqual({ identity_fields: ['first_name', 'last_name', 'date_of_birth'], optional_fields: ['email'] });
			const testWorkflow = await call(sb, 'POST', '/v1/workflows/test_workflow/sessions', { body: validPerson });
			expect(testWorkflow.json.steps).toHaveLength(11);
		});

		it('runs workflows made with POST /v1/workflows', async () => {
			const made = await call(sb, 'POST', '/v1/workflows', { body: { name: 'Phone trust and consent', steps: [{ id: 'PHONE_TRUST_CHECK' }, { id: 'CONSENT', config: { consent_text: 'I agree.' } }] } });
			const created = await call(sb, 'POST', `/v1/workflows/${made.json.workflow.id}/sessions`, { body: validPerson });
			expect(created.json.steps.map((s: Json) => [s.step_id, s.requirements])).toEqual([
				['PHONE_TRUST_CHECK', { session_fields: ['phone'], submission_fields: [] }],
				['CONSENT', { consent_text: 'I agree.', signature_required: false }],
			]);
		});

		it('answers 400 with hints, 404 for an unknown workflow, 400 for an inactive one and 400 invalid_steps for E_SIGNATURE', async () => {
			const workflow = sb.addRunnerWorkflow({ steps: ['CONSENT'] });
			const bad = await call(sb, 'POST', `/v1/workflows/${workflow.id}/sessions`, { body: { email: 'nope', first_name: 'A' } });
			expect(bad.status).toBe(400);
			expect(bad.json.message).toBe('Invalid request body');
			expect(bad.json.hints.map((h: Json) => h.path.join('.'))).toEqual(['last_name', 'email', 'phone']);
			expect(await call(sb, 'POST', '/v1/workflows/nope/sessions', { body: validPerson })).toMatchObject({ status: 404, json: { error: 'Workflow not found' } });
			const inactive = sb.addRunnerWorkflow({ steps: ['CONSENT'], status: 'inactive' });
			expect(await call(sb, 'POST', `/v1/workflows/${inactive.id}/sessions`, { body: validPerson })).toMatchObject({ status: 400, json: { error: 'Workflow is not active' } });
			const signing = sb.addRunnerWorkflow({ steps: ['ID_VERIFICATION', 'E_SIGNATURE', 'VPN_DETECTION'] });
			const refused = await call(sb, 'POST', `/v1/workflows/${signing.id}/sessions`, { body: validPerson });
			expect(refused).toMatchObject({ status: 400, json: { error: 'Invalid workflow step', invalid_steps: ['e-signature', 'vpn-detection'] } });
			expect(sb.listSessions().filter((s) => s.session_record.workflow_id === signing.id)).toEqual([]);
		});

		it('refuses the sandbox key (403) like every sandbox-key write', async () => {
			const workflow = sb.addRunnerWorkflow({ steps: ['CONSENT'] });
			const answer = await call(sb, 'POST', `/v1/workflows/${workflow.id}/sessions`, { key: sb.keys.sandbox, body: validPerson });
			expect(answer.status).toBe(403);
		});
	});

	describe('start and state', () => {
		it('start is validate-only and repeatable until the first submission, then 409; state reads never change anything', async () => {
			const { session_id: id } = await runnerSession(['WHITE_LABEL', 'CONSENT']);
			const before = sb.getRunnerExecution(id);
			for (let i = 0; i < 2; i++) expect((await call(sb, 'POST', `/v1/sessions/${id}/workflow/start`)).status).toBe(200);
			await state(id);
			expect(sb.getRunnerExecution(id)).toEqual(before);
			expect(sb.getSession(id)!.session_record.session_progress).toBe('PENDING');
			expect((await submit(id, 'WHITE_LABEL', { acknowledged: true })).status).toBe(200);
			expect(await call(sb, 'POST', `/v1/sessions/${id}/workflow/start`)).toMatchObject({
				status: 409,
				json: { error: 'Session has already been started or is no longer runnable', current_step: 1 },
			});
		});

		it('answers 404 for unknown sessions and for hosted sessions (no runner execution), whose GET …/workflow keeps the derived progress', async () => {
			expect(await call(sb, 'POST', '/v1/sessions/nope/workflow/start')).toMatchObject({ status: 404, json: { error: 'Session not found' } });
			const hosted = await call(sb, 'POST', '/v1/sessions', { body: { ...validPerson, workflow_id: sb.addRunnerWorkflow({ steps: ['CONSENT'] }).id } });
			expect(await call(sb, 'POST', `/v1/sessions/${hosted.json.id}/workflow/start`)).toMatchObject({ status: 404, json: { error: 'This session has no workflow execution' } });
			expect(await submit(hosted.json.id, 'CONSENT', { accepted: true, legal_name: 'A' })).toMatchObject({ status: 404 });
			const progress = await call(sb, 'GET', `/v1/sessions/${hosted.json.id}/workflow`);
			expect(progress.json).toMatchObject({ session_id: hosted.json.id, current_step: 0, attempts_remaining: 3, steps: [{ step_id: 'CONSENT', status: 'PENDING', attempts: 0 }] });
			expect((await call(sb, 'GET', '/v1/sessions/test_verified/workflow', { key: sb.keys.sandbox })).status).toBe(200);
		});

		it('an expired session answers 409 to start, submissions and uploads, and reads EXPIRED', async () => {
			const { session_id: id } = await runnerSession(['CONSENT']);
			expect(sb.expireRunnerSession(id)!.status).toBe('EXPIRED');
			expect((await call(sb, 'POST', `/v1/sessions/${id}/workflow/start`)).status).toBe(409);
			expect(await submit(id, 'CONSENT', { accepted: true, legal_name: 'A' })).toMatchObject({ status: 409, json: { error: 'Session is terminal', current_step: null, step_id: 'CONSENT' } });
			const uploads = await call(sb, 'POST', `/v1/sessions/${id}/uploads`, { body: { files: [{ file_name: 'a.png', content_type: 'image/png', upload_type: 'selfie_front' }] } });
			expect(uploads).toMatchObject({ status: 409, json: { error: 'Session is terminal' } });
			expect(await state(id)).toMatchObject({ status: 'EXPIRED', session_progress: 'PENDING', current_step: null });
		});
	});

	describe('POST /v1/sessions/{session_id}/uploads', () => {
		it('mints session-scoped PUT URLs on the upload host; the PUT needs no API key and the exact content type', async () => {
			const { session_id: id } = await runnerSession(['ID_VERIFICATION']);
			const minted = await call(sb, 'POST', `/v1/sessions/${id}/uploads`, {
				body: { files: [{ file_name: 'front.JPG', content_type: 'image/jpeg', upload_type: 'id_front' }] },
			});
			expect(minted.json).toEqual({
				signed_urls: [{ file_key: expect.stringMatching(new RegExp(`^[0-9a-f-]{36}/${id}/\\d+-0-id_front\\.jpg$`)), slot: 'id_front', upload_type: 'id_front', upload_url: expect.stringContaining(sb.uploadUrl) }],
			});
			const [{ upload_url: url, file_key: key }] = minted.json.signed_urls;
			const image = sandboxImage({ format: 'jpeg', face: 'ada' });
			expect((await fetch(url, { method: 'PUT', headers: { 'content-type': 'image/png' }, body: image })).status).toBe(403);
			expect((await fetch(url, { method: 'PUT', headers: { 'content-type': 'image/jpeg' }, body: image })).status).toBe(200);
			expect(sb.uploads.map((u) => [u.method, u.headers['x-api-key'], u.status])).toEqual([
				['PUT', undefined, 403],
				['PUT', undefined, 200],
			]);
			expect(sb.uploadedFile(key)).toMatchObject({ bytes: image.length, format: 'image/jpeg', marker: { face: 'ada' } });
		});

		it('checks the body: files, upload_type or slot (not both), no duplicate slot', async () => {
			const { session_id: id } = await runnerSession(['ID_VERIFICATION']);
			const hints = async (body: unknown) => {
				const answer = await call(sb, 'POST', `/v1/sessions/${id}/uploads`, { body });
				expect(answer.status).toBe(400);
				return answer.json.hints.map((h: Json) => [h.path.join('.'), h.message]);
			};
			expect(await hints({ files: [] })).toEqual([['files', 'Array must contain at least 1 element(s)']]);
			expect(
				await hints({
					files: [
						{ file_name: 'a.png', content_type: 'image/png', upload_type: 'id_front', slot: 'x' },
						{ file_name: 'a.png', content_type: 'image/png' },
						{ file_name: 'a.png', content_type: 'image/png', upload_type: 'passport' },
						{ file_name: 'a.png', content_type: 'image/png', upload_type: 'selfie_front' },
						{ file_name: 'b.png', content_type: 'image/png', upload_type: 'selfie_front' },
						{ content_type: 'image/png', upload_type: 'id_back' },
					],
				}),
			).toEqual([
				['files.0', 'Provide either upload_type or slot, not both'],
				['files.1', 'Provide upload_type or slot'],
				['files.2.upload_type', "Invalid enum value. Expected 'id_front' | 'id_back' | 'secondary_id_front' | 'secondary_id_back' | 'tertiary_id_front' | 'tertiary_id_back' | 'selfie_front', received 'passport'"],
				['files.4', "Duplicate slot 'selfie_front'"],
				['files.5.file_name', 'Required'],
			]);
		});

		it('takes a config-driven slot only when the current step names it (400 invalid_slots / allowed_slots)', async () => {
			const { session_id: id } = await runnerSession([{ id: 'DOCUMENT_UPLOAD', config: { documents: [{ id: 'employment_letter', description: 'A recent letter' }] } }]);
			const wrong = await call(sb, 'POST', `/v1/sessions/${id}/uploads`, { body: { files: [{ file_name: 'l.pdf', content_type: 'application/pdf', slot: 'bank_letter' }] } });
			expect(wrong).toMatchObject({
				status: 400,
				json: { error: 'Upload slot is not required by the current workflow step', invalid_slots: ['bank_letter'], allowed_slots: ['employment_letter'] },
			});
			const right = await call(sb, 'POST', `/v1/sessions/${id}/uploads`, { body: { files: [{ file_name: 'l.pdf', content_type: 'application/pdf', slot: 'employment_letter' }] } });
			expect(right.json.signed_urls).toEqual([{ file_key: expect.stringMatching(/-0-employment_letter\.pdf$/), slot: 'employment_letter', upload_url: expect.any(String) }]);
		});
	});

	describe('POST /v1/sessions/{session_id}/steps/{step_id}: refusals', () => {
		it('404 for a step id that is no step and for a step of another workflow', async () => {
			const { session_id: id } = await runnerSession(['CONSENT']);
			expect(await submit(id, 'SELFIE')).toMatchObject({ status: 404, json: { error: 'Step not found' } });
			expect(await submit(id, 'face_liveness', { action: 'start' })).toMatchObject({ status: 404, json: { error: "Step is not part of this session's workflow", step_id: 'FACE_LIVENESS' } });
			expect(await submit('nope', 'CONSENT')).toMatchObject({ status: 404, json: { error: 'Session not found' } });
		});

		it('409 out of order, 409 for a completed step again, 409 once terminal — and nothing changes', async () => {
			const { session_id: id } = await runnerSession(['WHITE_LABEL', 'CONSENT']);
			expect(await submit(id, 'CONSENT', { accepted: true, legal_name: 'A' })).toMatchObject({ status: 409, json: { error: 'Workflow step is out of order', current_step: 0, step_id: 'CONSENT' } });
			expect((await submit(id, 'white-label', { acknowledged: true })).status).toBe(200);
			expect(await submit(id, 'WHITE_LABEL', { acknowledged: true })).toMatchObject({ status: 409, json: { error: 'Workflow step has already been completed', current_step: 1, step_id: 'WHITE_LABEL' } });
			expect((await submit(id, 'CONSENT', { accepted: true, legal_name: 'A' })).status).toBe(200);
			expect(await submit(id, 'CONSENT', { accepted: true, legal_name: 'A' })).toMatchObject({ status: 409, json: { error: 'Session is terminal', current_step: null, step_id: 'CONSENT' } });
			expect((await state(id)).steps.map((s: Json) => s.attempts)).toEqual([1, 1]);
		});

		it('501 for a step the sandbox is told is not runnable through the API (and start names it in invalid_steps)', async () => {
			sb.configure({ runnerNotRunnableSteps: ['PROOFCALL'] });
			const { session_id: id } = await runnerSession(['PROOFCALL']);
			expect(await call(sb, 'POST', `/v1/sessions/${id}/workflow/start`)).toMatchObject({ status: 400, json: { error: 'Invalid workflow step', invalid_steps: ['PROOFCALL'] } });
			expect(await submit(id, 'PROOFCALL', { action: 'start', references: [{ first_name: 'A', last_name: 'B', phone: '+14155550101' }] })).toMatchObject({
				status: 501,
				json: { error: "This step type isn't runnable through the API yet" },
			});
		});

		it('409 for a concurrent second submission while the first is being processed; only the first is applied', async () => {
			sb.configure({ runnerStepLatencyMs: 300 });
			const { session_id: id } = await runnerSession(['WHITE_LABEL', 'CONSENT']);
			const [first, second] = await Promise.all([
				submit(id, 'WHITE_LABEL', { acknowledged: true }),
				waitFor(() => sb.getRunnerExecution(id)!.inFlight).then(() => submit(id, 'WHITE_LABEL', { acknowledged: true })),
			]);
			expect(first.status).toBe(200);
			expect(second).toMatchObject({ status: 409, json: { error: 'Another submission for this step is still being processed', current_step: 0, step_id: 'WHITE_LABEL' } });
			expect((await state(id)).steps[0]).toMatchObject({ status: 'COMPLETED', attempts: 1 });
		});

		it('400 for bodies that fail the step schema, with the front/back rule and the secondary documents from the config', async () => {
			const { session_id: id } = await runnerSession([{ id: 'ID_VERIFICATION', config: { require_secondary_id: true } }]);
			const hints = async (body: unknown) => {
				const answer = await submit(id, 'ID_VERIFICATION', body);
				expect(answer.status).toBe(400);
				return answer.json.hints.map((h: Json) => [h.path.join('.'), h.message]);
			};
			expect(await hints({ uploads: { id_front: 'k' } })).toEqual([
				['document_type', 'Required'],
				['uploads.selfie_front', 'Required'],
			]);
			expect(await hints({ document_type: 'driver-license-us', uploads: { id_front: 'a', selfie_front: 'b', tertiary_id_front: 'c' } })).toEqual([
				['uploads.id_back', 'Required'],
				['secondary_document_type', 'Required'],
				['uploads.tertiary_id_front', 'Not accepted: this step does not require a tertiary document'],
			]);
			expect(await hints({ document_type: 'passport-us', secondary_document_type: 'passport-ca', uploads: { id_front: 'a', id_back: 'x', selfie_front: 'b' } })).toEqual([
				['uploads.id_back', 'passport-us is a front-only document type: do not send id_back'],
				['uploads.secondary_id_front', 'Required'],
			]);
			expect((await call(sb, 'POST', `/v1/sessions/${id}/steps/ID_VERIFICATION`, { rawBody: '{' })).json).toEqual({ error: 'Invalid JSON body' });
			expect((await state(id)).steps[0]).toMatchObject({ status: 'PENDING', attempts: 0 });
		});

		it('400 for an upload key of another session, of /v1/upload/presign, or one nothing was uploaded to — before anything counts', async () => {
			const { session_id: id } = await runnerSession(['ID_VERIFICATION']);
			const { session_id: other } = await runnerSession(['ID_VERIFICATION']);
			const mine = await upload(id, { id_front: sandboxImage(ID) });
			const theirs = await upload(other, { selfie_front: sandboxImage(SELFIE) });
			const presigned = (await call(sb, 'POST', '/v1/upload/presign', { body: { files: [{ contentType: 'image/png', byteLength: 10 }] } })).json.uploads[0].fileKey;
			const attempt = (selfie: string) => submit(id, 'ID_VERIFICATION', { document_type: 'passport-us', uploads: { id_front: mine.id_front, selfie_front: selfie } });
			expect(await attempt(theirs.selfie_front)).toMatchObject({ status: 400, json: { error: 'Upload key for selfie_front does not belong to this session' } });
			expect(await attempt(presigned)).toMatchObject({ status: 400, json: { error: 'Upload key for selfie_front does not belong to this session' } });
			const empty = (await call(sb, 'POST', `/v1/sessions/${id}/uploads`, { body: { files: [{ file_name: 's.png', content_type: 'image/png', upload_type: 'selfie_front' }] } })).json.signed_urls[0].file_key;
			expect(await attempt(empty)).toMatchObject({ status: 400, json: { error: 'Nothing has been uploaded for selfie_front yet' } });
			expect(await state(id)).toMatchObject({ session_progress: 'PENDING', attempts_remaining: 3, steps: [{ attempts: 0, failure_reason: null }] });
		});
	});

	describe('outcomes from the uploaded bytes', () => {
		const cases: [string, ImageSpec, ImageSpec, string, string | null][] = [
			['ID_CLASSIFICATION_FAILED', ID, SELFIE, 'passport-fr', 'PRIMARY'],
			['ID_TYPE_UNRECOGNIZED', { document: 'unreadable', face: 'ada' }, SELFIE, 'passport-us', 'PRIMARY'],
			['ID_TYPE_LOW_CONFIDENCE', { document: { idTypeConfidence: 20 }, face: 'ada' }, SELFIE, 'passport-us', 'PRIMARY'],
			['DOC_TYPE_NOT_ALLOWED', { document: { documentType: 'drivers_license' }, face: 'ada' }, SELFIE, 'passport-us', 'PRIMARY'],
			['OCR_NAME_MISSING', { document: { firstName: '', lastName: '' }, face: 'ada' }, SELFIE, 'passport-us', 'PRIMARY'],
			['FACE_NOT_DETECTED_IN_ID', { document: { lastName: 'Doe' }, face: null }, SELFIE, 'passport-us', 'PRIMARY'],
			['NO_FACE_DETECTED', ID, { face: null }, 'passport-us', null],
			['FACE_MISMATCH', ID, { face: 'bob' }, 'passport-us', 'PRIMARY'],
		];
		it.each(cases)('%s: 200 with the reason, the step PENDING again, one attempt used', async (reason, id, selfie, documentType, slot) => {
			const { session_id: sessionId } = await runnerSession(['ID_VERIFICATION', 'CONSENT']);
			const answer = await idVerification(sessionId, id, selfie, documentType);
			expect(answer.status).toBe(200);
			expect(answer.json).toEqual({
				step_id: 'ID_VERIFICATION',
				step_status: 'PENDING',
				failure_reason: reason,
				current_step: 0,
				attempts_remaining: 2,
				session_status: 'PENDING',
				session_progress: 'STARTED',
			});
			expect((await state(sessionId)).steps[0]).toMatchObject({ status: 'PENDING', attempts: 1, failure_reason: reason });
			expect(sb.getRunnerExecution(sessionId)!.failures).toEqual([{ reason, slot, failedAt: expect.any(String) }]);
			// A good second attempt passes and clears the reason.
			const retry = await idVerification(sessionId);
			expect(retry.json).toMatchObject({ step_status: 'COMPLETED', failure_reason: null, current_step: 1, attempts_remaining: 2 });
			expect((await state(sessionId)).steps[0]).toMatchObject({ status: 'COMPLETED', attempts: 2, failure_reason: null });
		});

		it('ignores keys of uploads that are no capture slot', async () => {
			const { session_id: id } = await runnerSession(['ID_VERIFICATION']);
			const keys = await upload(id, { id_front: sandboxImage(ID), selfie_front: sandboxImage(SELFIE) });
			expect((await submit(id, 'ID_VERIFICATION', { document_type: 'passport-us', uploads: { ...keys, hologram: 'not-a-key' } })).json.step_status).toBe('COMPLETED');
			expect(sb.getSession(id)!.session_record.uploads).toEqual({ id_front: true, selfie_front: true });
		});

		it('a document id_type confidence threshold set on the step wins over the default', async () => {
			const { session_id: id } = await runnerSession([{ id: 'ID_VERIFICATION', config: { id_confidence_threshold_enabled: true, id_confidence_threshold: 90 } }]);
			expect((await idVerification(id, { ...ID, document: { ...ID.document, idTypeConfidence: 80 } })).json.failure_reason).toBe('ID_TYPE_LOW_CONFIDENCE');
		});

		it('checks secondary documents against their own declared type, with slot SECONDARY', async () => {
			const { session_id: id } = await runnerSession([{ id: 'ID_VERIFICATION', config: { require_secondary_id: true } }]);
			const keys = await upload(id, {
				id_front: sandboxImage(ID),
				secondary_id_front: sandboxImage({ document: { documentType: 'passport' }, face: 'ada' }),
				secondary_id_back: sandboxImage({ seed: 'back' }),
				selfie_front: sandboxImage(SELFIE),
			});
			const answer = await submit(id, 'ID_VERIFICATION', { document_type: 'passport-us', secondary_document_type: 'driver-license-ca', uploads: keys });
			expect(answer.json.failure_reason).toBe('DOC_TYPE_NOT_ALLOWED');
			expect(sb.getRunnerExecution(id)!.failures[0].slot).toBe('SECONDARY');
		});

		it('LIVENESS_ID_MISMATCH when an earlier liveness check saw another face', async () => {
			const { session_id: id } = await runnerSession(['FACE_LIVENESS', 'ID_VERIFICATION']);
			sb.setRunnerLiveness(id, { face: 'bob' });
			await submit(id, 'FACE_LIVENESS', { action: 'start' });
			expect((await submit(id, 'FACE_LIVENESS', { action: 'complete' })).json).toMatchObject({ step_status: 'COMPLETED', current_step: 1 });
			expect((await idVerification(id)).json).toMatchObject({ failure_reason: 'LIVENESS_ID_MISMATCH', current_step: 1, attempts_remaining: 2 });
			sb.setRunnerLiveness(id, { face: 'ada' });
			expect((await idVerification(id)).json).toMatchObject({ step_status: 'COMPLETED', session_status: 'VERIFIED' });
			expect(sb.getSession(id)!.session_record.analysis_data).toMatchObject({ id_matches_liveness: true, faceliveness_score: 93.1 });
		});

		it('advisory checks never fail the step; the run then ends REJECTED with declinedData and session.status.rejected', async () => {
			const receiver = await startReceiver();
			try {
				sb.addWebhook({ url: receiver.url, events: ['session.status.rejected', 'session.status.verified'] });
				const { session_id: id } = await runnerSession([{ id: 'ID_VERIFICATION', config: { minimum_age: 18 } }]);
				const answer = await idVerification(id, { ...ID, document: { ...ID.document, expirationDate: '2020-01-31', dateOfBirth: '2015-04-01' } });
				expect(answer.json).toMatchObject({ step_status: 'COMPLETED', failure_reason: null, current_step: null, session_status: 'REJECTED', session_progress: 'COMPLETED' });
				const record = sb.getSession(id)!.session_record;
				expect(record.meta_data!.declinedData).toMatchObject({ declined: true, reason: { code: 'LOW_SCORE', severity: 'HIGH' } });
				expect(record.analysis_data!.id_analysis_data).toMatchObject({ expiry_date_pass: false, age_restriction_pass: false, valid_state_pass: true });
				await waitFor(() => receiver.received.length === 1);
				expect(receiver.received[0].body).toMatchObject({ type: 'session.status.rejected', data: { id, status: 'REJECTED' } });
			} finally {
				await receiver.close();
			}
		});

		it('a state outside valid_states and an estimated age outside the range are advisory too; a face-less age selfie is NO_FACE_DETECTED', async () => {
			const { session_id: id } = await runnerSession([{ id: 'ID_VERIFICATION', config: { valid_states: { ON: true, BC: true } } }, 'AGE_ESTIMATION']);
			expect((await idVerification(id, { ...ID, document: { ...ID.document, state: 'QC' } })).json).toMatchObject({ step_status: 'COMPLETED', current_step: 1 });
			const none = await upload(id, { selfie_front: sandboxImage({ face: null }) });
			expect((await submit(id, 'AGE_ESTIMATION', { uploads: none })).json).toMatchObject({ step_status: 'PENDING', failure_reason: 'NO_FACE_DETECTED', attempts_remaining: 2 });
			const young = await upload(id, { selfie_front: sandboxImage({ face: 'ada', age: 15 }) });
			expect((await submit(id, 'AGE_ESTIMATION', { uploads: young })).json).toMatchObject({ step_status: 'COMPLETED', session_status: 'REJECTED' });
			const record = sb.getSession(id)!.session_record;
			expect(record.analysis_data!.id_analysis_data).toMatchObject({ valid_state_pass: false });
			expect((record.meta_data!.declinedData as Json).reason.detail).toBe('Advisory checks did not pass: issuing state QC not accepted, estimated age 15 outside 18-100');
		});

		it("runnerDecision 'none' leaves the finished run SUBMITTED", async () => {
			sb.configure({ runnerDecision: 'none' });
			const { session_id: id } = await runnerSession(['ID_VERIFICATION']);
			expect((await idVerification(id)).json).toMatchObject({ session_status: 'SUBMITTED', session_progress: 'COMPLETED', current_step: null });
			expect(sb.getSession(id)!.session_record).toMatchObject({ status: 'SUBMITTED', submitted_at: expect.any(String) });
		});
	});

	describe('the failure budget', () => {
		it('the last attempt ends the session FAILED (step FAILED, failureData, session.status.failed); then everything is terminal', async () => {
			const receiver = await startReceiver();
			try {
				sb.addWebhook({ url: receiver.url, events: ['session.status.failed'] });
				const { session_id: id } = await runnerSession(['ID_VERIFICATION', 'CONSENT'], { failureLimit: 2 });
				expect((await state(id)).attempts_remaining).toBe(2);
				expect((await idVerification(id, ID, { face: null })).json).toMatchObject({ failure_reason: 'NO_FACE_DETECTED', attempts_remaining: 1, step_status: 'PENDING' });
				const last = await idVerification(id, ID, { face: 'bob' });
				expect(last.json).toEqual({
					step_id: 'ID_VERIFICATION',
					step_status: 'FAILED',
					failure_reason: 'FACE_MISMATCH',
					current_step: null,
					attempts_remaining: 0,
					session_status: 'FAILED',
					session_progress: 'COMPLETED',
				});
				expect(await state(id)).toMatchObject({ status: 'FAILED', current_step: null, attempts_remaining: 0, steps: [{ status: 'FAILED', attempts: 2, completed_at: expect.any(String) }, { status: 'PENDING', attempts: 0 }] });
				expect(sb.getSession(id)!.session_record.meta_data!.failureData).toEqual({
					failedAttempts: 2,
					attempts: [
						{ reason: 'NO_FACE_DETECTED', slot: null, failedAt: expect.any(String) },
						{ reason: 'FACE_MISMATCH', slot: 'PRIMARY', failedAt: expect.any(String) },
					],
				});
				expect((await submit(id, 'ID_VERIFICATION', { document_type: 'passport-us', uploads: { id_front: 'a', selfie_front: 'b' } })).json).toMatchObject({ error: 'Session is terminal' });
				const uploads = await call(sb, 'POST', `/v1/sessions/${id}/uploads`, { body: { files: [{ file_name: 'a.png', content_type: 'image/png', upload_type: 'selfie_front' }] } });
				expect(uploads.status).toBe(409);
				await waitFor(() => receiver.received.length === 1);
				expect(receiver.received[0].body).toMatchObject({ type: 'session.status.failed', data: { id, status: 'FAILED', session_progress: 'COMPLETED' } });
			} finally {
				await receiver.close();
			}
		});

		it('no limit: attempts_remaining is null and failures never end the session', async () => {
			sb.configure({ runnerFailureLimit: null });
			const { session_id: id } = await runnerSession(['ID_VERIFICATION']);
			for (let i = 0; i < 4; i++) expect((await idVerification(id, ID, { face: 'bob' })).json).toMatchObject({ failure_reason: 'FACE_MISMATCH', attempts_remaining: null });
			expect((await idVerification(id)).json).toMatchObject({ step_status: 'COMPLETED', attempts_remaining: null, session_status: 'VERIFIED' });
			expect(sb.getSession(id)!.session_record.meta_data!.failureData).toMatchObject({ failedAttempts: 4 });
		});
	});

	describe('multi-phase steps', () => {
		it('FACE_LIVENESS: complete before start is 409 NOT_STARTED, then RESULT_NOT_READY for the configured polls (no attempt used), then the result', async () => {
			sb.configure({ runnerNotReadyPolls: { FACE_LIVENESS: 2 } });
			const { session_id: id } = await runnerSession(['FACE_LIVENESS', 'CONSENT']);
			expect(await submit(id, 'FACE_LIVENESS', { action: 'complete' })).toMatchObject({
				status: 409,
				json: { error: 'Face liveness has not been started for this session', failure_reason: 'FACE_LIVENESS_NOT_STARTED', current_step: 0, step_id: 'FACE_LIVENESS' },
			});
			const start = await submit(id, 'FACE_LIVENESS', { action: 'start' });
			expect(start.json).toEqual({
				step_id: 'FACE_LIVENESS',
				step_status: 'IN_PROGRESS',
				failure_reason: null,
				current_step: 0,
				attempts_remaining: 3,
				session_status: 'PENDING',
				session_progress: 'STARTED',
				liveness: {
					liveness_session_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
					region: 'us-east-1',
					credentials: { access_key_id: expect.any(String), secret_access_key: expect.any(String), session_token: expect.any(String), expiration: expect.any(String) },
					expires_at: expect.any(String),
				},
			});
			for (let i = 0; i < 2; i++) {
				expect(await submit(id, 'FACE_LIVENESS', { action: 'complete' })).toMatchObject({
					status: 409,
					json: { error: 'Face liveness result is not ready yet', failure_reason: 'FACE_LIVENESS_RESULT_NOT_READY', current_step: 0, step_id: 'FACE_LIVENESS' },
				});
			}
			expect((await state(id)).steps[0]).toMatchObject({ status: 'IN_PROGRESS', attempts: 1 });
			const done = await submit(id, 'FACE_LIVENESS', { action: 'complete' });
			expect(done.json).toEqual({
				step_id: 'FACE_LIVENESS',
				step_status: 'COMPLETED',
				failure_reason: null,
				current_step: 1,
				attempts_remaining: 3,
				session_status: 'PENDING',
				session_progress: 'STARTED',
				liveness: { status: 'SUCCEEDED', confidence: 93.1, passed: true },
			});
			expect(sb.getRunnerExecution(id)!.steps[0]).toMatchObject({ attempts: 2, polls: 3 });
		});

		it('FACE_LIVENESS_CHECK_FAILED below the confidence threshold: 200, the step PENDING, start again', async () => {
			const { session_id: id } = await runnerSession([{ id: 'FACE_LIVENESS', config: { confidence_threshold: 80 } }]);
			sb.setRunnerLiveness(id, { confidence: 75 });
			await submit(id, 'FACE_LIVENESS', { action: 'start' });
			const failed = await submit(id, 'FACE_LIVENESS', { action: 'complete' });
			expect(failed.json).toMatchObject({ step_status: 'PENDING', failure_reason: 'FACE_LIVENESS_CHECK_FAILED', attempts_remaining: 2, liveness: { status: 'SUCCEEDED', confidence: 75, passed: false } });
			expect((await submit(id, 'FACE_LIVENESS', { action: 'complete' })).json.failure_reason).toBe('FACE_LIVENESS_NOT_STARTED');
			sb.setRunnerLiveness(id, { status: 'FAILED', confidence: null });
			await submit(id, 'FACE_LIVENESS', { action: 'start' });
			expect((await submit(id, 'FACE_LIVENESS', { action: 'complete' })).json).toMatchObject({ failure_reason: 'FACE_LIVENESS_CHECK_FAILED', liveness: { status: 'FAILED', confidence: null, passed: false } });
			expect(await submit(id, 'FACE_LIVENESS', { action: 'upload-url', frame_count: 4 })).toMatchObject({ status: 400, json: { error: expect.stringContaining('custom liveness provider') } });
		});

		it('PROOFCALL and PHONE_VERIFICATION: documented poll intervals (overridable), start inputs checked, RESULT_NOT_READY named after the step', async () => {
			sb.configure({ runnerNotReadyPolls: 1 });
			const { session_id: id, steps } = await runnerSession(['PHONE_VERIFICATION', 'PROOFCALL']);
			expect(steps.map((s: Json) => s.requirements.poll_interval_seconds)).toEqual([5, 30]);
			await submit(id, 'PHONE_VERIFICATION', { action: 'start' });
			expect((await submit(id, 'PHONE_VERIFICATION', { action: 'complete' })).json).toEqual({
				error: 'Phone verification result is not ready yet',
				failure_reason: 'PHONE_VERIFICATION_RESULT_NOT_READY',
				current_step: 0,
				step_id: 'PHONE_VERIFICATION',
			});
			expect((await submit(id, 'PHONE_VERIFICATION', { action: 'complete' })).json).toMatchObject({ step_status: 'COMPLETED', current_step: 1 });
			const noReferences = await submit(id, 'PROOFCALL', { action: 'start' });
			expect(noReferences.status).toBe(400);
			expect(noReferences.json.hints.map((h: Json) => h.path.join('.'))).toEqual(['references']);
			expect((await submit(id, 'PROOFCALL', { action: 'start', references: [{ first_name: 'Ref', last_name: 'One', phone: '+14155550101' }] })).json.step_status).toBe('IN_PROGRESS');
			expect((await submit(id, 'PROOFCALL', { action: 'complete' })).json.failure_reason).toBe('PROOFCALL_RESULT_NOT_READY');
			expect((await submit(id, 'PROOFCALL', { action: 'complete' })).json).toMatchObject({ step_status: 'COMPLETED', current_step: null, session_status: 'VERIFIED' });
			sb.configure({ runnerPollIntervalSeconds: 0 });
			expect((await state(id)).steps.map((s: Json) => s.requirements.poll_interval_seconds)).toEqual([0, 0]);
		});
	});

	describe('presentation steps', () => {
		it('CONSENT with a required signature takes a signature_upload of this session', async () => {
			const { session_id: id, steps } = await runnerSession([{ id: 'CONSENT', config: { consent_text: 'I agree.', require_signature: true } }]);
			expect(steps[0].requirements).toEqual({ consent_text: 'I agree.', signature_required: true });
			const missing = await submit(id, 'CONSENT', { accepted: true });
			expect(missing.json.hints.map((h: Json) => h.path.join('.'))).toEqual(['legal_name', 'signature_upload']);
			const keys = await upload(id, { signature_upload: sandboxImage({ seed: 'signature' }) }, 'slot');
			expect((await submit(id, 'CONSENT', { accepted: true, legal_name: 'Ada Lovelace', signature_upload: keys.signature_upload })).json).toMatchObject({ step_status: 'COMPLETED', session_status: 'VERIFIED' });
			expect(sb.getSession(id)!.session_record.uploads).toEqual({ signature_upload: true });
		});

		it("a declined consent ends the run REJECTED ('reject-session', default) or answers 400 ('invalid')", async () => {
			const { session_id: id } = await runnerSession(['CONSENT', 'WHITE_LABEL']);
			expect((await submit(id, 'CONSENT', { accepted: false })).json).toEqual({
				step_id: 'CONSENT',
				step_status: 'FAILED',
				failure_reason: null,
				current_step: null,
				attempts_remaining: 3,
				session_status: 'REJECTED',
				session_progress: 'COMPLETED',
			});
			sb.configure({ runnerConsentDeclined: 'invalid' });
			const { session_id: other } = await runnerSession(['CONSENT']);
			const refused = await submit(other, 'CONSENT', { accepted: false });
			expect(refused).toMatchObject({ status: 400, json: { hints: [{ path: ['accepted'], message: 'Invalid literal value, expected true' }] } });
		});
	});

	describe('every runnable step in one run', () => {
		it('runs all 25 steps in order with their documented bodies and result objects', async () => {
			const steps: RunnerWorkflowSpec['steps'] = [
				'FACE_LIVENESS_CONSENT_SETTINGS',
				'FACE_LIVENESS',
				'ID_VERIFICATION',
				'AGE_ESTIMATION',
				'DEEPFAKE_DETECTION',
				'DEEP_AGE',
				'ADDRESS_VERIFICATION',
				'BACKGROUND_CHECK',
				{ id: 'CREDIT_CHECK', config: { inquiry_type: 'hard' } },
				{ id: 'KYB', config: { documents: [{ id: 'articles', optional: false }, { id: 'bylaws', optional: true }] } },
				'TITLE_SEARCH',
				'PEP_SANCTIONS',
				'ADVERSE_MEDIA',
				{ id: 'CUSTOM_PROMPT', config: { prompts: [{ prompt: 'Hold up your ID' }] } },
				'CONSENT',
				'BANK_STATEMENT_UPLOAD',
				'AI_BANK_STATEMENT_ANALYSIS',
				{ id: 'DOCUMENT_UPLOAD', config: { documents: [{ id: 'employment_letter' }] } },
				{ id: 'CUSTOM_FORM', config: { fields: { income: { label: 'Income', type: 'number', required: true }, payslip: { label: 'Payslip', type: 'file-upload' } } } },
				'WHITE_LABEL',
				'PHONE_TRUST_CHECK',
				'CARRIER_AGE_GATE',
				'PHONE_OWNERSHIP_MATCH',
				'PHONE_VERIFICATION',
				'PROOFCALL',
			];
			const workflow = sb.addRunnerWorkflow({ steps });
			const created = await call(sb, 'POST', `/v1/workflows/${workflow.id}/sessions`, { body: { ...validPerson, phone: '+447700900050' } });
			const id = created.json.session_id;
			const png = (seed: string) => sandboxImage({ seed });
			const answers: Json[] = [];
			const go = async (step: string, body: unknown) => {
				const answer = await submit(id, step, body);
				expect([step, answer.status]).toEqual([step, 200]);
				answers.push(answer.json);
				return answer.json;
			};
			await go('FACE_LIVENESS_CONSENT_SETTINGS', { accepted: true, legal_name: 'Ada Lovelace' });
			await go('FACE_LIVENESS', { action: 'start' });
			await go('FACE_LIVENESS', { action: 'complete' });
			await idVerification(id);
			const selfie = await upload(id, { selfie_front: sandboxImage({ face: 'ada', age: 36 }) });
			await go('AGE_ESTIMATION', { uploads: selfie });
			await go('DEEPFAKE_DETECTION', { action: 'start', include_audio: false });
			const frame = { action_id: 'a1', action: 'blink', timestamp: 1, yaw: 0, pitch: 0, roll: 0, left_eye_openness: 0.2, right_eye_openness: 0.2, face_detected: true };
			await go('DEEPFAKE_DETECTION', { action: 'complete', scan_duration_ms: 4000, frame_meta: [frame], s3_keys: Object.fromEntries([0, 1, 2, 3, 4, 5].map((n) => [`frame_${n}`, `k${n}`])) });
			for (const hosted of ['DEEP_AGE', 'ADDRESS_VERIFICATION', 'BACKGROUND_CHECK']) {
				await go(hosted, { action: 'start' });
				await go(hosted, { action: 'complete' });
			}
			expect(
				await go('CREDIT_CHECK', {
					address: { civic_number: '1', street_name: 'King St', city: 'Toronto', province: 'ON', postal_code: 'M5V 1A1', country: 'CA' },
					date_of_birth: '1990-01-01',
					sin: '123456789',
					consent: { authorize_credit_check: true, accept_privacy_policy: true },
				}),
			).toMatchObject({ credit_check: { status: 'PENDING', inquiry_type: 'hard' } });
			const kybDocs = await upload(id, { articles: png('articles') }, 'slot');
			const business = {
				business_legal_name: 'Acme Ltd',
				registration_number: 'BC1234567',
				entity_type: 'corporation',
				jurisdiction_country: 'CA',
				registered_address: { street_address: '1 King St', city: 'Toronto', state_province: 'ON', postal_code: 'M5V 1A1', country: 'CA' },
				has_beneficial_owners: true,
				ubos: [{ first_name: 'Ada', last_name: 'Lovelace', ownership_percentage: 60, control_type: 'shareholder' }],
				has_officers: false,
				officers: [],
				documents: kybDocs,
			};
			expect(await go('KYB', business)).toMatchObject({ kyb: { status: 'ACCEPTED', documents_received: 1 } });
			await go('TITLE_SEARCH', { address: '742 Maple Avenue, Springfield, OR 97403' });
			await go('PEP_SANCTIONS', { first_name: 'Ada', last_name: 'Sanctioned', date_of_birth: '1990-01-01' });
			await go('ADVERSE_MEDIA', { action: 'start', first_name: 'Ada', last_name: 'Headlines', date_of_birth: '1990-01-01' });
			await go('ADVERSE_MEDIA', { action: 'complete' });
			const prompt = await upload(id, { 'custom-prompts-list_0': png('prompt') }, 'slot');
			await go('CUSTOM_PROMPT', { uploads: prompt });
			await go('CONSENT', { accepted: true, legal_name: 'Ada Lovelace' });
			await go('BANK_STATEMENT_UPLOAD', { action: 'start' });
			await go('BANK_STATEMENT_UPLOAD', { action: 'complete' });
			const analysis = await go('AI_BANK_STATEMENT_ANALYSIS', {});
			expect(analysis.ai_bank_statement_analysis).toEqual({ bank_statement_id: sb.getRunnerExecution(id)!.steps[15].result!.bank_statement_id, status: 'QUEUED' });
			const letter = await upload(id, { employment_letter: png('letter') }, 'slot');
			await go('DOCUMENT_UPLOAD', { uploads: letter });
			const payslip = await upload(id, { payslip: png('payslip') }, 'slot');
			await go('CUSTOM_FORM', { answers: { income: 85000, payslip: { file_key: payslip.payslip, file_name: 'payslip.png', file_size: 10, file_type: 'image/png' } } });
			await go('WHITE_LABEL', { acknowledged: true });
			expect(await go('PHONE_TRUST_CHECK', {})).toMatchObject({ phone_trust_check: { simSwappedRisk: 'LOW_RISK', tripped: false } });
			expect(await go('CARRIER_AGE_GATE', {})).toMatchObject({ carrier_age_gate: { outcome: 'PASS', requiredAge: 18 } });
			expect(await go('PHONE_OWNERSHIP_MATCH', {})).toMatchObject({ phone_ownership_match: { outcome: 'NO_MATCH', strictness: 'medium', threshold: 70 } });
			await go('PHONE_VERIFICATION', { action: 'start' });
			await go('PHONE_VERIFICATION', { action: 'complete' });
			await go('PROOFCALL', { action: 'start', references: [{ first_name: 'Ref', last_name: 'One', phone: '+14155550101' }] });
			const last = await go('PROOFCALL', { action: 'complete' });
			expect(last).toMatchObject({ current_step: null, session_status: 'VERIFIED', session_progress: 'COMPLETED' });
			expect(answers.every((a) => a.failure_reason === null)).toBe(true);

			const final = await state(id);
			expect(final.steps.every((s: Json) => s.status === 'COMPLETED')).toBe(true);
			const record = sb.getSession(id)!.session_record;
			expect(Object.keys(record.uploads!).sort()).toEqual(['articles', 'custom-prompts-list_0', 'employment_letter', 'faceliveness', 'id_front', 'payslip', 'selfie_front']);
			expect(record.analysis_data).toMatchObject({
				pep_sanctions_data: { peps: null, sanctions: [expect.any(Object), expect.any(Object)], both: null },
				adverse_media_data: { total_hits: 5 },
				title_search_data: { status: 'found' },
				custom_form_data: [
					{ question: 'Income', answer: 85000, type: 'number' },
					{ question: 'Payslip', answer: expect.objectContaining({ file_name: 'payslip.png' }), type: 'file-upload' },
				],
				phone_checks: { trust: expect.any(Object), age_gate: expect.any(Object), ownership: expect.any(Object) },
			});
		});

		it('config-driven slot bodies: only the step’s slots, every required one', async () => {
			const { session_id: id } = await runnerSession([{ id: 'DOCUMENT_UPLOAD', config: { documents: [{ id: 'employment_letter' }, { id: 'pay_stub', optional: true }], minimum_optional_uploads: 1 } }]);
			const letter = await upload(id, { employment_letter: sandboxImage({ seed: 'l' }) }, 'slot');
			const unknown = await submit(id, 'DOCUMENT_UPLOAD', { uploads: { ...letter, other: 'x' } });
			expect(unknown.json.hints).toEqual([expect.objectContaining({ code: 'unrecognized_keys', keys: ['other'], path: ['uploads'] })]);
			expect((await submit(id, 'DOCUMENT_UPLOAD', { uploads: { pay_stub: letter.employment_letter } })).json.hints.map((h: Json) => h.path.join('.'))).toEqual(['uploads.employment_letter']);
			expect((await submit(id, 'DOCUMENT_UPLOAD', { uploads: letter })).json).toMatchObject({ hints: [{ message: 'At least 1 optional document(s) required' }] });
		});
	});

	describe('an answer lost after the submission was applied', () => {
		it('a reset after the effect: the state shows the step done, and submitting it again is 409, never applied twice', async () => {
			const { session_id: id } = await runnerSession(['WHITE_LABEL', 'CONSENT']);
			sb.injectFaults([{ match: { method: 'POST', path: /\/steps\// }, when: 'after', reset: true }]);
			await expect(submit(id, 'WHITE_LABEL', { acknowledged: true })).rejects.toThrow();
			expect(await state(id)).toMatchObject({ current_step: 1, steps: [{ status: 'COMPLETED', attempts: 1 }, { status: 'PENDING' }] });
			expect((await submit(id, 'WHITE_LABEL', { acknowledged: true })).json).toMatchObject({ error: 'Workflow step has already been completed', current_step: 1 });
			expect(sb.getRunnerExecution(id)!.steps[0].attempts).toBe(1);
		});
	});

	describe('controls and options', () => {
		const control = async (method: string, path: string, body?: unknown) => {
			const res = await fetch(`${sb.url}/__sandbox/runner${path}`, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
			const text = await res.text();
			return { status: res.status, json: text ? JSON.parse(text) : undefined };
		};

		it('the /__sandbox/runner/ routes make workflows, set the liveness result, read and expire executions', async () => {
			const made = await control('POST', '/workflows', { steps: ['FACE_LIVENESS', { id: 'CONSENT', config: { consent_text: 'OK' } }], failureLimit: 1 });
			expect(made.status).toBe(201);
			expect(made.json.workflow.steps.map((s: Json) => s.id)).toEqual(['FACE_LIVENESS', 'CONSENT']);
			expect((await control('POST', '/workflows', { steps: [] })).json).toEqual({ error: 'steps must be a non-empty array' });
			const created = (await call(sb, 'POST', `/v1/workflows/${made.json.workflow.id}/sessions`, { body: validPerson })).json;
			expect(created.steps[1].requirements.consent_text).toBe('OK');
			expect((await control('POST', `/sessions/${created.session_id}/liveness`, { confidence: 10 })).status).toBe(204);
			expect((await control('POST', '/sessions/nope/liveness', {})).status).toBe(404);
			expect((await control('POST', `/sessions/${created.session_id}/liveness`, { status: 'MAYBE' })).json).toEqual({ error: "status must be 'SUCCEEDED' or 'FAILED'" });
			await submit(created.session_id, 'FACE_LIVENESS', { action: 'start' });
			expect((await submit(created.session_id, 'FACE_LIVENESS', { action: 'complete' })).json).toMatchObject({ session_status: 'FAILED', attempts_remaining: 0 });
			expect((await control('GET', `/sessions/${created.session_id}`)).json).toMatchObject({ sessionId: created.session_id, attemptsRemaining: 0, current: null });
			const other = (await call(sb, 'POST', `/v1/workflows/${made.json.workflow.id}/sessions`, { body: validPerson })).json.session_id;
			expect((await control('POST', `/sessions/${other}/expire`)).json.session_record.status).toBe('EXPIRED');
			expect(sb.getSession(other)!.session_record.status).toBe('EXPIRED');
		});

		it('configure() refuses bad runner options', () => {
			expect(() => sb.configure({ runnerFailureLimit: 0 })).toThrow('runnerFailureLimit must be null or an integer >= 1');
			expect(() => sb.configure({ runnerNotReadyPolls: { PROOFCALL: -1 } })).toThrow(/runnerNotReadyPolls must be/);
			expect(() => sb.configure({ runnerDecision: 'maybe' as never })).toThrow(/runnerDecision must be one of/);
			expect(() => sb.configure({ runnerNotRunnableSteps: [1 as never] })).toThrow('runnerNotRunnableSteps must be an array of step ids');
			expect(() => sb.addRunnerWorkflow({ steps: ['CONSENT'], failureLimit: 0 })).toThrow('failureLimit must be null or an integer >= 1');
		});

		it('answers 403 for another organization’s session and 404 for a runner session read with the sandbox key', async () => {
			expect(await submit('other_org_session', 'CONSENT')).toMatchObject({ status: 403, json: { error: 'This session belongs to another organization.' } });
			expect((await call(sb, 'POST', '/v1/sessions/other_org_session/workflow/start')).status).toBe(403);
			const { session_id: id } = await runnerSession(['CONSENT']);
			expect((await call(sb, 'GET', `/v1/sessions/${id}/workflow`, { key: sb.keys.sandbox })).status).toBe(404);
		});

		it("counts current_step from 1 everywhere when currentStepBase is 1, and can keep session.created quiet", async () => {
			sb.configure({ currentStepBase: 1, runnerCreatedWebhook: false });
			const receiver = await startReceiver();
			try {
				sb.addWebhook({ url: receiver.url });
				const created = await runnerSession(['WHITE_LABEL', 'CONSENT']);
				expect(created.current_step).toBe(1);
				expect((await submit(created.session_id, 'WHITE_LABEL', { acknowledged: true })).json.current_step).toBe(2);
				expect((await state(created.session_id)).current_step).toBe(2);
				expect((await submit(created.session_id, 'CONSENT', { accepted: true, legal_name: 'A' })).json.current_step).toBeNull();
				await waitFor(() => receiver.received.length >= 2);
				await new Promise((resolve) => setTimeout(resolve, 50));
				expect(receiver.received.map((r) => r.body.type).sort()).toEqual(['session.status.submitted', 'session.status.verified']);
			} finally {
				await receiver.close();
			}
		});
	});
});
