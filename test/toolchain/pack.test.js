// @ts-check
'use strict';

/**
 * What `npm publish` would upload, read from `npm pack --dry-run --json` on the built package
 * (`npm test` builds before jest runs): the compiled nodes and credentials with their icons and
 * codex files, README, LICENSE, package.json and the empty `main` entry point — no TypeScript
 * sources, source maps, tests, sandbox or scripts. n8n loads the files package.json names, so
 * each of them must be in it.
 */

const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const manifest = require('../../package.json');

/** Every file below `dir` (relative to ROOT), recursively. @param {string} dir @returns {string[]} */
function filesUnder(dir) {
	return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
		const relative = path.posix.join(dir, entry.name);
		return entry.isDirectory() ? filesUnder(relative) : [relative];
	});
}

/** The dist/ files the build makes from the sources: tsc's .js and .d.ts, gulp's icons (icons/), the codex JSON. */
function expectedDist() {
	return ['nodes', 'credentials', 'icons'].flatMap(filesUnder).flatMap((source) => {
		if (/\.ts$/.test(source)) return [`dist/${source.replace(/\.ts$/, '.js')}`, `dist/${source.replace(/\.ts$/, '.d.ts')}`];
		if (/\.(svg|png|json)$/.test(source)) return [`dist/${source}`];
		return [];
	});
}

describe('the published package (npm pack)', () => {
	/** @type {string[]} */
	let packed;
	beforeAll(() => {
		if (!fs.existsSync(path.join(ROOT, manifest.n8n.nodes[0]))) {
			throw new Error('dist/ is not built: run `npm run build` first (npm test does)');
		}
		const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
		const [{ files }] = JSON.parse(output);
		packed = files.map((/** @type {{ path: string }} */ file) => file.path).sort();
	});

	it('holds exactly the built nodes and credentials, README, LICENSE, package.json and the main entry point', () => {
		expect(packed).toEqual(['LICENSE', 'README.md', manifest.main, 'package.json', ...expectedDist()].sort());
	});

	it('has no TypeScript sources, source maps, tests, example workflows or development files', () => {
		expect(packed.filter((file) => /(?<!\.d)\.ts$|\.map$|\.test\.|^(test|sandbox|scripts|docs|examples|\.github|\.ci)\//.test(file))).toEqual([]);
	});

	it('contains every node and credential file package.json tells n8n to load', () => {
		const listed = [...manifest.n8n.nodes, ...manifest.n8n.credentials];
		expect(listed.length).toBeGreaterThan(0);
		expect(listed.filter((file) => !packed.includes(file))).toEqual([]);
	});
});
