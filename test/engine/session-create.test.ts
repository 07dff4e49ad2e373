import type { Sandbox } from '../../sandbox';
import { runDeepIdv } from '../helpers/engine';
import { requestSummary, sandboxCredential, useSandbox } from '../helpers/sandbox';

const applicant = { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', phone: '+15192223333' };

describe('Session → Create through the n8n engine', () => {
	const env = useSandbox();
	let sb: Sandbox;
	beforeEach(() => {
		sb = env.sb;
	});

	const create = (parameters: Record<string, unknown>, options: { continueOnFail?: boolean } = {}) =>
		runDeepIdv({
			parameters: { resource: 'session', operation: 'create', ...applicant, ...parameters },
			credential: sandboxCredential(sb),
			...options,
		});

	it('sends one POST with every field and outputs the new session', async () => {
		const { items, error } = await create({
			phone: '+1 (519) 222-3333',
			additionalFields: {
				externalId: 'crm-2001',
				workflowId: 'test_workflow',
				redirectUrl: 'https://example.com/verification-complete',
				expiresInHours: 48,
				sendEmailInvite: false,
			},
		});
		expect(error).toBeUndefined();

		expect(sb.requests.map(requestSummary)).toEqual([
			{
				method: 'POST',
				path: '/v1/sessions',
				query: {},
				apiKey: sb.keys.live,
				contentType: 'application/json',
				body: {
					firstName: 'Ada',
					lastName: 'Lovelace',
					email: 'ada@example.com',
					phone: '+15192223333',
					sendEmailInvite: false,
					sendPhoneInvite: true,
					externalId: 'crm-2001',
					workflowId: 'test_workflow',
					redirectUrl: 'https://example.com/verification-complete',
					expiresInHours: 48,
				},
			},
		]);

		const [created] = sb.listSessions();
		const record = created.session_record;
		expect(sb.stats.created).toBe(1);
		expect(created.invites).toEqual({ send_email_invite: false, send_phone_invite: true });
		expect(record).toMatchObject({
			external_id: 'crm-2001',
			workflow_id: 'test_workflow',
			redirect_url: 'https://example.com/verification-complete',
		});
		expect(Date.parse(record.expires_at!) - Date.parse(record.created_at)).toBe(48 * 3600e3);

		const sessionUrl = `https://verify.deepidv.invalid/session/${record.id}`;
		expect(items).toEqual([
			{
				json: {
					id: record.id,
					session_url: sessionUrl,
					external_id: 'crm-2001',
					expires_at: record.expires_at,
					links: [
						{ rel: 'self', href: `${sb.url}/v1/sessions/${record.id}`, description: 'Retrieve this session' },
						{ rel: 'session_url', href: sessionUrl, description: 'Verification link for the applicant' },
					],
					created: true,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('sends only the required fields and both invites by default, with nulls for what DeepIDV left out', async () => {
		const { items } = await create({});
		expect(sb.requests[0].json).toEqual({ ...applicant, sendEmailInvite: true, sendPhoneInvite: true });
		const record = sb.listSessions()[0].session_record;
		expect(items.map((item) => item.json)).toEqual([
			{ id: record.id, session_url: expect.any(String), external_id: null, expires_at: null, links: expect.any(Array), created: true },
		]);
	});

	it('reads the ID from idv_id when DeepIDV names it that way', async () => {
		sb.configure({ createIdField: 'idv_id' });
		const { items } = await create({});
		expect(items[0].json.id).toBe(sb.listSessions()[0].session_record.id);
	});

	it('creates one session per input item, from mapped values, each output paired to its input', async () => {
		const input = [
			{ first: 'Grace', last: 'Hopper', mail: 'grace@example.com', mobile: '+14165550111', ref: 'crm-4001' },
			{ first: 'Alan', last: 'Turing', mail: 'alan@example.com', mobile: '+447700900123', ref: 'crm-4002' },
		];
		const { items } = await runDeepIdv({
			parameters: {
				resource: 'session',
				operation: 'create',
				firstName: '={{ $json.first }}',
				lastName: '={{ $json.last }}',
				email: '={{ $json.mail }}',
				phone: '={{ $json.mobile }}',
				additionalFields: { externalId: '={{ $json.ref }}' },
			},
			input,
			credential: sandboxCredential(sb),
		});
		expect(sb.requests).toHaveLength(2);
		expect(sb.requests.map((request) => request.json)).toEqual(
			expect.arrayContaining(
				input.map((person) => ({
					firstName: person.first,
					lastName: person.last,
					email: person.mail,
					phone: person.mobile,
					externalId: person.ref,
					sendEmailInvite: true,
					sendPhoneInvite: true,
				})),
			),
		);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(items.map((item) => item.json.external_id)).toEqual(['crm-4001', 'crm-4002']);
		expect(items.map((item) => sb.getSession(item.json.id as string)?.session_record.external_id)).toEqual([
			'crm-4001',
			'crm-4002',
		]);
	});

	// n8n itself refuses a required field left empty in the editor; these come from blanks and expressions.
	describe('checks the input before sending anything', () => {
		const cases: Array<[string, Record<string, unknown>, string, string]> = [
			['a blank first name', { firstName: '  ' }, 'The First Name parameter is empty', "DeepIDV needs the applicant's first name to create a session. Enter it, or map it from an earlier node."],
			['a last name mapped from an empty field', { lastName: '={{ $json.lastName }}' }, 'The Last Name parameter is empty', "DeepIDV needs the applicant's last name to create a session. Enter it, or map it from an earlier node."],
			['an email mapped from an empty field', { email: '={{ "" }}' }, 'The Email parameter is empty', "DeepIDV needs the applicant's email address to create a session. Enter it, or map it from an earlier node."],
			['a phone mapped from a blank field', { phone: '={{ "   " }}' }, 'The Phone parameter is empty', "DeepIDV needs the applicant's mobile number to create a session. Enter it, or map it from an earlier node."],
			['an invalid email', { email: 'ada.example.com' }, 'The Email "ada.example.com" is not a valid email address', "Enter the applicant's email address, e.g. jane.doe@example.com."],
			...['5192223333', '+0519222333', '+1519222', '+1 519 222 3333 ext 4'].map(
				(phone): [string, Record<string, unknown>, string, string] => [
					`the phone ${phone}`,
					{ phone },
					`The Phone "${phone}" is not in international format`,
					'Enter a plus sign, the country code and the number, e.g. +15192223333. Spaces, dashes, dots and brackets are allowed and removed before sending.',
				],
			),
			['an http redirect', { additionalFields: { redirectUrl: 'http://example.com/done' } }, 'The Redirect URL "http://example.com/done" does not start with https://', 'DeepIDV only sends applicants back to secure pages. Use an https:// address, e.g. https://example.com/verification-complete.'],
			['a redirect that is no URL', { additionalFields: { redirectUrl: 'example.com/done' } }, 'The Redirect URL "example.com/done" is not a valid web address', 'Enter a full address starting with https://, e.g. https://example.com/verification-complete.'],
			...[0, 8761, 1.5, '={{ "soon" }}'].map((hours): [string, Record<string, unknown>, string, string] => [
				`expiry hours ${hours}`,
				{ additionalFields: { expiresInHours: hours } },
				`The Expires In (Hours) value "${hours === '={{ "soon" }}' ? 'soon' : hours}" is not a whole number from 1 to 8760`,
				'Enter how many hours the applicant has to finish, from 1 to 8760 (one year), e.g. 72 for three days.',
			]),
		];

		it.each(cases)('refuses %s', async (_name, parameters, message, description) => {
			const { error, items } = await create(parameters);
			expect(error?.message).toBe(message);
			expect(error?.description).toBe(description);
			expect(error?.context?.itemIndex).toBe(0);
			expect(items).toEqual([]);
			expect(sb.requests).toEqual([]);
		});

		it('accepts the limits of Expires In (Hours)', async () => {
			await create({ additionalFields: { expiresInHours: 1 } });
			await create({ additionalFields: { expiresInHours: 8760 } });
			expect(sb.requests.map((request) => (request.json as { expiresInHours: number }).expiresInHours)).toEqual([1, 8760]);
		});

		it('under Continue On Fail, turns only the bad item into an error item', async () => {
			const { items } = await runDeepIdv({
				parameters: { resource: 'session', operation: 'create', ...applicant, phone: '={{ $json.phone }}' },
				input: [{ phone: '+15192223333' }, { phone: '519-222-3333' }],
				credential: sandboxCredential(sb),
				continueOnFail: true,
			});
			expect(sb.requests).toHaveLength(1);
			expect(items[1]).toEqual({
				json: {
					error: 'The Phone "519-222-3333" is not in international format',
					details:
						'Enter a plus sign, the country code and the number, e.g. +15192223333. Spaces, dashes, dots and brackets are allowed and removed before sending.',
				},
				pairedItem: { item: 1 },
			});
			expect(items[0].json.id).toBe(sb.listSessions()[0].session_record.id);
		});
	});

	describe('never invites an applicant twice', () => {
		const maybeCreated =
			'DeepIDV may have created the session and invited the applicant anyway. Before running this item again, look for the session with Get Many (e.g. by External ID) so the applicant is not invited twice.';

		it('does not repeat a create that failed after DeepIDV received it, and says the session may exist', async () => {
			sb.injectFaults([{ when: 'after', status: 500, match: { method: 'POST' } }]);
			const { items } = await create({ additionalFields: { externalId: 'crm-3003' } }, { continueOnFail: true });
			expect(sb.requests).toHaveLength(1);
			expect(sb.stats.created).toBe(1);
			expect(sb.listSessions().filter((s) => s.session_record.external_id === 'crm-3003')).toHaveLength(1);
			expect(items).toEqual([
				{ json: { error: 'DeepIDV had a server error (HTTP 500): Internal Server Error', details: maybeCreated }, pairedItem: { item: 0 } },
			]);
		});

		it('does not repeat a create whose connection was reset after DeepIDV received it', async () => {
			sb.injectFaults([{ when: 'after', reset: true, match: { method: 'POST' } }]);
			const { error } = await create({});
			expect(sb.requests).toHaveLength(1);
			expect(sb.stats.created).toBe(1);
			expect(error?.description).toBe(maybeCreated);
		});

		it('repeats a create DeepIDV refused with 429, and creates exactly one session', async () => {
			sb.injectFaults([{ status: 429, retryAfter: '0', match: { method: 'POST' } }]);
			const { items, error } = await create({});
			expect(error).toBeUndefined();
			expect(sb.requests).toHaveLength(2);
			expect(sb.stats.created).toBe(1);
			expect(items[0].json.id).toBe(sb.listSessions()[0].session_record.id);
		});

		it('keeps the usual advice when DeepIDV rejected the request (nothing was created)', async () => {
			const { error } = await create({ additionalFields: { workflowId: 'no_such_workflow' } });
			expect(sb.stats.created).toBe(0);
			expect(error?.message).toBe('The workflow "no_such_workflow" was not found in DeepIDV');
			expect(error?.description).toBe('Choose the workflow again from the Workflow list under Additional Fields, or remove it.');
		});
	});
});
