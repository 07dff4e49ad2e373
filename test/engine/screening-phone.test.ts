import type { INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { requestSummary, useSandbox } from '../helpers/sandbox';
import { runOperation } from '../helpers/screening';

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

describe('Screening → phone checks through the n8n engine', () => {
	const env = useSandbox();
	let sb: Sandbox;
	beforeEach(() => {
		sb = env.sb;
	});

	const check = (operation: string, parameters: INodeParameters, options = {}) =>
		runOperation(sb, 'screening', operation, parameters, options);

	/** A live session whose applicant has the given mobile number. */
	async function sessionWithPhone(phone: string) {
		const answer = await fetch(`${sb.url}/v1/sessions`, {
			method: 'POST',
			headers: { 'x-api-key': sb.keys.live, 'content-type': 'application/json' },
			body: JSON.stringify({ firstName: 'Jane', lastName: 'Doe', email: 'jane@example.com', phone }),
		});
		const { id } = (await answer.json()) as { id: string };
		sb.clearRequests();
		return id;
	}

	describe('Phone Trust', () => {
		it('sends the cleaned-up number and sensitivity, and outputs whether it tripped and why', async () => {
			const { items, error } = await check('phoneTrust', {
				phone: '+44 7700 900001',
				additionalFields: { email: 'jane@example.com', firstName: 'Jane' },
			});
			expect(error).toBeUndefined();
			expect(sb.requests.map(requestSummary)).toEqual([
				{
					method: 'POST',
					path: '/v1/screening/phone-trust',
					query: {},
					apiKey: sb.keys.live,
					contentType: 'application/json',
					body: { phone: '+447700900001', sensitivity: 'medium', email: 'jane@example.com', firstName: 'Jane' },
				},
			]);
			expect(items).toEqual([
				{
					json: {
						tripped: true,
						tripReasons: ['SIM_SWAP_HIGH_RISK'],
						simSwappedRisk: 'HIGH_RISK',
						simChangedDate: '2025-04-14T08:12:00.000Z',
						forwardingRisk: 'NO_RISK',
						sensitivity: 'medium',
						statusMessage: 'Carrier data checked',
						checkedAt: expect.any(String),
						sessionId: null,
					},
					pairedItem: { item: 0 },
				},
			]);
			expect(sb.stats.billed).toEqual({ '/v1/screening/phone-trust': 1 });
		});

		it('passes the sensitivity through: a medium-risk swap trips at Medium, not at Low', async () => {
			const { items } = await check(
				'phoneTrust',
				{ phone: '+447700900002', sensitivity: '={{ $json.level }}' },
				{ input: [{ level: 'medium' }, { level: 'LOW' }] },
			);
			expect(items.map(({ json }) => [json.sensitivity, json.tripped, json.tripReasons])).toEqual([
				['medium', true, ['SIM_SWAP_MEDIUM_RISK']],
				['low', false, []],
			]);
		});

		it('outputs DeepIDV\'s answer with Simplify off', async () => {
			const { items } = await check('phoneTrust', { phone: '+15192223333', simplify: false });
			expect(items[0].json).toEqual({
				tripped: false,
				tripReasons: [],
				simSwappedRisk: 'NO_DATA',
				forwardingRisk: 'NO_DATA',
				sensitivity: 'medium',
				statusMessage: 'No carrier data is available for this number',
				checkedAt: expect.any(String),
				correlationId: expect.any(String),
			});
		});

		it('checks the phone of a session, which keeps the result', async () => {
			const sessionId = await sessionWithPhone('+447700900003');
			const { items } = await check('phoneTrust', { phoneFrom: 'session', sessionId: byId(sessionId), sensitivity: 'high' });
			expect(sb.requests.map((request) => request.json)).toEqual([{ sessionId, sensitivity: 'high' }]);
			expect(items[0].json).toMatchObject({ tripped: true, tripReasons: ['CALL_FORWARDING_ACTIVE'], sessionId });
			const stored = sb.getSession(sessionId)!.session_record.analysis_data as { phone_checks: { trust: { forwardingRisk: string } } };
			expect(stored.phone_checks.trust.forwardingRisk).toBe('HIGH_RISK');
		});

		it('names the session that was not found', async () => {
			const { error } = await check('phoneTrust', { phoneFrom: 'session', sessionId: byId('no-such-session') });
			expect(error?.message).toBe('Session "no-such-session" was not found in DeepIDV');
			expect(sb.stats.billed).toEqual({});
		});
	});

	describe('Carrier Age Gate', () => {
		it('outputs PASS, FAIL or NO_DATA per number', async () => {
			const { items } = await check(
				'carrierAgeGate',
				{ phone: '={{ $json.phone }}' },
				{ input: [{ phone: '+447700900123' }, { phone: '+447700900010' }, { phone: '+1 (604) 555-0100' }] },
			);
			expect(sb.requests.map((request) => request.json)).toEqual([
				{ phone: '+447700900123' },
				{ phone: '+447700900010' },
				{ phone: '+16045550100' },
			]);
			expect(items.map((item) => item.json)).toEqual([
				{ outcome: 'PASS', ageVerified: 'VERIFIED', requiredAge: 18, carrierThreshold: 18, statusMessage: 'Carrier data checked', checkedAt: expect.any(String), sessionId: null },
				expect.objectContaining({ outcome: 'FAIL', ageVerified: 'NOT_VERIFIED' }),
				expect.objectContaining({ outcome: 'NO_DATA', ageVerified: 'NO_DATA', carrierThreshold: null }),
			]);
			expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		});

		it('outputs DeepIDV\'s answer with Simplify off', async () => {
			const { items } = await check('carrierAgeGate', { phone: '+447700900010', simplify: false });
			expect(items[0].json).toEqual({
				outcome: 'FAIL',
				ageVerified: 'NOT_VERIFIED',
				requiredAge: 18,
				carrierThreshold: 18,
				statusMessage: 'Carrier data checked',
				checkedAt: expect.any(String),
				correlationId: expect.any(String),
			});
		});
	});

	describe('Phone Ownership', () => {
		it('sends the names, strictness and Additional Fields, and outputs the outcome and scores', async () => {
			const { items } = await check('phoneOwnership', {
				phone: '+447700900123',
				firstName: 'Jane',
				lastName: 'Doe',
				strictness: 'strict',
				additionalFields: { address: '221B Baker Street, London', dateOfBirth: '1990-05-17T00:00:00', email: 'jane@example.com' },
			});
			expect(sb.requests.map(requestSummary)).toEqual([
				{
					method: 'POST',
					path: '/v1/screening/phone-ownership',
					query: {},
					apiKey: sb.keys.live,
					contentType: 'application/json',
					body: {
						phone: '+447700900123',
						firstName: 'Jane',
						lastName: 'Doe',
						strictness: 'strict',
						address: '221B Baker Street, London',
						dateOfBirth: '1990-05-17',
						email: 'jane@example.com',
					},
				},
			]);
			expect(items[0].json).toEqual({
				outcome: 'MATCH',
				nameScore: 100,
				firstNameScore: 100,
				lastNameScore: 100,
				dobScore: 100,
				addressScore: 100,
				threshold: 90,
				strictness: 'strict',
				statusMessage: 'Carrier data checked',
				checkedAt: expect.any(String),
				sessionId: null,
			});
		});

		it('gives NO_MATCH for someone else, and uses the applicant of a session without names', async () => {
			const other = await check('phoneOwnership', { phone: '+447700900021', lastName: 'Doe' });
			expect(other.items[0].json).toMatchObject({ outcome: 'NO_MATCH', lastNameScore: 10, firstNameScore: -1 });
			sb.clearRequests();
			const sessionId = await sessionWithPhone('+447700900123');
			const { items } = await check('phoneOwnership', { phoneFrom: 'session', sessionId: byId(sessionId) });
			expect(sb.requests.map((request) => request.json)).toEqual([{ sessionId, strictness: 'medium' }]);
			expect(items[0].json).toMatchObject({ outcome: 'MATCH', sessionId });
		});

		it('outputs DeepIDV\'s answer with Simplify off', async () => {
			const { items } = await check('phoneOwnership', { phone: '+447700900123', firstName: 'Jane', simplify: false });
			expect(items[0].json).toEqual({
				outcome: 'MATCH',
				nameScore: 100,
				firstNameScore: 100,
				lastNameScore: -1,
				dobScore: -1,
				addressScore: -1,
				strictness: 'medium',
				threshold: 70,
				statusMessage: 'Carrier data checked',
				checkedAt: expect.any(String),
				correlationId: expect.any(String),
			});
		});
	});

	describe('are billed once at most', () => {
		const MAYBE_BILLED =
			'DeepIDV may have run the phone trust check and billed it anyway, so the node did not repeat it. Run the item again only if a second charge is acceptable.';

		it.each([
			['a server error', { when: 'after', status: 500 }, 'DeepIDV had a server error (HTTP 500): Internal Server Error'],
			['a reset', { when: 'after', reset: true }, 'The connection to DeepIDV was interrupted before it answered'],
		] as const)('do not repeat a check after %s once DeepIDV received it', async (_name, fault, message) => {
			sb.injectFaults([fault]);
			const { error } = await check('phoneTrust', { phone: '+447700900001' });
			expect(error?.message).toBe(message);
			expect(error?.description).toBe(MAYBE_BILLED);
			expect(sb.requests).toHaveLength(1);
			expect(sb.stats.billed).toEqual({ '/v1/screening/phone-trust': 1 });
		});

		it('repeat a check after DeepIDV\'s 503, and say so when it lasts', async () => {
			sb.injectFaults([{ status: 503 }]);
			const retried = await check('carrierAgeGate', { phone: '+447700900123' });
			expect(retried.items[0].json.outcome).toBe('PASS');
			expect(sb.requests).toHaveLength(2);
			const lasting = await check('phoneOwnership', { phone: '+447700900099', lastName: 'Doe', requestOptions: { maxRetries: 1 } });
			expect(lasting.error?.message).toBe(
				'DeepIDV had a server error (HTTP 503): The screening provider did not answer in time. This request was not billed; try again. (after 2 attempts)',
			);
			expect(sb.stats.billed).toEqual({ '/v1/screening/carrier-age-gate': 1 });
		});
	});
});
