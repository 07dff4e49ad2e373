// @ts-check
'use strict';

/**
 * Preloaded into n8n's processes (NODE_OPTIONS=--require) when an instance records its outbound
 * connections: appends `host:port` of every TCP connection attempted to anything but this computer
 * to the file named by DEEPIDV_OUTBOUND_LOG, before DNS is asked, so attempts to unreachable hosts
 * are recorded too. HTTP clients (fetch/undici, axios, http, tls) all connect through
 * net.Socket.prototype.connect.
 */

const fs = require('node:fs');
const net = require('node:net');

const logFile = process.env.DEEPIDV_OUTBOUND_LOG;
const LOCAL_HOST = /^(localhost|127(\.\d+){3}|::1|::ffff:127(\.\d+){3}|0\.0\.0\.0)$/i;

if (logFile) {
	const connect = net.Socket.prototype.connect;
	/** @this {net.Socket} @param {any[]} args */
	net.Socket.prototype.connect = function recordedConnect(...args) {
		// net.connect() passes its normalized [options, callback] pair as one array argument.
		const first = Array.isArray(args[0]) ? args[0][0] : args[0];
		const options = typeof first === 'object' && first !== null ? first : { port: first, host: args[1] };
		if (options.path === undefined || options.path === null) {
			// a TCP connection, not a Unix socket
			const host = typeof options.host === 'string' && options.host !== '' ? options.host : 'localhost';
			if (!LOCAL_HOST.test(host.replace(/^\[|\]$/g, ''))) {
				fs.appendFileSync(logFile, `${host}:${options.port}\n`);
			}
		}
		return connect.apply(this, /** @type {any} */ (args));
	};
}
