import { startSandbox, type Sandbox } from '../../sandbox';
import { call } from './helpers';

const burst = (sb: Sandbox, n: number, key?: string) => Promise.all(Array.from({ length: n }, () => call(sb, 'GET', '/v1/auth/verify', { key })));

describe('sandbox server: rate limit', () => {
	let sb: Sandbox;
	afterEach(() => sb.close());

	it('allows a burst of 35 by default, then answers 429 {"error":"Too Many Requests"} without Retry-After', async () => {
		sb = await startSandbox();
		const start = Date.now();
		const answers = await burst(sb, 60);
		const refilled = Math.ceil(((Date.now() - start) / 1000) * 25); // tokens come back at 25/s meanwhile
		const ok = answers.filter((a) => a.status === 200).length;
		expect(ok).toBeGreaterThanOrEqual(35);
		expect(ok).toBeLessThanOrEqual(35 + refilled);
		const limited = answers.filter((a) => a.status === 429);
		expect(limited[0].text).toBe('{"error":"Too Many Requests"}');
		expect(limited[0].headers.get('retry-after')).toBeNull();
		expect(sb.stats.rateLimited).toBe(limited.length);
	});

	it('counts per key, exactly, and sends Retry-After when configured', async () => {
		sb = await startSandbox({ rateLimit: { perSecond: 0.5, burst: 3 }, retryAfter: 'seconds' });
		const statuses = (await burst(sb, 5)).map((a) => a.status);
		expect(statuses.sort()).toEqual([200, 200, 200, 429, 429]);
		const limited = await call(sb, 'GET', '/v1/auth/verify');
		expect(limited.headers.get('retry-after')).toBe('2');
		expect((await call(sb, 'GET', '/v1/sessions/test_verified', { key: sb.keys.sandbox })).status).toBe(200);
		sb.configure({ retryAfter: 'http-date' });
		const dated = await call(sb, 'GET', '/v1/auth/verify');
		expect(Date.parse(dated.headers.get('retry-after')!)).toBeGreaterThan(Date.now() - 1000);
	});

	it('applies the daily quota', async () => {
		sb = await startSandbox({ rateLimit: { perDay: 2 }, retryAfter: 'seconds' });
		const statuses = (await burst(sb, 3)).map((a) => a.status);
		expect(statuses.sort()).toEqual([200, 200, 429]);
		const limited = await call(sb, 'GET', '/v1/auth/verify');
		expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
	});

	it('never limits control routes, and can be switched off', async () => {
		sb = await startSandbox({ rateLimit: { perSecond: 0.01, burst: 1 } });
		await burst(sb, 2);
		const control = await Promise.all(Array.from({ length: 5 }, () => fetch(`${sb.url}/__sandbox/stats`)));
		expect(control.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
		sb.configure({ rateLimit: false });
		expect((await burst(sb, 50)).every((a) => a.status === 200)).toBe(true);
	});
});
