import type { IDataObject } from 'n8n-workflow';

/** What an operation adds to error messages: how to name the thing it works on, how to fix input. */
export interface FailureContext {
	/** Message for a 404, e.g. 'Session "abc" was not found in DeepIDV'. */
	notFound?: string;
	/** How to fix a 404, naming the parameter. */
	notFoundHint?: string;
	/** How to fix a 400, naming the parameters involved. */
	invalidHint?: string;
	/**
	 * What to do when a request that must not be repeated failed after DeepIDV may have acted on
	 * it (server error, timeout, dropped connection), replacing the usual "run it again".
	 */
	maybeActedHint?: string;
}

export interface FailureText {
	message: string;
	description: string;
}

export type NetworkFailureKind = 'timeout' | 'refused' | 'dns' | 'reset' | 'other';

const SANDBOX_WRITE = /sandbox api key/i;

/** The server's own words, from any of the documented error shapes (plain text, error, message, detail). */
export function serverMessage(body: unknown): string | undefined {
	if (typeof body === 'string') return body.trim() || undefined;
	if (!body || typeof body !== 'object') return undefined;
	const data = body as IDataObject;
	const text = [data.message, data.error, data.detail].find((value) => typeof value === 'string');
	const hints = Array.isArray(data.hints) ? data.hints.map(describeHint).filter(Boolean) : [];
	if (hints.length === 0) return text as string | undefined;
	return `${(text as string | undefined) ?? 'Invalid request'} (${hints.join('; ')})`;
}

function describeHint(hint: unknown): string {
	if (!hint || typeof hint !== 'object') return typeof hint === 'string' ? hint : '';
	const { path, message } = hint as IDataObject;
	const where = Array.isArray(path) && path.length > 0 ? `${path.join('.')}: ` : '';
	return typeof message === 'string' ? `${where}${message}` : '';
}

export function httpFailureText(status: number, body: unknown, context: FailureContext): FailureText {
	const said = serverMessage(body);
	const quoted = said ? `: ${said}` : '';
	switch (status) {
		case 400:
			return {
				message: `DeepIDV rejected the request as invalid${quoted}`,
				description: context.invalidHint ?? 'Check the values in the node parameters.',
			};
		case 401:
			return {
				message: 'DeepIDV did not accept the API key',
				description:
					'Open the DeepIDV API credential and enter a current API key from the DeepIDV Admin Console.',
			};
		case 402:
			return {
				message: `DeepIDV refused the request for billing reasons${quoted}`,
				description:
					'Your DeepIDV organisation has run out of prepaid tokens or has no active subscription. Top up or renew in the DeepIDV Admin Console, then run the workflow again.',
			};
		case 403:
			return {
				message: `DeepIDV refused access${quoted}`,
				description: SANDBOX_WRITE.test(said ?? '')
					? 'A sandbox API key can only read DeepIDV test data. Put a live API key in the DeepIDV API credential to change sessions.'
					: 'The API key is missing, or it belongs to an organisation that does not own this resource. Use a key from the organisation that owns it.',
			};
		case 404:
			return {
				message: context.notFound ?? `DeepIDV could not find what was asked for${quoted}`,
				description: context.notFoundHint ?? 'Check the IDs in the node parameters.',
			};
		case 409:
			return {
				message: `DeepIDV refused the change because of the current state${quoted}`,
				description: 'Get the latest state from DeepIDV and check that this step is still allowed.',
			};
		case 429:
			return {
				message: `DeepIDV's rate limit was reached${quoted}`,
				description:
					"DeepIDV allows 25 requests per second and 10,000 per day per organisation. Lower 'Max Requests per Second' in the node options, or run the workflow again later.",
			};
		default:
			if (status >= 500) {
				return {
					message: `DeepIDV had a server error (HTTP ${status})${quoted}`,
					description:
						'This is usually temporary. Run the workflow again in a few minutes; if it keeps happening, contact DeepIDV support.',
				};
			}
			return {
				message: `DeepIDV answered with HTTP ${status}${quoted}`,
				description: 'Check the node parameters and the DeepIDV API documentation.',
			};
	}
}

export function networkFailureText(kind: NetworkFailureKind, origin: string, timeoutMs: number): FailureText {
	switch (kind) {
		case 'timeout':
			return {
				message: `DeepIDV did not answer within ${timeoutMs / 1000} seconds`,
				description: "Try again later, or raise 'Timeout (Seconds)' in the node options.",
			};
		case 'refused':
			return {
				message: `Could not connect to DeepIDV at ${origin}: the connection was refused`,
				description: 'Check the Base URL in the DeepIDV API credential and that the server is running.',
			};
		case 'dns':
			return {
				message: `Could not find the DeepIDV server at ${origin}`,
				description: 'Check the Base URL in the DeepIDV API credential for typos.',
			};
		case 'reset':
			return {
				message: 'The connection to DeepIDV was interrupted before it answered',
				description: 'This is usually a passing network problem. Run the workflow again.',
			};
		default:
			return {
				message: `Could not reach DeepIDV at ${origin}`,
				description: 'Check the Base URL in the DeepIDV API credential and your network connection.',
			};
	}
}

/** Sorts an error thrown by n8n's HTTP client into what a user (and the retry logic) cares about. */
export function classifyNetworkError(error: unknown): NetworkFailureKind {
	const codes: string[] = [];
	let current: unknown = error;
	for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
		const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown };
		if (typeof code === 'string') codes.push(code.toUpperCase());
		if (typeof message === 'string' && /timeout/i.test(message)) codes.push('TIMEOUT');
		current = cause;
	}
	const has = (...names: string[]) => names.some((name) => codes.includes(name));
	if (has('ECONNREFUSED')) return 'refused';
	if (has('ENOTFOUND', 'EAI_AGAIN')) return 'dns';
	if (has('ECONNABORTED', 'ETIMEDOUT', 'TIMEOUT')) return 'timeout';
	if (has('ECONNRESET', 'EPIPE', 'ERR_BAD_RESPONSE', 'ECONNCLOSED')) return 'reset';
	return 'other';
}
