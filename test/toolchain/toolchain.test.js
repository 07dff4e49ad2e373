// @ts-check
'use strict';

/**
 * The toolchain's cache logic, with real processes but a fake n8n: the installers are replaced by
 * ones that write a tiny n8n folder (a `bin/n8n` script and stand-ins for its native modules), and
 * this test's own Node plays the cached Node. The proof itself is the real one.
 */

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ensureToolchain, layout, MARKER, ToolchainError } = require('../../scripts/lib/toolchain');

const VERSION = '9.9.9';
const release = { node: process.versions.node };

/** @param {string} file @param {string} text */
function write(file, text, mode = 0o644) {
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, text, { mode });
}

/**
 * A fake n8n install. `sqlite3Built: false` leaves sqlite3 as the ignore-scripts bug left it: the
 * JavaScript is there, its compiled binding is not.
 * @param {ReturnType<typeof layout>} paths
 */
function writeFakeN8n(paths, { sqlite3Built = true, version = VERSION } = {}) {
	const modules = path.join(paths.n8nRoot, 'node_modules');
	write(paths.n8nPackageJson, JSON.stringify({ name: 'n8n', version }));
	write(paths.n8nBin, `#!${process.execPath}\nprocess.stdout.write('${version}\\n');\n`, 0o755);
	write(path.join(modules, 'isolated-vm', 'package.json'), JSON.stringify({ name: 'isolated-vm', main: 'index.js' }));
	write(path.join(modules, 'isolated-vm', 'index.js'), 'module.exports = {};\n');
	write(path.join(modules, 'sqlite3', 'package.json'), JSON.stringify({ name: 'sqlite3', main: 'index.js' }));
	write(path.join(modules, 'sqlite3', 'index.js'), "module.exports = require('./build/Release/binding.js');\n");
	if (sqlite3Built) write(path.join(modules, 'sqlite3', 'build', 'Release', 'binding.js'), 'module.exports = {};\n');
}

/** @param {ReturnType<typeof layout>} paths */
function writeFakeNode(paths) {
	fs.mkdirSync(path.dirname(paths.nodeBin), { recursive: true });
	fs.symlinkSync(process.execPath, paths.nodeBin);
	write(paths.nodeGyp, '// node-gyp stand-in\n');
}

