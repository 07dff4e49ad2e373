/**
 * Benchmark: Self-Exclusion → Add Identity on N items through n8n-core's execution engine against
 * the local DeepIDV sandbox server, with DeepIDV's documented rate limit (25/s, burst 35) and a
 * fixed answer latency. The node sends the items' document numbers together (up to 100 a request),
 * so its requests are N / 100; one request per item, at best, would take the rate limit's floor
 * (N − burst) / rate + one latency, printed next to it.
 *
 *   npm run bench:igaming -- [--items 1000] [--latency 100] [--json]
 */
import { parseArgs } from 'node:util';

import { startSandbox } from '../sandbox';
import { runDeepIdv } from '../test/helpers/engine';

const { values: args } = parseArgs({
	options: {
		items: { type: 'string', default: '1000' },
		latency: { type: 'string', default: '100' },
		json: { type: 'boolean', default: false },
	},
});
const items = Number(args.items);
const latencyMs = Number(args.latency);
const RATE = 25;
const BURST = 35;

async function main() {
	const sb = await startSandbox({ latencyMs, rateLimit: { perSecond: RATE, burst: BURST } });
	try {
		const started = performance.now();
		const result = await runDeepIdv({
			parameters: { resource: 'selfExclusion', operation: 'addIdentity', documentNumber: '={{ $json.number }}' },
			input: Array.from({ length: items }, (_, index) => ({ number: `BENCH${index}` })),
			credential: { apiKey: sb.keys.live, baseUrl: sb.url },
		});
		const wallSeconds = (performance.now() - started) / 1000;
		if (result.error) throw result.error;
		const added = result.items.filter((item) => item.json.status === 'added').length;
		const row = {
			items,
			latencyMs,
			requests: sb.stats.requests,
			wallSeconds: Math.round(wallSeconds * 1000) / 1000,
			added,
			onePerItemFloorSeconds: Math.round((Math.max(0, (items - BURST) / RATE) + latencyMs / 1000) * 1000) / 1000,
		};
		console.log(args.json ? JSON.stringify(row) : Object.entries(row).map(([name, value]) => `${name}: ${value}`).join('\n'));
	} finally {
		await sb.close();
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
