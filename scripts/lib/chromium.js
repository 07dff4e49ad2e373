// @ts-check
'use strict';

/**
 * Debian's Chromium for the editor test (browser downloads by test tools do not work here, so the
 * distribution package is used). Installed with apt-get when it is missing or does not start.
 */

const fs = require('node:fs');
const { spawnSync } = require('node:child_process');
const { aptInstall } = require('./apt');

const CHROMIUM = '/usr/bin/chromium';

/** @returns {string | undefined} what is wrong with the installed Chromium, if anything */
function chromiumProblem() {
	if (!fs.existsSync(CHROMIUM)) return `${CHROMIUM} is missing`;
	const result = spawnSync(CHROMIUM, ['--headless', '--no-sandbox', '--version'], { encoding: 'utf8', timeout: 30_000 });
	if (result.status === 0 && /chromium/i.test(result.stdout)) return undefined;
	return `${CHROMIUM} --version failed: ${(result.stderr || result.error?.message || '').trim().split('\n')[0]}`;
}

function ensureChromium() {
	const problem = chromiumProblem();
	if (!problem) return CHROMIUM;
	process.stderr.write(`[chromium] ${problem}; installing Debian's chromium\n`);
	aptInstall(['chromium'], "The editor test (Debian's Chromium)");
	const after = chromiumProblem();
	if (after) throw new Error(`apt-get installed chromium, but ${after}`);
	return CHROMIUM;
}

module.exports = { CHROMIUM, ensureChromium };
