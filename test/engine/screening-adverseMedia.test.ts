import type { INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { requestSummary, useSandbox } from '../helpers/sandbox';
import { QUICK_WAIT, requestsTo, runOperation } from '../helpers/screening';

const PATH = '/v1/screening/adverse-media';
const person = { firstName: 'Martin', lastName: 'Headlines', dateOfBirth: '1969-02-11' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('Screening → Adverse Media through the n8n engine', () => {
	const env = useSandbox({ asyncJobReadyAfterPolls: 1 });
	let sb: Sandbox;
	beforeEach(() => {
		sb = env.sb;
	});

	const screen = (parameters: INodeParameters = {}, options = {}) =>
		runOperation(sb, 'screening', 'adverseMedia', { ...person, ...QUICK_WAIT, ...parameters }, options);
	const jobPolls = () => sb.requests.filter((request) => request.path.startsWith('/v1/async-jobs/'));

	it('starts a job with an Idempotency-Key, polls until it is ready, and outputs the risk and top findings', async () => {
		sb.configure({ asyncJobReadyAfterPolls: 3 });
		const { items, error } = await screen({ additionalFields: { country: 'gb' } });
		expect(error).toBeUndefined();

		const [post, ...polls] = sb.requests;
		expect(requestSummary(post)).toEqual({
			method: 'POST',
			path: PATH,
			query: {},
			apiKey: sb.keys.live,
			contentType: 'application/json',
			body: { firstName: 'Martin', lastName: 'Headlines', dateOfBirth: '1969-02-11', country: 'GB' },
		});
		expect(post.headers['idempotency-key']).toMatch(UUID);
		const jobId = items[0].json.jobId as string;
		expect(jobId).toMatch(UUID);
		// Ready on the third poll, as the sandbox was told; each poll waited the Poll Interval first.
		expect(polls.map(requestSummary)).toEqual(
			Array.from({ length: 3 }, () => ({
				method: 'GET',
				path: `/v1/async-jobs/${jobId}`,
				query: {},
				apiKey: sb.keys.live,
				contentType: undefined,
				body: undefined,
			})),
		);
		expect(polls[0].receivedAt - post.receivedAt).toBeGreaterThanOrEqual(450);

		expect(items).toEqual([
			{
				json: {
					jobId: jobId,
					riskLevel: 'HIGH',
					riskScore: 78,
					totalHits: 5,
					summary: 'Martin Headlines appears in reports of a fraud investigation and a regulatory fine.',
					topFindings: [
						{
							severity: 'HIGH',
							category: 'financial_crime',
							title: 'Martin Headlines questioned in investment fraud probe',
							detail: 'Martin Headlines questioned in investment fraud probe.',
							sourceName: 'Reuters',
							sourceUrl: 'https://news.example/martin-headlines-questioned-in-investment-fraud-probe',
							articleDate: '2024-11-18',
							confidence: 0.91,
						},
						expect.objectContaining({ severity: 'HIGH', category: 'court_records', confidence: 0.83 }),
						expect.objectContaining({ severity: 'MEDIUM', category: 'regulatory' }),
					],
					exposuresByCategory: { financial_crime: { hits: 3 }, regulatory: { hits: 1 }, court_records: { hits: 1 } },
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(sb.stats.billed).toEqual({ [PATH]: 1 });
	});

	it('outputs the ready job as DeepIDV returned it with Simplify off', async () => {
		const { items } = await screen({ lastName: 'Doe', simplify: false });
		expect(items[0].json).toEqual({
			jobId: expect.stringMatching(UUID),
			createdAt: expect.any(Number),
			updatedAt: expect.any(String),
			status: 'ready',
			result: {
				totalHits: 0,
				riskLevel: 'LOW',
				riskScore: 3,
				summary: 'No adverse media found for Martin Doe.',
				findings: [],
				exposuresByCategory: {},
			},
		});
	});

	it('outputs the job at once with Wait for Result off', async () => {
		const simplified = await screen({ waitForResult: false });
		const raw = await screen({ waitForResult: false, simplify: false });
		expect(jobPolls()).toEqual([]);
		expect(simplified.items.map((item) => item.json)).toEqual([
			{ jobId: expect.stringMatching(UUID), status: 'pending', message: expect.stringContaining('started') },
		]);
		expect(raw.items.map((item) => item.json)).toEqual([
			{ jobId: expect.stringMatching(UUID), status: 'pending', message: expect.stringContaining('started') },
		]);
	});

	it('turns a failed job into an item error with DeepIDV\'s message and the job ID', async () => {
		const { items } = await screen({ lastName: 'Failing' }, { continueOnFail: true });
		const jobId = jobPolls()[0].path.split('/').pop();
		expect(items).toEqual([
			{
				json: {
					error: 'DeepIDV could not complete the adverse media screening: The media search provider could not complete the screening',
					details: `The job ${jobId} failed. Check the details sent, then run the item again to start a new adverse media screening (it is billed again).`,
					jobId: jobId,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('sends a failed job to the error output with "Continue (using error output)", as error and details only', async () => {
		const { items, errorItems } = await screen({ lastName: 'Failing' }, { onError: 'continueErrorOutput' });
		const jobId = jobPolls()[0].path.split('/').pop();
		expect(items).toEqual([]);
		// n8n routes an item to the error output only when its JSON holds nothing but these.
		expect(errorItems).toEqual([
			{
				json: {
					error: 'DeepIDV could not complete the adverse media screening: The media search provider could not complete the screening',
					details: `The job ${jobId} failed. Check the details sent, then run the item again to start a new adverse media screening (it is billed again).`,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('stops waiting at Max Wait with an error that gives the job ID and how to fetch it later', async () => {
		sb.configure({ asyncJobReadyAfterPolls: 100 });
		const { error } = await screen({ maxWaitSeconds: 1.2 });
		const jobId = jobPolls()[0].path.split('/').pop();
		// 1.2 s at 0.5 s intervals leaves room for two polls; the second is skipped if the first was slow.
		expect(jobPolls().length).toBeGreaterThanOrEqual(1);
		expect(jobPolls().length).toBeLessThanOrEqual(2);
		expect(error?.message).toBe(`The adverse media screening was not ready after 1.2 seconds (job ${jobId} is processing)`);
		expect(error?.description).toBe(
			`DeepIDV is still working on it. Get the result later with DeepIDV → Screening → Get Job Result and Job ID ${jobId}, or raise 'Max Wait (Seconds)'. Running this item again would start, and bill, a new adverse media screening.`,
		);
		expect(error?.context?.itemIndex).toBe(0);
	});

	it('polls a job that is ready at once only once, after the first interval', async () => {
		const { items } = await screen({ lastName: 'Politician' });
		expect(jobPolls()).toHaveLength(1);
		expect(items[0].json).toMatchObject({ riskLevel: 'MEDIUM', totalHits: 1, exposuresByCategory: { political: { hits: 1 } } });
	});

	describe('retries are safe because of the Idempotency-Key', () => {
		it('repeats the start after a server error and a reset, sending the same key, and is billed once', async () => {
			sb.injectFaults([
				{ when: 'after', status: 500, match: { method: 'POST' } },
				{ when: 'after', reset: true, match: { method: 'POST' } },
			]);
			const { items, error } = await screen();
			expect(error).toBeUndefined();
			const posts = requestsTo(sb, PATH);
			expect(posts).toHaveLength(3);
			expect(new Set(posts.map((post) => post.headers['idempotency-key'])).size).toBe(1);
			expect(sb.stats.billed).toEqual({ [PATH]: 1 });
			expect(items[0].json).toMatchObject({ riskLevel: 'HIGH' });
			expect(jobPolls().map((poll) => poll.path)).toEqual([`/v1/async-jobs/${items[0].json.jobId}`]);
		});

		it('uses a different key for every item', async () => {
			await runOperation(
				sb,
				'screening',
				'adverseMedia',
				{ ...person, lastName: '={{ $json.last }}', waitForResult: false },
				{ input: [{ last: 'Doe' }, { last: 'Roe' }] },
			);
			const keys = requestsTo(sb, PATH).map((post) => post.headers['idempotency-key']);
			expect(new Set(keys).size).toBe(2);
			expect(sb.stats.billed).toEqual({ [PATH]: 2 });
		});

		it('sends the same key when the failed execution is run again the same day: one job, billed once', async () => {
			// Max Retries 0: the first run fails on a 500 that came after DeepIDV had started the job.
			sb.injectFaults([{ when: 'after', status: 500, match: { method: 'POST' } }]);
			const failed = await screen({ requestOptions: { maxRetries: 0 } });
			expect(failed.error?.message).toBe('DeepIDV had a server error (HTTP 500): Internal Server Error');
			const again = await screen();
			expect(again.error).toBeUndefined();
			const [first, second] = requestsTo(sb, PATH);
			expect(first.headers['idempotency-key']).toMatch(UUID);
			expect(second.headers['idempotency-key']).toBe(first.headers['idempotency-key']);
			expect(sb.stats.billed).toEqual({ [PATH]: 1 });
			expect(again.items[0].json).toMatchObject({ riskLevel: 'HIGH' });
		});

		it('gives two items for the same person in one run one job, and another person another', async () => {
			await runOperation(
				sb,
				'screening',
				'adverseMedia',
				{ ...person, lastName: '={{ $json.last }}', waitForResult: false },
				{ input: [{ last: 'Doe' }, { last: 'Doe' }, { last: 'Roe' }] },
			);
			const keys = requestsTo(sb, PATH).map((post) => post.headers['idempotency-key']);
			expect(keys).toHaveLength(3);
			expect(new Set(keys).size).toBe(2);
			expect(sb.stats.billed).toEqual({ [PATH]: 2 });
		});

		it('sends the Idempotency Key set by expression, e.g. a case ID, instead', async () => {
			const { error } = await runOperation(
				sb,
				'screening',
				'adverseMedia',
				{ ...person, waitForResult: false, additionalFields: { idempotencyKey: '={{ $json.caseId }}' } },
				{ input: [{ caseId: 'CASE-2026-0042' }, { caseId: 'CASE-2026-0042' }] },
			);
			expect(error).toBeUndefined();
			expect(requestsTo(sb, PATH).map((post) => post.headers['idempotency-key'])).toEqual(['CASE-2026-0042', 'CASE-2026-0042']);
			expect(sb.stats.billed).toEqual({ [PATH]: 1 });
		});

		it('stops an item whose Idempotency Key cannot be sent as a header (an accent, a line break), before any request', async () => {
			const { error } = await screen({ additionalFields: { idempotencyKey: 'Fall-Müller\nrow 2' } });
			expect(error?.message).toBe('The Idempotency Key "Fall-Müller\nrow 2" cannot be sent');
			expect(error?.description).toBe(
				'Use letters, digits, spaces and punctuation only (no accents or line breaks), at most 255 characters, e.g. your case ID. Or leave it empty to let the node make one.',
			);
			expect(sb.requests).toHaveLength(0);
		});

		it('repeats a poll after a server error', async () => {
			sb.configure({ asyncJobReadyAfterPolls: 2 });
			sb.injectFaults([{ status: 500, match: { method: 'GET' } }]);
			const { items, error } = await screen();
			expect(error).toBeUndefined();
			expect(items[0].json.riskLevel).toBe('HIGH');
			expect(jobPolls()).toHaveLength(3);
		});
	});

	it('says that an expired job is gone', async () => {
		const started = await screen({ waitForResult: false });
		sb.expireAsyncJobs();
		const jobId = started.items[0].json.jobId as string;
		const { error } = await runOperation(sb, 'screening', 'getJobResult', { jobId });
		expect(error?.message).toBe(`Screening job "${jobId}" was not found in DeepIDV`);
		expect(error?.description).toBe(
			'DeepIDV keeps a job for a limited time only. Check the Job ID; if the job has expired, run the screening again (it is billed again).',
		);
	});
});
