/**
 * Benchmark of Transaction → Save: N transactions from one execution, through n8n-core's execution
 * engine, against the local DeepIDV sandbox server in its own process with DeepIDV's documented
 * rate limit (25 requests per second, bursts of 35) and a fixed answer latency. Reports the
 * requests sent (the target for 10,000: 20), the DeepIDV node's wall time next to the floor the
 * rate limit sets, and the node's peak memory (live heap + Buffers, sampled every 10 ms right after
 * a full garbage collection, above the level at the node's start) next to the size of the items'
 * JSON. Each scenario runs in a fresh child process; the wall time comes from a second run without
 * the collections, which slow it down.
 *
 *   npm run bench:aml -- [--items 10000] [--latency 150] [--scenarios fields,json] [--json]
 *
 * Scenarios: "fields" maps every field with expressions from the items (Fields Below), "json" sends
 * each item as it is (Input: JSON).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runDeepIdv } from '../test/helpers/engine';
import { printMarkdownTable } from './lib/markdown-table';

const { values: args } = parseArgs({
	options: {
		items: { type: 'string', default: '10000' },
		latency: { type: 'string', default: '150' },
		scenarios: { type: 'string', default: 'fields,json' },
		json: { type: 'boolean', default: false },
		child: { type: 'string' },
		'no-sampling': { type: 'boolean', default: false },
	},
});
const items = Number(args.items);
const latencyMs = Number(args.latency);
const RATE = { perSecond: 25, burst: 35 };
const MB = 1e6;

/** One transaction as a ledger export would have it, in DeepIDV's shape (about 450 bytes of JSON). */
function transaction(index: number): IDataObject {
	return {
		client_txn_id: `txn-${String(index).padStart(8, '0')}`,
		subject_user_id: `cust-${index % 997}`,
		timestamp: new Date(Date.UTC(2026, 7, 1) + index * 60_000).toISOString(),
		direction: index % 3 === 0 ? 'inbound' : 'outbound',
		amount: { value: Math.round((10 + (index % 5000) * 3.7) * 100) / 100, currency: 'USD' },
		type: ['card', 'wire', 'ach', 'eft'][index % 4],
		status: 'completed',
		channel: 'web',
		counterparty: { name: `Counterparty ${index % 211}`, external_id: `cp-${index % 211}`, country: 'GB' },
		geography: { origin_country: 'US', destination_country: 'GB', ip_address: `203.0.113.${index % 250}` },
		subject: { first_name: 'Jane', last_name: `Chen-${index % 997}` },
		metadata: { ledger_ref: `GL-${index}`, branch: `b-${index % 40}` },
	};
}

const FIELDS: INodeParameters = {
	input: 'fields',
	clientTxnId: '={{ $json.client_txn_id }}',
	subjectUserId: '={{ $json.subject_user_id }}',
	timestamp: '={{ $json.timestamp }}',
	direction: '={{ $json.direction }}',
	amount: '={{ $json.amount.value }}',
	currency: '={{ $json.amount.currency }}',
	type: '={{ $json.type }}',
	additionalFields: {
		status: '={{ $json.status }}',
		channel: '={{ $json.channel }}',
		counterparty: { values: { name: '={{ $json.counterparty.name }}', external_id: '={{ $json.counterparty.external_id }}', country: '={{ $json.counterparty.country }}' } },
		geography: { values: { origin_country: '={{ $json.geography.origin_country }}', destination_country: '={{ $json.geography.destination_country }}', ip_address: '={{ $json.geography.ip_address }}' } },
		subject: { values: { first_name: '={{ $json.subject.first_name }}', last_name: '={{ $json.subject.last_name }}' } },
		metadata: '={{ $json.metadata }}',
	},
};
const SCENARIOS: Record<string, { label: string; parameters: INodeParameters }> = {
	fields: { label: 'Fields Below, every field an expression', parameters: FIELDS },
	json: { label: 'Input: JSON ({{ $json }})', parameters: { input: 'json', transactionJson: '={{ $json }}' } },
};

