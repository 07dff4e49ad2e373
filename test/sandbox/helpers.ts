import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Sandbox } from '../../sandbox';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests probe parsed JSON field by field
export type Json = any;

export interface Answer {
	status: number;
	headers: Headers;
	text: string;
	json: Json;
}

export interface CallOptions {
	/** API key; `null` sends none. Default: the live key. */
	key?: string | null;
	body?: unknown;
	/** Sent verbatim (for malformed JSON). */
	rawBody?: string;
	query?: Record<string, string>;
}

/** The parsed JSON body of a fetch Response. */
export const jsonOf = (res: Response): Promise<Json> => res.json();

/** One request to the sandbox with Node's global fetch. */
export async function call(sb: Sandbox, method: string, path: string, options: CallOptions = {}): Promise<Answer> {
	const key = options.key === undefined ? sb.keys.live : options.key;
	const headers: Record<string, string> = {};
	if (key !== null) headers['x-api-key'] = key;
	let body: string | undefined = options.rawBody;
	if (options.body !== undefined) body = JSON.stringify(options.body);
	if (body !== undefined) headers['content-type'] = 'application/json';
	const query = options.query ? `?${new URLSearchParams(options.query)}` : '';
	const res = await fetch(`${sb.url}${path}${query}`, { method, headers, body });
	const text = await res.text();
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: res.status, headers: res.headers, text, json };
}

export const validPerson = { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', phone: '+14155552671' };

export interface Received {
	headers: IncomingMessage['headers'];
	body: Json;
}

/** A webhook receiver answering with the given statuses in turn (the last one repeats). */
export async function startReceiver(statuses: number[] = [200]) {
	const received: Received[] = [];
	const server: Server = createServer((req, res) => {
		let body = '';
		req.on('data', (chunk) => (body += chunk));
		req.on('end', () => {
			received.push({ headers: req.headers, body: JSON.parse(body) });
			res.statusCode = statuses[Math.min(received.length - 1, statuses.length - 1)];
			res.end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/hook`,
		received,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

/** Polls until the condition holds (webhooks are asynchronous). */
export async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
	const start = Date.now();
	while (!condition()) {
		if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}
