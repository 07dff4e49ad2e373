#!/usr/bin/env node
// n8n's verification gate, run before publishing: the lint of @n8n/scan-community-package (the
// scanner n8n verifies community packages with), on the source (package.json, nodes/,
// credentials/) and on the packed, extracted tarball, exactly as the scanner runs it on a
// published version: its own rule sets, eslint-disable comments ignored. Exits 1 on any error,
// printing the scanner's report.
//
//   node scripts/verification-gate.mjs                   this package (builds and packs it)
//   node scripts/verification-gate.mjs --source DIR      another source folder
//   node scripts/verification-gate.mjs --tarball FILE    another packed .tgz
//   (with only one of the two options, only that side is scanned)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

// eslint-plugin-n8n-nodes-base checks fixed test file names instead of the real ones when NODE_ENV is
// "test" (its own test setting, e.g. under jest); n8n's scan never runs with it. The scanner loads
// the plugin only when it lints, so this is in time.
delete process.env.NODE_ENV;

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/** The patterns the scanner applies to the published tarball (scanner.mjs, analyzePackageByName). */
const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];

/**
 * @template T
 * @param {string} tarball @param {(dir: string) => Promise<T>} use
 */
async function withExtracted(tarball, use) {
	const dir = mkdtempSync(path.join(tmpdir(), 'deepidv-gate-'));
	try {
		execFileSync('tar', ['-xzf', tarball, '-C', dir, '--strip-components=1']);
		return await use(dir);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/** @param {string} label @param {{ passed: boolean, message?: string, details?: string }} result */
function report(label, result) {
	if (result.passed) {
		console.log(`✅ n8n verification scan passed: ${label}`);
		return true;
	}
	console.log(`❌ n8n verification scan failed: ${label}: ${result.message}`);
	if (result.details) console.log(result.details);
	return false;
}

const { values } = parseArgs({ options: { source: { type: 'string' }, tarball: { type: 'string' } } });
const scanBoth = values.source === undefined && values.tarball === undefined;
let passed = true;

if (scanBoth || values.source !== undefined) {
	const source = path.resolve(values.source ?? ROOT);
	passed = report(`source (${path.relative(ROOT, source) || '.'})`, await analyzePackage(source, SOURCE_FILE_PATTERNS)) && passed;
}
if (scanBoth || values.tarball !== undefined) {
	let tarball = values.tarball && path.resolve(values.tarball);
	let packedHere;
	if (!tarball) {
		const { packPackage } = require('./pack.js');
		tarball = packedHere = packPackage();
	}
	try {
		const result = await withExtracted(tarball, (dir) => analyzePackage(dir, TARBALL_FILE_PATTERNS));
		passed = report(`tarball (${path.basename(tarball)})`, result) && passed;
	} finally {
		if (packedHere) rmSync(path.dirname(packedHere), { recursive: true, force: true });
	}
}
process.exitCode = passed ? 0 : 1;
