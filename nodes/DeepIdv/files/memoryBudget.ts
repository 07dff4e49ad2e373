/**
 * How many bytes of image data one execution reads or sends at the same time: 20 MiB, e.g. four
 * 5 MiB photos. Items whose images would go over it wait (first come, first served) while the
 * others finish, so 50 items of 5 MB never hold 50 images at once. A single image larger than the
 * budget still goes through, alone.
 */
export const FILE_MEMORY_BUDGET_BYTES = 20 * 1024 * 1024;

/** A share of the budget; give it back exactly once. */
export interface MemoryLease {
	release(): void;
}

/** A first-come, first-served byte budget shared by the items of one execution. */
export class MemoryBudget {
	private used = 0;

	private readonly waiting: Array<{ bytes: number; grant: () => void }> = [];

	constructor(private readonly limit: number) {}

	/** Resolves once `bytes` fit (or nothing else is held), in the order of asking. */
	async acquire(bytes: number): Promise<MemoryLease> {
		if (this.waiting.length === 0 && this.fits(bytes)) return this.grant(bytes);
		return await new Promise<MemoryLease>((resolve) => {
			this.waiting.push({ bytes, grant: () => resolve(this.grant(bytes)) });
		});
	}

	private fits(bytes: number): boolean {
		return this.used === 0 || this.used + bytes <= this.limit;
	}

	private grant(bytes: number): MemoryLease {
		this.used += bytes;
		let released = false;
		return {
			release: () => {
				if (released) return;
				released = true;
				this.used -= bytes;
				while (this.waiting.length > 0 && this.fits(this.waiting[0].bytes)) this.waiting.shift()!.grant();
			},
		};
	}
}
