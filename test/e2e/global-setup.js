// @ts-check
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ensureChromium } = require('../../scripts/lib/chromium');
const { DEFAULT_N8N_VERSION, ensureToolchain } = require('../../scripts/lib/toolchain');
const { e2eN8nVersion } = require('./n8n-version');
const { packPackage } = require('../../scripts/pack');

/**
 * Installs (or proves) the toolchain of the n8n under test and, for the editor suite (default
 * version only), Chromium, and packs the package once; suites read the .tgz
 * path from the env. When the toolchain cannot be made to work, the whole suite stops here with
 * its one message instead of every test failing on its own.
 */
module.exports = async function globalSetup() {
	try {
		const n8nVersion = e2eN8nVersion();
		ensureToolchain({ n8nVersion });
		if (n8nVersion === DEFAULT_N8N_VERSION) ensureChromium();
	} catch (error) {
		const message = /** @type {Error} */ (error).message;
		const stop = new Error(`The real-n8n suite cannot run: ${message}`);
		stop.stack = stop.message; // the message is the whole story; a stack would bury it
		throw stop;
	}
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'deepidv-e2e-pack-'));
	process.env.DEEPIDV_E2E_TGZ = packPackage({ destination: folder });
};
