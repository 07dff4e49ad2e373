import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Sandbox, SessionRecord } from '../../sandbox';
import { runDeepIdv } from '../helpers/engine';
import { sandboxCredential, useSandbox } from '../helpers/sandbox';

const ids = (records: Array<{ id?: unknown }>) => records.map((record) => record.id);

describe('Session → Get Many through the n8n engine', () => {
	const env = useSandbox();
	let sb: Sandbox;
	let keyUserId: string;
	beforeEach(() => {
		sb = env.sb;
		keyUserId = sb.getSession('test_verified')!.session_record.sender_user_id;
	});

	const getMany = (parameters: INodeParameters, input?: IDataObject[]) =>
		runDeepIdv({
			parameters: { resource: 'session', operation: 'getMany', ...parameters },
			input,
			credential: sandboxCredential(sb),
		});

	/** What the server holds for a filter, newest first (its list order). */
	const held = (keep: (record: SessionRecord) => boolean) =>
		sb
			.listSessions()
			.map((stored) => stored.session_record)
			.filter((record) => record.organization_id === sb.getSession('test_verified')!.session_record.organization_id && keep(record));
	const sentByKeyUser = (record: SessionRecord) => record.sender_user_id === keyUserId;

	/** 1,000 more sessions of the key's user: 1,119 in all, three pages of up to 500. */
	const addOlderSessions = () => {
		for (let i = 0; i < 1000; i++) sb.addSession({ created_at: new Date(Date.UTC(2024, 0, 1) + i * 60e3).toISOString() });
	};

	describe('Return All', () => {
		it('follows next_token over three pages and outputs the full list in order, once each', async () => {
			addOlderSessions();
			const expected = held(sentByKeyUser);
			expect(expected).toHaveLength(1119);

			const { items, error } = await getMany({ returnAll: true });
			expect(error).toBeUndefined();
			expect(sb.requests.map((request) => [request.method, request.path])).toEqual([
				['GET', '/v1/sessions'],
				['GET', '/v1/sessions'],
				['GET', '/v1/sessions'],
			]);
			const [first, second, third] = sb.requests.map((request) => request.query);
			expect(first).toEqual({ limit: '500' });
			expect(second).toEqual({ limit: '500', next_token: expect.any(String) });
			expect(third).toEqual({ limit: '500', next_token: expect.any(String) });
			expect(third.next_token).not.toBe(second.next_token);
			expect(sb.requests.every((request) => request.headers['x-api-key'] === sb.keys.live)).toBe(true);

			expect(items.map((item) => item.json)).toEqual(expected);
			expect(new Set(ids(items.map((item) => item.json))).size).toBe(1119);
			expect(items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		});

		it('outputs nothing when there are no sessions', async () => {
			const { items, error } = await getMany({ returnAll: true, filters: { externalId: 'crm-none' } });
			expect(error).toBeUndefined();
			expect(sb.requests).toHaveLength(1);
			expect(items).toEqual([]);
		});
	});

	describe('Limit', () => {
		beforeEach(addOlderSessions);

		it('defaults to 50 sessions from a single request', async () => {
			const { items } = await getMany({});
			expect(sb.requests.map((request) => request.query)).toEqual([{ limit: '50' }]);
			expect(items.map((item) => item.json)).toEqual(held(sentByKeyUser).slice(0, 50));
		});

		it('smaller than a page: asks for exactly that many', async () => {
			const { items } = await getMany({ limit: 7 });
			expect(sb.requests.map((request) => request.query)).toEqual([{ limit: '7' }]);
			expect(items.map((item) => item.json)).toEqual(held(sentByKeyUser).slice(0, 7));
		});

		it('equal to a page: stops after that page although more exist', async () => {
			const { items } = await getMany({ limit: 500 });
			expect(sb.requests.map((request) => request.query)).toEqual([{ limit: '500' }]);
			expect(items.map((item) => item.json)).toEqual(held(sentByKeyUser).slice(0, 500));
		});

		it('over a page: asks the next page only for what is still missing', async () => {
			const { items } = await getMany({ limit: 700 });
			expect(sb.requests.map((request) => request.query)).toEqual([
				{ limit: '500' },
				{ limit: '200', next_token: expect.any(String) },
			]);
			expect(items.map((item) => item.json)).toEqual(held(sentByKeyUser).slice(0, 700));
		});

		it('larger than the total: outputs everything and stops when DeepIDV says there is no more', async () => {
			const { items } = await getMany({ limit: 5000 });
			expect(sb.requests.map((request) => request.query.limit)).toEqual(['500', '500', '500']);
			expect(items.map((item) => item.json)).toEqual(held(sentByKeyUser));
		});

		it('refuses a Limit below 1 before sending anything', async () => {
			const { error } = await getMany({ limit: '={{ 0 }}' });
			expect(error?.message).toBe('The Limit "0" is not a whole number of 1 or more');
			expect(error?.description).toBe('Enter how many sessions to return, e.g. 50, or turn on Return All.');
			expect(sb.requests).toEqual([]);
		});
	});

	describe('Filters', () => {
		it('External ID → external_id', async () => {
			const { items } = await getMany({ filters: { externalId: 'crm-1001' } });
			expect(sb.requests.map((request) => request.query)).toEqual([{ limit: '50', external_id: 'crm-1001' }]);
			const expected = held((record) => record.external_id === 'crm-1001');
			expect(expected).toHaveLength(2);
			expect(items.map((item) => item.json)).toEqual(expected);
		});

		it('Workflow → workflow_id', async () => {
			const workflowId = sb.getSession('test_verified')!.session_record.workflow_id!;
			const { items } = await getMany({ returnAll: true, filters: { workflowId } });
			expect(sb.requests.map((request) => request.query)).toEqual([{ limit: '500', workflow_id: workflowId }]);
			const expected = held((record) => record.workflow_id === workflowId);
			expect(expected.length).toBeGreaterThan(0);
			expect(items.map((item) => item.json)).toEqual(expected);
		});

		it('Whole Organization → by_organization=true, and nothing when off', async () => {
			const { items } = await getMany({ returnAll: true, filters: { byOrganization: true } });
			expect(sb.requests.map((request) => request.query)).toEqual([{ limit: '500', by_organization: 'true' }]);
			expect(items).toHaveLength(138);
			expect(items.map((item) => item.json)).toEqual(held(() => true));

			sb.clearRequests();
			await getMany({ filters: { byOrganization: false } });
			expect(sb.requests.map((request) => request.query)).toEqual([{ limit: '50' }]);
		});

		it('Created After / Created Before → start_date / end_date in UTC', async () => {
			const { items } = await getMany({
				returnAll: true,
				filters: { createdAfter: '2025-02-01T00:00:00Z', createdBefore: '2025-02-28T12:30:00+01:00' },
			});
			expect(sb.requests.map((request) => request.query)).toEqual([
				{ limit: '500', start_date: '2025-02-01T00:00:00Z', end_date: '2025-02-28T11:30:00Z' },
			]);
			const expected = held(
				(record) =>
					sentByKeyUser(record) &&
					record.created_at >= '2025-02-01T00:00:00.000Z' &&
					record.created_at <= '2025-02-28T11:30:00.000Z',
			);
			expect(expected.length).toBeGreaterThan(10);
			expect(items.map((item) => item.json)).toEqual(expected);
		});

		it("reads a date picked without a time zone in the workflow's time zone (n8n's default, New York)", async () => {
			await getMany({ filters: { createdAfter: '2025-02-01T00:00:00', createdBefore: '2025-07-01' } });
			expect(sb.requests[0].query).toEqual({
				limit: '50',
				start_date: '2025-02-01T05:00:00Z',
				end_date: '2025-07-01T04:00:00Z',
			});
		});

		it('sends every filter set at once, trimmed, and leaves empty ones out', async () => {
			await getMany({
				filters: {
					externalId: ' crm-1002 ',
					workflowId: 'test_workflow',
					byOrganization: true,
					createdAfter: '2025-01-01T00:00:00Z',
					createdBefore: '',
				},
			});
			expect(sb.requests[0].query).toEqual({
				limit: '50',
				external_id: 'crm-1002',
				workflow_id: 'test_workflow',
				by_organization: 'true',
				start_date: '2025-01-01T00:00:00Z',
			});
		});

		it('refuses a date it cannot read before sending anything', async () => {
			const { error } = await getMany({ filters: { createdAfter: '={{ "last tuesday" }}' } });
			expect(error?.message).toBe('The Created After filter "last tuesday" is not a date');
			expect(error?.description).toBe('Pick a date, or give one in ISO format, e.g. 2025-03-01T00:00:00.');
			expect(sb.requests).toEqual([]);
		});
	});

	it('lists once per input item, each session paired to the item that asked', async () => {
		const { items } = await getMany({ filters: { externalId: '={{ $json.customer }}' } }, [
			{ customer: 'crm-1001' },
			{ customer: 'crm-1002' },
		]);
		expect(sb.requests.map((request) => request.query.external_id).sort()).toEqual(['crm-1001', 'crm-1002']);
		expect(items.map((item) => [item.json.external_id, item.pairedItem])).toEqual([
			['crm-1001', { item: 0 }],
			['crm-1001', { item: 0 }],
			['crm-1002', { item: 1 }],
			['crm-1002', { item: 1 }],
		]);
	});
});

describe('Session → Get Many against a server that pages badly', () => {
	/** Answers GET /v1/sessions with the given pages in turn and records each query. */
	async function pagingServer(pages: Array<{ sessions: Array<{ id: string }>; next_token: string | null }>) {
		const queries: Array<Record<string, string>> = [];
		const server: Server = createServer((req, res) => {
			queries.push(Object.fromEntries(new URL(req.url ?? '/', 'http://localhost').searchParams));
			res.setHeader('content-type', 'application/json');
			res.end(JSON.stringify(pages[Math.min(queries.length - 1, pages.length - 1)]));
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const { port } = server.address() as AddressInfo;
		return { url: `http://127.0.0.1:${port}`, queries, close: () => new Promise((resolve) => server.close(resolve)) };
	}

	const returnAll = (url: string) =>
		runDeepIdv({
			parameters: { resource: 'session', operation: 'getMany', returnAll: true },
			credential: { apiKey: 'sk_test_key', baseUrl: url },
		});

	it('outputs a session repeated on the next page only once', async () => {
		const server = await pagingServer([
			{ sessions: [{ id: 'a' }, { id: 'b' }], next_token: 't1' },
			{ sessions: [{ id: 'b' }, { id: 'c' }], next_token: null },
		]);
		try {
			const { items } = await returnAll(server.url);
			expect(items.map((item) => item.json)).toEqual([{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
			expect(server.queries).toEqual([{ limit: '500' }, { limit: '500', next_token: 't1' }]);
		} finally {
			await server.close();
		}
	});

	it('stops with a clear error instead of looping when a page token comes back again', async () => {
		const server = await pagingServer([
			{ sessions: [{ id: 'a' }], next_token: 't1' },
			{ sessions: [{ id: 'b' }], next_token: 't2' },
			{ sessions: [{ id: 'c' }], next_token: 't1' },
		]);
		try {
			const { error } = await returnAll(server.url);
			expect(server.queries).toHaveLength(3);
			expect(error?.message).toBe('DeepIDV returned the same page of sessions twice');
		} finally {
			await server.close();
		}
	});

	it('fails clearly when the answer has no list of sessions', async () => {
		const server = await pagingServer([{ next_token: null } as never]);
		try {
			const { error } = await returnAll(server.url);
			expect(error?.message).toBe('DeepIDV answered without a list of sessions');
		} finally {
			await server.close();
		}
	});
});
