/**
 * Memory benchmark of the file checks: Document → Scan on N items with one image of S bytes each,
 * through n8n-core's execution engine, against the local DeepIDV sandbox server in its own process
 * (a fixed answer latency stands in for DeepIDV's processing time). Each scenario runs in a fresh
 * child process. From the moment the DeepIDV node starts to the moment it ends, memory is sampled
 * every 10 ms right after a full garbage collection, so the peak is what the node holds at once
 * (live heap + Buffers), reported above the level at its start. The collections slow the run down,
 * so the wall time comes from a second run of the same scenario without them.
 *
 *   npm run bench:files -- [--items 50] [--size 5000000] [--latency 200] [--json]
 *                          [--scenarios filesystem,filesystem-inline,memory,database,filesystem-inline-unbounded,runner,runner-database]
 *
 * Scenarios: n8n binary data on disk (n8n's default) / in memory / in the database (queue mode's
 * default), each with the node's defaults (images above 4 MB go through a presigned upload);
 * "-inline" raises Upload Files Larger Than to 15 MB, so every image travels as base64 in the request;
 * "-inline-unbounded" (a reference, not a way to run the node) also switches the node's memory budget off.
 * "runner" / "runner-database": Workflow Runner → Run With Files on a workflow of ID Verification, each
 * item with an ID photo and a selfie of S bytes each (two images per item), files on disk / in the database.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';

import { MemoryBudget } from '../dist/nodes/DeepIdv/files/memoryBudget';
import { sandboxImage } from '../sandbox';
import type { BinaryMode } from '../test/helpers/binaryData';
import { setBinaryDataMode } from '../test/helpers/binaryData';
import { runDeepIdv } from '../test/helpers/engine';
import type { TestFile } from '../test/helpers/nodeTypes';
import { printMarkdownTable } from './lib/markdown-table';

const { values: args } = parseArgs({
	options: {
		items: { type: 'string', default: '50' },
		size: { type: 'string', default: '5000000' },
		latency: { type: 'string', default: '200' },
		scenarios: { type: 'string', default: 'filesystem,filesystem-inline,memory,database,filesystem-inline-unbounded' },
		json: { type: 'boolean', default: false },
		child: { type: 'string' },
		'no-sampling': { type: 'boolean', default: false },
	},
});
const items = Number(args.items);
const size = Number(args.size);
const latencyMs = Number(args.latency);
const MB = 1e6;

interface Scenario {
	mode: BinaryMode;
	inlineLimitMb?: number;
	/** Reference only: the node's memory budget switched off, to show what it prevents. */
	unbounded?: boolean;
	/** Workflow Runner → Run With Files with two images per item, instead of Document → Scan. */
	runner?: boolean;
	label: string;
}

const SCENARIOS: Record<string, Scenario> = {
	filesystem: { mode: 'filesystem', label: 'filesystem (n8n default), defaults: presigned upload' },
	'filesystem-inline': { mode: 'filesystem', inlineLimitMb: 15, label: 'filesystem, every image inline (base64)' },
	'filesystem-inline-unbounded': {
		mode: 'filesystem',
		inlineLimitMb: 15,
		unbounded: true,
		label: 'reference: inline, memory budget switched off',
	},
	memory: { mode: 'memory', label: 'memory, defaults: presigned upload' },
	database: { mode: 'database', label: 'database (queue mode default), defaults: presigned upload' },
	runner: { mode: 'filesystem', runner: true, label: 'Workflow Runner → Run With Files, filesystem: ID photo + selfie per item' },
	'runner-database': { mode: 'database', runner: true, label: 'Workflow Runner → Run With Files, database: ID photo + selfie per item' },
};

