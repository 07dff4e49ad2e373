import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { parseBaseUrl } from '../../../credentials/keyDestination';
import { OrganisationPacers, organisationPacers } from './organisationPacers';
import type { FailureContext, FailureText } from './failureMessages';
import { classifyNetworkError, httpFailureText, networkFailureText, serverMessage } from './failureMessages';
import type { AttemptFailure, RetryMode } from './retryPolicy';
import { backoffDelayMs, isRetryable, mayHaveActed, parseRetryAfterMs } from './retryPolicy';
import type { TransportSettings } from './settings';

export const CREDENTIAL_TYPE = 'deepIdvApi';

export interface ApiRequest {
	method: IHttpRequestMethods;
	/** Path below the base URL, starting with /v1, with every ID already URL-encoded. */
	path: string;
	body?: IDataObject;
	/** A body already serialised as JSON, sent as it is (and again on a retry) instead of `body`. */
	jsonBody?: Buffer;
	qs?: IDataObject;
	/** Extra request headers, e.g. an Idempotency-Key. The API key header cannot be set here. */
	headers?: Record<string, string>;
	retry: RetryMode;
	failure?: FailureContext;
	/**
	 * For a request that is not repeated once DeepIDV may have acted on it: after such an ambiguous
	 * failure (server error, timeout, dropped connection), looks up whether DeepIDV did act. Returns
	 * what to answer instead of failing (DeepIDV did act), or undefined when it certainly did not, in
	 * which case the request is repeated like any other (within Max Retries).
	 */
	resolveAmbiguous?: () => Promise<IDataObject | undefined>;
	/**
	 * DeepIDV's documented non-2xx answers that the caller deals with itself, neither failed nor
	 * repeated here (e.g. AML ingest's 413 "split the batch", or its 429 monthly quota, which is not
	 * the rate limit): returns what to answer for such a status and body, undefined for any other.
	 */
	documentedAnswer?: (status: number, body: unknown) => IDataObject | undefined;
	/** For answers whose 2xx status means something (201 new, 200 existing): builds the answer from status and body. */
	withStatus?: (status: number, body: IDataObject) => IDataObject;
}

type Context = IExecuteFunctions | ILoadOptionsFunctions;

/**
 * Sends one DeepIDV API call: paced by the process's pacer for the organisation (shared fairly with
 * the other executions on the same key), retried where that is safe,
 * and turned into a NodeApiError an ops person can act on when it finally fails.
 */
