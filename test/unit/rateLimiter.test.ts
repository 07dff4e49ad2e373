import { RateLimiter } from '../../dist/nodes/DeepIdv/transport/rateLimiter';

/** Takes `count` tokens at once and returns when each was granted, in ms of the fake clock. */
async function grantTimes(limiter: RateLimiter, count: number, clock: () => number): Promise<number[]> {
	const start = clock();
	const times: number[] = [];
	const all = Array.from({ length: count }, () => limiter.take().then(() => times.push(clock() - start)));
	await jest.runAllTimersAsync();
	await Promise.all(all);
	return times.sort((a, b) => a - b);
}

describe('RateLimiter', () => {
	beforeEach(() => jest.useFakeTimers({ now: 0 }));
	afterEach(() => jest.useRealTimers());

	it('lets a burst through at once, then paces at the steady rate', async () => {
		const limiter = new RateLimiter(25, 35, Date.now);
		const times = await grantTimes(limiter, 40, Date.now);
		expect(times.slice(0, 35)).toEqual(new Array(35).fill(0));
		expect(times.slice(35)).toEqual([40, 80, 120, 160, 200]);
	});

	it('refills while idle, never beyond the burst', async () => {
		const limiter = new RateLimiter(10, 2, Date.now);
		await grantTimes(limiter, 2, Date.now);
		jest.setSystemTime(Date.now() + 10_000);
		expect(await grantTimes(limiter, 3, Date.now)).toEqual([0, 0, 100]);
	});

	it('gives up the saved burst after a 429 (drain)', async () => {
		const limiter = new RateLimiter(25, 35, Date.now);
		limiter.drain();
		expect(await grantTimes(limiter, 3, Date.now)).toEqual([40, 80, 120]);
	});
});
