#!/usr/bin/env node
// @ts-check
'use strict';

/**
 * Benchmark in real n8n: K executions of one workflow (Webhook → Split Out → DeepIDV Update
 * Status) fired at the same moment on one API key, each with its own N sessions, against the local
 * sandbox enforcing DeepIDV's limit. The same measurement as `npm run bench -- --executions K`, but
 * through n8n's own webhook, executions and (in queue mode) workers.
 *
 *   npm run bench:n8n -- [--modes regular,queue] [--executions 3] [--items 300] [--runs 3]
 *                        [--rate 25] [--burst 35] [--latency 100] [--stagger 0] [--n8n 2.41.1] [--json]
 *
 * regular: one n8n process runs the executions. queue: n8n main (PostgreSQL, Redis) and two
 * `n8n worker` processes; the executions run on the workers. An execution's time is from firing its
 * webhook request to its answer (n8n answers once the last node is done), so it includes n8n's own
 * work. Floor: (K · N − burst) / rate + one answer's latency. `--stagger S` fires execution i
 * i × S seconds after the first (a late joiner: `--executions 2 --stagger 10`) and prints the last
 * one's share of the requests DeepIDV received in its first 2 s. Also printed: when DeepIDV received
 * each execution's first request (n8n's own work before the DeepIDV node), and the 429s in the
 * run's first second (a request for a session repeated means the earlier one was refused). The
 * runs follow each other 2.4 s apart, so from the second run on each process's pacer is one that
 * rested, not a new one. Uses the toolchain cache like the real-n8n suite (the first run installs n8n).
 */

const { parseArgs } = require('node:util');
const { startSandbox } = require('../sandbox');
const { packPackage } = require('./pack');
const { createInstance } = require('./lib/n8n-instance');
const { startQueueServices } = require('./lib/services');
const { DEFAULT_N8N_VERSION } = require('./lib/toolchain');
const { bulkVerifyWorkflow } = require('./lib/workflows');
const { joinerShare } = require('./lib/joiner-share');

const { values: args } = parseArgs({
	options: {
		modes: { type: 'string', default: 'regular,queue' },
		executions: { type: 'string', default: '3' },
		items: { type: 'string', default: '300' },
		runs: { type: 'string', default: '3' },
		rate: { type: 'string', default: '25' },
		burst: { type: 'string', default: '35' },
		latency: { type: 'string', default: '100' },
		stagger: { type: 'string', default: '0' },
		n8n: { type: 'string', default: DEFAULT_N8N_VERSION },
		json: { type: 'boolean', default: false },
	},
});
const modes = String(args.modes).split(',');
const executions = Number(args.executions);
const items = Number(args.items);
const runs = Number(args.runs);
const rate = Number(args.rate);
const burst = Number(args.burst);
const latencyMs = Number(args.latency);
const staggerMs = Number(args.stagger) * 1000;
const floorSeconds = (executions * items - burst) / rate + latencyMs / 1000;
for (const mode of modes) {
	if (mode !== 'regular' && mode !== 'queue') throw new Error(`--modes: "${mode}" is neither regular nor queue`);
}

const WEBHOOK_PATH = 'deepidv-bench-bulk';
const CREDENTIAL = { id: 'deepIdvBench', name: 'DeepIDV bench' };

const workflow = bulkVerifyWorkflow({
	id: 'benchSharedKey',
	webhookId: '5f1c9e3a-7b2d-4c6e-9a8f-1d3b5c7e9f20',
	path: WEBHOOK_PATH,
	credential: CREDENTIAL,
});

const log = (/** @type {string} */ line) => process.stderr.write(`${line}\n`);
const round = (/** @type {number} */ value) => Math.round(value * 1000) / 1000;
const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One run: fires the K webhooks at once and accounts for every item.
 * @param {string} baseUrl @param {import('../sandbox').Sandbox} sandbox @param {string} prefix
 */
