import { PACING } from '../../dist/nodes/DeepIdv/transport/pacing';
import { OrganisationPacers } from '../../dist/nodes/DeepIdv/transport/organisationPacers';
import type { Permit, RateLimiter } from '../../dist/nodes/DeepIdv/transport/rateLimiter';

/** jest's fake timers behind the pacers' clock. */
const clock = {
	now: () => Date.now(),
	sleep: async (ms: number) => await new Promise<void>((resolve) => setTimeout(resolve, ms)),
};

const URL = 'https://api.deepidv.com/';
const KEY = 'sk_live_0123456789abcdef';

interface Grant {
	lane: string;
	at: number;
}

/**
 * Asks for `count` permits for execution `lane` at once (after `delayMs`), answering each as soon as
 * it is granted unless `hold` keeps it (a request that hangs); records who got each grant and when.
 */
function ask(pacer: RateLimiter, lane: object, name: string, count: number, grants: Grant[], delayMs = 0, hold?: Permit[]) {
	const start = () =>
		Promise.all(
			Array.from({ length: count }, () =>
				pacer.take(lane).then((permit) => {
					grants.push({ lane: name, at: Date.now() });
					if (hold) hold.push(permit);
					else permit.answered();
				}),
			),
		);
	if (delayMs === 0) return start();
	return new Promise<void>((resolve) => setTimeout(() => void start().then(() => resolve()), delayMs));
}

const count = (grants: Grant[], lane: string, from: number, to: number) =>
	grants.filter((grant) => grant.lane === lane && grant.at >= from && grant.at < to).length;
const last = (grants: Grant[], lane: string) => Math.max(...grants.filter((grant) => grant.lane === lane).map((grant) => grant.at));

