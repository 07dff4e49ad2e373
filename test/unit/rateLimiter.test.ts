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

	it('lets a burst through, then paces at the steady rate, first come first served', async () => {
		const limiter = new RateLimiter(25, 35, clock);
		const times = await grantTimes(limiter, 40);
		expect(times.slice(0, 35)).toEqual(new Array(35).fill(0));
		expect(times.slice(35)).toEqual([40, 80, 120, 160, 200]);
	});

	it('starts with a few requests in flight and allows one more per answer (slow start)', async () => {
		const limiter = new RateLimiter(25, 35, clock);
		const held: Permit[] = [];
		let granted = 0;
		const all = Array.from({ length: 10 }, () =>
			limiter.take().then((permit) => {
				granted++;
				held.push(permit);
			}),
		);
		await jest.advanceTimersByTimeAsync(1000);
		expect(granted).toBe(PACING.initialWindow);
		held[0].answered(); // one answer frees its place and opens one more
		await jest.advanceTimersByTimeAsync(0);
		expect(granted).toBe(PACING.initialWindow + 2);
		for (const permit of held) permit.answered();
		await jest.runAllTimersAsync();
		await Promise.all(all);
		expect(granted).toBe(10);
	});

	it('refills while idle, never beyond the burst', async () => {
		const limiter = new RateLimiter(10, 2, clock);
		await grantTimes(limiter, 2);
		jest.setSystemTime(Date.now() + 10_000);
		expect(await grantTimes(limiter, 3)).toEqual([0, 0, 100]);
	});

	it('barely slows down for a stray 429 when it has met no competition', async () => {
		const limiter = new RateLimiter(25, 35, clock);
		await grantTimes(limiter, 10);
		await refuse(limiter, 1);
		expect(limiter.perSecond).toBeCloseTo(25 * PACING.strayDecrease, 1);
	});

	it('halves at every round trip while most requests are refused (a storm)', async () => {
		const limiter = new RateLimiter(25, 35, clock);
		await refuse(limiter, 5); // all sent before the first cut: one cut
		expect(limiter.perSecond).toBeCloseTo(12.5, 1);
		await refuse(limiter, 1); // sent after it: another
		expect(limiter.perSecond).toBeCloseTo(6.25, 1);
	});

	it('with competition, cuts by 30% at most once per few requests', async () => {
		const limiter = new RateLimiter(25, 35, clock);
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
		// No burst left: one at a time at 12.5 per second, i.e. 80 ms apart.
		expect(times[0]).toBeGreaterThanOrEqual(79);
		for (const gap of gaps(times)) expect(gap).toBeGreaterThanOrEqual(78);
	});

	it('climbs back linearly, faster after a few quiet seconds, up to the configured rate', async () => {
		const limiter = new RateLimiter(25, 35, clock);
		await refuse(limiter, 5); // 12.5 per second
		const cut = limiter.perSecond;
		jest.setSystemTime(Date.now() + 2000);
		expect(limiter.perSecond).toBeCloseTo(cut + 2 * PACING.increasePerSecond, 1);
		jest.setSystemTime(Date.now() + 4000); // 6 s after the cut: 2 s of faster climbing
		expect(limiter.perSecond).toBeCloseTo(cut + 6 * PACING.increasePerSecond + PACING.probe * 2 ** 3, 1);
		jest.setSystemTime(Date.now() + 60_000);
		expect(limiter.perSecond).toBe(25);
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

	it('ignores a second report on the same permit', async () => {
		const limiter = new RateLimiter(25, 35, clock);
		await grantTimes(limiter, 1, (permit) => {
			permit.answered();
			permit.rateLimited();
		});
		expect(limiter.perSecond).toBe(25);
	});
});
