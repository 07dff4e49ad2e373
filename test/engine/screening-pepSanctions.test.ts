import type { INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { requestSummary, useSandbox } from '../helpers/sandbox';
import { runOperation } from '../helpers/screening';

const PATH = '/v1/screening/pep-sanctions';
const person = { firstName: 'Boris', lastName: 'Sanctioned', dateOfBirth: '1971-08-23' };
const MAYBE_BILLED =
	'DeepIDV may have run the PEP and sanctions screening and billed it anyway, so the node did not repeat it. Run the item again only if a second charge is acceptable.';

describe('Screening → PEP & Sanctions through the n8n engine', () => {
	const env = useSandbox();
	let sb: Sandbox;
	beforeEach(() => {
		sb = env.sb;
	});

	const screen = (parameters: INodeParameters = {}, options = {}) =>
		runOperation(sb, 'screening', 'pepSanctions', { ...person, ...parameters }, options);

	it('sends one POST with the person and, simplified, outputs match, counts and the strongest matches', async () => {
		const { items, error } = await screen();
		expect(error).toBeUndefined();
		expect(sb.requests.map(requestSummary)).toEqual([
			{
				method: 'POST',
				path: PATH,
				query: {},
				apiKey: sb.keys.live,
				contentType: 'application/json',
				body: { firstName: 'Boris', lastName: 'Sanctioned', dateOfBirth: '1971-08-23' },
			},
		]);
		expect(sb.requests[0].headers['idempotency-key']).toBeUndefined();
		expect(items).toEqual([
			{
				json: {
					match: true,
					totalMatches: 2,
					pepMatches: 0,
					sanctionsMatches: 2,
					topMatches: [
						{
							list: 'sanctions',
							name: 'Boris Sanctioned',
							country: 'RU',
							dateOfBirth: '1971-08-23',
							confidence: 0.97,
							datasets: ['OFAC SDN List', 'EU Consolidated Financial Sanctions'],
						},
						{
							list: 'sanctions',
							name: 'B. Sanctioned',
							country: null,
							dateOfBirth: null,
							confidence: 0.71,
							datasets: ['UN Security Council Consolidated List'],
						},
					],
					searchedSources: [
						'OFAC SDN List',
						'UN Security Council Consolidated List',
						'EU Consolidated Financial Sanctions',
						'UK HMT Consolidated List',
						'Global PEP Database',
					],
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(sb.stats.billed).toEqual({ [PATH]: 1 });
	});

	it('counts a PEP, a match on both lists, and no match', async () => {
		const { items } = await runOperation(
			sb,
			'screening',
			'pepSanctions',
			{ firstName: 'Petra', lastName: '={{ $json.last }}', dateOfBirth: '1980-01-31' },
			{ input: [{ last: 'Politician' }, { last: 'Listed' }, { last: 'Doe' }] },
		);
		expect(items.map(({ json }) => [json.match, json.totalMatches, json.pepMatches, json.sanctionsMatches])).toEqual([
			[true, 1, 1, 0],
			[true, 1, 1, 1],
			[false, 0, 0, 0],
		]);
		expect(items[1].json.topMatches).toEqual([
			{ list: 'pep_and_sanctions', name: 'Petra Listed', country: 'VE', dateOfBirth: '1980-01-31', confidence: 0.95, datasets: ['OFAC SDN List', 'Global PEP Database'] },
		]);
		expect(items[2].json.topMatches).toEqual([]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(sb.stats.billed).toEqual({ [PATH]: 3 });
	});

	it('outputs DeepIDV\'s answer unchanged with Simplify off', async () => {
		const { items } = await screen({ lastName: 'Politician', simplify: false });
		expect(items.map((item) => item.json)).toEqual([
			{
				totalMatches: 1,
				peps: [{ name: 'Boris Politician', country: 'GB', dateOfBirth: '1971-08-23', confidence: 0.93, datasets: ['Global PEP Database'] }],
				sanctions: [],
				both: [],
				searchedSources: expect.arrayContaining(['OFAC SDN List']),
			},
		]);
	});

	it('sends Email when given, and only the date part of a picked date or ISO date-time', async () => {
		const dates = ['1971-08-23T00:00:00', '1971-08-23T23:30:00.000-05:00', '1971-08-23 10:00', ' 1971-08-23 '];
		await runOperation(
			sb,
			'screening',
			'pepSanctions',
			{ ...person, dateOfBirth: '={{ $json.dob }}', additionalFields: { email: ' boris@example.com ' } },
			{ input: dates.map((dob) => ({ dob })) },
		);
		expect(sb.requests.map((request) => request.json)).toEqual(
			dates.map(() => ({ ...person, email: 'boris@example.com' })),
		);
	});

	it('reads a date of birth given as a Luxon DateTime or a JavaScript Date by an expression', async () => {
		await screen({ dateOfBirth: "={{ DateTime.fromISO('1971-08-23') }}" });
		await screen({ dateOfBirth: "={{ new Date(Date.UTC(1971, 7, 23)) }}" });
		expect(sb.requests.map((request) => (request.json as { dateOfBirth: string }).dateOfBirth)).toEqual(['1971-08-23', '1971-08-23']);
	});

	it('says to add Email when DeepIDV requires it', async () => {
		sb.configure({ screeningEmail: 'required' });
		const { error } = await screen();
		expect(error?.message).toBe('DeepIDV rejected the request as invalid: Invalid request body (email: Required)');
		expect(error?.description).toBe(
			'Check First Name, Last Name and Date of Birth. If DeepIDV says an email is required, add Email under Additional Fields.',
		);
		expect(sb.stats.billed).toEqual({});
	});

	describe('is billed once at most', () => {
		it('does not repeat a screening that failed after DeepIDV received it', async () => {
			sb.injectFaults([{ when: 'after', status: 500 }]);
			const { error } = await screen();
			expect(error?.message).toBe('DeepIDV had a server error (HTTP 500): Internal Server Error');
			expect(error?.description).toBe(MAYBE_BILLED);
			expect(sb.requests).toHaveLength(1);
			expect(sb.stats.billed).toEqual({ [PATH]: 1 });
		});

		it('does not repeat one whose connection was reset or that timed out', async () => {
			sb.injectFaults([{ when: 'after', reset: true }]);
			const reset = await screen();
			expect(reset.error?.message).toBe('The connection to DeepIDV was interrupted before it answered');
			expect(reset.error?.description).toBe(MAYBE_BILLED);
			sb.injectFaults([{ when: 'after', delayMs: 1500 }]);
			const slow = await screen({ requestOptions: { timeoutSeconds: 1 } });
			expect(slow.error?.message).toBe('DeepIDV did not answer within 1 seconds');
			expect(slow.error?.description).toBe(MAYBE_BILLED);
			expect(sb.requests).toHaveLength(2);
			expect(sb.stats.billed).toEqual({ [PATH]: 2 });
		});

		it('repeats after a 429 and after DeepIDV\'s 503 (documented as not billed)', async () => {
			sb.injectFaults([{ status: 429, retryAfter: '0' }, { status: 503 }]);
			const { items, error } = await screen();
			expect(error).toBeUndefined();
			expect(sb.requests).toHaveLength(3);
			expect(items[0].json.match).toBe(true);
			expect(sb.stats.billed).toEqual({ [PATH]: 1 });
		});

		it('gives up on a lasting 503 with the usual advice, nothing billed', async () => {
			const { error } = await screen({ lastName: 'Unavailable', requestOptions: { maxRetries: 2 } });
			expect(error?.message).toBe(
				'DeepIDV had a server error (HTTP 503): The screening provider did not answer in time. This request was not billed; try again. (after 3 attempts)',
			);
			expect(error?.description).toBe(
				'This is usually temporary. Run the workflow again in a few minutes; if it keeps happening, contact DeepIDV support.',
			);
			expect(sb.stats.billed).toEqual({});
		});

		it('does not repeat a 502', async () => {
			sb.injectFaults([{ status: 502 }]);
			const { error } = await screen();
			expect(error?.description).toBe(MAYBE_BILLED);
			expect(sb.requests).toHaveLength(1);
		});
	});
});
