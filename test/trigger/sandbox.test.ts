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

	it("starts the workflow with the parent connect request, its child attestation ID and consent time, when a parent consents", async () => {
		receiver = await startTriggerReceiver({ parameters: { events: ['parent_connect.consent_given'] } });
		sb.addWebhook({ url: receiver.url, secret: SECRET });
		const created = await runDeepIdv({
			parameters: {
				resource: 'ageVerification',
				operation: 'create',
				method: 'parent-connect',
				firstName: 'Sam',
				lastName: 'Lee',
				email: 'parent@example.com',
				phone: '+15192223333',
				platformRestrictions: { restriction: [{ key: 'chat_enabled', label: 'Allow chat', type: 'toggle', defaultValue: 'false' }] },
			},
			credential: { apiKey: sb.keys.live, baseUrl: sb.url },
		});
		const childSessionId = created.items[0].json.id as string;

		const request = sb.consentParentConnect(childSessionId, { chat_enabled: true })!;
		await waitFor(() => sb.deliveries.length === 1);

		expect(sb.deliveries.map((d) => [d.type, d.attempt, d.status])).toEqual([['parent_connect.consent_given', 1, 200]]);
		expect(receiver.outcomes[0].items).toEqual([
			{ json: { event_type: 'parent_connect.consent_given', event_time: request.consent_given_at, ...request } },
		]);
		expect(request).toMatchObject({
			child_session_id: childSessionId,
			status: 'CONSENT_GIVEN',
			boundaries: { chat_enabled: true },
			child_attestation_id: expect.stringMatching(/^att_/),
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
