import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { PHONE_FORMAT_HINT } from '../../nodes/DeepIdv/actions/contactFormats';
import { requestSummary, useSandbox } from '../helpers/sandbox';
import { runOperation } from '../helpers/screening';

const APPLICANT: INodeParameters = { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', phone: '+1 (519) 222-3333' };
const RETURN_EXISTING = (externalId: string) => ({ externalId, ifExternalIdExists: 'returnExisting' });
const LABEL = 'If a Bank Statement Request With This External ID Exists';
const MAYBE_CREATED =
	'DeepIDV may have created the bank statement request and invited the applicant anyway. Before running this item again, look for it with Bank Statement → Get Many by External ID so the applicant is not invited twice.';

describe('Bank Statement → Create through the n8n engine', () => {
	const env = useSandbox();
	const create = (parameters: INodeParameters, options: { input?: IDataObject[]; continueOnFail?: boolean; apiKey?: string } = {}) =>
		runOperation(env.sb, 'bankStatement', 'create', { ...APPLICANT, ...parameters }, options);
	const calls = () => env.sb.requests.map(({ method, path }) => `${method} ${path}`);

	it('sends one POST /v1/financial with the documented camelCase fields and outputs the statement ID and link', async () => {
		const { sb } = env;
		const { items, error } = await create({ period: '6', additionalFields: { externalId: ' loan-7 ', sendPhoneInvite: false } });
		expect(error).toBeUndefined();
		expect(sb.requests.map(requestSummary)).toEqual([
			{
				method: 'POST',
				path: '/v1/financial',
				query: {},
				apiKey: sb.keys.live,
				contentType: 'application/json',
				body: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', phone: '+15192223333', period: '6', externalId: 'loan-7', sendPhoneInvite: false },
			},
		]);
		const id = items[0].json.bankStatementId as string;
		expect(items).toEqual([
			{
				json: {
					bankStatementId: expect.stringMatching(/^[0-9a-f-]{36}$/),
					bankStatementUrl: `https://verify.deepidv.invalid/bank-statement/${id}`,
					externalId: 'loan-7',
					links: [
						{ rel: 'self', href: `${sb.url}/v1/financial/${id}`, description: 'Retrieve this request' },
						{ rel: 'applicant_url', href: `https://verify.deepidv.invalid/bank-statement/${id}`, description: 'Link for the applicant' },
					],
					created: true,
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(sb.stats.billed).toEqual({ '/v1/financial': 1 });
		expect(sb.getBankStatement(id)).toMatchObject({ status: 'pending', externalId: 'loan-7', Config: { period: '6', sendPhoneInvite: false } });
	});

	it("sends DeepIDV's default period of 3 months and no invite switch that was not added", async () => {
		const { items } = await create({});
		expect(env.sb.requests[0].json).toEqual({ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', phone: '+15192223333', period: '3' });
		expect(items[0].json).toMatchObject({ externalId: null, created: true });
	});

	it.each<[string, INodeParameters, string, string]>([
		['an empty First Name', { firstName: ' ' }, 'The First Name parameter is empty', "DeepIDV needs the applicant's first name to send the invitation. Enter it, or map it from an earlier node."],
		['an empty Last Name', { lastName: '  ' }, 'The Last Name parameter is empty', "DeepIDV needs the applicant's last name to send the invitation. Enter it, or map it from an earlier node."],
		['an empty Email', { email: ' ' }, 'The Email parameter is empty', "DeepIDV needs the applicant's email address to send the invitation. Enter it, or map it from an earlier node."],
		['an invalid Email', { email: 'ada@' }, 'The Email "ada@" is not a valid email address', "Enter the person's email address, e.g. jane.doe@example.com."],
		['an empty Phone', { phone: ' ' }, 'The Phone parameter is empty', "DeepIDV needs the applicant's mobile number to send the invitation. Enter it, or map it from an earlier node."],
		['a Phone without country code', { phone: '5192223333' }, 'The Phone "5192223333" is not in international format', PHONE_FORMAT_HINT],
		['a Period DeepIDV does not offer', { period: '={{ 12 }}' }, 'The Period "12" is not 3, 6 or 9 months', 'Choose 3, 6 or 9 months.'],
		[
			'Return the Existing One without an External ID',
			{ additionalFields: { ifExternalIdExists: 'returnExisting' } },
			`"${LABEL}" is set to Return the Existing One, but External ID is empty`,
			'Add External ID under Additional Fields (e.g. your CRM or order number) so existing bank statement requests can be found, or choose Create Another.',
		],
		['an invite switch that is not true or false', { additionalFields: { sendEmailInvite: '={{ "yes" }}' } }, 'The Send Email Invite value "yes" is not true or false', 'Switch it on or off, or give true or false from an expression.'],
	])('refuses %s before sending anything', async (_case, parameters, message, description) => {
		const { error } = await create(parameters);
		expect({ message: error?.message, description: error?.description }).toEqual({ message, description });
		expect(env.sb.requests).toEqual([]);
	});

	it('takes a Period from an expression as a number', async () => {
		await create({ period: '={{ 9 }}' });
		expect(env.sb.requests[0].json).toMatchObject({ period: '9' });
	});

	it('returns the existing request on a re-run with Return the Existing One, inviting nobody again', async () => {
		const { sb } = env;
		const first = await create({ additionalFields: RETURN_EXISTING('loan-8') });
		expect(calls()).toEqual(['GET /v1/financial/externalId/loan-8', 'POST /v1/financial']);
		const id = first.items[0].json.bankStatementId;
		sb.clearRequests();
		const second = await create({ additionalFields: RETURN_EXISTING('loan-8') });
		expect(calls()).toEqual(['GET /v1/financial/externalId/loan-8']);
		expect(second.items).toEqual([
			{
				json: { bankStatementId: id, bankStatementUrl: null, externalId: 'loan-8', links: [], created: false, status: 'pending' },
				pairedItem: { item: 0 },
			},
		]);
		expect(sb.stats.billed).toEqual({ '/v1/financial': 1 });
	});

	it('settles a lost answer by looking the External ID up: DeepIDV created it, so it is returned, not created again', async () => {
		const { sb } = env;
		sb.injectFaults([{ status: 500, when: 'after', match: { method: 'POST', path: '/v1/financial' } }]);
		const { items, error } = await create({ additionalFields: RETURN_EXISTING('loan-9') });
		expect(error).toBeUndefined();
		expect(calls()).toEqual(['GET /v1/financial/externalId/loan-9', 'POST /v1/financial', 'GET /v1/financial/externalId/loan-9']);
		expect(sb.stats.billed).toEqual({ '/v1/financial': 1 });
		expect(items[0].json).toMatchObject({ externalId: 'loan-9', created: true, status: 'pending', bankStatementUrl: null });
	});

	it('settles a lost answer by looking the External ID up: DeepIDV did not create it, so it is sent again', async () => {
		const { sb } = env;
		sb.injectFaults([{ reset: true, match: { method: 'POST', path: '/v1/financial' } }]);
		const { items, error } = await create({ additionalFields: RETURN_EXISTING('loan-10') });
		expect(error).toBeUndefined();
		expect(calls()).toEqual(['GET /v1/financial/externalId/loan-10', 'POST /v1/financial', 'GET /v1/financial/externalId/loan-10', 'POST /v1/financial']);
		expect(sb.stats.billed).toEqual({ '/v1/financial': 1 });
		expect(items[0].json).toMatchObject({ externalId: 'loan-10', created: true, bankStatementUrl: expect.any(String) });
	});

	it('never repeats the POST after a lost answer without the re-run rule, and says how to check', async () => {
		const { sb } = env;
		sb.injectFaults([{ status: 500, when: 'after', match: { method: 'POST', path: '/v1/financial' } }]);
		const { error } = await create({ additionalFields: { externalId: 'loan-11' } });
		expect(error?.message).toBe('DeepIDV had a server error (HTTP 500): Internal Server Error');
		expect(error?.description).toBe(MAYBE_CREATED);
		expect(calls()).toEqual(['POST /v1/financial']);
		expect(sb.stats.billed).toEqual({ '/v1/financial': 1 });
	});

	it("reports DeepIDV's plain-text 402 as a billing refusal, sent once", async () => {
		const { sb } = env;
		sb.injectFaults([{ status: 402, match: { method: 'POST', path: '/v1/financial' } }]);
		const { error } = await create({});
		expect(error?.message).toBe('DeepIDV refused the request for billing reasons: Insufficient funds or subscription.');
		expect(error?.description).toBe(
			'Your DeepIDV organisation has run out of prepaid tokens or has no active subscription. Top up or renew in the DeepIDV Admin Console, then run the workflow again.',
		);
		expect(calls()).toEqual(['POST /v1/financial']);
	});

	it("says in plain words that a sandbox key cannot create bank statement requests (DeepIDV's 403)", async () => {
		const { sb } = env;
		const { error } = await create({}, { apiKey: sb.keys.sandbox });
		expect(error?.message).toBe('A sandbox API key cannot create bank statement requests');
		expect(error?.description).toBe('DeepIDV sandbox keys only read test data. Put a live API key from the DeepIDV Admin Console in the DeepIDV API credential.');
		expect(error?.httpCode).toBe('403');
	});

	it('says which items had already invited someone when an error stops the run', async () => {
		const input = [{ phone: '+15192223333' }, { phone: '+15192223334' }, { phone: 'not a phone' }];
		const { error } = await create({ phone: '={{ $json.phone }}' }, { input });
		const ids = [...env.sb.requests].map((request) => request.path);
		expect(ids).toEqual(['/v1/financial', '/v1/financial']);
		expect(error?.message).toBe('The Phone "not a phone" is not in international format');
		expect(error?.description).toMatch(
			new RegExp(
				`^${escape(PHONE_FORMAT_HINT)} Before the run stopped, 2 items had already created a bank statement request and invited the applicant: item 0 \\(bank statement request [0-9a-f-]{36}\\), item 1 \\(bank statement request [0-9a-f-]{36}\\)\\. Running the workflow again invites them again, unless Additional Fields → ${escape(LABEL)} is set to Return the Existing One\\.$`,
			),
		);
	});

	it('outputs one item per input item under Continue On Fail, the refused one as an error item', async () => {
		const input = [{ email: 'ada@example.com' }, { email: 'nope' }];
		const { items } = await create({ email: '={{ $json.email }}' }, { input, continueOnFail: true });
		expect(items.map((item) => [item.pairedItem, item.json.created ?? item.json.error])).toEqual([
			[{ item: 0 }, true],
			[{ item: 1 }, 'The Email "nope" is not a valid email address'],
		]);
	});
});

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
