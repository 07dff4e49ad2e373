// @ts-check
'use strict';

/**
 * Proves that a cached toolchain works, by using it: the cached Node reports the expected version,
 * loads n8n's native modules (sqlite3, which is compiled here, and isolated-vm, which ships
 * prebuilt binaries) from the n8n folder, and `n8n --version` answers. An install is only marked
 * ready after this passes, and it runs again every time the toolchain is used (about a second),
 * so a cache that a bug, a full disk or an interrupted build left broken is never trusted.
 */

const { spawnSync } = require('node:child_process');

/** The native modules n8n cannot start without. */
const NATIVE_MODULES = ['sqlite3', 'isolated-vm'];

/**
 * @typedef {{ summary: string, detail: string }} Problem
 *   `summary` completes "the cached n8n 2.41.1 …" (e.g. "cannot load sqlite3"); `detail` is the
 *   evidence (the first lines of the error).
 */

/** @param {string} text */
function firstLines(text, count = 3) {
	return text.trim().split('\n').slice(0, count).join('\n');
}

/**
 * @param {string} nodeBin @param {string} expectedVersion e.g. "24.21.0"
 * @returns {Problem | undefined}
 */
function proveNode(nodeBin, expectedVersion) {
	const result = spawnSync(nodeBin, ['--version'], { encoding: 'utf8', timeout: 15_000 });
	if (result.error) return { summary: 'cannot be started', detail: result.error.message };
	const version = (result.stdout ?? '').trim();
	if (result.status !== 0 || version !== `v${expectedVersion}`) {
		return { summary: `reports "${version}" instead of v${expectedVersion}`, detail: firstLines(result.stderr ?? '') };
	}
	return undefined;
}

// Runs inside the cached Node: loads each module as n8n would (resolved from n8n's own folder) and
// prints one JSON line of {name: error-or-null}.
const LOAD_SCRIPT = `
const { createRequire } = require('node:module');
const [from, ...names] = process.argv.slice(1);
const load = createRequire(from);
const result = {};
for (const name of names) {
	try { load(name); result[name] = null; } catch (error) { result[name] = String(error && error.message || error); }
}
process.stdout.write(JSON.stringify(result));
`;

/**
 * @param {{ nodeBin: string, n8nBin: string, n8nPackageJson: string, n8nVersion: string, env: NodeJS.ProcessEnv }} toolchain
 * @returns {Problem | undefined}
 */
function proveN8n({ nodeBin, n8nBin, n8nPackageJson, n8nVersion, env }) {
	const load = spawnSync(nodeBin, ['-e', LOAD_SCRIPT, n8nPackageJson, ...NATIVE_MODULES], {
		encoding: 'utf8',
		env,
		timeout: 30_000,
	});
	/** @type {Record<string, string | null>} */
	let loaded;
	try {
		loaded = JSON.parse(load.stdout);
	} catch {
		return { summary: 'cannot be loaded by its Node', detail: firstLines(`${load.stderr ?? ''}${load.error?.message ?? ''}`) };
	}
	for (const name of NATIVE_MODULES) {
		const error = loaded[name];
		if (error) return { summary: `cannot load ${name}`, detail: firstLines(error) };
	}

	const version = spawnSync(n8nBin, ['--version'], { encoding: 'utf8', env, timeout: 60_000 });
	const printed = (version.stdout ?? '').trim();
	if (version.status !== 0 || !printed.split(/\s+/).includes(n8nVersion)) {
		const evidence = firstLines(`${version.stderr ?? ''}\n${printed}\n${version.error?.message ?? ''}`);
		return { summary: 'does not answer `n8n --version`', detail: evidence };
	}
	return undefined;
}

module.exports = { proveNode, proveN8n, NATIVE_MODULES };
