import { forEachBounded } from '../../dist/nodes/DeepIdv/transport/concurrency';

describe('forEachBounded', () => {
	it('never runs more than the limit at once and runs every index once', async () => {
		let running = 0;
		let peak = 0;
		const seen: number[] = [];
		await forEachBounded(20, 4, async (index) => {
			running++;
			peak = Math.max(peak, running);
			await new Promise((resolve) => setImmediate(resolve));
			seen.push(index);
			running--;
		});
		expect(peak).toBe(4);
		expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
	});

	it('starts nothing new once asked to stop', async () => {
		const started: number[] = [];
		await forEachBounded(
			10,
			2,
			async (index) => {
				started.push(index);
			},
			() => started.length >= 3,
		);
		expect(started).toEqual([0, 1, 2]);
	});
});
