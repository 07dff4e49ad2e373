import { startSandbox, type Sandbox } from '../../sandbox';
import { call, validPerson } from './helpers';

describe('sandbox server: retrieve and update-status', () => {
	let sb: Sandbox;
	beforeEach(async () => {
		sb = await startSandbox();
	});
	afterEach(() => sb.close());

	it('retrieves a session with resource_links, user and sender_user', async () => {
		const answer = await call(sb, 'GET', '/v1/sessions/test_verified');
		expect(answer.status).toBe(200);
		const { session_record: record, resource_links: links, user, sender_user: sender } = answer.json;
		expect(record).toMatchObject({ id: 'test_verified', status: 'VERIFIED', session_progress: 'COMPLETED', type: 'session' });
		expect(record.analysis_data.compare_faces_data.face_match_confidence).toBeGreaterThan(90);
		expect(record.analysis_data.id_analysis_data).toMatchObject({ expiry_date_pass: true, valid_state_pass: true });
		expect(Object.keys(links)).toEqual(expect.arrayContaining(['id_front', 'selfie_front']));
		expect(user.id).toBe(record.user_id);
		expect(sender.id).toBe(record.sender_user_id);
	});

	it('answers 404 for an unknown id and 403 for a session of another organization', async () => {
		expect(await call(sb, 'GET', '/v1/sessions/nope')).toMatchObject({ status: 404, json: { error: 'Session not found' } });
		expect(await call(sb, 'GET', '/v1/sessions/other_org_session')).toMatchObject({ status: 403, json: { error: expect.any(String) } });
		expect((await call(sb, 'PATCH', '/v1/sessions/other_org_session/update-status', { body: { new_status: 'VERIFIED' } })).status).toBe(403);
	});

	it('looks up an id containing "/" from one %2F-encoded path segment', async () => {
		sb.addSession({ id: 'crm/42' });
		expect((await call(sb, 'GET', '/v1/sessions/crm%2F42')).json.session_record.id).toBe('crm/42');
		expect((await call(sb, 'GET', '/v1/sessions/crm/42')).status).toBe(404);
		const updated = await call(sb, 'PATCH', '/v1/sessions/crm%2F42/update-status', { body: { new_status: 'REJECTED' } });
		expect(updated.json.session_record).toMatchObject({ id: 'crm/42', status: 'REJECTED' });
		expect(sb.requests.at(-1)?.path).toBe('/v1/sessions/crm%2F42/update-status');
	});

	it('updates the status and bumps updated_at', async () => {
		const before = sb.getSession('test_pending')!.session_record;
		const answer = await call(sb, 'PATCH', '/v1/sessions/test_pending/update-status', { body: { new_status: 'VERIFIED' } });
		expect(answer.status).toBe(200);
		expect(Object.keys(answer.json)).toEqual(['session_record']);
		expect(answer.json.session_record.status).toBe('VERIFIED');
		expect(Date.parse(answer.json.session_record.updated_at)).toBeGreaterThan(Date.parse(before.updated_at));
		expect(sb.getSession('test_pending')!.session_record.status).toBe('VERIFIED');
	});

	it('rejects a bad new_status with a Zod-style 400, and bad JSON', async () => {
		const answer = await call(sb, 'PATCH', '/v1/sessions/test_pending/update-status', { body: { new_status: 'verified' } });
		expect(answer.status).toBe(400);
		expect(answer.json).toEqual({
			message: 'Invalid request body',
			hints: [expect.objectContaining({ code: 'invalid_enum_value', path: ['new_status'], message: expect.any(String) })],
		});
		expect((await call(sb, 'PATCH', '/v1/sessions/test_pending/update-status', { body: { new_status: 'VOIDED' } })).status).toBe(400);
		expect((await call(sb, 'PATCH', '/v1/sessions/test_pending/update-status', { body: {} })).json.hints[0].message).toBe('Required');
		expect(await call(sb, 'PATCH', '/v1/sessions/test_pending/update-status', { rawBody: '{"new_status":' })).toMatchObject({ status: 400, json: { error: expect.any(String) } });
		expect(sb.getSession('test_pending')!.session_record.status).toBe('PENDING');
	});
});

