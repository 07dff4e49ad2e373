import { createHash } from 'crypto';

import { PACING } from './pacing';
import type { Clock } from './rateLimiter';
import { RateLimiter, realClock } from './rateLimiter';

/**
 * One pacer per DeepIDV organisation in this process: every execution that sends to the same base
 * URL with the same API key (at the same Max Requests per Second) takes its permits from one
 * shared bucket, so the executions of one n8n instance share DeepIDV's limit exactly instead of
 * learning of each other from 429s. A per-process cache of the kind n8n's own nodes keep; in queue
 * mode each worker has its own, and the pacer's adaptation to 429s covers what it cannot see.
 *
 * Entries are found by a SHA-256 of the base URL, the API key and the rate: the key itself is not
 * kept. An entry with nothing left to do (see RateLimiter.idle) is dropped at the next look-up, so
 * nothing outlives the executions but a few idle seconds; nothing is timed.
 *
 * Known limits (docs/errors.md): turns are per execution, so a workflow that starts many
 * executions gets many turns; an execution whose requests hang holds no permits back (they are
 * paced by the clock) but keeps its entry until they end (Timeout); an execution stopped in n8n
 * starts no more items, but the requests it had started keep their turns; executions with another
 * Max Requests per Second are paced apart.
 */
export class OrganisationPacers {
	private readonly pacers = new Map<string, RateLimiter>();

	constructor(private readonly clock: Clock = realClock) {}

	/** The entry to look pacers up by: the key's digest, never the key. */
	static entry(baseUrl: string, apiKey: string, perSecond: number, burst: number): string {
		return createHash('sha256').update(JSON.stringify([baseUrl, apiKey, perSecond, burst])).digest('hex');
	}

	/** The shared pacer for an entry, made when there is none (or the last one was dropped). */
	pacer(entry: string, perSecond: number, burst: number): RateLimiter {
		this.dropIdle();
		let pacer = this.pacers.get(entry);
		if (!pacer) {
			pacer = new RateLimiter(perSecond, burst, this.clock);
			this.pacers.set(entry, pacer);
		}
		return pacer;
	}

	/** How many organisations have a pacer now. */
	get size(): number {
		return this.pacers.size;
	}

	private dropIdle(): void {
		for (const [entry, pacer] of this.pacers) {
			if (pacer.idle(PACING.idleDropSeconds * 1000)) this.pacers.delete(entry);
		}
	}
}

/** This process's pacers. */
export const organisationPacers = new OrganisationPacers();
