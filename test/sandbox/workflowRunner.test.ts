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
});