describe('sandbox server: create', () => {
	let sb: Sandbox;
	beforeEach(async () => {
		sb = await startSandbox();
	});
	afterEach(() => sb.close());

	it('creates a PENDING session from a snake_case body', async () => {
		const answer = await call(sb, 'POST', '/v1/sessions', { body: { ...validPerson, external_id: 'crm-9', send_phone_invite: false } });
		expect(answer.status).toBe(200);
		expect(answer.json).toEqual({
			id: expect.any(String),
			session_url: expect.stringContaining(answer.json.id),
			externalId: 'crm-9',
			links: expect.arrayContaining([expect.objectContaining({ rel: 'self', href: `${sb.url}/v1/sessions/${answer.json.id}` })]),
		});
		const stored = sb.getSession(answer.json.id)!;
		expect(stored.session_record).toMatchObject({ status: 'PENDING', session_progress: 'PENDING', type: 'verification', external_id: 'crm-9' });
		expect(stored.invites).toEqual({ send_email_invite: true, send_phone_invite: false });
		expect(sb.stats.created).toBe(1);
	});

	it('lets camelCase win over snake_case and accepts the /v1/idv alias', async () => {
		const body = {
			...validPerson,
			firstName: 'Grace',
			sendEmailInvite: false,
			send_email_invite: true,
			expiresInHours: 24,
			expires_in_hours: 1,
			workflowId: 'test_workflow',
			workflow_id: 'nope',
			redirectUrl: 'https://example.com/done',
		};
		const answer = await call(sb, 'POST', '/v1/idv', { body });
		expect(answer.status).toBe(200);
		expect(answer.json.externalId).toBeUndefined();
		const expiresIn = Date.parse(answer.json.expires_at) - Date.now();
		expect(expiresIn).toBeGreaterThan(23 * 3600e3);
		const stored = sb.getSession(answer.json.id)!;
		expect(stored.session_record).toMatchObject({ type: 'session', workflow_id: 'test_workflow', redirect_url: 'https://example.com/done' });
		expect(stored.session_record.workflow_steps).toHaveLength(11);
		expect(stored.invites).toEqual({ send_email_invite: false, send_phone_invite: true });
		const user = (await call(sb, 'GET', `/v1/sessions/${answer.json.id}`)).json.user;
		expect(user).toMatchObject({ first_name: 'Grace', last_name: 'Lovelace' });
	});

	it('lists every validation problem in one 400', async () => {
		const answer = await call(sb, 'POST', '/v1/sessions', {
			body: { firstName: '', email: 'not-an-email', phone: '4155552671', redirect_url: 'http://example.com', expiresInHours: 8761, sendEmailInvite: 'yes' },
		});
		expect(answer.status).toBe(400);
		expect(answer.json.message).toBe('Invalid request body');
		expect(answer.json.hints.map((h: { path: string[] }) => h.path[0])).toEqual(['firstName', 'last_name', 'email', 'phone', 'sendEmailInvite', 'redirect_url', 'expiresInHours']);
		expect(sb.stats.created).toBe(0);
	});

	it('answers 404 for an unknown workflow', async () => {
		expect(await call(sb, 'POST', '/v1/sessions', { body: { ...validPerson, workflowId: 'nope' } })).toMatchObject({ status: 404, json: { error: 'Workflow not found' } });
	});

	it('names the id per createIdField', async () => {
		sb.configure({ createIdField: 'idv_id' });
		const idv = (await call(sb, 'POST', '/v1/sessions', { body: validPerson })).json;
		expect(idv.id).toBeUndefined();
		expect(typeof idv.idv_id).toBe('string');
		sb.configure({ createIdField: 'both' });
		const both = (await call(sb, 'POST', '/v1/sessions', { body: validPerson })).json;
		expect(both.id).toBe(both.idv_id);
	});
});
