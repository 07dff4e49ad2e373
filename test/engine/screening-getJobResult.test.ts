import { requestSummary, useSandbox } from '../helpers/sandbox';
import { runOperation } from '../helpers/screening';

describe('Screening → Get Job Result through the n8n engine', () => {
	const env = useSandbox({ asyncJobReadyAfterPolls: 2 });

	it('outputs the job as DeepIDV returns it: first still running, then with the result', async () => {
		const { sb } = env;
		const started = await runOperation(sb, 'screening', 'adverseMedia', { firstName: 'Jane', lastName: 'Doe', dateOfBirth: '1990-05-17', waitForResult: false });
		const jobId = started.items[0].json.jobId as string;
		sb.clearRequests();

		const first = await runOperation(sb, 'screening', 'getJobResult', { jobId: ` ${jobId} ` });
		expect(sb.requests.map(requestSummary)).toEqual([
			{ method: 'GET', path: `/v1/async-jobs/${jobId}`, query: {}, apiKey: sb.keys.live, contentType: undefined, body: undefined },
		]);
		expect(first.items).toEqual([
			{ json: { jobId, createdAt: expect.any(Number), updatedAt: expect.any(String), status: 'processing' }, pairedItem: { item: 0 } },
		]);
		const second = await runOperation(sb, 'screening', 'getJobResult', { jobId });
		expect(second.items[0].json).toMatchObject({ jobId, status: 'ready', result: { riskLevel: 'LOW', totalHits: 0 } });
		expect(sb.stats.billed).toEqual({ '/v1/screening/adverse-media': 1 });
	});

	it('refuses an empty Job ID before sending anything, and explains a malformed one', async () => {
		const { sb } = env;
		const empty = await runOperation(sb, 'screening', 'getJobResult', { jobId: '={{ $json.nothing }}' });
		expect(empty.error?.message).toBe('The Job ID parameter is empty');
		expect(empty.error?.description).toBe(
			"Enter the ID of a DeepIDV screening job, or map it from an earlier node, e.g. the 'jobId' field of an Adverse Media item.",
		);
		expect(sb.requests).toEqual([]);
		const malformed = await runOperation(sb, 'screening', 'getJobResult', { jobId: 'job/1' });
		expect(sb.requests[0].path).toBe('/v1/async-jobs/job%2F1');
		expect(malformed.error?.description).toBe('Check the Job ID: DeepIDV job IDs look like 3f6b1c9e-2a4d-4e8f-9b7a-1c2d3e4f5a6b.');
	});
});
