import { PACING } from '../../dist/nodes/DeepIdv/transport/pacing';
import type { Permit } from '../../dist/nodes/DeepIdv/transport/rateLimiter';
import { RateLimiter } from '../../dist/nodes/DeepIdv/transport/rateLimiter';

/** jest's fake timers behind the limiter's clock. */
const clock = {
	now: () => Date.now(),
	sleep: async (ms: number) => await new Promise<void>((resolve) => setTimeout(resolve, ms)),
};

/**
 * Asks for `count` permits at once and answers each as soon as it is granted (`outcome` decides
 * how); returns when each caller was let through, in asking order, in ms of the fake clock.
 */
async function grantTimes(
	limiter: RateLimiter,
	count: number,
	outcome: (permit: Permit, index: number) => void = (permit) => permit.answered(),
): Promise<number[]> {
	const start = Date.now();
	const times: number[] = new Array(count);
	const all = Array.from({ length: count }, (_, index) =>
		limiter.take().then((permit) => {
			times[index] = Date.now() - start;
			outcome(permit, index);
		}),
	);
	await jest.runAllTimersAsync();
	await Promise.all(all);
	return times;
}

/** Sends `count` requests that are all refused, as in a storm. */
async function refuse(limiter: RateLimiter, count: number) {
	await grantTimes(limiter, count, (permit) => permit.rateLimited());
}

const gaps = (times: number[]) => times.slice(1).map((time, index) => time - times[index]);

