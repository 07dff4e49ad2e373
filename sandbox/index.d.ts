// Local DeepIDV sandbox server: public API (implementation in index.js).
import type {
	Delivery,
	Fault,
	ImageFacts,
	ImageSpec,
	RecordedRequest,
	RecordedUpload,
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
	/** e.g. 'http://127.0.0.1:PORT': the upload host (S3's stand-in) that presigned upload URLs point to. */
	readonly uploadUrl: string;
	/** Live list of DeepIDV API requests in arrival order (control routes are not recorded). */
	readonly requests: readonly RecordedRequest[];
	/** Live list of requests to the upload host, in arrival order. */
	readonly uploads: readonly RecordedUpload[];
	/** Live counters. */
	readonly stats: Readonly<SandboxStats>;
	/** Live list of webhook delivery attempts. */
	readonly deliveries: readonly Delivery[];
	/** Empties `requests` and `uploads`. */
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
	/** What the upload host stored for a fileKey (size, SHA-256, format, marker), or undefined before a valid PUT. */
	uploadedFile(fileKey: string): ImageFacts | undefined;
	/** Stops listening (API and upload host), drops open connections and cancels pending webhook retries. */
	close(): Promise<void>;
}

export declare function startSandbox(options?: SandboxOptions): Promise<Sandbox>;

/** A tiny valid JPEG, PNG or WebP whose metadata tells the sandbox what the picture shows (see images.js). */
export declare function sandboxImage(spec?: ImageSpec): Buffer;

/** What the sandbox reads from an image's bytes. */
export declare function factsOf(bytes: Buffer): ImageFacts;

/** All billed calls, every route together. */
export declare function totalBilled(stats: Pick<SandboxStats, 'billed'>): number;
