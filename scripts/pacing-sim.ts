/**
 * Simulation of K executions sharing DeepIDV's limit, in virtual time, against one token bucket
 * (25/s, burst 35) with a jittered latency, each with 25 requests in flight at most. They run on
 * `processes` processes (queue-mode workers; execution i on process i mod P), each with the node's
 * real RateLimiter, shared by its executions as the process's pacer is (each execution its own
 * lane): processes=1 is one n8n instance, processes=K (the default) every execution on its own
 * worker. `runs=R` runs the K executions R times, `gap` ms apart, with the same pacers (rested,
 * not new, from the second run on, as in `npm run bench:n8n`). It runs in seconds and is how the
 * numbers in transport/pacing.ts were chosen; the benchmarks then measure the real node.
 *
 *   npm run build && npx tsx scripts/pacing-sim.ts [executions=3] [items=300] [latency=100] [stagger=0] [seeds=12]
 *                                 [processes=K] [runs=1] [gap=2400] [lead=0]
 *                                 [<PACING key>=<value> …]
 *                                 [trace=1]
 * Prints one line per seed and run (floor/wall, slowest ÷ fastest, share of 429s, 429s in the first
 * second) and how many met the issue's targets (≥ 0.95, ≤ 1.3, < 10%).
 */
import { PACING } from '../dist/nodes/DeepIdv/transport/pacing';
import { RateLimiter } from '../dist/nodes/DeepIdv/transport/rateLimiter';

const args = Object.fromEntries(process.argv.slice(2).map((arg) => arg.split('=') as [string, string]));
const number = (name: string, fallback: number) => (args[name] === undefined ? fallback : Number(args[name]));
const executions = number('executions', 3);
const items = number('items', 300);
const latencyMs = number('latency', 100);
const staggerMs = number('stagger', 0);
const seeds = number('seeds', 12);
const processes = number('processes', executions);
const runs = number('runs', 1);
const gapMs = number('gap', 2400);
/** lead=ms: the first execution starts this much before the others (n8n starts them unevenly). */
const leadMs = number('lead', 0);
/** trace=1: every half second, each execution's rate, and the requests accepted and refused. */
const trace = number('trace', 0) > 0;
const RATE = 25;
const BURST = 35;
const IN_FLIGHT = 25;
const tunable = PACING as Record<string, number>;
for (const key of Object.keys(PACING)) if (args[key] !== undefined) tunable[key] = Number(args[key]);

interface Result {
	ratio: number;
	fairness: number;
	share429: number;
	/** 429s in the run's first second. */
	early429: number;
}

