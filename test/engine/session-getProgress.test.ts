import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { requestSummary, useSandbox } from '../helpers/sandbox';
import { runOperation } from '../helpers/screening';

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const TEST_WORKFLOW_STEPS = [
	'ID_VERIFICATION',
	'FACE_LIVENESS',
	'AGE_ESTIMATION',
	'DEEPFAKE_DETECTION',
	'ADDRESS_VERIFICATION',
	'PEP_SANCTIONS',
	'ADVERSE_MEDIA',
	'CONSENT',
	'DOCUMENT_UPLOAD',
	'CUSTOM_FORM',
	'PHONE_VERIFICATION',
];
/** The simplified steps: `states` gives [status, attempts, failure_reason] of the first ones, the rest PENDING. */
const stepsOf = (ids: string[], states: Array<[string, number, string | null]>) =>
	ids.map((step_id, index) => {
		const [status, attempts, failure_reason] = states[index] ?? ['PENDING', 0, null];
		return { step_id, status, attempts, failure_reason };
	});

describe('Session → Get Progress through the n8n engine', () => {
	const env = useSandbox();
	const progress = (sessionId: string, simplify = true) => runOperation(env.sb, 'session', 'getProgress', { sessionId: byId(sessionId), simplify });
	const seeded = (sb: Sandbox, status: string, sessionProgress: string) =>
		sb.listSessions().find((s) => s.session_record.status === status && s.session_record.session_progress === sessionProgress && s.session_record.workflow_id)!.session_record;

	it('sends one GET and says where an applicant who has not started is', async () => {
		const { sb } = env;
		const { items, error } = await progress('test_pending');
		expect(error).toBeUndefined();
		expect(sb.requests.map(requestSummary)).toEqual([
			{ method: 'GET', path: '/v1/sessions/test_pending/workflow', query: {}, apiKey: sb.keys.live, contentType: undefined, body: undefined },
		]);
		expect(items).toEqual([
			{
				json: {
					session_id: 'test_pending',
					status: 'PENDING',
					session_progress: 'PENDING',
					summary: 'Not started: step 1 of 11 (ID Verification) is next',
					current_step_id: 'ID_VERIFICATION',
					current_step_number: 1,
					step_count: 11,
					attempts_remaining: 3,
					steps: stepsOf(TEST_WORKFLOW_STEPS, []),
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('says which step an applicant is stuck on, with the failed attempt and what is left', async () => {
		const { sb } = env;
		const started = seeded(sb, 'PENDING', 'STARTED');
		const ids = started.workflow_steps!;
		const { items } = await progress(started.id);
		expect(items[0].json).toEqual({
			session_id: started.id,
			status: 'PENDING',
			session_progress: 'STARTED',
			summary: `At step 2 of ${ids.length} (Face Liveness), in progress: 1 attempt so far (last failure: NO_FACE_DETECTED), 2 attempts remaining`,
			current_step_id: 'FACE_LIVENESS',
			current_step_number: 2,
			step_count: ids.length,
			attempts_remaining: 2,
			steps: stepsOf(ids, [['COMPLETED', 1, null], ['IN_PROGRESS', 1, 'NO_FACE_DETECTED']]),
		});
		expect(ids[1]).toBe('FACE_LIVENESS');
	});

	it('says a session finished, failed or ended early', async () => {
		const { sb } = env;
		sb.failSession('test_submitted');
		const expired = seeded(sb, 'EXPIRED', 'PENDING');
		const summaries: IDataObject = {};
		for (const id of ['test_verified', 'test_submitted', 'test_voided', expired.id]) {
			const { items } = await progress(id);
			summaries[id] = [items[0].json.summary, items[0].json.current_step_id, items[0].json.attempts_remaining];
		}
		expect(summaries).toEqual({
			test_verified: ['Finished: all 11 steps done (status VERIFIED)', null, null],
			test_submitted: ['Stopped at step 2 of 11 (Face Liveness): failed after 3 attempts (last failure: FACE_MISMATCH) (status FAILED)', 'FACE_LIVENESS', 0],
			test_voided: ['Ended at step 2 of 11 (Face Liveness) before finishing it (status VOIDED)', 'FACE_LIVENESS', null],
			[expired.id]: [`Ended at step 1 of ${expired.workflow_steps!.length} (${expired.workflow_steps![0] === 'AGE_ESTIMATION' ? 'Age Estimation' : 'ID Verification'}) before finishing it (status EXPIRED)`, expired.workflow_steps![0], null],
		});
		const { items } = await progress('test_submitted');
		expect(items[0].json.steps).toEqual(stepsOf(TEST_WORKFLOW_STEPS, [['COMPLETED', 1, null], ['FAILED', 3, 'FACE_MISMATCH']]));
	});

	it('finds the current step from the steps, whether DeepIDV counts current_step from 0 or 1', async () => {
		const { sb } = env;
		const started = seeded(sb, 'PENDING', 'STARTED');
		const fromZero = (await progress(started.id)).items[0].json;
		sb.configure({ currentStepBase: 1 });
		const fromOne = (await progress(started.id)).items[0].json;
		expect(fromOne).toEqual(fromZero);
		const raw = (await progress(started.id, false)).items[0].json;
		expect(raw.current_step).toBe(2);
	});

	it('outputs DeepIDV’s answer unchanged with Simplify off', async () => {
		const { sb } = env;
		const { items } = await progress('test_verified', false);
		const raw = await (await fetch(`${sb.url}/v1/sessions/test_verified/workflow`, { headers: { 'x-api-key': sb.keys.live } })).json();
		expect(Object.keys(raw as object)).toEqual(['session_id', 'status', 'session_progress', 'steps', 'current_step', 'attempts_remaining']);
		expect(items).toEqual([{ json: raw, pairedItem: { item: 0 } }]);
	});

	it('explains a session without a workflow, and refuses an empty Session before sending', async () => {
		const { sb } = env;
		const { error } = await progress('reverify_no_biometric');
		expect(error?.message).toBe('Session "reverify_no_biometric" was not found in DeepIDV, or it does not run a DeepIDV workflow');
		expect(error?.description).toBe(
			'Check the Session parameter. Only sessions created with a workflow have steps to follow; for a session without one, use Session → Get.',
		);
		expect(error?.httpCode).toBe('404');
		sb.clearRequests();
		const empty = await progress('={{ "" }}');
		expect(empty.error?.message).toBe('The Session parameter is empty');
		expect(sb.requests).toEqual([]);
	});
});
