// Local DeepIDV sandbox server: public API (implementation in index.js).
import type {
	Delivery,
	Fault,
	RecordedRequest,
	RuntimeOptions,
	SandboxKeys,
	SandboxOptions,
	SandboxStats,
	SessionRecord,
	StoredSession,
	Webhook,
	WebhookRegistration,
} from './types';

export * from './types';

export declare const DEFAULT_KEYS: Readonly<SandboxKeys>;

export interface Sandbox {
	/** e.g. 'http://127.0.0.1:PORT' (no trailing slash). */
	readonly url: string;
	readonly keys: Readonly<SandboxKeys>;
	/** Live list of DeepIDV API requests in arrival order (control routes are not recorded). */
	readonly requests: readonly RecordedRequest[];
	/** Live counters. */
	readonly stats: Readonly<SandboxStats>;
	/** Live list of webhook delivery attempts. */
	readonly deliveries: readonly Delivery[];
	clearRequests(): void;
	/** Throws TypeError on an unknown option or a bad value. */
	configure(options: RuntimeOptions): void;
	/** Queue one-shot faults; each is consumed by the next request it matches. */
	injectFaults(faults: Fault[]): void;
	/** Copy of a live-organization session (any organization), or undefined. */
	getSession(id: string): StoredSession | undefined;
	/** Copies of all stored live sessions, newest first. */
	listSessions(): StoredSession[];
	/** Store a session directly (no webhook), replacing one with the same id; defaults fill the missing required fields. */
	addSession(record: Partial<SessionRecord>): SessionRecord;
	/** Same as POST /__sandbox/webhooks. */
	addWebhook(registration: WebhookRegistration): Webhook;
	/** Same as DELETE /__sandbox/webhooks. */
	clearWebhooks(): void;
	/** Same as POST /__sandbox/sessions/{id}/submit; undefined for an unknown id. */
	submitSession(id: string): SessionRecord | undefined;
	/** Same as POST /__sandbox/sessions/{id}/fail; undefined for an unknown id. */
	failSession(id: string): SessionRecord | undefined;
	/** Same as POST /__sandbox/async-jobs/expire: every async job answers 404 from now on. Returns how many. */
	expireAsyncJobs(): number;
	/** Stops listening, drops open connections and cancels pending webhook retries. */
	close(): Promise<void>;
}

export declare function startSandbox(options?: SandboxOptions): Promise<Sandbox>;
