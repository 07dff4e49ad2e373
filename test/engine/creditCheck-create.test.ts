import type { Sandbox } from '../../sandbox';
import { runDeepIdv } from '../helpers/engine';
import { requestSummary, sandboxCredential, useSandbox } from '../helpers/sandbox';

const applicant = { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', phone: '+15192223333' };
const maybeCreated = (inquiry: string) =>
	`DeepIDV may have created the ${inquiry} credit check and invited the applicant anyway. Before running this item again, look for it in the DeepIDV Admin Console, so the applicant is not invited (and billed) twice.`;

describe('Credit Check → Create Hard / Create Soft through the n8n engine', () => {
	const env = useSandbox();
	let sb: Sandbox;
	beforeEach(() => {
		sb = env.sb;
	});

	const create = (operation: 'createHard' | 'createSoft', parameters: Record<string, unknown> = {}, options: { continueOnFail?: boolean; apiKey?: string } = {}) =>
		runDeepIdv({
			parameters: { resource: 'creditCheck', operation, ...applicant, ...parameters },
			credential: sandboxCredential(sb, options.apiKey),
			continueOnFail: options.continueOnFail,
		});

	it('Create Hard sends one POST with every field, in Test Mode with a scenario, and outputs what DeepIDV answered', async () => {
		const { items, error } = await create('createHard', {
			phone: '+1 (519) 222-3333',
			uat: true,
			uatType: 'hard_pass',
			additionalFields: { externalId: 'loan-77', redirectUrl: 'https://example.com/done', sendEmailInvite: false },
		});
		expect(error).toBeUndefined();
		expect(sb.requests.map(requestSummary)).toEqual([
			{
				method: 'POST',
				path: '/v1/credit-check/hard',
				query: {},
				apiKey: sb.keys.live,
				contentType: 'application/json',
				body: {
					...applicant,
					sendEmailInvite: false,
					sendPhoneInvite: true,
					externalId: 'loan-77',
					redirectUrl: 'https://example.com/done',
					uat: true,
					uatType: 'hard_pass',
				},
			},
		]);
		const [created] = sb.creditChecks;
		const link = `https://verify.deepidv.invalid/session/${created.id}`;
		expect(items).toEqual([
			{
				json: {
					id: created.id,
					session_url: link,
					type: 'credit-check-hard',
					externalId: 'loan-77',
					links: [{ rel: 'session_url', href: link, description: 'Credit check link for the applicant' }],
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(sb.stats.billed).toEqual({});
	});

	it('Create Soft sends the applicant and both invites, no Test Mode, and is billed once', async () => {
		const { items } = await create('createSoft', { uatType: 'ignored while Test Mode is off' });
		expect(sb.requests.map((request) => [request.path, request.json])).toEqual([
			['/v1/credit-check/soft', { ...applicant, sendEmailInvite: true, sendPhoneInvite: true }],
		]);
		expect(items.map((item) => item.json.type)).toEqual(['credit-check-soft']);
		expect(sb.stats.billed).toEqual({ '/v1/credit-check/soft': 1 });
	});

	describe('checks the input before sending anything', () => {
		const cases: Array<[string, Record<string, unknown>, string, string]> = [
			['a blank first name', { firstName: ' ' }, 'The First Name parameter is empty', "DeepIDV needs the applicant's first name to create a soft credit check. Enter it, or map it from an earlier node."],
			['an invalid email', { email: 'ada.example.com' }, 'The Email "ada.example.com" is not a valid email address', "Enter the applicant's email address, e.g. jane.doe@example.com."],
			['a phone without country code', { phone: '5192223333' }, 'The Phone "5192223333" is not in international format', 'Enter a plus sign, the country code and the number, e.g. +15192223333. Spaces, dashes, dots and brackets are allowed and removed before sending.'],
			['an http redirect', { additionalFields: { redirectUrl: 'http://example.com/done' } }, 'The Redirect URL "http://example.com/done" does not start with https://', 'DeepIDV only sends applicants back to secure pages. Use an https:// address, e.g. https://example.com/verification-complete.'],
		];
		it.each(cases)('refuses %s', async (_name, parameters, message, description) => {
			const { error, items } = await create('createSoft', parameters);
			expect([error?.message, error?.description, error?.context?.itemIndex]).toEqual([message, description, 0]);
			expect(items).toEqual([]);
			expect(sb.requests).toEqual([]);
		});
	});

	it("explains DeepIDV's plain-text 402 and sends it once", async () => {
		sb.injectFaults([{ status: 402, match: { method: 'POST' } }]);
		const { error } = await create('createHard');
		expect(sb.requests).toHaveLength(1);
		expect(error?.message).toBe('DeepIDV refused the request for billing reasons: Insufficient funds or subscription.');
		expect(error?.description).toBe(
			'Your DeepIDV organisation has run out of prepaid tokens or has no active subscription. Top up or renew in the DeepIDV Admin Console, then run the workflow again.',
		);
	});

	it('does not repeat a create that failed after DeepIDV received it, and says it may exist', async () => {
		sb.injectFaults([{ when: 'after', status: 500, match: { method: 'POST' } }]);
		const { items } = await create('createHard', {}, { continueOnFail: true });
		expect(sb.requests).toHaveLength(1);
		expect(sb.stats.billed).toEqual({ '/v1/credit-check/hard': 1 });
		expect(items).toEqual([
			{ json: { error: 'DeepIDV had a server error (HTTP 500): Internal Server Error', details: maybeCreated('hard') }, pairedItem: { item: 0 } },
		]);
	});

	it("says in plain words that a sandbox key cannot create credit checks", async () => {
		const { error } = await create('createSoft', {}, { apiKey: sb.keys.sandbox });
		expect(error?.message).toBe('A sandbox API key cannot create credit checks');
		expect(error?.description).toBe(
			'DeepIDV sandbox keys only read test data. Put a live API key from the DeepIDV Admin Console in the DeepIDV API credential, and turn on Test Mode (UAT, Not Billed) to try it without an Equifax inquiry or a charge.',
		);
		expect(error?.httpCode).toBe('403');
	});

	it('when a later item stops the run, says which items had already invited someone', async () => {
		const { error } = await runDeepIdv({
			parameters: { resource: 'creditCheck', operation: 'createSoft', ...applicant, phone: '={{ $json.phone }}' },
			input: [{ phone: '+15192223333' }, { phone: '519-222-3333' }],
			credential: sandboxCredential(sb),
		});
		const [created] = sb.creditChecks;
		expect(error?.message).toBe('The Phone "519-222-3333" is not in international format');
		expect(error?.description).toBe(
			`Enter a plus sign, the country code and the number, e.g. +15192223333. Spaces, dashes, dots and brackets are allowed and removed before sending. Before the run stopped, 1 item had already created a soft credit check and invited the applicant: item 0 (credit check ${created.id}). Running the workflow again invites them again and creates new credit checks.`,
		);
	});
});
