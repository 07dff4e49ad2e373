// @ts-check
'use strict';

/**
 * `npm run lint` ends with scripts/verification-gate.mjs: the lint n8n's verification scanner
 * (@n8n/scan-community-package) runs on a package's source and tarball. That it passes on this
 * package is `npm run lint` itself; these tests prove it refuses what n8n would refuse, in
 * throwaway copies, eslint-disable comments notwithstanding. Each refusal must be the one planted
 * and nothing else, so a gate that refuses everything fails them too. Needs the build (`npm test`
 * builds first).
 */

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const { packPackage } = require('../../scripts/pack');

const ROOT = path.resolve(__dirname, '..', '..');
const GATE = path.join(ROOT, 'scripts', 'verification-gate.mjs');

/** Runs the gate; its exit status and the scanner's report. @param {string[]} args */
function gate(args) {
	const run = spawnSync(process.execPath, [GATE, ...args], { cwd: ROOT, encoding: 'utf8' });
	return { status: run.status, report: `${run.stdout}${run.stderr}` };
}

/** The shipped source as the scanner fetches it: package.json, nodes/, credentials/, icons/. */
function sourceCopy() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deepidv-gate-source-'));
	for (const entry of ['package.json', 'nodes', 'credentials', 'icons']) {
		fs.cpSync(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
	}
	return dir;
}

/** @param {string} file @param {(text: string) => string} change */
function edit(file, change) {
	fs.writeFileSync(file, change(fs.readFileSync(file, 'utf8')));
}

const TIMER = '// eslint-disable-next-line\nsetTimeout(() => undefined, 1);\n';
const TIMER_REFUSED = "Use of restricted global 'setTimeout' is not allowed";

describe('the n8n verification gate (scripts/verification-gate.mjs)', () => {
	/** @type {string[]} */
	const scratch = [];
	afterAll(() => scratch.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

	it('refuses a node source that uses setTimeout, behind an eslint-disable comment', () => {
		const dir = sourceCopy();
		scratch.push(dir);
		const node = path.join(dir, 'nodes', 'DeepIdv', 'DeepIdv.node.ts');
		edit(node, (text) => text.replace('export class DeepIdv ', `${TIMER}export class DeepIdv `));
		const line = fs.readFileSync(node, 'utf8').split('\n').indexOf('setTimeout(() => undefined, 1);') + 1;

		const { status, report } = gate(['--source', dir]);

		expect(status).toBe(1);
		expect(report).toContain('❌ n8n verification scan failed: source');
		expect(report).toContain(`${node}\n  ${line}:1  error  ${TIMER_REFUSED}`);
		expect(report).toContain('@n8n/community-nodes/no-restricted-globals');
		expect(report).toContain('1 problem (1 error, 0 warnings)');
	}, 120_000);

	it('refuses a package.json with a runtime dependency', () => {
		const dir = sourceCopy();
		scratch.push(dir);
		edit(path.join(dir, 'package.json'), (text) => JSON.stringify({ ...JSON.parse(text), dependencies: { lodash: '4.17.21' } }, null, 2));

		const { status, report } = gate(['--source', dir]);

		expect(status).toBe(1);
		expect(report).toContain('The "dependencies" field must be empty or absent in community node packages');
		expect(report).toContain('@n8n/community-nodes/no-runtime-dependencies');
		expect(report).toContain('1 problem (1 error, 0 warnings)');
	}, 120_000);

	it('refuses a tarball whose compiled JavaScript uses setTimeout, though the source is clean', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deepidv-gate-tarball-'));
		scratch.push(dir);
		const packed = packPackage({ build: false, destination: dir });
		fs.mkdirSync(path.join(dir, 'unpacked'));
		spawnSync('tar', ['-xzf', packed, '-C', path.join(dir, 'unpacked')], { stdio: 'inherit' });
		edit(path.join(dir, 'unpacked', 'package', 'dist', 'nodes', 'DeepIdv', 'transport', 'request.js'), (text) => `${text}\n${TIMER}`);
		const tampered = path.join(dir, 'tampered.tgz');
		spawnSync('tar', ['-czf', tampered, '-C', path.join(dir, 'unpacked'), 'package'], { stdio: 'inherit' });

		const { status, report } = gate(['--tarball', tampered]);

		expect(status).toBe(1);
		expect(report).toContain('❌ n8n verification scan failed: tarball (tampered.tgz)');
		expect(report).toMatch(/dist\/nodes\/DeepIdv\/transport\/request\.js\n +\d+:1 +error +Use of restricted global 'setTimeout'/);
		expect(report).toContain('1 problem (1 error, 0 warnings)');
	}, 120_000);
});