export async function deepIdvApiRequest(
	this: Context,
	request: ApiRequest,
	settings: TransportSettings,
	itemIndex?: number,
): Promise<IDataObject> {
	settings.credentials ??= this.getCredentials(CREDENTIAL_TYPE);
	const credentials = await settings.credentials;
	const apiKey = String(credentials.apiKey ?? '');
	let baseUrl: URL;
	try {
		baseUrl = parseBaseUrl(String(credentials.baseUrl ?? ''));
	} catch (error) {
		throw new NodeOperationError(this.getNode(), (error as Error).message, {
			itemIndex,
			description: 'Open the DeepIDV API credential and correct the Base URL.',
		});
	}
	settings.pacerEntry ??= OrganisationPacers.entry(baseUrl.href, apiKey, settings.perSecond, settings.burst);
	const url = `${baseUrl.href.replace(/\/+$/, '')}${request.path}`;
	const credentialRef = this.getNode().credentials?.[CREDENTIAL_TYPE];
	const credentialsDecrypted = {
		id: credentialRef?.id ?? '',
		name: credentialRef?.name ?? '',
		type: CREDENTIAL_TYPE,
		data: credentials,
	};

	const fail = (text: FailureText, attempts: number, errorResponse: JsonObject): never => {
		const suffix = attempts > 1 ? ` (after ${attempts} attempts)` : '';
		throw new NodeApiError(this.getNode(), errorResponse, {
			message: redact(`${text.message}${suffix}`, apiKey),
			description: redact(text.description, apiKey),
			httpCode: typeof errorResponse.status === 'number' ? String(errorResponse.status) : undefined,
			itemIndex,
		});
	};

	// Server errors and network failures may be repeated Max Retries times; 429s do not count
	// towards that (DeepIDV did not act on them) but end once the item has been held back by the
	// rate limit for longer than Max Retry Wait.
	let retries = 0;
	let rateLimitedSince: number | undefined;
	for (let attempts = 1; ; attempts++) {
		// Looked up at every attempt, not kept: a pacer left idle meanwhile may have been dropped.
		const pacer = organisationPacers.pacer(settings.pacerEntry, settings.perSecond, settings.burst);
		const permit = await pacer.take(settings);
		let response: IN8nHttpFullResponse;
		try {
			response = (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, {
				method: request.method,
				url,
				body: request.jsonBody ?? request.body,
				...(request.jsonBody && { headers: { 'Content-Type': 'application/json' } }),
				qs: request.qs,
				...(request.headers && { headers: request.headers }),
				json: true,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				timeout: settings.timeoutMs,
			}, { credentialsDecrypted })) as IN8nHttpFullResponse;
		} catch (error) {
			permit.failed();
			const network = classifyNetworkError(error);
			const failure: AttemptFailure = { kind: 'network', network };
			const maybeActed = network !== 'refused' && network !== 'dns';
			if (retries < settings.maxRetries && isRetryable(request.retry, failure)) {
				await sleep(backoffDelayMs(retries++, settings.initialRetryDelayMs, settings.maxBackoffMs));
				continue;
			}
			if (maybeActed && retries < settings.maxRetries && request.resolveAmbiguous) {
				const resolved = await request.resolveAmbiguous();
				if (resolved) return resolved;
				await sleep(backoffDelayMs(retries++, settings.initialRetryDelayMs, settings.maxBackoffMs));
				continue;
			}
			const text = networkFailureText(network, baseUrl.origin, settings.timeoutMs);
			return fail(withMaybeActedHint(text, request, maybeActed), attempts, { network });
		}

		const status = response.statusCode;
		const documented = status >= 300 ? request.documentedAnswer?.(status, response.body) : undefined;
		if (status === 429 && !documented) permit.rateLimited();
		else permit.answered();
		if (status >= 200 && status < 300) {
			const body = (response.body ?? {}) as IDataObject;
			return request.withStatus ? request.withStatus(status, body) : body;
		}
		if (documented) return documented;

		const errorResponse: JsonObject = { status, error: serverMessage(response.body) ?? null, ...documentedDetails(response.body) };
		if (status === 429) {
			const now = Date.now();
			rateLimitedSince ??= now;
			const waitedMs = now - rateLimitedSince;
			const retryAfterMs = parseRetryAfterMs(response.headers?.['retry-after']);
			if (retryAfterMs !== undefined && retryAfterMs > settings.maxRetryWaitMs) {
				return fail(retryAfterTooLong(retryAfterMs, settings.maxRetryWaitMs), attempts, errorResponse);
			}
			if (waitedMs + (retryAfterMs ?? 0) > settings.maxRetryWaitMs) {
				return fail(rateLimitOutlasted(response.body, settings.maxRetryWaitMs), attempts, errorResponse);
			}
			// Without Retry-After the slowed-down limiter decides when this item goes again.
			if (retryAfterMs) await sleep(retryAfterMs);
			continue;
		}
		const failure: AttemptFailure = { kind: 'http', status };
		if (retries < settings.maxRetries && isRetryable(request.retry, failure)) {
			await sleep(backoffDelayMs(retries++, settings.initialRetryDelayMs, settings.maxBackoffMs));
			continue;
		}
		if (mayHaveActed(request.retry, status) && retries < settings.maxRetries && request.resolveAmbiguous) {
			const resolved = await request.resolveAmbiguous();
			if (resolved) return resolved;
			await sleep(backoffDelayMs(retries++, settings.initialRetryDelayMs, settings.maxBackoffMs));
			continue;
		}
		const text = httpFailureText(status, response.body, request.failure ?? {});
		return fail(withMaybeActedHint(text, request, mayHaveActed(request.retry, status)), attempts, errorResponse);
	}
}

/**
 * The fields of DeepIDV's error answers that say more than their words and that an operation acts
 * on, kept on the error: the Workflow Runner's `failure_reason` (a 409 that means "not ready yet"),
 * `current_step`, `invalid_steps`, `invalid_slots` and `allowed_slots`.
 */
const DOCUMENTED_DETAILS = ['failure_reason', 'current_step', 'step_id', 'invalid_steps', 'invalid_slots', 'allowed_slots'];

function documentedDetails(body: unknown): JsonObject {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return {};
	const details: JsonObject = {};
	for (const key of DOCUMENTED_DETAILS) {
		const value = (body as IDataObject)[key];
		if (value !== undefined) details[key] = value as JsonObject[string];
	}
	return details;
}

/** For a request that is never repeated once received, says that DeepIDV may have acted on it. */
function withMaybeActedHint(text: FailureText, request: ApiRequest, maybeActed: boolean): FailureText {
	const hint = request.failure?.maybeActedHint;
	if (!hint || !maybeActed || request.retry === 'idempotent') return text;
	return { ...text, description: hint };
}

function seconds(ms: number): string {
	const value = ms / 1000;
	return `${value} second${value === 1 ? '' : 's'}`;
}

function rateLimitOutlasted(body: unknown, budgetMs: number): FailureText {
	const said = serverMessage(body);
	return {
		message: `DeepIDV's rate limit was reached${said ? `: ${said}` : ''}, and it still was after ${seconds(budgetMs)} of retrying`,
		description:
			"DeepIDV allows 25 requests per second and 10,000 per day per organisation, shared by every workflow using the API key. Run the workflow again when the others have finished, or raise 'Max Retry Wait (Seconds)' in the node options so items wait longer.",
	};
}

function retryAfterTooLong(waitMs: number, capMs: number): FailureText {
	return {
		message: `DeepIDV asked to wait ${Math.ceil(waitMs / 1000)} seconds before trying again, longer than the ${capMs / 1000} seconds allowed by 'Max Retry Wait (Seconds)'`,
		description:
			"The daily request quota (10,000 per organisation) may be used up. Run the workflow again later, or raise 'Max Retry Wait (Seconds)' in the node options.",
	};
}

/** Belt and braces: the key never appears in what the node reports, whatever the server echoed. */
function redact(text: string, apiKey: string): string {
	return apiKey.length >= 4 ? text.split(apiKey).join('[redacted]') : text;
}