async function oneRun(baseUrl, sandbox, prefix) {
	const ids = Array.from({ length: executions }, (_, execution) =>
		Array.from({ length: items }, (__, item) => `${prefix}-${execution}-${item}`),
	);
	for (const id of ids.flat()) sandbox.addSession({ id, status: 'PENDING', session_progress: 'PENDING' });
	const before = { requests: sandbox.stats.requests, rateLimited: sandbox.stats.rateLimited };
	const started = performance.now();
	const answers = await Promise.all(
		ids.map(async (sessionIds, execution) => {
			await sleep(execution * staggerMs);
			const response = await fetch(`${baseUrl}/webhook/${WEBHOOK_PATH}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ sessions: sessionIds.map((id) => ({ id })) }),
				signal: AbortSignal.timeout(600_000),
			});
			const seconds = (performance.now() - started) / 1000;
			const body = response.ok ? await response.json() : [];
			return { seconds, body: Array.isArray(body) ? body : [] };
		}),
	);
	const wallSeconds = Math.max(...answers.map((answer) => answer.seconds));
	const requests = sandbox.stats.requests - before.requests;
	const rateLimited = sandbox.stats.rateLimited - before.rateLimited;
	const perExecution = answers.map(({ seconds, body }, execution) => {
		const returned = new Set(body.filter((item) => !item.error).map((item) => item.id));
		const failed = body.filter((item) => item.error).length;
		const lost = ids[execution].filter((id) => !returned.has(id)).length - failed;
		return { seconds: round(seconds), failed, lost };
	});
	const undecided = ids.flat().filter((id) => sandbox.getSession(id)?.session_record.status !== 'VERIFIED').length;
	const times = perExecution.map((execution) => execution.seconds);
	const executionOf = (/** @type {string} */ path) => {
		const match = new RegExp(`^/v1/sessions/${prefix}-(\\d+)-`).exec(path);
		return match ? Number(match[1]) : undefined;
	};
	const joiner = staggerMs > 0 ? joinerShare(sandbox.requests, executionOf, executions - 1)?.share ?? null : undefined;
	const firing = Date.now() - (performance.now() - started);
	const recorded = sandbox.requests.filter((request) => request.receivedAt >= firing && executionOf(request.path) !== undefined);
	// Every request for a session but its last was refused (429 is the only failure here).
	const lastFor = new Map(recorded.map((request) => [request.path, request]));
	const refusedAt = recorded.filter((request) => lastFor.get(request.path) !== request).map((request) => (request.receivedAt - firing) / 1000);
	const firstAt = Math.min(...recorded.map((request) => (request.receivedAt - firing) / 1000));
	const sent = ids.map((_, execution) => {
		const own = recorded.filter((request) => executionOf(request.path) === execution);
		const at = own.map((request) => (request.receivedAt - firing) / 1000);
		const refused = own.filter((request) => lastFor.get(request.path) !== request).length;
		return { first: round(Math.min(...at)), last: round(Math.max(...at)), requests: own.length, refused };
	});
	/** @type {Record<number, number>} 429s by second since DeepIDV received the run's first request */
	const refusedBySecond = {};
	for (const at of refusedAt) refusedBySecond[Math.floor(at - firstAt)] = (refusedBySecond[Math.floor(at - firstAt)] ?? 0) + 1;
	return {
		sent,
		refusedBySecond,
		joinerShare: joiner,
		wallSeconds: round(wallSeconds),
		floorRatio: round(floorSeconds / wallSeconds),
		executions: perExecution,
		fairness: round(Math.max(...times) / Math.min(...times)),
		requests,
		rateLimited,
		share429: round(rateLimited / requests),
		failed: perExecution.reduce((sum, execution) => sum + execution.failed, 0),
		lost: perExecution.reduce((sum, execution) => sum + execution.lost, 0),
		undecided,
	};
}

/** @param {'regular' | 'queue'} mode @param {string} tgz */
async function benchMode(mode, tgz) {
	const services = mode === 'queue' ? await startQueueServices() : undefined;
	const sandbox = await startSandbox({
		quiet: true,
		latencyMs,
		// Far above the day's runs, so only the per-second limit is measured.
		rateLimit: { perSecond: rate, burst, perDay: 1_000_000 },
	});
	const n8n = await createInstance({ n8nVersion: args.n8n, queue: services });
	try {
		await n8n.installPackage(tgz);
		await n8n.importCredentials([
			{ ...CREDENTIAL, type: 'deepIdvApi', data: { apiKey: sandbox.keys.live, baseUrl: sandbox.url } },
		]);
		await n8n.importWorkflows([workflow]);
		await n8n.publish(workflow.id);
		await n8n.start({ timeoutMs: 120_000 });
		if (mode === 'queue') await Promise.all([n8n.addWorker(), n8n.addWorker()]);
		await n8n.waitForWebhook(`/webhook/${WEBHOOK_PATH}`);
		const results = [];
		for (let run = 1; run <= runs; run++) {
			await sleep(((burst / rate) * 1000) + 1000); // DeepIDV's bucket full again
			log(`${mode}: run ${run} of ${runs}, ${executions} × ${items} items…`);
			results.push({ run, ...(await oneRun(n8n.baseUrl, sandbox, `${mode}-${run}`)) });
		}
		return results;
	} finally {
		await n8n.dispose();
		await services?.stop();
		await sandbox.close();
	}
}

async function main() {
	const when = staggerMs > 0 ? `, started ${staggerMs / 1000} s apart` : '';
	log(`n8n ${args.n8n}: ${executions} executions × ${items} items on one key${when}, ${rate}/s, burst ${burst}, ${latencyMs} ms answers; floor ${floorSeconds.toFixed(2)} s`);
	const tgz = packPackage();
	/** @type {Record<string, Awaited<ReturnType<typeof benchMode>>>} */
	const byMode = {};
	for (const mode of modes) byMode[mode] = await benchMode(/** @type {'regular' | 'queue'} */ (mode), tgz);
	if (args.json) {
		process.stdout.write(`${JSON.stringify({ n8n: args.n8n, executions, items, rate, burst, latencyMs, floorSeconds: round(floorSeconds), byMode }, null, 2)}\n`);
		return;
	}
	const lines = [
		`| mode | run | wall s | floor/wall | executions (s) | first request (s) | slowest ÷ fastest | 429s (share of requests) | 429s in the first second | failed | lost |${staggerMs > 0 ? " last one's share, first 2 s |" : ''}`,
		`|---|---|---|---|---|---|---|---|---|---|---|${staggerMs > 0 ? '---|' : ''}`,
	];
	for (const [mode, results] of Object.entries(byMode)) {
		for (const result of results) {
			const times = result.executions.map((execution) => execution.seconds.toFixed(2)).join(', ');
			const firsts = result.sent.map((execution) => execution.first.toFixed(2)).join(', ');
			const lost = result.lost + result.undecided;
			lines.push(
				`| ${mode} | ${result.run} | ${result.wallSeconds.toFixed(2)} | ${result.floorRatio.toFixed(3)} | ${times} | ${firsts} | ` +
					`${result.fairness.toFixed(3)} | ${result.rateLimited} (${(result.share429 * 100).toFixed(1)}%) | ${result.refusedBySecond[0] ?? 0} | ${result.failed} | ${lost} |` +
					(staggerMs > 0 ? ` ${result.joinerShare ?? '–'} |` : ''),
			);
		}
	}
	process.stdout.write(`${lines.join('\n')}\n`);
}

main().then(
	() => process.exit(0),
	(error) => {
		process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
		process.exit(1);
	},
);
