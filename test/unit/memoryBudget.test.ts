import { MemoryBudget } from '../../dist/nodes/DeepIdv/files/memoryBudget';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('MemoryBudget', () => {
	it('grants what fits at once and makes the rest wait, first come first served', async () => {
		const budget = new MemoryBudget(10);
		const granted: string[] = [];
		const a = await budget.acquire(6);
		const b = budget.acquire(6).then((lease) => (granted.push('b'), lease));
		const c = budget.acquire(2).then((lease) => (granted.push('c'), lease));
		await tick();
		// c would fit next to a, but b asked first.
		expect(granted).toEqual([]);
		a.release();
		const leaseB = await b;
		const leaseC = await c;
		expect(granted).toEqual(['b', 'c']);
		leaseB.release();
		leaseC.release();
	});

	it('lets one request larger than the whole budget through, alone', async () => {
		const budget = new MemoryBudget(10);
		const small = await budget.acquire(1);
		let big = false;
		const pending = budget.acquire(25).then((lease) => ((big = true), lease));
		await tick();
		expect(big).toBe(false);
		small.release();
		const lease = await pending;
		expect(big).toBe(true);
		let after = false;
		const next = budget.acquire(1).then((l) => ((after = true), l));
		await tick();
		expect(after).toBe(false);
		lease.release();
		(await next).release();
	});

	it('counts a lease released twice only once', async () => {
		const budget = new MemoryBudget(10);
		const first = await budget.acquire(10);
		first.release();
		first.release();
		const a = await budget.acquire(10);
		let b = false;
		void budget.acquire(1).then(() => (b = true));
		await tick();
		expect(b).toBe(false);
		a.release();
	});
});
