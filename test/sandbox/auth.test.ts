import { DEFAULT_KEYS, startSandbox, type Sandbox } from '../../sandbox';
import { call } from './helpers';

const SANDBOX_WRITE = 'This is a sandbox API key. Use a live API key to create or modify resources.';

describe('sandbox server: API keys', () => {
	let sb: Sandbox;
	beforeEach(async () => {
		sb = await startSandbox();
	});
	afterEach(() => sb.close());

	it('listens on 127.0.0.1 with the default keys', () => {
		expect(sb.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(sb.keys).toEqual(DEFAULT_KEYS);
	});

	it('answers 403 {error} for a missing key by default, and 401 / {detail} when configured', async () => {
		expect(await call(sb, 'GET', '/v1/sessions', { key: null })).toMatchObject({ status: 403, json: { error: 'API key is missing.' } });
		sb.configure({ missingKeyStatus: 401, authErrorShape: 'detail' });
		expect(await call(sb, 'GET', '/v1/sessions', { key: null })).toMatchObject({ status: 401, json: { detail: 'API key is missing.' } });
	});

	it('answers 401 for a wrong key', async () => {
		expect(await call(sb, 'GET', '/v1/auth/verify', { key: 'sk_nope' })).toMatchObject({ status: 401, json: { error: 'Invalid API key.' } });
	});

	it('verifies a key: GET /v1/auth/verify', async () => {
		const answer = await call(sb, 'GET', '/v1/auth/verify');
		expect(answer.status).toBe(200);
		expect(answer.json).toEqual({ valid: true, organization: { id: expect.any(String), name: expect.any(String), status: 'active' } });
	});

	it('answers 404 for other /v1 routes and 405 for a wrong method', async () => {
		expect(await call(sb, 'GET', '/v1/nothing-here')).toMatchObject({ status: 404, json: { error: 'Not found' } });
		const wrong = await call(sb, 'DELETE', '/v1/sessions/test_verified');
		expect(wrong.status).toBe(405);
		expect(wrong.headers.get('allow')).toBe('GET');
	});

	it('accepts keys from options', async () => {
		const custom = await startSandbox({ keys: { live: 'sk_live_custom' } });
		try {
			expect(custom.keys).toEqual({ live: 'sk_live_custom', sandbox: DEFAULT_KEYS.sandbox });
			expect((await call(custom, 'GET', '/v1/auth/verify', { key: 'sk_live_custom' })).status).toBe(200);
			expect((await call(custom, 'GET', '/v1/auth/verify', { key: DEFAULT_KEYS.live })).status).toBe(401);
		} finally {
			await custom.close();
		}
	});
});

describe('sandbox server: the Sandbox API Key', () => {
	let sb: Sandbox;
	beforeEach(async () => {
		sb = await startSandbox();
	});
	afterEach(() => sb.close());

	it.each([
		['test_verified', 'VERIFIED', 'COMPLETED'],
		['test_rejected', 'REJECTED', 'COMPLETED'],
		['test_submitted', 'SUBMITTED', 'COMPLETED'],
		['test_pending', 'PENDING', 'PENDING'],
		['test_voided', 'VOIDED', 'COMPLETED'],
	])('returns the fixture %s', async (id, status, progress) => {
		const answer = await call(sb, 'GET', `/v1/sessions/${id}`, { key: sb.keys.sandbox });
		expect(answer.status).toBe(200);
		expect(answer.json.session_record).toMatchObject({ id, status, session_progress: progress });
		expect(answer.json.session_record.analysis_data === undefined).toBe(id === 'test_pending' || id === 'test_voided');
	});

	it('lists exactly the five fixtures with next_token null', async () => {
		const answer = await call(sb, 'GET', '/v1/sessions', { key: sb.keys.sandbox, query: { by_organization: 'true' } });
		expect(answer.json.next_token).toBeNull();
		expect(answer.json.sessions.map((s: { id: string }) => s.id).sort()).toEqual(['test_pending', 'test_rejected', 'test_submitted', 'test_verified', 'test_voided']);
	});

	it('returns test_workflow with 11 steps', async () => {
		const list = await call(sb, 'GET', '/v1/workflows', { key: sb.keys.sandbox });
		expect(list.json.workflows).toHaveLength(1);
		expect(list.json.workflows[0]).toMatchObject({ id: 'test_workflow', status: 'active' });
		expect(list.json.workflows[0].steps).toHaveLength(11);
		const one = await call(sb, 'GET', '/v1/workflows/test_workflow', { key: sb.keys.sandbox });
		expect(one.json.workflow.steps[0]).toEqual({ id: 'id-verification', config: expect.any(Object) });
	});

	it.each([
		['POST', '/v1/sessions'],
		['POST', '/v1/idv'],
		['PATCH', '/v1/sessions/test_pending/update-status'],
		['POST', '/v1/workflows'],
		['PATCH', '/v1/workflows/test_workflow/steps/ID_VERIFICATION/config'],
		['POST', '/v1/re-verifications'],
		['DELETE', '/v1/sessions/test_pending'],
	])('refuses %s %s with the documented 403', async (method, path) => {
		const answer = await call(sb, method, path, { key: sb.keys.sandbox, body: { new_status: 'VERIFIED' } });
		expect(answer.status).toBe(403);
		expect(answer.text).toBe(JSON.stringify({ error: SANDBOX_WRITE }));
	});

	it('does not see live changes, and unknown ids are 404 or generated (sandboxUnknownId)', async () => {
		await call(sb, 'PATCH', '/v1/sessions/test_pending/update-status', { body: { new_status: 'REJECTED' } });
		expect((await call(sb, 'GET', '/v1/sessions/test_pending', { key: sb.keys.sandbox })).json.session_record.status).toBe('PENDING');
		expect((await call(sb, 'GET', '/v1/sessions/abc', { key: sb.keys.sandbox })).status).toBe(404);
		sb.configure({ sandboxUnknownId: 'random' });
		const first = await call(sb, 'GET', '/v1/sessions/abc', { key: sb.keys.sandbox });
		expect(first.status).toBe(200);
		expect(first.json.session_record.id).toBe('abc');
		expect((await call(sb, 'GET', '/v1/sessions/abc', { key: sb.keys.sandbox })).json).toEqual(first.json);
	});
});
