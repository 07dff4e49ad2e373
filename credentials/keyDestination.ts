import type { IHttpRequestOptions } from 'n8n-workflow';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether a host name is this computer, where plain HTTP cannot be intercepted. */
export function isLoopbackHost(hostname: string): boolean {
	return LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/**
 * Parses the credential's Base URL. Throws a message an ops person can act on when it is not
 * an absolute https URL (or http to this computer).
 */
export function parseBaseUrl(baseUrl: string): URL {
	const trimmed = baseUrl.trim();
	if (!URL.canParse(trimmed)) {
		throw new Error(
			`The Base URL "${baseUrl}" in the DeepIDV credential is not a valid URL. Use https://api.deepidv.com unless you run a local sandbox.`,
		);
	}
	const url = new URL(trimmed);
	const secure = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
	if (!secure) {
		throw new Error(
			`The Base URL "${url.origin}" in the DeepIDV credential must start with https:// (plain http is only allowed for localhost), so the API key is never sent unencrypted.`,
		);
	}
	return url;
}

/** The URL a request goes to, joining `baseURL` and `url` the way n8n's HTTP client does. */
function requestUrl({ url, baseURL }: IHttpRequestOptions, base: URL): URL {
	if (/^[a-z][a-z\d+.-]*:/i.test(url)) return new URL(url);
	const prefix = (baseURL ?? base.href).replace(/\/+$/, '');
	return new URL(`${prefix}/${url.replace(/^\/+/, '')}`);
}

/** Refuses to attach the API key to a request that does not go to the configured base URL. */
export function assertKeyDestination(baseUrl: string, requestOptions: IHttpRequestOptions): void {
	const base = parseBaseUrl(baseUrl);
	const target = requestUrl(requestOptions, base);
	const basePath = base.pathname.replace(/\/+$/, '');
	if (target.origin !== base.origin || !target.pathname.startsWith(basePath)) {
		throw new Error(
			`The DeepIDV API key is only sent to the credential's Base URL (${base.origin}); a request to ${target.origin} was stopped.`,
		);
	}
}