async function simulate(seed: number): Promise<Result[]> {
	let now = 0;
	let order = 0;
	const timers: Array<{ at: number; order: number; run: () => void }> = [];
	const at = (time: number, run: () => void) => timers.push({ at: time, order: order++, run });
	const clock = { now: () => now, sleep: (ms: number) => new Promise<void>((resolve) => at(now + ms, resolve)) };
	let state = seed;
	const random = () => {
		state = (state * 1103515245 + 12345) % 2147483648;
		return state / 2147483648;
	};
	const halfTrip = () => (latencyMs / 2) * (0.7 + 0.6 * random());

	let tokens = BURST;
	let refilledAt = 0;
	let requests = 0;
	let refused = 0;
	const accept = () => {
		tokens = Math.min(BURST, tokens + ((now - refilledAt) / 1000) * RATE);
		refilledAt = now;
		if (tokens < 1) return false;
		tokens -= 1;
		return true;
	};

	let done = false;
	const limiters = Array.from({ length: processes }, () => new RateLimiter(RATE, BURST, clock));
	let traced = { accepted: 0, refused: 0 };
	const traceEvery = (ms: number) =>
		at(now + ms, () => {
			if (done) return;
			const rates = limiters.map((limiter) => limiter.perSecond.toFixed(1).padStart(5)).join(' ');
			process.stdout.write(`  ${(now / 1000).toFixed(1).padStart(5)} s: ${rates}  +${traced.accepted} -${traced.refused}\n`);
			traced = { accepted: 0, refused: 0 };
			traceEvery(ms);
		});
	if (trace) traceEvery(500);

	const oneRun = async (): Promise<Result> => {
		const runStart = now;
		const [requestsBefore, refusedBefore] = [requests, refused];
		let early429 = 0;
		const durations: number[] = [];
		const ends: number[] = [];
		const execution = async (index: number) => {
			await clock.sleep(index * staggerMs + (index > 0 ? leadMs : 0));
			const started = now;
			const limiter = limiters[index % processes];
			const lane = {};
			let next = 0;
			const worker = async () => {
				while (next < items) {
					next++;
					for (;;) {
						const permit = await limiter.take(lane);
						requests++;
						const ok = await new Promise<boolean>((resolve) =>
							at(now + halfTrip(), () => {
								const accepted = accept();
								if (accepted) traced.accepted++;
								else traced.refused++;
								if (!accepted && now - runStart < 1000) early429++;
								at(now + halfTrip(), () => resolve(accepted));
							}),
						);
						if (ok) {
							permit.answered();
							break;
						}
						refused++;
						permit.rateLimited();
					}
				}
			};
			await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
			durations[index] = now - started;
			ends[index] = now - runStart;
		};
		await Promise.all(Array.from({ length: executions }, (_, index) => execution(index)));
		const wall = Math.max(...ends) / 1000;
		const floor = (executions * items - BURST) / RATE + latencyMs / 1000;
		return {
			ratio: floor / wall,
			fairness: Math.max(...durations) / Math.min(...durations),
			share429: (refused - refusedBefore) / (requests - requestsBefore),
			early429,
		};
	};
	const results: Result[] = [];
	const all = (async () => {
		for (let run = 0; run < runs; run++) {
			if (run > 0) await clock.sleep(gapMs);
			results.push(await oneRun());
		}
	})();
	void all.then(() => (done = true));
	while (!done) {
		await new Promise((resolve) => setImmediate(resolve)); // let promise callbacks run
		timers.sort((a, b) => a.at - b.at || a.order - b.order);
		const timer = timers.shift();
		if (!timer) continue;
		now = Math.max(now, timer.at);
		timer.run();
	}
	return results;
}

async function main() {
	let met = 0;
	const results: Result[] = [];
	for (let seed = 1; seed <= seeds; seed++) {
		for (const [run, result] of (await simulate(seed)).entries()) {
			results.push(result);
			const { ratio, fairness, share429, early429 } = result;
			const ok = ratio >= 0.95 && fairness <= 1.3 && share429 < 0.1;
			if (ok) met++;
			process.stdout.write(
				`seed ${seed}${runs > 1 ? `, run ${run + 1}` : ''}: floor/wall ${ratio.toFixed(3)}, slowest/fastest ${fairness.toFixed(3)}, ` +
					`429s ${(share429 * 100).toFixed(1)}% (${early429} in the first second)${ok ? '' : '  (misses a target)'}\n`,
			);
		}
	}
	const mean = (pick: (result: Result) => number) =>
		results.reduce((sum, result) => sum + pick(result), 0) / results.length;
	const worst = (pick: (result: Result) => number, sign: number) =>
		sign * Math.max(...results.map((result) => sign * pick(result)));
	process.stdout.write(
		`${met}/${results.length} runs met every target; worst: floor/wall ${worst((r) => r.ratio, -1).toFixed(3)}, ` +
			`slowest/fastest ${worst((r) => r.fairness, 1).toFixed(3)}, 429s ${(worst((r) => r.share429, 1) * 100).toFixed(1)}%; ` +
			`mean: floor/wall ${mean((r) => r.ratio).toFixed(3)}, slowest/fastest ${mean((r) => r.fairness).toFixed(3)}, ` +
			`429s ${(mean((r) => r.share429) * 100).toFixed(1)}%, in the first second ${mean((r) => r.early429).toFixed(1)}\n`,
	);
}

void main();
