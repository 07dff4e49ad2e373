import { startSandbox, type Sandbox } from '../../sandbox';
import { call, type Json } from './helpers';

describe('sandbox server: workflow management, progress and re-verification', () => {
	let sb: Sandbox;
	beforeEach(async () => {
		sb = await startSandbox({ rateLimit: false });
	});
	afterEach(() => sb.close());

	const workflowNamed = async (name: string) =>
		(await call(sb, 'GET', '/v1/workflows')).json.workflows.find((w: { name: string }) => w.name === name);

	describe('POST /v1/workflows', () => {
		it('creates an active workflow (201), shown in the stored form and listed first', async () => {
			const answer = await call(sb, 'POST', '/v1/workflows', {
				body: { name: 'Onboarding', steps: [{ id: 'ID_VERIFICATION', config: { minimum_age: 21, enable_fraud_analysis: false } }, { id: 'FACE_LIVENESS' }] },
			});
			expect(answer.status).toBe(201);
			expect(answer.json).toEqual({
				workflow: {
					id: expect.stringMatching(/^[0-9a-f-]{36}$/),
					name: 'Onboarding',
					status: 'active',
					organization_id: expect.any(String),
					created_at: expect.any(String),
					updated_at: expect.any(String),
					steps: [
						{ id: 'id-verification', config: { minimum_age: 21, enable_fraud_analysis: false } },
						{ id: 'face-liveness', config: {} },
					],
				},
			});
			const [newest] = (await call(sb, 'GET', '/v1/workflows')).json.workflows;
			expect(newest).toEqual({ id: answer.json.workflow.id, name: 'Onboarding', status: 'active', steps: ['ID_VERIFICATION', 'FACE_LIVENESS'], created_at: answer.json.workflow.created_at });
		});

		it('reports every problem as a hint: name, step count, unknown and repeated steps, config types and ranges', async () => {
			const paths = async (body: unknown) => {
				const answer = await call(sb, 'POST', '/v1/workflows', { body });
				expect(answer.status).toBe(400);
				expect(answer.json.message).toBe('Invalid request body');
				return answer.json.hints.map((hint: Json) => hint.path.join('.'));
			};
			expect(await paths({ steps: [] })).toEqual(['name', 'steps']);
			expect(await paths({ name: 'x'.repeat(256), steps: Array.from({ length: 11 }, () => ({ id: 'KYB' })) })).toEqual(
				expect.arrayContaining(['name', 'steps', 'steps.1.id']),
			);
			expect(
				await paths({
					name: 'W',
					steps: [
						{ id: 'id_verification' },
						{ id: 'ID_VERIFICATION', config: { minimum_age: 30, maximum_age: 20, expiry_date_years: 11, escalation_type: 'call' } },
						{ id: 'FACE_LIVENESS', config: { confidence_threshold: 101 } },
						{ id: 'ID_VERIFICATION' },
					],
				}),
			).toEqual(['steps.0.id', 'steps.1.config.expiry_date_years', 'steps.1.config.escalation_type', 'steps.1.config.minimum_age', 'steps.2.config.confidence_threshold', 'steps.3.id']);
		});

		it('checks every step against the documented step table: unknown keys, lists, required settings, escalation and fraud analysis, earlier steps', async () => {
			const hints = async (steps: unknown[]) => {
				const answer = await call(sb, 'POST', '/v1/workflows', { body: { name: 'W', steps } });
				expect(answer.status).toBe(400);
				return answer.json.hints.map((hint: Json) => [hint.path.join('.'), hint.code, hint.message]);
			};
			expect(
				await hints([
					{ id: 'ID_VERIFICATION', config: { minimum_age: 18.5, escalation_type: 'nfc-passport', enable_fraud_analysis: false, smile: true } },
					{ id: 'VPN_DETECTION', config: { vpn_action: 'warn', trusted_ip_list: ['10.0.0.0/8', 7] } },
					{ id: 'E_SIGNATURE' },
					{ id: 'PEP_SANCTIONS', config: { fuzzy: true } },
				]),
			).toEqual([
				['steps.0.config', 'unrecognized_keys', "Unrecognized key(s) in object: 'smile'"],
				['steps.0.config.minimum_age', 'invalid_type', 'Expected integer, received float'],
				['steps.0.config.enable_fraud_analysis', 'custom', 'enable_fraud_analysis must be true when escalation_type is not none'],
				['steps.1.config.vpn_action', 'invalid_enum_value', "Invalid enum value. Expected 'block' | 'flag' | 'step-up' | 'allow', received 'warn'"],
				['steps.1.config.trusted_ip_list.1', 'invalid_type', 'Expected string, received number'],
				['steps.2.config.template_id', 'invalid_type', 'Required'],
				['steps.2.config.template_signer_count', 'invalid_type', 'Required'],
				['steps.3.config', 'unrecognized_keys', "Unrecognized key(s) in object: 'fuzzy'"],
			]);
			expect(await hints([{ id: 'TITLE_SEARCH' }, { id: 'ID_VERIFICATION' }])).toEqual([['steps.0.id', 'custom', 'TITLE_SEARCH requires an earlier ID_VERIFICATION step']]);
			const created = await call(sb, 'POST', '/v1/workflows', {
				body: { name: 'iGaming', steps: [{ id: 'ID_VERIFICATION', config: { escalation_type: 'nfc-passport' } }, { id: 'ANTI_CHEAT', config: { link_sensitivity: 3, signal_ip_weight: 0.4 } }] },
			});
			expect(created.status).toBe(201);
			expect(created.json.workflow.steps).toEqual([
				{ id: 'id-verification', config: { escalation_type: 'nfc-passport' } },
				{ id: 'anti-cheat', config: { link_sensitivity: 3, signal_ip_weight: 0.4 } },
			]);
		});
	});

	describe('PATCH /v1/workflows/{id}/steps/{step_id}/config', () => {
		it('merges the given settings into the step, for either form of the step id', async () => {
			const kyc = await workflowNamed('KYC Standard');
			const answer = await call(sb, 'PATCH', `/v1/workflows/${kyc.id}/steps/id-verification/config`, { body: { config: { minimum_age: 21 } } });
			expect(answer.status).toBe(200);
			expect(answer.json.workflow.steps[0]).toEqual({
				id: 'id-verification',
				config: { minimum_age: 21, expiry_date_years: 0, require_secondary_id: false, enable_fraud_analysis: true },
			});
			expect(Date.parse(answer.json.workflow.updated_at)).toBeGreaterThan(Date.parse(answer.json.workflow.created_at));
			expect((await call(sb, 'GET', `/v1/workflows/${kyc.id}`)).json).toEqual(answer.json);
		});

		it('answers 409 legacy_step_config for the seeded legacy step, 404 for an unknown workflow or step, 400 for bad settings', async () => {
			const edd = await workflowNamed('Enhanced Due Diligence');
			const before = (await call(sb, 'GET', `/v1/workflows/${edd.id}`)).json;
			expect(await call(sb, 'PATCH', `/v1/workflows/${edd.id}/steps/ADDRESS_VERIFICATION/config`, { body: { config: {} } })).toMatchObject({
				status: 409,
				json: { error: 'legacy_step_config' },
			});
			expect(await call(sb, 'PATCH', `/v1/workflows/nope/steps/KYB/config`, { body: { config: {} } })).toMatchObject({ status: 404, json: { error: 'Workflow not found' } });
			expect(await call(sb, 'PATCH', `/v1/workflows/${edd.id}/steps/KYB/config`, { body: { config: {} } })).toMatchObject({ status: 404, json: { error: 'Step not found in workflow' } });
			sb.configure({ unknownWorkflowStepStatus: 400 });
			expect((await call(sb, 'PATCH', `/v1/workflows/${edd.id}/steps/KYB/config`, { body: { config: {} } })).status).toBe(400);
			const bad = await call(sb, 'PATCH', `/v1/workflows/${edd.id}/steps/FACE_LIVENESS/config`, { body: { config: { confidence_threshold: '80' } } });
			expect(bad.status).toBe(400);
			expect(bad.json.hints[0].path).toEqual(['config', 'confidence_threshold']);
			// The checks across settings see the step as it would be: EDD's ID verification has minimum_age 18.
			const crossed = await call(sb, 'PATCH', `/v1/workflows/${edd.id}/steps/ID_VERIFICATION/config`, { body: { config: { maximum_age: 16 } } });
			expect(crossed).toMatchObject({ status: 400, json: { hints: [{ code: 'custom', path: ['config', 'minimum_age'], message: 'minimum_age must not be greater than maximum_age' }] } });
			expect((await call(sb, 'GET', `/v1/workflows/${edd.id}`)).json).toEqual(before);
		});
	});

	describe('GET /v1/sessions/{id}/workflow', () => {
		const progress = async (id: string) => (await call(sb, 'GET', `/v1/sessions/${id}/workflow`)).json;
		const statuses = (answer: Json) => answer.steps.map((step: Json) => [step.status, step.attempts, step.failure_reason]);

		it('follows the session state: not started, in progress, finished, failed', async () => {
			const pending = await progress('test_pending');
			expect(pending).toMatchObject({ session_id: 'test_pending', status: 'PENDING', session_progress: 'PENDING', current_step: 0, attempts_remaining: 3 });
			expect(pending.steps).toHaveLength(11);
			expect(pending.steps[0]).toEqual({ step_id: 'ID_VERIFICATION', status: 'PENDING', attempts: 0, started_at: null, completed_at: null, failure_reason: null, requirements: {} });

			const verified = await progress('test_verified');
			expect(verified).toMatchObject({ current_step: null, attempts_remaining: null });
			expect(verified.steps.every((step: Json) => step.status === 'COMPLETED')).toBe(true);

			const started = sb.listSessions().find((s) => s.session_record.session_progress === 'STARTED' && s.session_record.workflow_id)!.session_record;
			const inProgress = await progress(started.id);
			expect(inProgress).toMatchObject({ status: 'PENDING', session_progress: 'STARTED', current_step: 1, attempts_remaining: 2 });
			expect(statuses(inProgress).slice(0, 3)).toEqual([['COMPLETED', 1, null], ['IN_PROGRESS', 1, 'NO_FACE_DETECTED'], ['PENDING', 0, null]]);

			sb.failSession('test_submitted');
			const failed = await progress('test_submitted');
			expect(failed).toMatchObject({ status: 'FAILED', session_progress: 'COMPLETED', current_step: null, attempts_remaining: 0 });
			expect(statuses(failed).slice(0, 3)).toEqual([['COMPLETED', 1, null], ['FAILED', 3, 'FACE_MISMATCH'], ['PENDING', 0, null]]);
		});

		it('counts current_step from 1 with currentStepBase 1; 404 without a workflow, 403 for another organization', async () => {
			sb.configure({ currentStepBase: 1 });
			expect((await progress('test_pending')).current_step).toBe(1);
			expect(await call(sb, 'GET', '/v1/sessions/reverify_no_biometric/workflow')).toMatchObject({ status: 404, json: { error: 'This session has no workflow execution' } });
			expect((await call(sb, 'GET', '/v1/sessions/nope/workflow')).status).toBe(404);
			expect((await call(sb, 'GET', '/v1/sessions/other_org_session/workflow')).status).toBe(403);
			expect((await call(sb, 'GET', '/v1/sessions/test_pending/workflow', { key: sb.keys.sandbox })).status).toBe(200);
		});
	});

	describe('POST /v1/re-verifications', () => {
		const reVerify = (session_id: unknown) => call(sb, 'POST', '/v1/re-verifications', { body: { session_id } });

		it('creates one (201), then hands back the open one (200, reused) until it expires', async () => {
			const first = await reVerify('test_verified');
			expect(first.status).toBe(201);
			expect(first.json).toEqual({
				re_verification_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
				original_session_id: 'test_verified',
				status: 'PENDING',
				expires_at: expect.any(String),
				reused: false,
				consent_required: true,
				liveness: { challenge_type: 'FaceMovementChallenge' },
			});
			expect(Date.parse(first.json.expires_at) - Date.now()).toBeGreaterThan(71 * 3600e3);
			const second = await reVerify('test_verified');
			expect(second).toMatchObject({ status: 200, json: { ...first.json, reused: true } });

		});

		it('starts a new one once the open one has expired (reVerificationTtlHours)', async () => {
			sb.configure({ reVerificationTtlHours: 0.0001 });
			const { id } = sb.addSession({ status: 'VERIFIED', session_progress: 'COMPLETED', uploads: { selfie_front: true } });
			const first = await reVerify(id);
			await new Promise((resolve) => setTimeout(resolve, 400));
			const second = await reVerify(id);
			expect([first.status, second.status]).toEqual([201, 201]);
			expect(second.json.re_verification_id).not.toBe(first.json.re_verification_id);
		});

		it.each([
			['test_pending', 422, 'not_verified'],
			['test_rejected', 422, 'not_verified'],
			['reverify_type_not_allowed', 422, 'type_not_allowed'],
			['reverify_disabled', 422, 'reverify_disabled'],
			['reverify_no_biometric', 422, 'no_biometric'],
			['nope', 404, 'not_found'],
			['other_org_session', 404, 'not_found'],
		])('refuses %s with %i %s', async (id, status, reason) => {
			expect(await reVerify(id)).toMatchObject({ status, json: { error: reason } });
		});

		it('asks for session_id', async () => {
			const answer = await call(sb, 'POST', '/v1/re-verifications', { body: {} });
			expect(answer).toMatchObject({ status: 400, json: { message: 'Invalid request body', hints: [{ path: ['session_id'], message: 'Required' }] } });
		});
	});
});
