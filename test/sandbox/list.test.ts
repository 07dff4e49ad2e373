import { startSandbox, type Sandbox, type SessionRecord } from '../../sandbox';
import { call, validPerson } from './helpers';

/** Follows next_token to the end; returns every page. */
async function allPages(sb: Sandbox, query: Record<string, string>): Promise<SessionRecord[][]> {
	const pages: SessionRecord[][] = [];
	let token: string | null = null;
	do {
		const answer = await call(sb, 'GET', '/v1/sessions', { query: token ? { ...query, next_token: token } : query });
		expect(answer.status).toBe(200);
		pages.push(answer.json.sessions);
		token = answer.json.next_token;
	} while (token !== null);
	return pages;
}

const ids = (records: { id: string }[]) => records.map((r) => r.id);

describe('sandbox server: list sessions', () => {
	let sb: Sandbox;
	let keyUserId: string;
	let orgId: string;
	beforeEach(async () => {
		sb = await startSandbox();
		const mine = sb.getSession('test_verified')!.session_record;
		keyUserId = mine.sender_user_id;
		orgId = mine.organization_id;
	});
	afterEach(() => sb.close());

	/** What a mode should return, computed from the store, newest first. */
	const expected = (keep: (r: SessionRecord) => boolean) =>
		sb
			.listSessions()
			.map((s) => s.session_record)
			.filter((r) => r.organization_id === orgId && keep(r));

	it('pages through the key user’s sessions (default mode) without repeats or gaps', async () => {
		const pages = await allPages(sb, {});
		expect(pages.map((p) => p.length)).toEqual([50, 50, 19]);
		const listed = pages.flat();
		expect(ids(listed)).toEqual(ids(expected((r) => r.sender_user_id === keyUserId)));
		expect(new Set(ids(listed)).size).toBe(listed.length);
		expect(listed[0]).not.toHaveProperty('resource_links');
	});

	it('pages through the whole organization with by_organization=true, at any limit', async () => {
		const all = expected(() => true);
		expect(all.length).toBeGreaterThan(130);
		expect(ids((await allPages(sb, { by_organization: 'true' })).flat())).toEqual(ids(all));
		const small = await allPages(sb, { by_organization: 'true', limit: '7' });
		expect(small.length).toBe(Math.ceil(all.length / 7));
		expect(ids(small.flat())).toEqual(ids(all));
	});

	it('orders newest first with a stable id tie-break, unaffected by sessions created while paging', async () => {
		const first = await call(sb, 'GET', '/v1/sessions', { query: { limit: '20' } });
		await call(sb, 'POST', '/v1/sessions', { body: validPerson });
		const rest = await allPages(sb, { limit: '20', next_token: first.json.next_token });
		const listed = [...first.json.sessions, ...rest.flat()];
		expect(ids(listed)).toEqual(ids(expected((r) => r.sender_user_id === keyUserId)).slice(1));
		const times = listed.map((r) => Date.parse(r.created_at));
		expect(times).toEqual([...times].sort((a, b) => b - a));
	});

	it('applies the documented precedence external_id > workflow_id > by_organization', async () => {
		const wf = (await call(sb, 'GET', '/v1/workflows')).json.workflows.find((w: { name: string }) => w.name === 'KYC Standard');
		const byExternal = (await call(sb, 'GET', '/v1/sessions', { query: { external_id: 'crm-1001', workflow_id: wf.id, by_organization: 'false' } })).json;
		expect(ids(byExternal.sessions)).toEqual(ids(expected((r) => r.external_id === 'crm-1001')));
		expect(byExternal.sessions.length).toBe(2);
		expect(byExternal.sessions.some((r: SessionRecord) => r.workflow_id !== wf.id)).toBe(true);

		const byWorkflow = (await allPages(sb, { workflow_id: wf.id, by_organization: 'false' })).flat();
		expect(ids(byWorkflow)).toEqual(ids(expected((r) => r.workflow_id === wf.id)));
		expect(byWorkflow.some((r) => r.sender_user_id !== keyUserId)).toBe(true);
	});

	it('filters by start_date and end_date (inclusive)', async () => {
		const query = { by_organization: 'true', start_date: '2025-02-01T00:00:00Z', end_date: '2025-02-28' };
		const listed = (await allPages(sb, query)).flat();
		const from = Date.parse(query.start_date);
		const to = Date.parse(query.end_date);
		expect(listed.length).toBeGreaterThan(10);
		expect(ids(listed)).toEqual(ids(expected((r) => Date.parse(r.created_at) >= from && Date.parse(r.created_at) <= to)));
	});

	it.each([
		[{ limit: '0' }, 'limit'],
		[{ limit: '501' }, 'limit'],
		[{ limit: '2.5' }, 'limit'],
		[{ next_token: 'garbage!' }, 'next_token'],
		[{ next_token: Buffer.from('{"x":1}').toString('base64') }, 'next_token'],
		[{ start_date: 'yesterday' }, 'start_date'],
		[{ end_date: '2025-02-30T25:00:00Z' }, 'end_date'],
		[{ by_organization: 'yes' }, 'by_organization'],
	])('answers 400 for %j', async (query, field) => {
		const answer = await call(sb, 'GET', '/v1/sessions', { query });
		expect(answer.status).toBe(400);
		expect(answer.json.hints[0].path).toEqual([field]);
	});

	it('lists workflows newest first, with KYC Standard among them', async () => {
		const { workflows } = (await call(sb, 'GET', '/v1/workflows')).json;
		expect(workflows.length).toBeGreaterThanOrEqual(3);
		expect(workflows.map((w: { name: string }) => w.name)).toContain('KYC Standard');
		const times = workflows.map((w: { created_at: string }) => Date.parse(w.created_at));
		expect(times).toEqual([...times].sort((a, b) => b - a));
		expect(workflows[0].steps.every((s: string) => /^[A-Z_]+$/.test(s))).toBe(true);
		expect((await call(sb, 'GET', `/v1/workflows/${workflows[0].id}`)).json.workflow.id).toBe(workflows[0].id);
		expect((await call(sb, 'GET', '/v1/workflows/nope')).status).toBe(404);
	});
});
