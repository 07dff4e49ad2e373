import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSandbox, type Sandbox } from '../../sandbox';
import { call, jsonOf, startReceiver, validPerson, waitFor } from './helpers';

describe('sandbox server: webhooks', () => {
	let sb: Sandbox;
	let receiver: Awaited<ReturnType<typeof startReceiver>>;
	afterEach(async () => {
		await sb.close();
		await receiver.close();
	});

	it('delivers session.created with the secret as deepidv-signature (registered via the control route)', async () => {
		sb = await startSandbox();
		receiver = await startReceiver();
		const registered = await fetch(`${sb.url}/__sandbox/webhooks`, { method: 'POST', body: JSON.stringify({ url: receiver.url, secret: 'whsec_test' }) });
		expect(registered.status).toBe(201);

		const created = await call(sb, 'POST', '/v1/sessions', { body: validPerson });
		await waitFor(() => sb.deliveries.length === 1);
		const [delivery] = receiver.received;
		expect(delivery.headers['deepidv-signature']).toBe('whsec_test');
		expect(delivery.headers['content-type']).toBe('application/json');
		expect(delivery.body.type).toBe('session.created');
		expect(delivery.body.data).toMatchObject({ id: created.json.id, status: 'PENDING', session_progress: 'PENDING' });
		expect(delivery.body.data).not.toHaveProperty('analysis_data');
		expect(sb.deliveries).toEqual([expect.objectContaining({ url: receiver.url, type: 'session.created', attempt: 1, status: 200 })]);
	});

	it('retries non-2xx answers per webhookRetry', async () => {
		sb = await startSandbox({ webhookRetry: { attempts: 4, delaysMs: [20] } });
		receiver = await startReceiver([500, 503, 204]);
		sb.addWebhook({ url: receiver.url, secret: 'whsec_retry' });
		await call(sb, 'PATCH', '/v1/sessions/test_pending/update-status', { body: { new_status: 'VERIFIED' } });
		await waitFor(() => sb.deliveries.length === 3);
		expect(sb.deliveries.map((d) => [d.attempt, d.status])).toEqual([
			[1, 500],
			[2, 503],
			[3, 204],
		]);
		expect(receiver.received.map((r) => r.body)).toEqual(Array(3).fill({ type: 'session.status.verified', data: expect.objectContaining({ id: 'test_pending', status: 'VERIFIED' }) }));
		await new Promise((resolve) => setTimeout(resolve, 60));
		expect(receiver.received).toHaveLength(3);
	});

	it('treats no answer within webhookTimeoutMs as a failure, without delaying the API answer', async () => {
		const silent = createServer(() => undefined);
		await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
		receiver = { url: '', received: [], close: async () => void silent.close() };
		sb = await startSandbox({ webhookTimeoutMs: 300, webhookRetry: { attempts: 2, delaysMs: [10] } });
		sb.addWebhook({ url: `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`, secret: 's' });
		const start = Date.now();
		expect((await call(sb, 'POST', '/v1/sessions', { body: validPerson })).status).toBe(200);
		expect(Date.now() - start).toBeLessThan(250);
		await waitFor(() => sb.deliveries.length === 2);
		expect(sb.deliveries.map((d) => [d.attempt, d.error])).toEqual([
			[1, expect.stringContaining('no answer')],
			[2, expect.stringContaining('no answer')],
		]);
		silent.closeAllConnections();
	});

	it('filters by events, and fires submitted / failed from the control routes', async () => {
		sb = await startSandbox();
		receiver = await startReceiver();
		sb.addWebhook({ url: receiver.url, secret: 'a', events: ['session.status.submitted', 'session.status.failed'] });

		const submitted = await fetch(`${sb.url}/__sandbox/sessions/test_pending/submit`, { method: 'POST' });
		expect((await jsonOf(submitted)).session_record).toMatchObject({ status: 'SUBMITTED', session_progress: 'COMPLETED', submitted_at: expect.any(String) });
		await call(sb, 'POST', '/v1/sessions', { body: validPerson });
		expect(sb.failSession('test_verified')).toMatchObject({ status: 'FAILED', session_progress: 'COMPLETED' });
		expect((await fetch(`${sb.url}/__sandbox/sessions/nope/fail`, { method: 'POST' })).status).toBe(404);

		await waitFor(() => receiver.received.length === 2);
		const data = Object.fromEntries(receiver.received.map((r) => [r.body.type, r.body.data]));
		expect(Object.keys(data).sort()).toEqual(['session.status.failed', 'session.status.submitted']);
		expect(data['session.status.submitted'].analysis_data.compare_faces_data.face_match_confidence).toEqual(expect.any(Number));
		expect(data['session.status.failed'].meta_data.failureData.failedAttempts).toBe(3);
	});

	it('cancels pending retries on close', async () => {
		sb = await startSandbox({ webhookRetry: { attempts: 3, delaysMs: [60000] } });
		receiver = await startReceiver([500]);
		sb.addWebhook({ url: receiver.url, secret: 'a' });
		await call(sb, 'POST', '/v1/sessions', { body: validPerson });
		await waitFor(() => sb.deliveries.length === 1);
		const start = Date.now();
		await sb.close();
		expect(Date.now() - start).toBeLessThan(1000);
		expect(sb.deliveries).toHaveLength(1);
	});
});
