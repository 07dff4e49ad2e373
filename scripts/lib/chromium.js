// @ts-check
'use strict';

/**
 * Debian's Chromium for the editor test (browser downloads by test tools do not work here, so the
 * distribution package is used). Installs it with apt-get when it is missing.
 */

const fs = require('node:fs');
const { execFileSync } = require('node:child_process');

const CHROMIUM = '/usr/bin/chromium';

function ensureChromium() {
	if (fs.existsSync(CHROMIUM)) return CHROMIUM;
	const asRoot = process.getuid?.() === 0 ? [] : ['sudo'];
	const run = (/** @type {string[]} */ command) => {
		process.stderr.write(`[chromium] ${command.join(' ')}\n`);
		const [program, ...args] = [...asRoot, ...command];
		execFileSync(program, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
	};
	run(['apt-get', 'update']);
	run(['apt-get', 'install', '-y', '--no-install-recommends', 'chromium']);
	if (!fs.existsSync(CHROMIUM)) throw new Error(`apt-get finished but ${CHROMIUM} is still missing`);
	return CHROMIUM;
}

module.exports = { CHROMIUM, ensureChromium };