describe('RateLimiter', () => {
	beforeEach(() => jest.useFakeTimers({ now: 0 }));
	afterEach(() => jest.useRealTimers());

	it('starts with a third of the burst, then paces at the steady rate, first come first served', async () => {
		const limiter = new RateLimiter(25, 35, clock);
		const times = await grantTimes(limiter, 15);
		// 35 × 0.3 = 10.5 tokens: ten at once, the eleventh when half a token more has come (20 ms).
		expect(times.slice(0, 10)).toEqual(new Array(10).fill(0));
		expect(times.slice(10)).toEqual([20, 60, 100, 140, 180]);
	});

	it('gives the rest of the burst after two seconds without a 429', async () => {
		const limiter = new RateLimiter(25, 35, clock);
		const times = await grantTimes(limiter, 100);
		const atOnce = (at: number) => times.filter((time) => time === at).length;
		expect(atOnce(0)).toBe(10);
		// Before 2 s: one every 40 ms.
		const before = times.filter((time) => time > 0 && time < 2000);
		expect(before[0]).toBe(20);
		for (const gap of gaps(before)) expect(gap).toBe(40);
		expect(before.length).toBe(50); // 20, 60, … 1980
		// The first caller let through after 2 s (at the next token, 2020 ms) brings the 24.5 with it,
		// less the four tokens kept short of DeepIDV's bucket for uneven delays.
		const released = times.find((time) => time >= PACING.aloneAfterSeconds * 1000)!;
		expect(released).toBe(2020);
		expect(atOnce(released)).toBe(22);
		const after = times.filter((time) => time > released);
		expect(after[0]).toBe(2060);
		for (const gap of gaps(after)) expect(gap).toBe(40);
	});

	it('does not keep more than the third of the burst while it holds the rest back', async () => {
		const limiter = new RateLimiter(25, 35, clock);
		await grantTimes(limiter, 10);
		jest.setSystemTime(Date.now() + 1000); // idle for a second: the bucket refills to 10.5 only
		const times = await grantTimes(limiter, 12);
		expect(times.filter((time) => time === 0).length).toBe(10);
	});

	it('halves the rate and gives up the rest of the burst on a 429 while holding it back', async () => {
		const limiter = new RateLimiter(25, 35, clock);
		// The sixth request is refused: others are sending on the key (DeepIDV's bucket had room for this one).
		const times = await grantTimes(limiter, 60, (permit, index) =>
			index === 5 ? permit.rateLimited() : permit.answered(),
		);
		expect(limiter.perSecond).toBeLessThan(25);
		expect(times.filter((time) => time === 0).length).toBe(10); // let through before the answer came
		// Then about 12.5 per second (80 ms apart), climbing, and no burst when 2 s have passed.
		expect(times[10]).toBe(80);
		for (const gap of gaps(times.slice(10))) expect(gap).toBeGreaterThanOrEqual(40);
		expect(times[59]).toBeGreaterThan(PACING.aloneAfterSeconds * 1000);
	});

	it('refills while idle, never beyond the burst less a tenth (short of DeepIDV\'s bucket, for uneven delays)', async () => {
		const limiter = new RateLimiter(10, 2, clock);
		// 0.6 tokens: the first at 40 ms, then one per 100 ms, and the rest of the burst (less 0.2) at 2040 ms.
		expect((await grantTimes(limiter, 25))[24]).toBe(2360);
		jest.setSystemTime(Date.now() + 900); // a pause shorter than a rest
		// 1.8 tokens: one at once, the second when 0.2 more have come (20 ms), then one per 100 ms.
		expect(await grantTimes(limiter, 3)).toEqual([0, 20, 120]);
	});

	it('keeps a few tokens short of a full burst of 35 once it has given the whole burst', async () => {
		const limiter = await settled();
		jest.setSystemTime(Date.now() + 900); // the bucket fills up; less than a rest
		const times = await grantTimes(limiter, 40);
		expect(times.filter((time) => time === 0)).toHaveLength(35 - PACING.jitterReserve);
	});

	it('holds the burst back again after a rest, as a new pacer does, and gives it after two quiet seconds', async () => {
		const limiter = await settled();
		// Five seconds: DeepIDV's bucket is full again (after 1.4 s), and other workers starting now may
		// send a burst too.
		jest.setSystemTime(Date.now() + 5000);
		const times = await grantTimes(limiter, 100);
		const atOnce = (at: number) => times.filter((time) => time === at).length;
		expect(atOnce(0)).toBe(10); // not 31
		const before = times.filter((time) => time > 0 && time < 2000);
		for (const gap of gaps(before)) expect(gap).toBe(40);
		expect(atOnce(2020)).toBe(22);
		expect(PACING.restartAfterSeconds).toBeLessThan(5); // five seconds were a rest
	});

	it('after a rest, a 429 while the burst is held back halves the rate, as at the start', async () => {
		const limiter = await settled();
		jest.setSystemTime(Date.now() + 2400); // a rest: the pause between two of the benchmark's runs
		await grantTimes(limiter, 6, (permit, index) => (index === 5 ? permit.rateLimited() : permit.answered()));
		expect(limiter.perSecond).toBeCloseTo(12.5, 1);
	});

	/** A limiter that has had its whole burst: two busy seconds without a 429 behind it. */
	async function settled() {
		const limiter = new RateLimiter(25, 35, clock);
		// Ten at once, fifty by 1980 ms, and at 2020 ms the rest of the burst.
		expect((await grantTimes(limiter, 61))[60]).toBe(PACING.aloneAfterSeconds * 1000 + 20);
		return limiter;
	}

	it('barely slows down for a stray 429 when it has met no competition', async () => {
		const limiter = await settled();
		await grantTimes(limiter, 30);
		await refuse(limiter, 1);
		expect(limiter.perSecond).toBeCloseTo(25 * PACING.strayDecrease, 1);
	});

	it('halves at every round trip while most requests are refused (a storm)', async () => {
		const limiter = new RateLimiter(25, 35, clock);
		await refuse(limiter, 5); // all sent before the first cut: one cut
		expect(limiter.perSecond).toBeCloseTo(12.5, 1);
		await refuse(limiter, 1); // sent after it: another (the rate climbed a little meanwhile)
		expect(limiter.perSecond).toBeGreaterThanOrEqual(6.25);
		expect(limiter.perSecond).toBeLessThan(6.5);
	});

	it('with competition, cuts by 30% at most once per few requests', async () => {
		const limiter = await settled();
		await grantTimes(limiter, 30);
		await refuse(limiter, 1); // a stray 429: a 5% cut
		await grantTimes(limiter, PACING.cutEvery);
		await refuse(limiter, 1); // a second one soon after: the limit is shared
		const afterCut = limiter.perSecond;
		expect(afterCut).toBeCloseTo(25 * PACING.strayDecrease * PACING.decrease, 0);
		await grantTimes(limiter, PACING.cutEvery - 1);
		await refuse(limiter, 1); // too soon after the cut: ignored
		expect(limiter.perSecond).toBeGreaterThanOrEqual(afterCut);
		await grantTimes(limiter, PACING.cutEvery);
		await refuse(limiter, 1);
		expect(limiter.perSecond).toBeLessThan(afterCut * 0.75);
	});

	it('gives up the saved burst on a 429, and slows down callers already waiting', async () => {
		const limiter = new RateLimiter(25, 35, clock);
		await refuse(limiter, 5);
		const times = await grantTimes(limiter, 8);
		// No burst left: one at a time at about 12.5 per second (climbing slowly), not 40 ms apart.
		expect(times[0]).toBeGreaterThanOrEqual(79);
		for (const gap of gaps(times)) expect(gap).toBeGreaterThanOrEqual(Math.floor(1000 / 14));
	});

	it('climbs back linearly, faster after a few quiet seconds, up to the configured rate', async () => {
		const limiter = new RateLimiter(25, 35, clock);
		await refuse(limiter, 5); // 12.5 per second
		const cut = limiter.perSecond;
		const quiet = PACING.probeAfterSeconds;
		jest.setSystemTime(Date.now() + (quiet - 1) * 1000);
		expect(limiter.perSecond).toBeCloseTo(cut + (quiet - 1) * PACING.increasePerSecond, 1);
		jest.setSystemTime(Date.now() + 2000); // one second of faster climbing
		expect(limiter.perSecond).toBeCloseTo(cut + (quiet + 1) * PACING.increasePerSecond + PACING.probe, 1);
		jest.setSystemTime(Date.now() + 60_000);
		expect(limiter.perSecond).toBe(25);
	});

	it('serves callers already waiting at the rate of the moment, not the one when they started waiting', async () => {
		const limiter = new RateLimiter(25, 35, clock);
		for (let round = 0; round < 12; round++) await refuse(limiter, 1); // down to 5 per second
		const times = await grantTimes(limiter, 20);
		// At a steady 5 per second the twentieth would wait 4 s; climbing from 5, it waits about 2.7 s.
		expect(times[19]).toBeLessThan(3000);
		for (const gap of gaps(times)) expect(gap).toBeLessThanOrEqual(200);
	});

	it('never starves in a storm: halving stops at a fifth of the configured rate', async () => {
		const limiter = new RateLimiter(25, 35, clock);
		for (let round = 0; round < 12; round++) await refuse(limiter, 1);
		expect(limiter.perSecond).toBeCloseTo(25 * PACING.stormFloorShare, 5);
	});

	it('with competition it may go lower, but never below its floor, so items keep moving', async () => {
		const limiter = new RateLimiter(25, 35, clock);
		for (let round = 0; round < 40; round++) {
			await grantTimes(limiter, PACING.cutEvery);
			await refuse(limiter, 1);
		}
		expect(limiter.perSecond).toBeLessThan(25 * PACING.stormFloorShare);
		expect(limiter.perSecond).toBeGreaterThanOrEqual(25 * PACING.floorShare);
	});

	it('paces several executions like as many flows: a 1/n share of each cut, an n times steeper climb', async () => {
		const limiter = await settled();
		const [a, b] = [{}, {}];
		/** `count` permits for each execution, answered (or the last one of `a` refused). */
		const both = async (count: number, refuseLast = false) => {
			const permits = Array.from({ length: count }, () => [limiter.take(a), limiter.take(b)]).flat();
			await jest.runAllTimersAsync();
			const granted = await Promise.all(permits);
			granted.forEach((permit, index) => (refuseLast && index === granted.length - 2 ? permit.rateLimited() : permit.answered()));
		};
		await both(15);
		await both(1, true); // a stray 429: a 2.5% cut instead of 5%
		expect(limiter.perSecond).toBeCloseTo(25 * (1 - (1 - PACING.strayDecrease) / 2), 1);
		await both(PACING.cutEvery);
		await both(1, true); // the limit is shared: 15% instead of 30%
		const cut = limiter.perSecond;
		// From about 24.4 (climbing meanwhile): 15% down is about 21, a whole 30% would be about 17.
		const afterStray = 25 * (1 - (1 - PACING.strayDecrease) / 2);
		expect(cut).toBeLessThan(afterStray * 0.9);
		expect(cut).toBeGreaterThan(afterStray * PACING.decrease + 2);
		jest.setSystemTime(Date.now() + 1000);
		expect(limiter.perSecond).toBeCloseTo(cut + 2 * PACING.increasePerSecond, 1);
	});

	it('ignores a second report on the same permit', async () => {
		const limiter = new RateLimiter(25, 35, clock);
		await grantTimes(limiter, 1, (permit) => {
			permit.answered();
			permit.rateLimited();
		});
		expect(limiter.perSecond).toBe(25);
	});
});
