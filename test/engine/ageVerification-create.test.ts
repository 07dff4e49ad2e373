import type { Sandbox } from '../../sandbox';
import { runDeepIdv } from '../helpers/engine';
import { requestSummary, sandboxCredential, useSandbox } from '../helpers/sandbox';

const applicant = { firstName: 'Sam', lastName: 'Lee', email: 'sam@example.com', phone: '+447700900123' };
const restriction = (values: Record<string, unknown>) => ({ restriction: [{ key: 'chat', label: 'Allow chat', type: 'toggle', ...values }] });

describe('Age Verification → Create through the n8n engine', () => {
	const env = useSandbox();
	let sb: Sandbox;
	beforeEach(() => {
		sb = env.sb;
	});

	const create = (parameters: Record<string, unknown>, options: { continueOnFail?: boolean } = {}) =>
		runDeepIdv({
			parameters: { resource: 'ageVerification', operation: 'create', ...applicant, ...parameters },
			credential: sandboxCredential(sb),
			...options,
		});

	it('Parent Connect sends the age band, EULA and platform restrictions in DeepIDV’s shape, and outputs the verification link', async () => {
		const { items, error } = await create({
			method: 'parent-connect',
			ageBand: '13-15',
			eulaUrl: 'https://example.com/terms',
			platformRestrictions: {
				restriction: [
					{ key: 'chat', label: 'Allow chat', type: 'toggle', category: 'feature', defaultValue: 'false', required: true },
					{ key: 'daily', label: 'Daily play time', type: 'minutes', category: 'content', defaultValue: '60', min: '0', max: '240' },
					{ key: 'who', label: 'Who may message', type: 'select', choices: 'everyone, friends ,nobody', defaultValue: 'friends' },
				],
			},
			additionalFields: { externalId: 'child-9', expiresInHours: 48, sendPhoneInvite: false, redirectUrl: 'https://example.com/back' },
		});
		expect(error).toBeUndefined();
		expect(sb.requests.map(requestSummary)).toEqual([
			{
				method: 'POST',
				path: '/v1/age-verification',
				query: {},
				apiKey: sb.keys.live,
				contentType: 'application/json',
				body: {
					method: 'parent-connect',
					...applicant,
					sendEmailInvite: true,
					sendPhoneInvite: false,
					externalId: 'child-9',
					redirectUrl: 'https://example.com/back',
					expiresInHours: 48,
					ageBand: '13-15',
					eulaUrl: 'https://example.com/terms',
					platformRestrictions: [
						{ key: 'chat', label: 'Allow chat', type: 'toggle', category: 'feature', required: true, default: false },
						{ key: 'daily', label: 'Daily play time', type: 'minutes', category: 'content', min: 0, max: 240, default: 60 },
						{ key: 'who', label: 'Who may message', type: 'select', options: ['everyone', 'friends', 'nobody'], default: 'friends' },
					],
				},
			},
		]);
		const [created] = sb.ageVerifications;
		const link = `https://verify.deepidv.invalid/session/${created.id}`;
		expect(items).toEqual([
			{
				json: {
					id: created.id,
					session_url: link,
					method: 'parent-connect',
					external_id: 'child-9',
					expires_at: expect.any(String),
					links: [{ rel: 'session_url', href: link, description: 'Age verification link for the applicant' }],
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(sb.stats.billed).toEqual({ '/v1/age-verification': 1 });
		expect(sb.listParentConnects()[0]).toMatchObject({ id: null, child_session_id: created.id, status: 'PENDING', age_band: '13-15' });
	});

	it('Quiz sends no Parent Connect fields, even when they hold values, and DeepIDV names the method intel-quiz', async () => {
		const { items } = await create({ method: 'quiz', ageBand: '13-15', eulaUrl: 'http://not-checked', platformRestrictions: restriction({}) });
		expect(sb.requests[0].json).toEqual({ method: 'quiz', ...applicant, sendEmailInvite: true, sendPhoneInvite: true });
		expect(items[0].json).toMatchObject({ method: 'intel-quiz', expires_at: null });
	});

	describe('checks the input before sending anything', () => {
		const pc = (platformRestrictions: unknown, extra: Record<string, unknown> = {}) => ({ method: 'parent-connect', platformRestrictions, ...extra });
		const cases: Array<[string, Record<string, unknown>, string, string]> = [
			['an unknown method', { method: '={{ "selfie" }}' }, 'The Method "selfie" is not one DeepIDV knows', 'Choose Quiz, Credit Card or Parent Connect.'],
			['a phone without plus sign', { method: 'quiz', phone: '07700900123' }, 'The Phone "07700900123" is not in international format', 'Enter a plus sign, the country code and the number, e.g. +15192223333. Spaces, dashes, dots and brackets are allowed and removed before sending.'],
			['0 hours', { method: 'quiz', additionalFields: { expiresInHours: 0 } }, 'The Expires In (Hours) value "0" is not a whole number from 1 to 8760', 'Enter how many hours the applicant has to finish, from 1 to 8760 (one year), e.g. 72 for three days.'],
			['an http EULA', pc(restriction({}), { eulaUrl: 'http://example.com/terms' }), 'The EULA URL "http://example.com/terms" does not start with https://', 'DeepIDV only shows parents terms on secure pages. Use an https:// address, e.g. https://example.com/terms.'],
			['a restriction without key', pc(restriction({ key: ' ' })), 'Platform restriction 1 has no Key', 'Enter a key for the setting, e.g. chat_enabled.'],
			['a key used twice', pc({ restriction: [{ key: 'a', label: 'A' }, { key: 'a', label: 'B' }] }), 'Platform restriction 2 uses the Key "a" again', 'Give every restriction a key of its own.'],
			['a restriction without label', pc(restriction({ label: '  ' })), 'Platform restriction 1 ("chat") has no Label', 'Enter what the parent sees, e.g. Allow chat.'],
			['a select without choices', pc(restriction({ type: 'select' })), 'Platform restriction 1 ("chat") is a Select without Choices', 'Enter the values the parent picks from, separated by commas, e.g. everyone, friends, nobody.'],
			['choices on a toggle', pc(restriction({ choices: 'a, b' })), 'Platform restriction 1 ("chat") has Choices but is not a Select', 'Remove the Choices, or set Type to Select.'],
			['a min on a toggle', pc(restriction({ min: '1' })), 'Platform restriction 1 ("chat") has a Min but is not a Number or Minutes', 'Remove the Min, or set Type to Number or Minutes.'],
			['a max that is no number', pc(restriction({ type: 'number', max: 'lots' })), 'Platform restriction 1 ("chat") has the Max "lots", which is not a number', 'Enter a number, e.g. 120.'],
			['min above max', pc(restriction({ type: 'minutes', min: '90', max: '30' })), 'Platform restriction 1 ("chat") has a Min (90) greater than its Max (30)', 'Swap them, or correct one of them.'],
			['a toggle default that is no boolean', pc(restriction({ defaultValue: 'yes' })), 'Platform restriction 1 ("chat") has the Default Value "yes", but a Toggle is true or false', 'Enter true or false, or leave it empty.'],
			['a select default not among the choices', pc(restriction({ type: 'select', choices: 'a, b', defaultValue: 'c' })), 'Platform restriction 1 ("chat") has the Default Value "c", which is not one of its Choices', 'Enter one of: a, b; or leave it empty.'],
			['a number default out of range', pc(restriction({ type: 'number', max: '10', defaultValue: '11' })), 'Platform restriction 1 ("chat") has the Default Value "11", which is not a number within its Min and Max', 'Enter a number within Min and Max, or leave it empty.'],
			['an unknown type', pc(restriction({ type: 'slider' })), 'Platform restriction 1 ("chat") has the unknown Type "slider"', 'Choose Toggle, Number, Select or Minutes.'],
		];
		it.each(cases)('refuses %s', async (_name, parameters, message, description) => {
			const { error, items } = await create(parameters);
			expect([error?.message, error?.description, error?.context?.itemIndex]).toEqual([message, description, 0]);
			expect(items).toEqual([]);
			expect(sb.requests).toEqual([]);
		});
	});

	it("explains DeepIDV's plain-text 402 and sends it once", async () => {
		sb.injectFaults([{ status: 402, match: { method: 'POST' } }]);
		const { error } = await create({ method: 'credit-card' });
		expect(sb.requests).toHaveLength(1);
		expect(error?.message).toBe('DeepIDV refused the request for billing reasons: Insufficient funds or subscription.');
	});

	it('does not repeat a create whose connection was reset after DeepIDV received it', async () => {
		sb.injectFaults([{ when: 'after', reset: true, match: { method: 'POST' } }]);
		const { error } = await create({ method: 'parent-connect' });
		expect(sb.requests).toHaveLength(1);
		expect(sb.stats.billed).toEqual({ '/v1/age-verification': 1 });
		expect(error?.description).toBe(
			'DeepIDV may have created the age verification and invited the applicant anyway. Before running this item again, look for it in the DeepIDV Admin Console (for Parent Connect: Age Verification → Get Many Parent Connects, by child session ID), so the applicant is not invited twice.',
		);
	});

	it('when a later item stops the run, says which items had already invited someone', async () => {
		const { error } = await runDeepIdv({
			parameters: { resource: 'ageVerification', operation: 'create', method: 'quiz', ...applicant, email: '={{ $json.email }}' },
			input: [{ email: 'sam@example.com' }, { email: 'not-an-address' }],
			credential: sandboxCredential(sb),
		});
		const [created] = sb.ageVerifications;
		expect(error?.message).toBe('The Email "not-an-address" is not a valid email address');
		expect(error?.description).toBe(
			`Enter the applicant's email address, e.g. jane.doe@example.com. Before the run stopped, 1 item had already created an age verification and invited the applicant: item 0 (age verification ${created.id}). Running the workflow again invites them again.`,
		);
	});
});
