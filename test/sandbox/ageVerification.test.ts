import { startSandbox, type Sandbox } from '../../sandbox';
import { call, waitFor } from './helpers';

const person = { email: 'sam@example.com', firstName: 'Sam', lastName: 'Lee', phone: '+447700900123' };
const LIST = '/v1/age-verification/parent-connect';

describe('sandbox server: age verification', () => {
	let sb: Sandbox;
	beforeEach(async () => {
		sb = await startSandbox({ rateLimit: false });
	});
	afterEach(() => sb.close());

	it('creates an age verification, billed, with a Parent Connect request for parent-connect only', async () => {
		const quiz = await call(sb, 'POST', '/v1/age-verification', { body: { ...person, method: 'quiz', expiresInHours: 2 } });
		expect(quiz.json).toMatchObject({ method: 'intel-quiz', expires_at: expect.any(String) });
		const pc = await call(sb, 'POST', '/v1/age-verification', { body: { ...person, method: 'parent-connect', externalId: 'c-1' } });
		expect(pc.json).toMatchObject({ method: 'parent-connect', external_id: 'c-1', expires_at: null });
		expect(sb.stats.billed).toEqual({ '/v1/age-verification': 2 });
		expect(sb.listParentConnects().filter((r) => [quiz.json.id, pc.json.id].includes(r.child_session_id)).map((r) => r.child_session_id)).toEqual([pc.json.id]);
	});

	it('refuses platform restrictions and a EULA for other methods, and bad restriction shapes', async () => {
		const other = await call(sb, 'POST', '/v1/age-verification', { body: { ...person, method: 'credit-card', eulaUrl: 'https://x.example', platformRestrictions: [] } });
		expect(other.json.hints.map((h: { message: string }) => h.message)).toEqual([
			'platformRestrictions is only valid when method is "parent-connect"',
			'eulaUrl is only valid when method is "parent-connect"',
		]);
		const shapes = await call(sb, 'POST', '/v1/age-verification', {
			body: {
				...person,
				method: 'parent-connect',
				platformRestrictions: [
					{ key: 'a', label: 'A', type: 'select' },
					{ key: 'a', label: 'B', type: 'number', min: 5, max: 1 },
					{ key: 'c', label: '', type: 'slider' },
				],
			},
		});
		expect(shapes.json.hints.map((h: { path: unknown[] }) => h.path)).toEqual([
			['platformRestrictions', 0, 'options'],
			['platformRestrictions', 1, 'min'],
			['platformRestrictions', 1, 'key'],
			['platformRestrictions', 2, 'label'],
			['platformRestrictions', 2, 'type'],
		]);
		expect(sb.stats.billed).toEqual({});
	});

	it('reads limit requests first and filters by status after, so pages can be short or empty while next_token goes on', async () => {
		const sizes: number[] = [];
		let token: string | undefined;
		do {
			const page = await call(sb, 'GET', LIST, { query: { status: 'CONSENT_GIVEN', limit: '100', ...(token && { next_token: token }) } });
			sizes.push(page.json.parent_connect_requests.length);
			token = page.json.next_token ?? undefined;
		} while (token);
		expect(sizes).toEqual([2, 0, 1]);
		const all = await call(sb, 'GET', LIST);
		expect(all.json.parent_connect_requests).toHaveLength(50);
	});

	it('answers 400 for a bad limit, status or next_token, and 404 for unknown ids', async () => {
		for (const query of [{ limit: '101' }, { status: 'GRANTED' }, { next_token: 'nope' }] as Array<Record<string, string>>) {
			expect((await call(sb, 'GET', LIST, { query })).status).toBe(400);
		}
		expect((await call(sb, 'GET', `${LIST}/unknown`)).status).toBe(404);
		expect((await call(sb, 'GET', '/v1/age-verification/boundaries/att_unknown')).status).toBe(404);
	});

	it('records consent through the control route and sends parent_connect.consent_given', async () => {
		const received: unknown[] = [];
		const { createServer } = await import('node:http');
		const server = createServer((req, res) => {
			let body = '';
			req.on('data', (chunk) => (body += chunk));
			req.on('end', () => {
				received.push(JSON.parse(body));
				res.end();
			});
		}).listen(0);
		const port = (server.address() as { port: number }).port;
		sb.addWebhook({ url: `http://127.0.0.1:${port}/hook`, events: ['parent_connect.consent_given'] });
		const created = await call(sb, 'POST', '/v1/age-verification', {
			body: { ...person, method: 'parent-connect', platformRestrictions: [{ key: 'chat', label: 'Chat', type: 'toggle', default: false }] },
		});
		const consent = await fetch(`${sb.url}/__sandbox/age-verification/${created.json.id}/consent`, { method: 'POST', body: JSON.stringify({ boundaries: { chat: true } }) });
		const request = (await consent.json()) as { id: string };
		expect(request).toMatchObject({ status: 'CONSENT_GIVEN', boundaries: { chat: true }, id: expect.any(String), child_attestation_id: expect.stringMatching(/^att_/) });
		await waitFor(() => received.length === 1);
		expect(received).toEqual([{ type: 'parent_connect.consent_given', data: request }]);
		expect((await call(sb, 'GET', `${LIST}/${request.id}`)).json).toEqual(request);
		expect((await fetch(`${sb.url}/__sandbox/age-verification/unknown/consent`, { method: 'POST' })).status).toBe(404);
		server.close();
	});
});
