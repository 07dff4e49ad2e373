import { startSandbox, type Sandbox } from '../../sandbox';
import { call, validPerson, type Json } from './helpers';

const person = { firstName: 'Jane', lastName: 'Doe', dateOfBirth: '1990-05-17' };
const PEP = '/v1/screening/pep-sanctions';
const MEDIA = '/v1/screening/adverse-media';
const TITLE = '/v1/screening/title-check';

describe('sandbox server: screening', () => {
	let sb: Sandbox;
	beforeEach(async () => {
		sb = await startSandbox({ rateLimit: false });
	});
	afterEach(() => sb.close());

	describe('PEP & sanctions', () => {
		it('answers no match for an ordinary name, and bills the call', async () => {
			const answer = await call(sb, 'POST', PEP, { body: person });
			expect(answer.status).toBe(200);
			expect(answer.json).toEqual({
				totalMatches: 0,
				peps: [],
				sanctions: [],
				both: [],
				searchedSources: expect.arrayContaining(['OFAC SDN List']),
			});
			expect(sb.stats.billed).toEqual({ [PEP]: 1 });
		});

		it('matches by last name: sanctions, PEP, both lists', async () => {
			const sanctioned = await call(sb, 'POST', PEP, { body: { ...person, firstName: 'Boris', lastName: 'Sanctioned' } });
			expect(sanctioned.json.totalMatches).toBe(2);
			expect(sanctioned.json.sanctions).toContainEqual({
				name: 'Boris Sanctioned',
				country: 'RU',
				dateOfBirth: '1990-05-17',
				confidence: 0.97,
				datasets: ['OFAC SDN List', 'EU Consolidated Financial Sanctions'],
			});
			const pep = await call(sb, 'POST', PEP, { body: { ...person, lastName: 'politician' } });
			expect(pep.json).toMatchObject({ totalMatches: 1, peps: [{ name: 'Jane politician', country: 'GB' }], sanctions: [], both: [] });
			const both = await call(sb, 'POST', PEP, { body: { ...person, lastName: 'Listed' } });
			expect(both.json).toMatchObject({ totalMatches: 1, peps: [], sanctions: [], both: [{ name: 'Jane Listed' }] });
			expect(sb.stats.billed[PEP]).toBe(3);
		});

		it('answers the documented 503 for an unavailable upstream, not billed', async () => {
			const answer = await call(sb, 'POST', PEP, { body: { ...person, lastName: 'Unavailable' } });
			expect(answer).toMatchObject({ status: 503, json: { error: expect.stringContaining('not billed') } });
			expect(sb.stats.billed).toEqual({});
		});

		it('validates the body with Zod-style hints and bills nothing', async () => {
			const answer = await call(sb, 'POST', PEP, { body: { firstName: '', dateOfBirth: '1990-02-30', email: 'nope' } });
			expect(answer.status).toBe(400);
			expect(answer.json.hints.map((hint: { path: string[]; message: string }) => [hint.path[0], hint.message])).toEqual([
				['firstName', 'String must contain at least 1 character(s)'],
				['lastName', 'Required'],
				['dateOfBirth', 'Invalid date, expected YYYY-MM-DD'],
				['email', 'Invalid email'],
			]);
			expect((await call(sb, 'POST', PEP, { body: { ...person, dateOfBirth: '17/05/1990' } })).status).toBe(400);
			expect((await call(sb, 'POST', PEP, { body: { ...person, lastName: 'x'.repeat(256) } })).status).toBe(400);
			expect(sb.stats.billed).toEqual({});
		});

		it("requires email only with screeningEmail: 'required'", async () => {
			sb.configure({ screeningEmail: 'required' });
			const answer = await call(sb, 'POST', PEP, { body: person });
			expect(answer.json.hints).toEqual([expect.objectContaining({ path: ['email'], message: 'Required' })]);
			expect((await call(sb, 'POST', PEP, { body: { ...person, email: 'jane@example.com' } })).status).toBe(200);
		});
	});

	describe('adverse media and async jobs', () => {
		it('starts a job (202) that is pending, processing, then ready on the configured poll', async () => {
			sb.configure({ asyncJobReadyAfterPolls: 3 });
			const started = await call(sb, 'POST', MEDIA, { body: { ...person, lastName: 'Headlines', country: 'gb' } });
			expect(started.status).toBe(202);
			expect(started.json).toEqual({ jobId: expect.stringMatching(/^[0-9a-f-]{36}$/), status: 'pending', message: expect.any(String) });
			const path = `/v1/async-jobs/${started.json.jobId}`;
			const first = await call(sb, 'GET', path);
			expect(first.json).toEqual({ jobId: started.json.jobId, createdAt: expect.any(Number), updatedAt: expect.any(String), status: 'processing' });
			expect(Math.abs(first.json.createdAt - Date.now() / 1000)).toBeLessThan(5);
			expect((await call(sb, 'GET', path)).json.status).toBe('processing');
			const ready = await call(sb, 'GET', path);
			expect(ready.json.status).toBe('ready');
			expect(ready.json.result).toMatchObject({
				totalHits: 5,
				riskLevel: 'HIGH',
				riskScore: 78,
				summary: expect.any(String),
				findings: expect.arrayContaining([expect.objectContaining({ severity: 'HIGH', category: 'financial_crime' })]),
				exposuresByCategory: expect.objectContaining({ financial_crime: expect.objectContaining({ hits: 3 }) }),
			});
			expect(sb.stats.billed).toEqual({ [MEDIA]: 1 });
		});

		it('is ready after the configured delay when polls are not counted', async () => {
			sb.configure({ asyncJobDelayMs: 0 });
			const started = await call(sb, 'POST', MEDIA, { body: person });
			const job = await call(sb, 'GET', `/v1/async-jobs/${started.json.jobId}`);
			expect(job.json).toMatchObject({ status: 'ready', result: { riskLevel: 'LOW', totalHits: 0, findings: [] } });
			sb.configure({ asyncJobDelayMs: 60_000 });
			const slow = await call(sb, 'POST', MEDIA, { body: person });
			expect((await call(sb, 'GET', `/v1/async-jobs/${slow.json.jobId}`)).json.status).toBe('processing');
		});

		it('replays the same job (200) for a repeated Idempotency-Key, billed once', async () => {
			const headers = { 'idempotency-key': 'item-1' };
			const send = () =>
				fetch(`${sb.url}${MEDIA}`, {
					method: 'POST',
					headers: { 'x-api-key': sb.keys.live, 'content-type': 'application/json', ...headers },
					body: JSON.stringify(person),
				});
			const first = await send();
			const again = await send();
			expect([first.status, again.status]).toEqual([202, 200]);
			const [a, b] = [(await first.json()) as Json, (await again.json()) as Json];
			expect(b.jobId).toBe(a.jobId);
			const other = await call(sb, 'POST', MEDIA, { body: person });
			expect(other.json.jobId).not.toBe(a.jobId);
			expect(sb.stats.billed).toEqual({ [MEDIA]: 2 });
		});

		it('fails a job with an error message for the failing fixture', async () => {
			sb.configure({ asyncJobReadyAfterPolls: 1 });
			const started = await call(sb, 'POST', MEDIA, { body: { ...person, lastName: 'Failing' } });
			const job = await call(sb, 'GET', `/v1/async-jobs/${started.json.jobId}`);
			expect(job.json).toEqual({
				jobId: started.json.jobId,
				createdAt: expect.any(Number),
				updatedAt: expect.any(String),
				status: 'failed',
				error: 'The media search provider could not complete the screening',
			});
		});

		it('answers 404 once jobs have expired, 404 for an unknown job and 400 for a malformed ID', async () => {
			const started = await call(sb, 'POST', MEDIA, { body: person });
			expect(sb.expireAsyncJobs()).toBe(1);
			expect(await call(sb, 'GET', `/v1/async-jobs/${started.json.jobId}`)).toMatchObject({ status: 404, json: { error: 'Async job not found' } });
			expect((await call(sb, 'GET', '/v1/async-jobs/00000000-0000-4000-8000-000000000000')).status).toBe(404);
			expect((await call(sb, 'GET', '/v1/async-jobs/not-a-uuid')).status).toBe(400);
			sb.configure({ asyncJobTtlMs: 1 });
			const short = await call(sb, 'POST', MEDIA, { body: person });
			await new Promise((resolve) => setTimeout(resolve, 5));
			expect((await call(sb, 'GET', `/v1/async-jobs/${short.json.jobId}`)).status).toBe(404);
		});

		it('expires jobs through the control route', async () => {
			await call(sb, 'POST', MEDIA, { body: person });
			const answer = await fetch(`${sb.url}/__sandbox/async-jobs/expire`, { method: 'POST' });
			expect(await answer.json()).toEqual({ expired: 1 });
		});

		it('validates the country (ISO-2, any case) and answers 503 for an unavailable upstream', async () => {
			const bad = await call(sb, 'POST', MEDIA, { body: { ...person, country: 'GBR' } });
			expect(bad.json.hints).toEqual([expect.objectContaining({ path: ['country'] })]);
			expect((await call(sb, 'POST', MEDIA, { body: { ...person, lastName: 'Unavailable' } })).status).toBe(503);
			expect(sb.stats.billed).toEqual({});
		});
	});

	describe('title check', () => {
		const owner = { email: 'jane@example.com', firstName: 'Jane', lastName: 'Doe' };

		it.each([
			['742 Maple Avenue, Springfield, OR 97403', 'found'],
			['1200 Harbor View Dr, Miami, FL 33131', 'multiple_properties'],
			['404 Nowhere Ln, Austin, TX 78701', 'not_found'],
			['10 Downing Street, London SW1A 2AA', 'unsupported_region'],
		])('is an async job by default: %s → %s', async (address, status) => {
			sb.configure({ asyncJobReadyAfterPolls: 1 });
			const started = await call(sb, 'POST', TITLE, { body: { ...owner, address } });
			expect(started.status).toBe(202);
			const job = await call(sb, 'GET', `/v1/async-jobs/${started.json.jobId}`);
			expect(job.json).toMatchObject({ status: 'ready', result: { status } });
		});

		it("answers synchronously with titleCheckMode: 'sync', 503 (not billed) when records are unreachable", async () => {
			sb.configure({ titleCheckMode: 'sync' });
			const found = await call(sb, 'POST', TITLE, { body: { ...owner, address: '742 Maple Avenue, Springfield, OR 97403' } });
			expect(found.status).toBe(200);
			expect(found.json).toMatchObject({ status: 'found', ownerInformation: { owners: ['ALEX MORGAN', 'SAM MORGAN'] } });
			const down = await call(sb, 'POST', TITLE, { body: { ...owner, address: '500 Records Offline Rd, Denver, CO 80202' } });
			expect(down.status).toBe(503);
			expect(sb.stats.billed).toEqual({ [TITLE]: 1 });
		});

		it('requires email, names and an address', async () => {
			const answer = await call(sb, 'POST', TITLE, { body: { firstName: 'Jane' } });
			expect(answer.json.hints.map((hint: { path: string[] }) => hint.path[0])).toEqual(['email', 'lastName', 'address']);
		});
	});

	describe('carrier checks', () => {
		it.each([
			['+447700900001', 'medium', true, ['SIM_SWAP_HIGH_RISK'], 'HIGH_RISK', 'NO_RISK'],
			['+447700900002', 'medium', true, ['SIM_SWAP_MEDIUM_RISK'], 'MEDIUM_RISK', 'NO_RISK'],
			['+447700900002', 'low', false, [], 'MEDIUM_RISK', 'NO_RISK'],
			['+447700900003', 'high', true, ['CALL_FORWARDING_ACTIVE'], 'LOW_RISK', 'HIGH_RISK'],
			['+447700900123', 'medium', false, [], 'LOW_RISK', 'NO_RISK'],
			['+15192223333', 'medium', false, [], 'NO_DATA', 'NO_DATA'],
			['5192223333', 'medium', false, [], 'NO_DATA', 'NO_DATA'],
		])('phone trust %s at %s sensitivity: tripped=%s', async (phone, sensitivity, tripped, reasons, simSwappedRisk, forwardingRisk) => {
			const answer = await call(sb, 'POST', '/v1/screening/phone-trust', { body: { phone, sensitivity } });
			expect(answer.status).toBe(200);
			expect(answer.json).toMatchObject({ tripped, tripReasons: reasons, simSwappedRisk, forwardingRisk, sensitivity, checkedAt: expect.any(String) });
			expect(answer.json.sessionId).toBeUndefined();
		});

		it('carrier age gate: pass, fail, no data', async () => {
			const outcome = async (phone: string) => (await call(sb, 'POST', '/v1/screening/carrier-age-gate', { body: { phone } })).json;
			expect(await outcome('+447700900123')).toMatchObject({ outcome: 'PASS', ageVerified: 'VERIFIED', requiredAge: 18 });
			expect(await outcome('+447700900010')).toMatchObject({ outcome: 'FAIL', ageVerified: 'NOT_VERIFIED' });
			expect(await outcome('+16045550100')).toMatchObject({ outcome: 'NO_DATA', ageVerified: 'NO_DATA' });
			expect(sb.stats.billed).toEqual({ '/v1/screening/carrier-age-gate': 3 });
		});

		it('phone ownership scores the names against the owner, with the strictness threshold', async () => {
			const check = async (body: object) => (await call(sb, 'POST', '/v1/screening/phone-ownership', { body: { phone: '+447700900123', ...body } })).json;
			expect(await check({ firstName: 'Jane', lastName: 'Doe', dateOfBirth: '1990-05-17', address: '221B Baker Street, London' })).toMatchObject({
				outcome: 'MATCH',
				nameScore: 100,
				firstNameScore: 100,
				lastNameScore: 100,
				dobScore: 100,
				addressScore: 100,
				strictness: 'medium',
				threshold: 70,
			});
			expect(await check({ firstName: 'Jill', lastName: 'Doe', strictness: 'strict' })).toMatchObject({ outcome: 'NO_MATCH', nameScore: 80, dobScore: -1, addressScore: -1, threshold: 90 });
			expect(await check({ firstName: 'Jill', lastName: 'Doe', strictness: 'relaxed' })).toMatchObject({ outcome: 'MATCH', threshold: 50 });
			expect((await call(sb, 'POST', '/v1/screening/phone-ownership', { body: { phone: '+447700900123' } })).json.hints).toEqual([
				expect.objectContaining({ path: ['firstName'] }),
			]);
		});

		it('checks the phone of a session, stores the result on it, and bills unless its workflow has the step', async () => {
			const created = await call(sb, 'POST', '/v1/sessions', { body: { ...validPerson, phone: '+447700900001' } });
			const sessionId = created.json.id;
			const answer = await call(sb, 'POST', '/v1/screening/phone-trust', { body: { sessionId } });
			expect(answer.json).toMatchObject({ tripped: true, sessionId });
			expect(sb.getSession(sessionId)!.session_record.analysis_data).toEqual({ phone_checks: { trust: answer.json } });
			const ownership = await call(sb, 'POST', '/v1/screening/phone-ownership', { body: { sessionId } });
			expect(ownership.json).toMatchObject({ firstNameScore: 10, lastNameScore: 10, outcome: 'NO_MATCH' });
			expect(sb.stats.billed).toEqual({ '/v1/screening/phone-trust': 1, '/v1/screening/phone-ownership': 1 });

			sb.addSession({ id: 'with-step', workflow_steps: ['PHONE_TRUST_CHECK'] });
			expect((await call(sb, 'POST', '/v1/screening/phone-trust', { body: { sessionId: 'with-step', phone: '+447700900123' } })).status).toBe(200);
			expect(sb.stats.billed['/v1/screening/phone-trust']).toBe(1);
		});

		it('refuses a request without phone or session, an unknown session, and answers 503 for an unavailable upstream', async () => {
			expect((await call(sb, 'POST', '/v1/screening/phone-trust', { body: {} })).json.hints[0].message).toBe('Either phone or sessionId is required');
			expect((await call(sb, 'POST', '/v1/screening/carrier-age-gate', { body: { sessionId: 'nope' } })).status).toBe(404);
			expect((await call(sb, 'POST', '/v1/screening/phone-trust', { body: { phone: 'call me' } })).status).toBe(400);
			expect((await call(sb, 'POST', '/v1/screening/phone-trust', { body: { phone: '+447700900123', sensitivity: 'extreme' } })).status).toBe(400);
			expect((await call(sb, 'POST', '/v1/screening/phone-trust', { body: { phone: '+447700900099' } })).status).toBe(503);
			expect(sb.stats.billed).toEqual({});
		});
	});
});