describe('OrganisationPacers: one pacer per DeepIDV organisation, shared by the executions of a process', () => {
	beforeEach(() => jest.useFakeTimers({ now: 0 }));
	afterEach(() => jest.useRealTimers());

	const shared = () => {
		const pacers = new OrganisationPacers(clock);
		return { pacers, pacer: pacers.pacer(OrganisationPacers.entry(URL, KEY, 25, 35), 25, 35) };
	};

	it('serves executions in turn, one permit each, however many each has waiting', async () => {
		const { pacer } = shared();
		const grants: Grant[] = [];
		const [a, b, c] = [{}, {}, {}];
		const all = Promise.all([ask(pacer, a, 'a', 60, grants), ask(pacer, b, 'b', 30, grants), ask(pacer, c, 'c', 30, grants)]);
		await jest.runAllTimersAsync();
		await all;
		// a asked first, while the bucket had 10 tokens: those are a's. Then the executions take turns,
		// a, b, c, a, b, c… for 90 permits, and a is served alone at the end.
		expect(grants.slice(0, 10).every((grant) => grant.lane === 'a' && grant.at === 0)).toBe(true);
		expect(grants.slice(10, 19).map((grant) => grant.lane)).toEqual(['a', 'b', 'c', 'a', 'b', 'c', 'a', 'b', 'c']);
		expect(grants.slice(10, 100).filter((grant) => grant.lane === 'a')).toHaveLength(30);
		expect(grants.slice(100).every((grant) => grant.lane === 'a')).toBe(true);
		// b and c finish together; all 120 at the shared rate: a third of the burst at once, 25 per
		// second, the rest of the burst but four tokens after 2 s (about 88.5 tokens: 3.54 s).
		expect(Math.abs(last(grants, 'b') - last(grants, 'c'))).toBeLessThanOrEqual(40);
		expect(last(grants, 'a')).toBe(3540);
	});

	it('gives a late joiner half of the rate from its first request', async () => {
		const { pacer } = shared();
		const grants: Grant[] = [];
		const [a, b] = [{}, {}];
		const all = Promise.all([ask(pacer, a, 'a', 400, grants), ask(pacer, b, 'b', 100, grants, 10_000)]);
		await jest.runAllTimersAsync();
		await all;
		// Alone, a gets every permit: 25 per second.
		expect(count(grants, 'a', 8000, 10_000)).toBe(50);
		// From 10 s, a and b take turns: 25 each in the next two seconds, and the same after.
		expect(count(grants, 'b', 10_000, 12_000)).toBe(25);
		expect(count(grants, 'a', 10_000, 12_000)).toBe(25);
		expect(count(grants, 'b', 12_000, 14_000)).toBe(25);
		// Between them never more than the rate.
		for (let second = 0; second < 18; second++) {
			const from = 2100 + second * 1000;
			expect(count(grants, 'a', from, from + 1000) + count(grants, 'b', from, from + 1000)).toBeLessThanOrEqual(26);
		}
	});

	it('after a rest, executions starting together again share the saved burst: the first to ask does not take it all', async () => {
		const { pacer } = shared();
		const grants: Grant[] = [];
		const first = ask(pacer, {}, 'earlier run', 100, grants);
		await jest.runAllTimersAsync();
		await first;
		// 2.4 s later (DeepIDV's bucket full again) five executions start, one 250 ms before the others.
		jest.setSystemTime(Date.now() + 2400);
		const start = Date.now();
		const lanes = ['a', 'b', 'c', 'd', 'e'];
		const all = Promise.all(lanes.map((name, index) => ask(pacer, {}, name, 200, grants, index === 0 ? 0 : 250)));
		await jest.runAllTimersAsync();
		await all;
		// a is alone for 250 ms: a third of the burst at once and 25 per second (16 permits), not the
		// 31 tokens the bucket had saved, which would have put it 37 permits ahead.
		expect(count(grants, 'a', start, start + 250)).toBe(16);
		// Then they take turns: a ends about 2.6 s before the others, not 6 s.
		const ends = lanes.map((name) => last(grants, name) - start);
		expect(Math.max(...ends) - ends[0]).toBeLessThan(2800);
		expect(Math.max(...ends) / ends[0]).toBeLessThan(1.08);
	});

	it('is not held up by an execution whose requests hang: permits are paced by the clock, not by answers', async () => {
		const { pacers, pacer } = shared();
		const grants: Grant[] = [];
		const hung: Permit[] = [];
		const [stuck, other] = [{}, {}];
		const all = Promise.all([ask(pacer, stuck, 'stuck', 5, grants, 0, hung), ask(pacer, other, 'other', 50, grants)]);
		await jest.runAllTimersAsync();
		await all;
		// The stuck execution had its turns (5), the other every permit after: 10.5 tokens at once,
		// then 25 per second.
		expect(count(grants, 'stuck', 0, 1)).toBe(5);
		expect(last(grants, 'other')).toBe(1780);
		// While its permits are out, the pacer (and the rate it has learnt) stays, however long.
		jest.setSystemTime(Date.now() + 10 * PACING.idleDropSeconds * 1000);
		const entry = OrganisationPacers.entry(URL, KEY, 25, 35);
		expect(pacers.pacer(entry, 25, 35)).toBe(pacer);
		// Once they are reported (the request timeout ends every request), it goes after the idle time.
		for (const permit of hung) permit.failed();
		jest.setSystemTime(Date.now() + PACING.idleDropSeconds * 1000 - 1);
		expect(pacers.pacer(entry, 25, 35)).toBe(pacer);
		jest.setSystemTime(Date.now() + 1);
		expect(pacers.pacer(entry, 25, 35)).not.toBe(pacer);
		expect(pacers.size).toBe(1);
	});

	it('shares one 429 with every execution: the cut slows them all, as the limit is theirs together', async () => {
		const { pacer } = shared();
		const [a, b] = [{}, {}];
		const first = pacer.take(a);
		await jest.runAllTimersAsync();
		(await first).rateLimited(); // a 429 in the first seconds: another worker uses the key
		expect(pacer.perSecond).toBeCloseTo(12.5, 1);
		const grants: Grant[] = [];
		const all = Promise.all([ask(pacer, a, 'a', 10, grants), ask(pacer, b, 'b', 10, grants)]);
		await jest.runAllTimersAsync();
		await all;
		// 20 permits at about 12.5 per second in all (climbing), not 12.5 each.
		expect(Math.max(last(grants, 'a'), last(grants, 'b'))).toBeGreaterThan(1400);
	});

	it('never shares a pacer between different API keys or base URLs, and keeps only a digest of the key', async () => {
		const pacers = new OrganisationPacers(clock);
		const entry = OrganisationPacers.entry(URL, KEY, 25, 35);
		expect(entry).toMatch(/^[0-9a-f]{64}$/);
		expect(entry).not.toContain(KEY);
		const mine = pacers.pacer(entry, 25, 35);
		expect(pacers.pacer(OrganisationPacers.entry(URL, KEY, 25, 35), 25, 35)).toBe(mine);
		const otherKey = pacers.pacer(OrganisationPacers.entry(URL, `${KEY}0`, 25, 35), 25, 35);
		const otherUrl = pacers.pacer(OrganisationPacers.entry('https://sandbox.deepidv.com/', KEY, 25, 35), 25, 35);
		// A different Max Requests per Second is paced apart (adapting to 429s as between workers).
		const otherRate = pacers.pacer(OrganisationPacers.entry(URL, KEY, 10, 14), 10, 14);
		expect(new Set([mine, otherKey, otherUrl, otherRate]).size).toBe(4);
		// Each organisation has the whole rate: 20 permits on each key at once take no longer than alone.
		const grants: Grant[] = [];
		const all = Promise.all([ask(mine, {}, 'mine', 20, grants), ask(otherKey, {}, 'other', 20, grants)]);
		await jest.runAllTimersAsync();
		await all;
		expect(last(grants, 'mine')).toBe(380);
		expect(last(grants, 'other')).toBe(380);
	});

	it('drops an organisation nobody has used for a while, and starts it afresh', async () => {
		const { pacers, pacer } = shared();
		const entry = OrganisationPacers.entry(URL, KEY, 25, 35);
		const grants: Grant[] = [];
		const all = ask(pacer, {}, 'a', 20, grants);
		await jest.runAllTimersAsync();
		await all;
		jest.setSystemTime(Date.now() + PACING.idleDropSeconds * 1000 - 1);
		expect(pacers.pacer(entry, 25, 35)).toBe(pacer);
		jest.setSystemTime(Date.now() + PACING.idleDropSeconds * 1000);
		pacers.pacer(OrganisationPacers.entry(URL, 'another key', 25, 35), 25, 35); // any look-up sweeps
		expect(pacers.size).toBe(1);
		expect(pacers.pacer(entry, 25, 35)).not.toBe(pacer);
	});
});
