import { startSandbox, type Sandbox } from '../../sandbox';
import { runDeepIdv } from '../helpers/engine';
import { waitFor } from '../sandbox/helpers';
import { SECRET, startTriggerReceiver, type Receiver } from './harness';

/** Real deliveries: the local DeepIDV sandbox server POSTs its webhook events over HTTP to the trigger. */
describe('DeepIDV Trigger with events delivered by the sandbox server', () => {
	let sb: Sandbox;
	let receiver: Receiver;

	beforeEach(async () => {
		sb = await startSandbox({ rateLimit: false, webhookRetry: { attempts: 3, delaysMs: [20] } });
	});
	afterEach(async () => {
		await sb.close();
		await receiver.close();
	});

	it('starts the workflow with the submitted session when the applicant submits', async () => {
		receiver = await startTriggerReceiver({ parameters: { events: ['session.status.submitted'] } });
		sb.addWebhook({ url: receiver.url, secret: SECRET });

		const record = sb.submitSession('test_pending')!;
		await waitFor(() => sb.deliveries.length === 1);

		expect(sb.deliveries.map((d) => [d.type, d.attempt, d.status])).toEqual([['session.status.submitted', 1, 200]]);
		expect(receiver.outcomes).toHaveLength(1);
		expect(receiver.outcomes[0].items).toEqual([
			{ json: { event_type: 'session.status.submitted', event_time: record.updated_at, ...record } },
		]);
		expect(receiver.outcomes[0].items?.[0].json).toMatchObject({
			id: 'test_pending',
			status: 'SUBMITTED',
			analysis_data: { id_matches_selfie: expect.any(Boolean), faceliveness_score: expect.any(Number) },
		});
	});

	it('acknowledges an unselected event once, so DeepIDV does not retry it, and starts nothing', async () => {
		receiver = await startTriggerReceiver({ parameters: { events: ['session.status.submitted'] } });
		sb.addWebhook({ url: receiver.url, secret: SECRET });

		sb.failSession('test_pending');
		await waitFor(() => sb.deliveries.length === 1);
		await new Promise((resolve) => setTimeout(resolve, 100));

		expect(sb.deliveries.map((d) => [d.type, d.attempt, d.status])).toEqual([['session.status.failed', 1, 200]]);
		expect(receiver.outcomes.map((o) => o.items)).toEqual([undefined]);
	});

	it("refuses a webhook that carries another secret with 401 on every retry, and starts nothing", async () => {
		receiver = await startTriggerReceiver({ parameters: { events: ['*'] } });
		sb.addWebhook({ url: receiver.url, secret: 'whsec_of_another_webhook' });

		sb.submitSession('test_pending');
		await waitFor(() => sb.deliveries.length === 3);

		expect(sb.deliveries.map((d) => [d.attempt, d.status])).toEqual([
			[1, 401],
			[2, 401],
			[3, 401],
		]);
		expect(receiver.outcomes.every((o) => o.items === undefined)).toBe(true);
	});

	it('starts on Session Verified after the DeepIDV node sets the status (Update Status → webhook → trigger)', async () => {
		receiver = await startTriggerReceiver({ parameters: { events: ['session.status.verified'] } });
		sb.addWebhook({ url: receiver.url, secret: SECRET });

		const update = await runDeepIdv({
			parameters: {
				resource: 'session',
				operation: 'updateStatus',
				sessionId: { __rl: true, mode: 'id', value: 'test_submitted' },
				status: 'VERIFIED',
			},
			credential: { apiKey: sb.keys.live, baseUrl: sb.url },
		});
		expect(update.error).toBeUndefined();
		await waitFor(() => receiver.outcomes.length === 1);

		expect(receiver.outcomes[0].items?.[0].json).toMatchObject({
			event_type: 'session.status.verified',
			event_time: update.items[0].json.updated_at,
			id: 'test_submitted',
			status: 'VERIFIED',
		});
	});
});
