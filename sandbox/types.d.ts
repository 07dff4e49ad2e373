// Public types of the local DeepIDV sandbox server (see index.d.ts for the functions).

/** Session record as DeepIDV returns it (snake_case; `status`, `type`, `session_progress` are open strings). */
export interface SessionRecord {
	id: string;
	organization_id: string;
	user_id: string;
	sender_user_id: string;
	created_at: string;
	updated_at: string;
	status: string;
	type: string;
	session_progress: string;
	external_id?: string;
	workflow_id?: string;
	submitted_at?: string;
	redirect_url?: string;
	expires_at?: string;
	workflow_steps?: string[];
	meta_data?: Record<string, unknown>;
	uploads?: Record<string, boolean>;
	analysis_data?: Record<string, unknown>;
}

export interface User {
	id: string;
	email: string;
	first_name: string;
	last_name: string;
	phone: string;
	created_at: string;
	updated_at: string;
}

export interface Organization {
	id: string;
	name: string;
	status: string;
}

/** Invite flags given at creation (DeepIDV does not echo them; the sandbox keeps them for tests). */
export interface InviteFlags {
	send_email_invite: boolean;
	send_phone_invite: boolean;
}

/** What `getSession` / `listSessions` return: the record plus sandbox-side data. */
export interface StoredSession {
	session_record: SessionRecord;
	/** null for seeded sessions and those added with `addSession`. */
	invites: InviteFlags | null;
}

export interface FaultMatch {
	/** HTTP method, case-insensitive. */
	method?: string;
	/** RegExp tested against the raw path, or a string prefix of it. */
	path?: RegExp | string;
}

/** One fault. At least one of `status`, `reset`, `delayMs` must be set. */
export interface Fault {
	/** Answer with this status (400–599) and a fitting body instead of the real answer. */
	status?: number;
	/** Destroy the socket (TCP RST) without answering. */
	reset?: boolean;
	/** Answer this many ms late (combined with `status`/`reset`: wait first). */
	delayMs?: number;
	/** Exact Retry-After header value to send with the fault's answer. */
	retryAfter?: string;
	match?: FaultMatch;
	/** 'after': perform the request's effect first, then fail. Default 'before'. */
	when?: 'before' | 'after';
}

export interface FaultRule extends Fault {
	/** 0–1, rolled with the seeded PRNG for every matching request. */
	probability: number;
}

export interface RateLimitOptions {
	perSecond: number;
	burst: number;
	perDay: number;
}

export interface WebhookRetryOptions {
	/** Total attempts including the first. */
	attempts: number;
	/** Delay before attempt 2, 3, …; the last value repeats when the list is shorter. */
	delaysMs: number[];
}

/** Options that `configure()` and `POST /__sandbox/config` may change at runtime. */
export interface RuntimeOptions {
	/** Fixed delay before every DeepIDV API answer. Default 0. */
	latencyMs?: number;
	/** `false` disables; `true` or a partial object uses the documented 25/s, burst 35, 10000/day. */
	rateLimit?: false | true | Partial<RateLimitOptions>;
	/** Whether 429s carry Retry-After (undocumented by DeepIDV, honoured by its SDK). Default false. */
	retryAfter?: false | 'seconds' | 'http-date';
	/** Status for a missing x-api-key: 403 (OAS, old docs; default) or 401 (auth page). */
	missingKeyStatus?: 401 | 403;
	/** Auth error body key: 'error' (default) or 'detail' (auth page example). */
	authErrorShape?: 'error' | 'detail';
	/** Name of the id in the create response: 'id' (default), 'idv_id' or 'both'. */
	createIdField?: 'id' | 'idv_id' | 'both';
	/** Sandbox key, GET of a non-fixture session id: 404 (default) or a generated record. */
	sandboxUnknownId?: 'not-found' | 'random';
	/** Probabilistic fault rules, first hit wins. */
	faults?: FaultRule[];
	/** PRNG seed for probabilistic faults. */
	seed?: number;
	webhookRetry?: Partial<WebhookRetryOptions>;
	/** A delivery with no answer within this time counts as failed. Default 10000 (documented). */
	webhookTimeoutMs?: number;
	/** Prefix of the `session_url` returned on create (undocumented format). */
	sessionUrlBase?: string;
	/** How long an upload URL from /v1/upload/presign stays valid (undocumented). Default 900 (15 minutes). */
	uploadUrlTtlSeconds?: number;
	/** Face-match threshold (0–100) of face/compare and identity/verify (undocumented). Default 80. */
	faceMatchThreshold?: number;
	/** Whether a workflow progress answer's `current_step` counts from 0 (default) or 1 (undocumented). */
	currentStepBase?: 0 | 1;
	/** How long a re-verification stays open, in hours (undocumented). Default 72. */
	reVerificationTtlHours?: number;
	/** Status for a step config PATCH naming a step the workflow does not have (undocumented): 404 (default) or 400. */
	unknownWorkflowStepStatus?: 400 | 404;
	/** No request log lines. Default true for the library, false in the CLI. */
	quiet?: boolean;
	/**
	 * Whether pep-sanctions and adverse-media require `email`: 'optional' (newest OAS; default) or
	 * 'required' (OAS-140 and the SDK).
	 */
	screeningEmail?: 'optional' | 'required';
	/** Title check as an async job (both OAS revisions; default) or a synchronous 200 (SDK, agent skills). */
	titleCheckMode?: 'async' | 'sync';
	/** How long after creation an async job is ready or failed. Default 2000 (undocumented). */
	asyncJobDelayMs?: number;
	/** When set, an async job is ready or failed on exactly this GET instead (for tests). Default null. */
	asyncJobReadyAfterPolls?: number | null;
	/** How long a job can be fetched before GET answers 404. Default 24 h (undocumented). */
	asyncJobTtlMs?: number;
}

