// Types shared by the sandbox's own modules (not part of its public API).
import type {
	Delivery,
	FaultRule,
	InviteFlags,
	Organization,
	RateLimitOptions,
	RecordedRequest,
	RecordedUpload,
	SandboxKeys,
	SandboxStats,
	SessionRecord,
	User,
	WebhookRetryOptions,
} from './types';

export interface ResolvedOptions {
	host: string;
	port: number;
	keys: Readonly<SandboxKeys>;
	latencyMs: number;
	rateLimit: RateLimitOptions | false;
	retryAfter: false | 'seconds' | 'http-date';
	missingKeyStatus: 401 | 403;
	authErrorShape: 'error' | 'detail';
	createIdField: 'id' | 'idv_id' | 'both';
	sandboxUnknownId: 'not-found' | 'random';
	faults: FaultRule[];
	seed: number;
	webhookRetry: WebhookRetryOptions;
	webhookTimeoutMs: number;
	sessionUrlBase: string;
	quiet: boolean;
	screeningEmail: 'optional' | 'required';
	titleCheckMode: 'async' | 'sync';
	asyncJobDelayMs: number;
	asyncJobReadyAfterPolls: number | null;
	asyncJobTtlMs: number;
	uploadUrlTtlSeconds: number;
	faceMatchThreshold: number;
	currentStepBase: 0 | 1;
	reVerificationTtlHours: number;
	unknownWorkflowStepStatus: 400 | 404;
}

/** A fully built answer: serialized body and its headers. */
export interface ApiResponse {
	status: number;
	headers: Record<string, string>;
	body: string;
}

/** A Zod-style issue in a 400 `{message, hints}` answer. */
export interface Hint {
	code: string;
	path: (string | number)[];
	message: string;
	[extra: string]: unknown;
}

export interface WorkflowStep {
	/** API (UPPER_SNAKE) form. */
	id: string;
	config: Record<string, unknown>;
	/** Sandbox only, never in answers: settings in DeepIDV's older format (PATCH answers 409 legacy_step_config). */
	legacy?: boolean;
}

export interface WorkflowRecord {
	id: string;
	name: string;
	status: string;
	organization_id: string;
	created_at: string;
	updated_at: string;
	steps: WorkflowStep[];
	/** Sandbox only, never in answers: re-verification is turned off for the workflow's sessions. */
	reverifyDisabled?: boolean;
}

export interface StoredEntry {
	record: SessionRecord;
	invites: InviteFlags | null;
}

export interface Dataset {
	users: Map<string, User>;
	workflows: Map<string, WorkflowRecord>;
	sessions: Map<string, StoredEntry>;
	/** The latest re-verification of each session, by original session id. */
	reVerifications: Map<string, ReVerification>;
}

export interface ReVerification {
	re_verification_id: string;
	original_session_id: string;
	status: string;
	expires_at: string;
	reused: boolean;
	consent_required: boolean;
	liveness: { challenge_type: string };
}

/** Who an API key is: both default keys belong to the same user; the sandbox key reads fixtures only. */
export interface Identity {
	mode: 'live' | 'sandbox';
	key: string;
	organization: Organization;
	user: User;
}

export interface SandboxState {
	options: ResolvedOptions;
	store: ReturnType<typeof import('./core/store').createStore>;
	identities: Map<string, Identity>;
	stats: SandboxStats;
	requests: RecordedRequest[];
	uploadRequests: RecordedUpload[];
	/** Upload URLs DeepIDV handed out, by fileKey. */
	files: Map<string, PendingUpload>;
	deliveries: Delivery[];
	timers: ReturnType<typeof import('./core/timers').createTimers>;
	faults: ReturnType<typeof import('./core/faults').createFaults>;
	limiter: ReturnType<typeof import('./core/rate-limit').createRateLimiter> | null;
	webhooks: ReturnType<typeof import('./core/webhooks').createWebhooks>;
	asyncJobs: ReturnType<typeof import('./screening/async-jobs').createAsyncJobs>;
	/** 'http://host:port', set once listening. */
	baseUrl: string;
	/** The upload host's 'http://host:port', set once listening. */
	uploadBaseUrl: string;
	log(line: string): void;
}

/** An upload URL handed out by POST /v1/upload/presign, and what was uploaded to it. */
export interface PendingUpload {
	fileKey: string;
	organizationId: string;
	contentType: string;
	byteLength: number;
	/** The URL's X-Amz-Signature. */
	signature: string;
	/** Epoch ms. */
	expiresAt: number;
	/** What the finished upload held, or null until a valid PUT. */
	stored: import('./types').ImageFacts | null;
}

/** What a DeepIDV API route handler gets. */
export interface ApiContext {
	state: SandboxState;
	identity: Identity;
	/** The live dataset, or the fixtures for the sandbox key. */
	data: Dataset;
	request: RecordedRequest;
	params: Record<string, string>;
}

/** What a control route handler gets. */
export interface ControlContext {
	state: SandboxState;
	body: string;
	params: Record<string, string>;
}

export interface Route<C> {
	method: string;
	/** Raw path pattern; ':name' matches one segment. */
	path: string;
	handler(context: C): ApiResponse | Promise<ApiResponse>;
}
