import type { INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { runDeepIdv } from '../helpers/engine';
import { requestSummary, sandboxCredential, useSandbox } from '../helpers/sandbox';

describe('Session → Get through the n8n engine', () => {
	const env = useSandbox();
	let sb: Sandbox;
	beforeEach(() => {
		sb = env.sb;
	});

	const get = (sessionId: INodeParameters['sessionId'], extra: INodeParameters = {}, apiKey = sb.keys.live) =>
		runDeepIdv({
			parameters: { resource: 'session', operation: 'get', sessionId, ...extra },
			credential: sandboxCredential(sb, apiKey),
		});
	const byId = (value: string) => ({ __rl: true, mode: 'id', value });

	/** The answer DeepIDV gives, fetched directly. */
	const rawSession = async (id: string) =>
		(await fetch(`${sb.url}/v1/sessions/${encodeURIComponent(id)}`, { headers: { 'x-api-key': sb.keys.live } })).json();

	it('sends one authenticated GET and, simplified by default, outputs what an ops person decides on', async () => {
		const { items, error } = await get(byId('test_verified'));
		expect(error).toBeUndefined();
		expect(sb.requests.map(requestSummary)).toEqual([
			{ method: 'GET', path: '/v1/sessions/test_verified', query: {}, apiKey: sb.keys.live, contentType: undefined, body: undefined },
		]);
		expect(items).toEqual([
			{
				json: {
					id: 'test_verified',
					status: 'VERIFIED',
					session_progress: 'COMPLETED',
					type: 'session',
					external_id: null,
					workflow_id: 'test_workflow',
					created_at: '2025-03-03T15:00:00.000Z',
					updated_at: '2025-03-04T13:00:00.000Z',
					submitted_at: '2025-03-03T17:00:00.000Z',
					first_name: 'Ada',
					last_name: 'Lovelace',
					email: 'ada.lovelace@example.com',
					face_match_confidence: 96,
					id_matches_selfie: true,
					faceliveness_score: 90,
					id_matches_liveness: true,
					expiry_date_pass: true,
					valid_state_pass: true,
					age_restriction_pass: true,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('adds the decline reason of a rejected session', async () => {
		const { items } = await get(byId('test_rejected'), { simplify: true });
		expect(items[0].json).toEqual({
			id: 'test_rejected',
			status: 'REJECTED',
			session_progress: 'COMPLETED',
			type: 'session',
			external_id: null,
			workflow_id: 'test_workflow',
			created_at: '2025-03-04T15:00:00.000Z',
			updated_at: '2025-03-05T13:01:00.000Z',
			submitted_at: '2025-03-04T17:01:00.000Z',
			first_name: 'Brook',
			last_name: 'Mercer',
			email: 'brook.mercer@example.com',
			face_match_confidence: 39,
			id_matches_selfie: false,
			faceliveness_score: 31,
			id_matches_liveness: false,
			expiry_date_pass: false,
			valid_state_pass: true,
			age_restriction_pass: true,
			decline_reason_code: 'LOW_FACE_MATCH',
			decline_reason: 'Face match confidence below the workflow threshold',
		});
	});

	it('leaves the analysis out while the applicant has not finished', async () => {
		const { items } = await get(byId('test_pending'));
		expect(items[0].json).toEqual({
			id: 'test_pending',
			status: 'PENDING',
			session_progress: 'PENDING',
			type: 'session',
			external_id: null,
			workflow_id: 'test_workflow',
			created_at: '2025-03-06T15:00:00.000Z',
			updated_at: '2025-03-06T15:00:00.000Z',
			submitted_at: null,
			first_name: 'Dana',
			last_name: 'Okafor',
			email: 'dana.okafor@example.com',
		});
	});

	it('outputs DeepIDV’s answer unchanged with Simplify off', async () => {
		const { items } = await get(byId('test_verified'), { simplify: false });
		const raw = (await rawSession('test_verified')) as object;
		expect(Object.keys(raw)).toEqual(['session_record', 'resource_links', 'user', 'sender_user']);
		expect(items).toEqual([{ json: raw, pairedItem: { item: 0 } }]);
	});

	it('takes the session picked from the list', async () => {
		const { items } = await get({ __rl: true, mode: 'list', value: 'test_submitted', cachedResultName: 'SUBMITTED · created 2025-03-05 15:00 UTC' });
		expect(sb.requests.map((request) => request.path)).toEqual(['/v1/sessions/test_submitted']);
		expect(items[0].json).toMatchObject({ id: 'test_submitted', status: 'SUBMITTED' });
	});

	it('accepts any ID DeepIDV may use, sent as one encoded path segment', async () => {
		const uuid = sb.listSessions().find((s) => /^[0-9a-f-]{36}$/.test(s.session_record.id))!.session_record.id;
		sb.addSession({ id: 'crm/42 b' });
		const { items } = await runDeepIdv({
			parameters: { resource: 'session', operation: 'get', sessionId: byId('={{ $json.id }}'), simplify: false },
			input: [{ id: uuid }, { id: ' crm/42 b ' }],
			credential: sandboxCredential(sb),
		});
		expect(sb.requests.map((request) => request.path).sort()).toEqual(
			[`/v1/sessions/${uuid}`, '/v1/sessions/crm%2F42%20b'].sort(),
		);
		expect(items.map((item) => (item.json.session_record as { id: string }).id)).toEqual([uuid, 'crm/42 b']);
	});

	it('reads the documented fixtures with a sandbox API key', async () => {
		const { items, error } = await get(byId('test_verified'), {}, sb.keys.sandbox);
		expect(error).toBeUndefined();
		expect(sb.requests[0].headers['x-api-key']).toBe(sb.keys.sandbox);
		expect(items[0].json).toMatchObject({ id: 'test_verified', status: 'VERIFIED', first_name: 'Ada' });
	});

	it('names the session when DeepIDV does not know it', async () => {
		const { error } = await get(byId('no_such_session'));
		expect(sb.requests).toHaveLength(1);
		expect(error?.message).toBe('Session "no_such_session" was not found in DeepIDV');
		expect(error?.description).toBe(
			'Check the Session parameter: the ID must belong to a session of the organisation that owns the API key.',
		);
	});

	it('refuses an empty Session before sending anything', async () => {
		const { error } = await get(byId('={{ "" }}'));
		expect(error?.message).toBe('The Session parameter is empty');
		expect(sb.requests).toEqual([]);
	});
});
