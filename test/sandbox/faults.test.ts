import { startSandbox, type Sandbox } from '../../sandbox';
import { call, validPerson } from './helpers';

describe('sandbox server: faults', () => {
	let sb: Sandbox;
	beforeEach(async () => {
		sb = await startSandbox();
	});
	afterEach(() => sb.close());

	it('answers an injected 402 in DeepIDV’s plain-text form', async () => {
		sb.injectFaults([{ status: 402 }]);
		const answer = await call(sb, 'POST', '/v1/sessions', { body: validPerson });
		expect(answer.status).toBe(402);
		expect(answer.headers.get('content-type')).toBe('text/plain');
		expect(answer.text).toBe('Insufficient funds or subscription.');
		expect(sb.stats.created).toBe(0);
	});

	it('consumes one-shot faults in order, each by the next request it matches', async () => {
		sb.injectFaults([{ status: 500, match: { method: 'POST' } }, { status: 503 }, { status: 429, retryAfter: '2' }]);
		expect(await call(sb, 'GET', '/v1/auth/verify')).toMatchObject({ status: 503, json: { error: 'Service Unavailable' } });
		const limited = await call(sb, 'GET', '/v1/auth/verify');
		expect(limited).toMatchObject({ status: 429, json: { error: 'Too Many Requests' } });
		expect(limited.headers.get('retry-after')).toBe('2');
		expect((await call(sb, 'GET', '/v1/auth/verify')).status).toBe(200);
		expect(await call(sb, 'POST', '/v1/sessions', { body: validPerson })).toMatchObject({ status: 500, json: { error: 'Internal Server Error' } });
		expect(sb.stats).toMatchObject({ faultsInjected: 3, rateLimited: 1 });
	});

	it('matches faults by path prefix or RegExp', async () => {
		sb.injectFaults([{ status: 500, match: { path: /update-status$/ } }, { status: 502, match: { path: '/v1/workflows' } }]);
		expect((await call(sb, 'GET', '/v1/sessions/test_pending')).status).toBe(200);
		expect((await call(sb, 'GET', '/v1/workflows')).status).toBe(502);
		expect((await call(sb, 'PATCH', '/v1/sessions/test_pending/update-status', { body: { new_status: 'VERIFIED' } })).status).toBe(500);
		expect(sb.getSession('test_pending')!.session_record.status).toBe('PENDING');
	});

	it("performs the effect first with when: 'after' (a create that fails still creates)", async () => {
		sb.injectFaults([{ status: 500, when: 'after' }]);
		expect((await call(sb, 'POST', '/v1/sessions', { body: { ...validPerson, external_id: 'dup-1' } })).status).toBe(500);
		expect(sb.stats.created).toBe(1);
		const listed = await call(sb, 'GET', '/v1/sessions', { query: { external_id: 'dup-1' } });
		expect(listed.json.sessions).toHaveLength(1);
	});

	it('resets the socket without answering, before or after the effect', async () => {
		sb.injectFaults([{ reset: true }]);
		await expect(call(sb, 'POST', '/v1/sessions', { body: validPerson })).rejects.toThrow();
		expect(sb.stats.created).toBe(0);

		sb.injectFaults([{ reset: true, when: 'after' }]);
		await expect(call(sb, 'PATCH', '/v1/sessions/test_pending/update-status', { body: { new_status: 'REJECTED' } })).rejects.toThrow();
		expect(sb.getSession('test_pending')!.session_record.status).toBe('REJECTED');
		expect(sb.stats.resets).toBe(2);
		expect(sb.requests).toHaveLength(2);
		expect((await call(sb, 'GET', '/v1/auth/verify')).status).toBe(200);
	});

	it('delays answers with delayMs and latencyMs', async () => {
		sb.injectFaults([{ delayMs: 150 }]);
		let start = Date.now();
		expect((await call(sb, 'GET', '/v1/auth/verify')).status).toBe(200);
		expect(Date.now() - start).toBeGreaterThanOrEqual(140);
		sb.configure({ latencyMs: 100 });
		start = Date.now();
		await call(sb, 'GET', '/v1/auth/verify');
		expect(Date.now() - start).toBeGreaterThanOrEqual(90);
	});

	it('rolls probabilistic faults reproducibly from the seed', async () => {
		const run = async (server: Sandbox) => {
			const statuses: number[] = [];
			for (let i = 0; i < 20; i++) statuses.push((await call(server, 'GET', '/v1/auth/verify')).status);
			return statuses;
		};
		sb.configure({ faults: [{ probability: 0.4, status: 503 }], seed: 7 });
		const other = await startSandbox({ faults: [{ probability: 0.4, status: 503 }], seed: 7 });
		try {
			const first = await run(sb);
			expect(first).toContain(503);
			expect(first).toContain(200);
			expect(await run(other)).toEqual(first);
		} finally {
			await other.close();
		}
	});

	it('rejects malformed faults', () => {
		expect(() => sb.injectFaults([{}])).toThrow(TypeError);
		expect(() => sb.injectFaults([{ status: 200 }])).toThrow(TypeError);
		expect(() => sb.configure({ faults: [{ probability: 2, status: 500 }] })).toThrow(TypeError);
	});
});
