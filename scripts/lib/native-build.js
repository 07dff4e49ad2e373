// @ts-check
'use strict';

/**
 * Compiles n8n's sqlite3 for the toolchain's Node. sqlite3 is the one native module n8n needs that
 * ships no binary for this platform (its install script would download one from GitHub, which is
 * unreachable here), so it is built from source with node-gyp against the cached Node's headers.
 *
 * node-gyp is run directly, by the cached Node, rather than through `npm rebuild`: npm decides
 * whether to run install scripts from its configuration and its allowScripts policy, and an
 * `ignore-scripts` leaking in from the project's .npmrc once turned the rebuild into a silent no-op.
 * Calling the compiler ourselves leaves npm nothing to decide.
 */

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { aptInstall, onPath, AptUnavailableError } = require('./apt');

/** What node-gyp needs to compile sqlite3 (C and C++), and the Debian packages that provide it. */
const BUILD_TOOLS = [
	{ command: 'python3', debian: 'python3' },
	{ command: 'make', debian: 'make' },
	{ command: 'gcc', debian: 'gcc' },
	{ command: 'g++', debian: 'g++' },
];

class BuildToolsMissingError extends Error {}

/**
 * Makes sure python3, make, gcc and g++ are on PATH, installing the missing ones with apt-get where
 * this process may.
 * @param {{ has?: (command: string) => boolean, install?: typeof aptInstall }} [deps]
 */
function ensureBuildTools({ has = onPath, install = aptInstall } = {}) {
	const missing = BUILD_TOOLS.filter(({ command }) => !has(command));
	if (missing.length === 0) return;
	const why = 'Compiling sqlite3 for n8n';
	try {
		install(
			missing.map(({ debian }) => debian),
			why,
		);
	} catch (error) {
		if (!(error instanceof AptUnavailableError)) throw error;
		throw new BuildToolsMissingError(error.message);
	}
	const still = missing.filter(({ command }) => !has(command));
	if (still.length > 0) {
		throw new BuildToolsMissingError(
			`${why} needs ${still.map(({ command }) => command).join(', ')}, still missing after apt-get`,
		);
	}
}

/**
 * Every sqlite3 package n8n can load: the one its own folder resolves, and the one its database
 * layer (TypeORM) resolves, which differ if npm could not hoist them into one copy.
 * @param {string} n8nPackageJson
 * @returns {string[]} package folders
 */
function sqlite3Folders(n8nPackageJson) {
	const folders = new Set();
	const fromN8n = path.dirname(n8nPackageJson);
	const starts = [fromN8n];
	try {
		starts.push(path.dirname(require.resolve('typeorm/package.json', { paths: [fromN8n] })));
	} catch {
		// no TypeORM of its own: n8n's copy is the one
	}
	for (const start of starts) {
		try {
			folders.add(path.dirname(require.resolve('sqlite3/package.json', { paths: [start] })));
		} catch {
			// not resolvable from here
		}
	}
	if (folders.size === 0) throw new Error(`n8n's folder has no sqlite3 package (looked from ${fromN8n})`);
	return [...folders];
}

/**
 * @param {{ nodeBin: string, nodeHome: string, nodeGyp: string, n8nRoot: string, n8nPackageJson: string, env: NodeJS.ProcessEnv }} toolchain
 * @param {(message: string) => void} log
 */
function buildSqlite3({ nodeBin, nodeHome, nodeGyp, n8nRoot, n8nPackageJson, env }, log) {
	ensureBuildTools();
	// The compiler's many warnings go to a log file; only a failure shows them.
	const buildLog = path.join(n8nRoot, 'sqlite3-build.log');
	for (const folder of sqlite3Folders(n8nPackageJson)) {
		const args = [nodeGyp, 'rebuild', `--nodedir=${nodeHome}`, `--jobs=${Math.max(1, os.availableParallelism())}`];
		log(`compiling sqlite3 in ${folder} (about 2 minutes on 2 cores; log: ${buildLog})…`);
		const out = fs.openSync(buildLog, 'a');
		const result = spawnSync(nodeBin, args, { cwd: folder, env, stdio: ['ignore', out, out] });
		fs.closeSync(out);
		if (result.status !== 0) {
			const tail = fs.readFileSync(buildLog, 'utf8').trim().split('\n').slice(-25).join('\n');
			throw new Error(`node-gyp could not compile sqlite3 in ${folder} (exit ${result.status ?? result.signal}). The end of ${buildLog}:\n${tail}\n`);
		}
		if (!fs.existsSync(path.join(folder, 'build', 'Release', 'node_sqlite3.node'))) {
			throw new Error(`node-gyp finished but ${folder}/build/Release/node_sqlite3.node is missing`);
		}
	}
}

module.exports = { buildSqlite3, ensureBuildTools, sqlite3Folders, BuildToolsMissingError, BUILD_TOOLS };
