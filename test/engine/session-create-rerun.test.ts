import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { runDeepIdv } from '../helpers/engine';
import { sandboxCredential, useSandbox } from '../helpers/sandbox';

/**
 * What a re-run of Create does: with "If a Session With This External ID Exists" set to Return the
 * Existing One nobody is invited twice, and a run stopped by an error says which items had already
 * invited someone.
 */
const applicant = { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', phone: '+15192223333' };
const returnExisting = (externalId: string) => ({ externalId, ifExternalIdExists: 'returnExisting' });

describe('Session → Create, run again', () => {
	const env = useSandbox();
	let sb: Sandbox;
	beforeEach(() => {
		sb = env.sb;
	});

	const create = (
		additionalFields: INodeParameters,
		options: { continueOnFail?: boolean; input?: IDataObject[]; requestOptions?: INodeParameters } = {},
	) =>
		runDeepIdv({
			parameters: {
				resource: 'session',
				operation: 'create',
				...applicant,
				additionalFields,
				requestOptions: options.requestOptions ?? {},
			},
			credential: sandboxCredential(sb),
			input: options.input,
			continueOnFail: options.continueOnFail,
		});
	const calls = () => sb.requests.map(({ method, path, query }) => `${method} ${path}${query.external_id ? `?external_id=${query.external_id}` : ''}`);

	it('creates the session when none has the External ID yet, after looking', async () => {
		const { items, error } = await create(returnExisting('crm-3001'));
		expect(error).toBeUndefined();
		expect(calls()).toEqual(['GET /v1/sessions?external_id=crm-3001', 'POST /v1/sessions']);
		expect(sb.stats.created).toBe(1);
		expect(items[0].json).toMatchObject({ external_id: 'crm-3001', created: true, session_url: expect.any(String) });
	});

	it('returns the existing session on a re-run, inviting nobody again', async () => {
		const first = await create(returnExisting('crm-3002'));
		const requestsBefore = sb.requests.length;
		const second = await create(returnExisting('crm-3002'));

		expect(second.error).toBeUndefined();
		expect(sb.requests.slice(requestsBefore).map(({ method, path }) => `${method} ${path}`)).toEqual(['GET /v1/sessions']);
		expect(sb.stats.created).toBe(1);
		const record = sb.getSession(first.items[0].json.id as string)!.session_record;
		expect(second.items).toEqual([
			{
				json: {
					id: record.id,
					session_url: null,
					external_id: 'crm-3002',
					expires_at: record.expires_at ?? null,
					links: [],
					created: false,
					status: 'PENDING',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('picks the newest of several sessions with the External ID', async () => {
		// The seeded data holds two sessions with crm-1001.
		const held = sb.listSessions().filter((s) => s.session_record.external_id === 'crm-1001').map((s) => s.session_record);
		const newest = [...held].sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at))[0];
		const { items } = await create(returnExisting('crm-1001'));
		expect(items[0].json).toMatchObject({ id: newest.id, created: false });
		expect(sb.stats.created).toBe(0);
	});

	it('creates another with the default choice, as DeepIDV does', async () => {
		await create({ externalId: 'crm-1001' });
		expect(calls()).toEqual(['POST /v1/sessions']);
		expect(sb.stats.created).toBe(1);
	});

	it('refuses Return the Existing One without an External ID, before any request', async () => {
		const { error } = await create({ ifExternalIdExists: 'returnExisting' });
		expect(error?.message).toBe(
			'"If a Session With This External ID Exists" is set to Return the Existing One, but External ID is empty',
		);
		expect(error?.description).toBe(
			'Add External ID under Additional Fields (e.g. your CRM or order number) so existing sessions can be found, or choose Create Another.',
		);
		expect(sb.requests).toEqual([]);
	});

	it('settles a lost answer by looking the External ID up: DeepIDV created it, so it is returned, not created again', async () => {
		sb.injectFaults([{ status: 500, when: 'after', match: { method: 'POST', path: '/v1/sessions' } }]);
		const { items, error } = await create(returnExisting('crm-3003'));
		expect(error).toBeUndefined();
		expect(calls()).toEqual([
			'GET /v1/sessions?external_id=crm-3003',
			'POST /v1/sessions',
			'GET /v1/sessions?external_id=crm-3003',
		]);
		expect(sb.stats.created).toBe(1);
		expect(items[0].json).toMatchObject({ external_id: 'crm-3003', created: true, status: 'PENDING' });
	});

	it('settles a lost answer by looking the External ID up: DeepIDV did not create it, so it is sent again', async () => {
		sb.injectFaults([{ reset: true, match: { method: 'POST', path: '/v1/sessions' } }]);
		const { items, error } = await create(returnExisting('crm-3004'));
		expect(error).toBeUndefined();
		expect(calls()).toEqual([
			'GET /v1/sessions?external_id=crm-3004',
			'POST /v1/sessions',
			'GET /v1/sessions?external_id=crm-3004',
			'POST /v1/sessions',
		]);
		expect(sb.stats.created).toBe(1);
		expect(items[0].json).toMatchObject({ external_id: 'crm-3004', created: true });
	});

	it('without an External ID a lost answer is never repeated, as before', async () => {
		sb.injectFaults([{ status: 500, when: 'after', match: { method: 'POST', path: '/v1/sessions' } }]);
		const { error } = await create({});
		expect(error?.message).toBe('DeepIDV had a server error (HTTP 500): Internal Server Error');
		expect(calls()).toEqual(['POST /v1/sessions']);
		expect(sb.stats.created).toBe(1);
	});

	it('says which items had already created sessions when an error stops the run', async () => {
		const input = [0, 1, 2, 3, 4].map((index) => ({ workflow: index === 2 ? 'no-such-workflow' : '' }));
		const { error } = await runDeepIdv({
			parameters: {
				resource: 'session',
				operation: 'create',
				...applicant,
				additionalFields: { workflowId: '={{ $json.workflow }}' },
			},
			credential: sandboxCredential(sb),
			input,
		});
		expect(error?.message).toBe('The workflow "no-such-workflow" was not found in DeepIDV');
		expect(error?.context?.itemIndex).toBe(2);
		// All five were sent at once (25 at a time): the other four created sessions.
		const created = sb.listSessions().filter((s) => Date.parse(s.session_record.created_at) > Date.now() - 60_000);
		expect(created).toHaveLength(4);
		expect(sb.requests.filter((request) => request.method === 'POST')).toHaveLength(5);
		expect(error?.description).toMatch(
			/^Choose the workflow again from the Workflow list under Additional Fields, or remove it\. Before the run stopped, 4 items had already created a session and invited the applicant: item 0 \(session [\w-]+\), item 1 \(session [\w-]+\), item 3 \(session [\w-]+\), item 4 \(session [\w-]+\)\. Running the workflow again invites them again, unless Additional Fields → If a Session With This External ID Exists is set to Return the Existing One\.$/,
		);
		for (const session of created) expect(error?.description).toContain(session.session_record.id);
	});
});