interface Row {
	scenario: string;
	items: number;
	imageMB: number;
	wallSeconds: number;
	failed: number;
	uploads: number;
	/** DeepIDV API requests per item (the uploads to file storage not counted). */
	requestsPerItem: number;
	/** Peak of live heap + external (Buffers) memory above the DeepIDV node's start, in MB. */
	peakExtraMB: number;
	/** The same in images of `size` bytes. */
	peakExtraImages: number;
	/** Peak resident set size above the DeepIDV node's start, in MB. */
	peakExtraRssMB: number;
	/** Heap + external at the node's start (includes the items' data in memory mode), in MB. */
	startMB: number;
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** A running sandbox server process. */
async function withServer<T>(fn: (server: { url: string; key: string; workflowId?: string }) => Promise<T>, runner = false): Promise<T> {
	const flags = ['--items', '0', '--latency', String(latencyMs), ...(runner ? ['--runner-workflow'] : [])];
	const child = spawn(process.execPath, ['--import', 'tsx', `${__dirname}/bench-server.ts`, ...flags], {
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	try {
		const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
		return await fn(JSON.parse(line) as { url: string; key: string; workflowId?: string });
	} finally {
		child.kill('SIGTERM');
		await once(child, 'exit');
	}
}

/** One scenario, in this (child) process. */
async function runScenario(name: string): Promise<Row> {
	const scenario = SCENARIOS[name];
	if (!scenario) throw new Error(`unknown scenario ${name}; known: ${Object.keys(SCENARIOS).join(', ')}`);
	if (scenario.unbounded) (MemoryBudget.prototype as unknown as { fits: () => boolean }).fits = () => true;
	const folder = mkdtempSync(join(tmpdir(), 'deepidv-bench-files-'));
	const restore = await setBinaryDataMode(scenario.mode);
	try {
		const image = (name: string, spec: Parameters<typeof sandboxImage>[0]) => {
			const path = join(folder, name);
			writeFileSync(path, sandboxImage({ format: 'jpeg', size, ...spec }));
			return { path, mimeType: 'image/jpeg', fileName: name };
		};
		const files = Array.from({ length: items }, (_, index): Record<string, TestFile> =>
			scenario.runner
				? {
						id_front: image(`id-${index}.jpg`, { document: { documentType: 'passport', firstName: 'Ada', lastName: `Bench${index}` }, face: `person-${index}`, seed: `id-${index}` }),
						selfie_front: image(`selfie-${index}.jpg`, { face: `person-${index}`, seed: `selfie-${index}` }),
					}
				: { data: image(`id-${index}.jpg`, { document: { documentNumber: `P${index}` }, seed: String(index) }) },
		);
		return await withServer(async ({ url, key, workflowId }) => {
			const gc = (globalThis as { gc?: () => void }).gc;
			let start = 0;
			let startRss = 0;
			let peak = 0;
			let peakRss = 0;
			let timer: NodeJS.Timeout | undefined;
			// Collecting garbage before each sample measures what the node still holds, not what it has
			// let go of and V8 has not reclaimed yet (that would swing from run to run).
			const sample = () => {
				gc?.();
				const usage = process.memoryUsage();
				peak = Math.max(peak, usage.heapUsed + usage.external);
				peakRss = Math.max(peakRss, usage.rss);
			};
			const started = { at: 0 };
			const result = await runDeepIdv(
				{
					parameters: scenario.runner
						? {
								resource: 'workflowRunner',
								operation: 'runWithFiles',
								workflowId: { __rl: true, mode: 'id', value: workflowId! },
								firstName: 'Ada',
								lastName: 'Lovelace',
								email: 'ada@example.com',
								phone: '+15192223333',
								documentType: 'passport-us',
							}
						: {
								resource: 'document',
								operation: 'scan',
								...(scenario.inlineLimitMb !== undefined && { fileOptions: { inlineLimitMb: scenario.inlineLimitMb } }),
							},
					input: files.map(() => ({})),
					files,
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
						startRss = usage.rss;
						peak = start;
						peakRss = startRss;
						if (!args['no-sampling']) timer = setInterval(sample, 10);
						started.at = performance.now();
					},
					after(nodeName) {
						if (nodeName !== 'DeepIDV') return;
						sample();
						clearInterval(timer);
					},
				},
			);
			const wallMs = performance.now() - started.at;
			const stats = (await (await fetch(`${url}/__sandbox/stats`)).json()) as { uploads: number; requests: number };
			const failed = result.items.filter((item) => item.json.error || (scenario.runner && item.json.run_outcome !== 'completed')).length;
			if (failed > 0) process.stderr.write(`first failure: ${JSON.stringify(result.items.find((item) => item.json.error)?.json)}\n`);
			return {
				scenario: scenario.label,
				items,
				imageMB: round(size / MB, 2),
				wallSeconds: round(wallMs / 1000, 2),
				failed: failed + (result.error ? items : 0),
				uploads: stats.uploads,
				requestsPerItem: round(stats.requests / items, 2),
				peakExtraMB: round((peak - start) / MB),
				peakExtraImages: round((peak - start) / size),
				peakExtraRssMB: round((peakRss - startRss) / MB),
				startMB: round(start / MB),
			};
		}, scenario.runner);
	} finally {
		await restore();
		rmSync(folder, { recursive: true, force: true });
	}
}

async function main() {
	if (args.child) {
		process.stdout.write(`${JSON.stringify(await runScenario(args.child))}\n`);
		return;
	}
	const rows: Row[] = [];
	for (const name of args.scenarios.split(',')) {
		if (!args.json) process.stderr.write(`${name}: ${items} items × ${size / MB} MB, ${latencyMs} ms answer latency…\n`);
		const measured = await childRun(name, false);
		const timed = await childRun(name, true);
		rows.push({ ...measured, wallSeconds: timed.wallSeconds, failed: Math.max(measured.failed, timed.failed) });
	}
	if (args.json) {
		process.stdout.write(`${JSON.stringify({ items, size, latencyMs, rows }, null, 2)}\n`);
		return;
	}
	const headers = ['scenario', 'items', 'image MB', 'wall s', 'failed', 'uploads', 'requests/item', 'peak extra MB', '≈ images', 'peak extra RSS MB', 'at start MB'];
	const cells = rows.map((r) => [
		r.scenario,
		String(r.items),
		String(r.imageMB),
		r.wallSeconds.toFixed(2),
		String(r.failed),
		String(r.uploads),
		String(r.requestsPerItem),
		r.peakExtraMB.toFixed(1),
		r.peakExtraImages.toFixed(1),
		r.peakExtraRssMB.toFixed(1),
		r.startMB.toFixed(1),
	]);
	printMarkdownTable(headers, cells);
}

/** Runs one scenario in a fresh process (with memory sampling, or without it for the wall time). */
async function childRun(name: string, timingOnly: boolean): Promise<Row> {
	const flags = ['--child', name, '--items', String(items), '--size', String(size), '--latency', String(latencyMs)];
	if (timingOnly) flags.push('--no-sampling');
	const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', __filename, ...flags], { stdio: ['ignore', 'pipe', 'inherit'] });
	let output = '';
	child.stdout!.on('data', (chunk) => (output += chunk));
	const [code] = (await once(child, 'exit')) as [number];
	if (code !== 0) throw new Error(`scenario ${name} failed (exit ${code})`);
	return JSON.parse(output.trim().split('\n').at(-1)!) as Row;
}

main().catch((error: unknown) => {
	process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
	process.exit(1);
});
