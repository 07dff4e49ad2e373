// @ts-check
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ensureChromium } = require('../../scripts/lib/chromium');
const { ensureToolchain } = require('../../scripts/lib/toolchain');
const { packPackage } = require('../../scripts/pack');

/**
 * Installs the toolchain and Chromium if needed and packs the package; suites read the .tgz path
 * from the env.
 */
module.exports = async function globalSetup() {
	ensureToolchain();
	ensureChromium();
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'deepidv-e2e-pack-'));
	process.env.DEEPIDV_E2E_TGZ = packPackage({ destination: folder });
};
