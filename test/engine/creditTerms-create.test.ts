import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { requestSummary, useSandbox } from '../helpers/sandbox';
import { runOperation } from '../helpers/screening';

const APPLICATION: INodeParameters = {
	firstName: 'Ada',
	lastName: 'Lovelace',
	businessName: 'Acme Co.',
	businessEmail: 'ap@acme.example',
	businessAddress: '1 Main St, Toronto',
	requestedCreditAmount: 25000,
};
const LABEL = 'If a Credit Terms Request With This External ID Exists';

describe('Credit Terms → Create through the n8n engine', () => {
	const env = useSandbox();
	const create = (parameters: INodeParameters, options: { input?: IDataObject[] } = {}) =>
		runOperation(env.sb, 'creditTerms', 'create', { ...APPLICATION, ...parameters }, options);
	const calls = () => env.sb.requests.map(({ method, path }) => `${method} ${path}`);

	it('sends one POST /v1/credit-terms with the documented fields, 30 days by default, and outputs the ID and link', async () => {
		const { sb } = env;
		const { items, error } = await create({ additionalFields: { externalId: 'acct-1', sendEmailInvite: false } });
		expect(error).toBeUndefined();
		expect(sb.requests.map(requestSummary)).toEqual([
			{
				method: 'POST',
				path: '/v1/credit-terms',
				query: {},
				apiKey: sb.keys.live,
				contentType: 'application/json',
				body: {
					firstName: 'Ada',
					lastName: 'Lovelace',
					businessName: 'Acme Co.',
					businessEmail: 'ap@acme.example',
					businessAddress: '1 Main St, Toronto',
					requestedCreditAmount: 25000,
					requestedCreditPeriod: '30',
					externalId: 'acct-1',
					sendEmailInvite: false,
				},
			},
		]);
		const id = items[0].json.creditTermsId as string;
		expect(items).toEqual([
			{
				json: {
					creditTermsId: expect.stringMatching(/^[0-9a-f-]{36}$/),
					creditTermsUrl: `https://verify.deepidv.invalid/credit-terms/${id}`,
					externalId: 'acct-1',
					links: [
						{ rel: 'self', href: `${sb.url}/v1/credit-terms/${id}`, description: 'Retrieve this request' },
						{ rel: 'applicant_url', href: `https://verify.deepidv.invalid/credit-terms/${id}`, description: 'Link for the applicant' },
					],
					created: true,
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(sb.stats.billed).toEqual({ '/v1/credit-terms': 1 });
	});

	it('sends an amount of 0 and a period and amount from expressions', async () => {
		await create({ requestedCreditAmount: 0 });
		await create({ requestedCreditAmount: '={{ "1500.50" }}', requestedCreditPeriod: '={{ 90 }}' });
		expect(env.sb.requests.map((request) => request.json)).toEqual([
			expect.objectContaining({ requestedCreditAmount: 0, requestedCreditPeriod: '30' }),
			expect.objectContaining({ requestedCreditAmount: 1500.5, requestedCreditPeriod: '90' }),
		]);
	});

	it.each<[string, INodeParameters, string, string]>([
		['an empty Business Name', { businessName: ' ' }, 'The Business Name parameter is empty', "DeepIDV needs the business's name to send the invitation. Enter it, or map it from an earlier node."],
		['an invalid Business Email', { businessEmail: 'ap.acme' }, 'The Business Email "ap.acme" is not a valid email address', "Enter the business's email address, e.g. ap@acme.com."],
		['an empty Business Address', { businessAddress: ' ' }, 'The Business Address parameter is empty', "DeepIDV needs the business's address to send the invitation. Enter it, or map it from an earlier node."],
		[
			'a negative amount',
			{ requestedCreditAmount: '={{ -5 }}' },
			'The Requested Credit Amount "-5" is not a number of 0 or more',
			'Enter the amount of credit the business asks for, as a plain number without currency signs or thousands separators, e.g. 25000.',
		],
		[
			'an amount that is not a number',
			{ requestedCreditAmount: '={{ "$25,000" }}' },
			'The Requested Credit Amount "$25,000" is not a number of 0 or more',
			'Enter the amount of credit the business asks for, as a plain number without currency signs or thousands separators, e.g. 25000.',
		],
		['a period DeepIDV does not offer', { requestedCreditPeriod: '={{ 45 }}' }, 'The Requested Credit Period "45" is not 30, 60 or 90 days', 'Choose 30, 60 or 90 days.'],
		[
			'Return the Existing One without an External ID',
			{ additionalFields: { ifExternalIdExists: 'returnExisting' } },
			`"${LABEL}" is set to Return the Existing One, but External ID is empty`,
			'Add External ID under Additional Fields (e.g. your CRM or order number) so existing credit terms requests can be found, or choose Create Another.',
		],
	])('refuses %s before sending anything', async (_case, parameters, message, description) => {
		const { error } = await create(parameters);
		expect({ message: error?.message, description: error?.description }).toEqual({ message, description });
		expect(env.sb.requests).toEqual([]);
	});

	it('returns the existing request on a re-run with Return the Existing One, and settles a lost answer by looking', async () => {
		const { sb } = env;
		const rerun = { additionalFields: { externalId: 'acct-2', ifExternalIdExists: 'returnExisting' } };
		sb.injectFaults([{ status: 502, when: 'after', match: { method: 'POST', path: '/v1/credit-terms' } }]);
		const first = await create(rerun);
		expect(first.items[0].json).toMatchObject({ created: true, status: 'pending', externalId: 'acct-2' });
		const second = await create(rerun);
		expect(second.items[0].json).toEqual({
			creditTermsId: first.items[0].json.creditTermsId,
			creditTermsUrl: null,
			externalId: 'acct-2',
			links: [],
			created: false,
			status: 'pending',
		});
		expect(calls()).toEqual([
			'GET /v1/credit-terms/externalId/acct-2',
			'POST /v1/credit-terms',
			'GET /v1/credit-terms/externalId/acct-2',
			'GET /v1/credit-terms/externalId/acct-2',
		]);
		expect(sb.stats.billed).toEqual({ '/v1/credit-terms': 1 });
	});

	it("reports DeepIDV's plain-text 402 as a billing refusal, sent once", async () => {
		env.sb.injectFaults([{ status: 402, match: { method: 'POST', path: '/v1/credit-terms' } }]);
		const { error } = await create({});
		expect(error?.message).toBe('DeepIDV refused the request for billing reasons: Insufficient funds or subscription.');
		expect(calls()).toEqual(['POST /v1/credit-terms']);
	});

	it('says which items had already invited someone when an error stops the run', async () => {
		const { error } = await create({ requestedCreditAmount: '={{ $json.amount }}' }, { input: [{ amount: 100 }, { amount: -1 }] });
		expect(error?.description).toMatch(
			/ Before the run stopped, 1 item had already created a credit terms request and invited the applicant: item 0 \(credit terms request [0-9a-f-]{36}\)\. Running the workflow again invites them again, unless Additional Fields → If a Credit Terms Request With This External ID Exists is set to Return the Existing One\.$/,
		);
	});
});
