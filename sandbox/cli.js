#!/usr/bin/env node
// @ts-check
'use strict';
// Runs the local DeepIDV sandbox server until SIGINT/SIGTERM (wired as `npm run sandbox`).
const { parseArgs } = require('node:util');
const { startSandbox } = require('./index');

const USAGE = `Usage: node sandbox/cli.js [--port 4010] [--host 127.0.0.1] [--latency MS] [--no-rate-limit]
       [--rate 25] [--burst 35] [--per-day 10000] [--retry-after seconds|http-date] [--quiet]
The port may also come from DEEPIDV_SANDBOX_PORT.`;

/**
 * @param {string} flag
 * @param {string} text
 */
function toNumber(flag, text) {
	const value = Number(text);
	if (text.trim() === '' || !Number.isFinite(value)) throw new TypeError(`${flag} must be a number, got "${text}"`);
	return value;
}

async function main() {
	const { values } = parseArgs({
		options: {
			port: { type: 'string' },
			host: { type: 'string' },
			latency: { type: 'string' },
			'no-rate-limit': { type: 'boolean' },
			rate: { type: 'string' },
			burst: { type: 'string' },
			'per-day': { type: 'string' },
			'retry-after': { type: 'string' },
			quiet: { type: 'boolean' },
			help: { type: 'boolean', short: 'h' },
		},
	});
	if (values.help) {
		console.log(USAGE);
		return;
	}
	const limits = /** @type {const} */ ([['rate', 'perSecond'], ['burst', 'burst'], ['per-day', 'perDay']]);
	const rateLimit = values['no-rate-limit']
		? false
		: Object.fromEntries(limits.flatMap(([flag, key]) => (values[flag] === undefined ? [] : [[key, toNumber(`--${flag}`, values[flag])]])));
	const sb = await startSandbox({
		host: values.host,
		port: toNumber('--port', values.port ?? process.env.DEEPIDV_SANDBOX_PORT ?? '4010'),
		latencyMs: values.latency === undefined ? undefined : toNumber('--latency', values.latency),
		rateLimit,
		retryAfter: /** @type {false | 'seconds' | 'http-date'} */ (values['retry-after'] ?? false),
		quiet: values.quiet ?? false,
	});
	console.log(`DeepIDV sandbox listening on ${sb.url}  (use it as the base URL instead of https://api.deepidv.com)`);
	console.log(`  live key:    ${sb.keys.live}`);
	console.log(`  sandbox key: ${sb.keys.sandbox}   (documented Sandbox API Key: fixtures only, writes → 403)`);
	console.log(`  Upload host (presigned upload URLs, like S3): ${sb.uploadUrl}`);
	console.log(`  Control routes (not DeepIDV API): ${sb.url}/__sandbox/{requests,uploads,stats,deliveries,config,faults,webhooks,sessions/<id>/submit|fail}`);
	let stopping = false;
	const stop = () => {
		if (stopping) process.exit(1); // second signal: don't wait any longer
		stopping = true;
		void sb.close();
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((err) => {
	console.error(`deepidv sandbox: ${err.message}`);
	console.error(USAGE);
	process.exitCode = 1;
});
