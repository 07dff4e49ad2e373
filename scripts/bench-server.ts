/**
 * The benchmark's DeepIDV sandbox server, in its own process so that it does not compete with the
 * client for the event loop (the real API is another machine). Seeds `--items` PENDING sessions
 * `bench-0…` (and with `--runner-workflow` a Workflow Runner workflow of ID Verification), prints one
 * JSON line `{ url, key, workflowId }` and serves until killed.
 */
import { parseArgs } from 'node:util';

import { startSandbox } from '../sandbox';

const { values } = parseArgs({
	options: {
		items: { type: 'string' },
		rate: { type: 'string' },
		burst: { type: 'string' },
		latency: { type: 'string', default: '0' },
		'runner-workflow': { type: 'boolean', default: false },
	},
});

async function main() {
	const limited = values.rate !== undefined;
	const sb = await startSandbox({
		rateLimit: limited
			? { perSecond: Number(values.rate), burst: Number(values.burst), perDay: Number.MAX_SAFE_INTEGER }
			: false,
		latencyMs: Number(values.latency),
	});
	for (let index = 0; index < Number(values.items); index++) {
		sb.addSession({ id: `bench-${index}`, status: 'PENDING', session_progress: 'PENDING' });
	}
	// For the Workflow Runner benchmark: a workflow of ID Verification alone.
	const workflowId = values['runner-workflow'] ? sb.addRunnerWorkflow({ name: 'Bench ID only', steps: ['ID_VERIFICATION'] }).id : undefined;
	process.stdout.write(`${JSON.stringify({ url: sb.url, key: sb.keys.live, workflowId })}\n`);
	const stop = () => void sb.close().then(() => process.exit(0));
	process.on('SIGTERM', stop);
	process.on('SIGINT', stop);
}

void main();