interface Row {
	scenario: string;
	items: number;
	requests: number;
	accepted: number;
	failed: number;
	wallSeconds: number;
	/** What the rate limit alone costs `requests` requests: those past the burst at 25 per second, plus one answer. */
	floorSeconds: number;
	/** The same for one request per item (how an operation without batches would go). */
	perItemFloorSeconds: number;
	itemsJsonMB: number;
	bodiesMB: number;
	peakExtraMB: number;
	/** What is still held when the node has finished (its output items), above its start. */
	endExtraMB: number;
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
const floor = (requests: number) => Math.max(0, requests - RATE.burst) / RATE.perSecond + latencyMs / 1000;

async function withServer<T>(fn: (server: { url: string; key: string }) => Promise<T>): Promise<T> {
	const child = spawn(
		process.execPath,
		['--import', 'tsx', `${__dirname}/bench-server.ts`, '--items', '0', '--latency', String(latencyMs), '--rate', String(RATE.perSecond), '--burst', String(RATE.burst)],
		{ stdio: ['ignore', 'pipe', 'inherit'] },
	);
	try {
		const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
		return await fn(JSON.parse(line) as { url: string; key: string });
	} finally {
		child.kill('SIGTERM');
		await once(child, 'exit');
	}
}

async function runScenario(name: string): Promise<Row> {
	const scenario = SCENARIOS[name];
	if (!scenario) throw new Error(`unknown scenario ${name}; known: ${Object.keys(SCENARIOS).join(', ')}`);
	const input = Array.from({ length: items }, (_, index) => transaction(index));
	const itemsJsonBytes = Buffer.byteLength(JSON.stringify(input));
	return await withServer(async ({ url, key }) => {
		const gc = (globalThis as { gc?: () => void }).gc;
		let start = 0;
		let peak = 0;
		let end = 0;
		let timer: NodeJS.Timeout | undefined;
		const sample = () => {
			gc?.();
			const usage = process.memoryUsage();
			peak = Math.max(peak, usage.heapUsed + usage.external);
		};
		const started = { at: 0, ms: 0 };
		const result = await runDeepIdv(
			{
				parameters: { resource: 'transaction', operation: 'save', ...scenario.parameters },
				input,
				credential: { apiKey: key, baseUrl: url },
				continueOnFail: true,
			},
			{
				before(nodeName) {
					if (nodeName !== 'DeepIDV') return;
					gc?.();
					gc?.();
					const usage = process.memoryUsage();
					start = usage.heapUsed + usage.external;
					peak = start;
					if (!args['no-sampling']) timer = setInterval(sample, 10);
					started.at = performance.now();
				},
				after(nodeName) {
					if (nodeName !== 'DeepIDV') return;
					started.ms = performance.now() - started.at;
					sample();
					clearInterval(timer);
					gc?.();
					const usage = process.memoryUsage();
					end = usage.heapUsed + usage.external;
				},
			},
		);
		const { requests } = (await (await fetch(`${url}/__sandbox/requests`)).json()) as { requests: Array<{ path: string; body: string }> };
		const aml = requests.filter((request) => request.path === '/v1/aml/transactions');
		const failed = result.items.filter((item) => item.json.error).length + (result.error ? items : 0);
		if (failed > 0) process.stderr.write(`first failure: ${JSON.stringify(result.error?.message ?? result.items.find((item) => item.json.error)?.json)}\n`);
		return {
			scenario: scenario.label,
			items,
			requests: aml.length,
			accepted: result.items.filter((item) => item.json.status === 'accepted').length,
			failed,
			wallSeconds: round(started.ms / 1000, 2),
			floorSeconds: round(floor(aml.length), 2),
			perItemFloorSeconds: round(floor(items), 1),
			itemsJsonMB: round(itemsJsonBytes / MB, 2),
			bodiesMB: round(aml.reduce((total, request) => total + Buffer.byteLength(request.body), 0) / MB, 2),
			peakExtraMB: round((peak - start) / MB),
			endExtraMB: round((end - start) / MB),
		};
	});
}

async function childRun(name: string, timingOnly: boolean): Promise<Row> {
	const flags = ['--child', name, '--items', String(items), '--latency', String(latencyMs)];
	if (timingOnly) flags.push('--no-sampling');
	const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', __filename, ...flags], { stdio: ['ignore', 'pipe', 'inherit'] });
	let output = '';
	child.stdout!.on('data', (chunk) => (output += chunk));
	const [code] = (await once(child, 'exit')) as [number];
	if (code !== 0) throw new Error(`scenario ${name} failed (exit ${code})`);
	return JSON.parse(output.trim().split('\n').at(-1)!) as Row;
}

async function main() {
	if (args.child) {
		process.stdout.write(`${JSON.stringify(await runScenario(args.child))}\n`);
		return;
	}
	const rows: Row[] = [];
	for (const name of args.scenarios.split(',')) {
		if (!args.json) process.stderr.write(`${name}: ${items} transactions, ${latencyMs} ms answer latency, ${RATE.perSecond}/s burst ${RATE.burst}…\n`);
		const measured = await childRun(name, false);
		const timed = await childRun(name, true);
		rows.push({ ...measured, wallSeconds: timed.wallSeconds, failed: Math.max(measured.failed, timed.failed) });
	}
	if (args.json) {
		process.stdout.write(`${JSON.stringify({ items, latencyMs, rows }, null, 2)}\n`);
		return;
	}
	const headers = ['scenario', 'items', 'requests', 'accepted', 'failed', 'wall s', 'floor s', 'floor s, 1 request per item', "items' JSON MB", 'bodies sent MB', 'peak extra MB', 'held at the end MB'];
	const cells = rows.map((r) => [
		r.scenario,
		String(r.items),
		String(r.requests),
		String(r.accepted),
		String(r.failed),
		r.wallSeconds.toFixed(2),
		r.floorSeconds.toFixed(2),
		r.perItemFloorSeconds.toFixed(1),
		r.itemsJsonMB.toFixed(2),
		r.bodiesMB.toFixed(2),
		r.peakExtraMB.toFixed(1),
		r.endExtraMB.toFixed(1),
	]);
	printMarkdownTable(headers, cells);
}

main().catch((error: unknown) => {
	process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
	process.exit(1);
});