export interface SandboxKeys {
	live: string;
	sandbox: string;
}

export interface SandboxOptions extends RuntimeOptions {
	host?: string;
	port?: number;
	keys?: Partial<SandboxKeys>;
}

export interface RecordedRequest {
	method: string;
	/** Raw path as received (still percent-encoded), without the query. */
	path: string;
	query: Record<string, string>;
	/** Lower-cased header names. */
	headers: Record<string, string | string[] | undefined>;
	body: string;
	json: unknown;
	receivedAt: number;
	/** Set once DeepIDV billed this request (a screening it acted on), even if a fault then hid the answer. */
	billed?: true;
}

export type WebhookEventType =
	| 'session.created'
	| 'session.status.submitted'
	| 'session.status.verified'
	| 'session.status.rejected'
	| 'session.status.failed';

export interface WebhookPayload {
	type: WebhookEventType;
	data: SessionRecord;
}

export interface WebhookRegistration {
	url: string;
	/** Sent verbatim as `deepidv-signature`; generated (`whsec_…`) when omitted. */
	secret?: string;
	/** Event types to receive; all when omitted. */
	events?: WebhookEventType[];
}

export interface Webhook {
	id: string;
	url: string;
	secret: string;
	events: WebhookEventType[] | null;
}

export interface Delivery {
	url: string;
	type: WebhookEventType;
	/** 1 for the first try. */
	attempt: number;
	/** HTTP status of the receiver's answer … */
	status?: number;
	/** … or why there was none (network error, timeout). */
	error?: string;
	body: WebhookPayload;
	at: number;
}

export interface SandboxStats {
	/** DeepIDV API requests received (control routes excluded). */
	requests: number;
	/** 429 answers sent, by the rate limiter or injected. */
	rateLimited: number;
	/** Faults taken from the queue or rolled from the rules. */
	faultsInjected: number;
	/** Sockets reset by a fault. */
	resets: number;
	/** Sessions created through POST /v1/sessions or /v1/idv. */
	created: number;
	/**
	 * Billed screening calls per route path, e.g. `{ '/v1/screening/pep-sanctions': 1 }`. Counted when
	 * DeepIDV acts, even if a fault then hides the answer; 503s, replays and free session checks are not.
	 */
	billed: Record<string, number>;
	/** Finished uploads (PUTs the upload host accepted). */
	uploads: number;
}

/** A request to the upload host (the stand-in for S3's presigned URLs). */
export interface RecordedUpload {
	method: string;
	/** Raw path: `/` and the fileKey. */
	path: string;
	query: Record<string, string>;
	/** Lower-cased header names. */
	headers: Record<string, string | string[] | undefined>;
	/** Body bytes received. */
	bytes: number;
	/** The status the upload host answered with (0 when the connection was reset). */
	status: number;
	receivedAt: number;
}

/** What a test writes into a sandbox image (images.js): what DeepIDV would see in the picture. */
export interface ImageSpec {
	/** Default 'png'. */
	format?: 'png' | 'jpeg' | 'webp';
	/** The person shown; null: no face; omitted: a person derived from the bytes. */
	face?: string | null;
	/** The identity document shown (these fields win over derived ones), or 'unreadable'. */
	document?: Record<string, unknown> | 'unreadable';
	/** Apparent age of the face (estimate-age). */
	age?: number;
	gender?: 'male' | 'female';
	/** Exact file size in bytes, reached with deterministic padding. */
	size?: number;
	/** Any text: makes two otherwise equal images differ. */
	seed?: string;
}

/** What the sandbox knows about an image (it keeps no image bytes). */
export interface ImageFacts {
	bytes: number;
	/** Hex SHA-256 of the whole file. */
	sha256: string;
	/** From the first bytes; null when it is no JPEG, PNG or WebP. */
	format: 'image/jpeg' | 'image/png' | 'image/webp' | null;
	/** The facts written by sandboxImage, or null. */
	marker: Record<string, unknown> | null;
}
