#!/usr/bin/env node
// @ts-check
'use strict';

/**
 * Builds the package (`npm run build`: tsc + icons into dist/) and packs it with `npm pack` into a
 * fresh temp folder, exactly as it would be published. Prints (CLI) or returns the .tgz path.
 */

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..');

/** @param {{ build?: boolean, destination?: string }} [options] @returns {string} the .tgz path */
function packPackage({ build = true, destination } = {}) {
	if (build) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
	const folder = destination ?? fs.mkdtempSync(path.join(os.tmpdir(), 'deepidv-pack-'));
	const output = execFileSync('npm', ['pack', '--json', '--pack-destination', folder], {
		cwd: ROOT,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const [{ filename }] = JSON.parse(output);
	return path.join(folder, filename);
}

module.exports = { packPackage };

if (require.main === module) process.stdout.write(`${packPackage()}\n`);