describe('toolchain cache', () => {
	/** @type {string} */
	let cache;
	/** @type {string[]} */
	let logged;
	/** @type {string[]} */
	let installs;
	const log = (/** @type {string} */ message) => logged.push(message);

	beforeEach(() => {
		cache = fs.mkdtempSync(path.join(os.tmpdir(), 'deepidv-toolchain-test-'));
		logged = [];
		installs = [];
	});
	afterEach(() => fs.rmSync(cache, { recursive: true, force: true }));

	/** @param {{ sqlite3Built?: boolean }} [n8nInstall] what the (fake) n8n installer produces */
	const run = (n8nInstall = {}) =>
		ensureToolchain({
			n8nVersion: VERSION,
			cache,
			release,
			log,
			install: {
				node: (toolchain) => {
					installs.push('node');
					writeFakeNode(toolchain);
				},
				n8n: (toolchain) => {
					installs.push('n8n');
					writeFakeN8n(toolchain, n8nInstall);
				},
			},
		});

	it('installs into an empty cache, proves it, and marks it ready', () => {
		const toolchain = run();
		expect(installs).toEqual(['node', 'n8n']);
		expect(fs.existsSync(path.join(toolchain.n8nRoot, MARKER))).toBe(true);
		expect(fs.existsSync(path.join(toolchain.nodeRoot, MARKER))).toBe(true);
		expect(logged.some((line) => line.startsWith(`installing n8n ${VERSION} into`))).toBe(true);
	});

	it('reuses a proven cache without installing anything', () => {
		run();
		installs = [];
		logged = [];
		run();
		expect(installs).toEqual([]);
		expect(logged).toEqual([
			expect.stringMatching(new RegExp(`^n8n ${VERSION} on Node ${release.node} proven \\(sqlite3, isolated-vm, n8n --version\\) in `)),
		]);
	});

	it('rejects a cache marked complete whose sqlite3 build is missing, says so in one line, and reinstalls it', () => {
		const paths = layout(cache, VERSION, release);
		writeFakeNode(paths);
		fs.writeFileSync(path.join(paths.nodeRoot, MARKER), 'old\n');
		writeFakeN8n(paths, { sqlite3Built: false }); // what `npm rebuild` under ignore-scripts left behind
		fs.writeFileSync(path.join(paths.n8nRoot, MARKER), 'old\n');

		const toolchain = run();

		expect(installs).toEqual(['n8n']);
		const complaints = logged.filter((line) => line.includes('cannot load'));
		expect(complaints).toHaveLength(1);
		expect(complaints[0]).toMatch(new RegExp(`^the cached n8n ${VERSION} cannot load sqlite3; reinstalling \\(.*build/Release/binding\\.js`));
		expect(fs.existsSync(path.join(toolchain.n8nRoot, 'node_modules', 'sqlite3', 'build', 'Release', 'binding.js'))).toBe(true);
	});

	it('never marks an install that fails its proof as ready, and says what failed', () => {
		expect(() => run({ sqlite3Built: false })).toThrow(ToolchainError);
		const paths = layout(cache, VERSION, release);
		expect(fs.existsSync(path.join(paths.n8nRoot, MARKER))).toBe(false);
		let message = '';
		try {
			run({ sqlite3Built: false });
		} catch (error) {
			message = /** @type {Error} */ (error).message;
		}
		expect(message).toMatch(new RegExp(`^The freshly installed n8n ${VERSION} cannot load sqlite3:\\n`));
		expect(message).toContain(`delete ${cache} and run again`);
		expect(message).toContain('python3, make and g++');
	});

	it('rejects a cached n8n that does not answer `n8n --version` with its version', () => {
		run();
		const paths = layout(cache, VERSION, release);
		fs.writeFileSync(paths.n8nBin, `#!${process.execPath}\nprocess.exit(3);\n`);
		installs = [];
		logged = [];
		run();
		expect(installs).toEqual(['n8n']);
		expect(logged.filter((line) => line.startsWith('the cached'))).toEqual([
			expect.stringMatching(new RegExp(`^the cached n8n ${VERSION} does not answer \`n8n --version\`; reinstalling`)),
		]);
	});

	it('reinstalls a folder left without its marker by an interrupted install', () => {
		const paths = layout(cache, VERSION, release);
		writeFakeNode(paths);
		fs.writeFileSync(path.join(paths.nodeRoot, MARKER), 'old\n');
		writeFakeN8n(paths); // complete files, but never marked: the install was cut off
		run();
		expect(installs).toEqual(['n8n']);
	});

	it('refuses an n8n version it does not know how to install', () => {
		expect(() => ensureToolchain({ n8nVersion: '0.0.1', cache, log })).toThrow(
			'n8n 0.0.1 is not one the toolchain can install (known: 2.41.1, 1.123.81)',
		);
	});
});

describe('build tools for sqlite3', () => {
	const { ensureBuildTools, BuildToolsMissingError } = require('../../scripts/lib/native-build');

	it('installs only the missing ones with apt-get', () => {
		const present = new Set(['python3', 'make']);
		/** @type {string[][]} */
		const installed = [];
		ensureBuildTools({
			has: (command) => present.has(command),
			install: (packages) => {
				installed.push(packages);
				for (const name of packages) present.add(name);
			},
		});
		expect(installed).toEqual([['gcc', 'g++']]);
	});

	it('stops with one message naming what is missing and the command to run when apt-get is not possible', () => {
		const { aptInstall } = require('../../scripts/lib/apt');
		const notRoot = /** @type {typeof aptInstall} */ ((packages, why) => aptInstall(packages, why, { root: () => undefined }));
		const attempt = () => ensureBuildTools({ has: (command) => command === 'python3' || command === 'make', install: notRoot });
		expect(attempt).toThrow(BuildToolsMissingError);
		expect(attempt).toThrow(
			'Compiling sqlite3 for n8n needs gcc, g++, which this machine lacks, and this process cannot install Debian packages (not root, no password-less sudo). Run: sudo apt-get install -y gcc g++',
		);
	});

	it('does nothing when all are there', () => {
		const install = jest.fn();
		ensureBuildTools({ has: () => true, install });
		expect(install).not.toHaveBeenCalled();
	});
});
