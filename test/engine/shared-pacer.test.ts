import type { INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { runDeepIdv } from '../helpers/engine';
import { sandboxCredential, useSandbox } from '../helpers/sandbox';

const updateStatus = (requestOptions: INodeParameters): INodeParameters => ({
	resource: 'session',
	operation: 'updateStatus',
	sessionId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
	status: 'VERIFIED',
	requestOptions,
});

/** `count` fresh PENDING sessions named after the execution, as its input items. */
function seed(sb: Sandbox, execution: string, count: number) {
	return Array.from({ length: count }, (_, index) => {
		const id = `${execution}-${index}`;
		sb.addSession({ id, status: 'PENDING', session_progress: 'PENDING' });
		return { id };
	});
}

/** Runs the executions at the same moment in this process; returns each one's output session IDs. */
async function runTogether(sb: Sandbox, executions: Array<{ input: Array<{ id: string }>; perSecond: number }>) {
	const results = await Promise.all(
		executions.map(async ({ input, perSecond }) =>
			await runDeepIdv({
				parameters: updateStatus({ maxRequestsPerSecond: perSecond }),
				input,
				credential: sandboxCredential(sb),
			}),
		),
	);
	return results.map((result) => {
		expect(result.error).toBeUndefined();
		return result.items.map((item) => item.json.id);
	});
}

describe('Two executions in one process on one API key', () => {
	// DeepIDV's documented limit; the node set to 20 per second, so the two together would send 40.
	const env = useSandbox({ rateLimit: { perSecond: 25, burst: 35 } });

	/** 80 sessions for each of two executions at 20 and `perSecondB` per second, run together. */
	async function twoExecutions(perSecondB: number) {
		const { sb } = env;
		const a = seed(sb, 'a', 80);
		const b = seed(sb, 'b', 80);
		const outputs = await runTogether(sb, [
			{ input: a, perSecond: 20 },
			{ input: b, perSecond: perSecondB },
		]);
		expect(outputs).toEqual([a.map(({ id }) => id), b.map(({ id }) => id)]);
		for (const { id } of [...a, ...b]) expect(sb.getSession(id)!.session_record.status).toBe('VERIFIED');
		return sb.stats;
	}

	it('share one pacer: all 160 sessions decided without a single 429', async () => {
		const stats = await twoExecutions(20);
		expect(stats.rateLimited).toBe(0);
		expect(stats.requests).toBe(160);
	});

	it('are paced apart when their Max Requests per Second differ, and then meet 429s (absorbed)', async () => {
		const stats = await twoExecutions(19);
		expect(stats.rateLimited).toBeGreaterThan(0);
	});
});
