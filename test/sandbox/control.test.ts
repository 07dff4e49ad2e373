import { startSandbox, type Sandbox } from '../../sandbox';
import { call, jsonOf, validPerson } from './helpers';

const control = (sb: Sandbox, method: string, path: string, body?: unknown) =>
	fetch(`${sb.url}/__sandbox/${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });

describe('sandbox server: recorded requests and control routes', () => {
	let sb: Sandbox;
	beforeEach(async () => {
		sb = await startSandbox();
	});
	afterEach(() => sb.close());

	it('records API requests raw, in order, and not the control routes', async () => {
		await call(sb, 'POST', '/v1/sessions', { body: validPerson, query: { a: '1' } });
		await call(sb, 'GET', '/v1/sessions/x%2Fy', { key: 'wrong' });
		await control(sb, 'GET', 'stats');
		expect(sb.requests).toHaveLength(2);
		expect(sb.requests[0]).toEqual({
			method: 'POST',
			path: '/v1/sessions',
			query: { a: '1' },
			headers: expect.objectContaining({ 'x-api-key': sb.keys.live, 'content-type': 'application/json' }),
			body: JSON.stringify(validPerson),
			json: validPerson,
			receivedAt: expect.any(Number),
		});
		expect(sb.requests[1]).toMatchObject({ path: '/v1/sessions/x%2Fy', json: undefined, body: '' });
		const listed = await jsonOf(await control(sb, 'GET', 'requests'));
		expect(listed.requests).toHaveLength(2);
		expect((await control(sb, 'DELETE', 'requests')).status).toBe(204);
		expect(sb.requests).toHaveLength(0);
		await call(sb, 'GET', '/v1/auth/verify');
		sb.clearRequests();
		expect(sb.requests).toHaveLength(0);
		expect(sb.stats.requests).toBe(3);
	});

	it('configures and injects faults over HTTP, refusing bad input with 400', async () => {
		expect((await control(sb, 'POST', 'config', { missingKeyStatus: 401 })).status).toBe(204);
		expect((await call(sb, 'GET', '/v1/sessions', { key: null })).status).toBe(401);
		const bad = await control(sb, 'POST', 'config', { missingKeyStatus: 418 });
		expect(bad.status).toBe(400);
		expect((await jsonOf(bad)).error).toContain('missingKeyStatus');
		expect((await control(sb, 'POST', 'config', { port: 1 })).status).toBe(400);

		expect((await control(sb, 'POST', 'faults', [{ status: 402, match: { path: '/v1/sessions' } }])).status).toBe(204);
		expect((await call(sb, 'GET', '/v1/auth/verify')).status).toBe(200);
		expect((await call(sb, 'GET', '/v1/sessions')).status).toBe(402);
		expect((await control(sb, 'POST', 'faults', [{ nope: true }])).status).toBe(400);
	});

	it('reports stats, deliveries and webhooks', async () => {
		await call(sb, 'POST', '/v1/sessions', { body: validPerson });
		expect(await jsonOf(await control(sb, 'GET', 'stats'))).toEqual({ requests: 1, rateLimited: 0, faultsInjected: 0, resets: 0, created: 1, billed: {}, uploads: 0 });
		expect(await jsonOf(await control(sb, 'GET', 'deliveries'))).toEqual({ deliveries: [] });
		const { webhook } = await jsonOf(await control(sb, 'POST', 'webhooks', { url: 'http://127.0.0.1:9/none' }));
		expect(webhook.secret).toMatch(/^whsec_/);
		expect((await jsonOf(await control(sb, 'GET', 'webhooks'))).webhooks).toHaveLength(1);
		expect((await control(sb, 'DELETE', 'webhooks')).status).toBe(204);
		expect((await jsonOf(await control(sb, 'GET', 'webhooks'))).webhooks).toHaveLength(0);
		expect((await control(sb, 'POST', 'webhooks', { url: 'ftp://x' })).status).toBe(400);
		expect((await control(sb, 'GET', 'nothing')).status).toBe(404);
	});
});
