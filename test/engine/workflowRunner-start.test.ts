import { runOperation } from '../helpers/screening';
import { useSandbox } from '../helpers/sandbox';
import { PERSON, bySessionId, byWorkflowId, calls } from '../helpers/runner';

describe('Workflow Runner → Start Workflow through the n8n engine', () => {
	const env = useSandbox();
	const newSession = async (steps: string[]) => {
		const workflowId = env.sb.addRunnerWorkflow({ steps }).id;
		const { items } = await runOperation(env.sb, 'workflowRunner', 'createSession', { ...byWorkflowId(workflowId), ...PERSON });
		env.sb.clearRequests();
		return items[0].json.session_id as string;
	};
	const start = (sessionId: string, options: { continueOnFail?: boolean } = {}) => runOperation(env.sb, 'workflowRunner', 'start', bySessionId(sessionId), options);

	it("sends POST /v1/sessions/{id}/workflow/start and outputs the session's workflow state; changing nothing, it can be repeated", async () => {
		const { sb } = env;
		const sessionId = await newSession(['PHONE_TRUST_CHECK', 'CONSENT']);
		const first = await start(sessionId);
		const second = await start(sessionId);
		expect(first.error).toBeUndefined();
		expect(calls(sb)).toEqual([`POST /v1/sessions/${sessionId}/workflow/start`, `POST /v1/sessions/${sessionId}/workflow/start`]);
		expect(sb.requests[0].headers['x-api-key']).toBe(sb.keys.live);
		expect(first.items).toEqual([
			{
				json: {
					session_id: sessionId,
					status: 'PENDING',
					session_progress: 'PENDING',
					steps: [
						expect.objectContaining({ step_id: 'PHONE_TRUST_CHECK', status: 'PENDING', attempts: 0 }),
						expect.objectContaining({ step_id: 'CONSENT', status: 'PENDING', attempts: 0 }),
					],
					current_step: 0,
					attempts_remaining: 3,
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(second.items[0].json).toEqual(first.items[0].json);
	});

	it('explains the 409 of a session that has already begun', async () => {
		const { sb } = env;
		const sessionId = await newSession(['PHONE_TRUST_CHECK', 'CONSENT']);
		await runOperation(sb, 'workflowRunner', 'submitStep', { ...bySessionId(sessionId), stepId: 'PHONE_TRUST_CHECK' });
		const { error } = await start(sessionId);
		expect(error?.message).toBe(`Session "${sessionId}" has already been started, or can no longer run (DeepIDV: Session has already been started or is no longer runnable)`);
		expect(error?.description).toContain('submit its current step (Workflow Runner → Submit Step, or Run With Files with Continue a Session)');
	});

	it('names a session without a workflow run in the 404', async () => {
		const { error } = await start('0b8f3a52-7c1e-4d6a-9f2b-5e4c3d2a1b00');
		expect(error?.message).toBe('Session "0b8f3a52-7c1e-4d6a-9f2b-5e4c3d2a1b00" was not found in DeepIDV, or it has no workflow run');
	});

	it('refuses an empty Session before any request', async () => {
		const { error } = await start(' ');
		expect(error?.message).toBe('The Session parameter is empty');
		expect(env.sb.requests).toEqual([]);
	});
});
