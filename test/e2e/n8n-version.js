// @ts-check
'use strict';

/**
 * Which n8n the real-n8n suite runs in: `DEEPIDV_E2E_N8N` (one of the toolchain's RELEASES), n8n
 * 2.41.1 by default. `npm test` runs the suite twice: fully on 2.41.1, and the suites below on the
 * 1.x LTS line. The editor suite (Chromium through the whole UI, the slowest part) runs on the
 * default version only.
 */

const { DEFAULT_N8N_VERSION, RELEASES } = require('../../scripts/lib/toolchain');

/** The suites (file names without `.e2e.test.js`) run on every version other than the default. */
const SUITES_ON_OTHER_VERSIONS = ['execute', 'server', 'agent', 'files', 'examples', 'aml', 'igaming'];

/** @param {NodeJS.ProcessEnv} [env] */
function e2eN8nVersion(env = process.env) {
	const version = env.DEEPIDV_E2E_N8N?.trim() || DEFAULT_N8N_VERSION;
	if (!RELEASES[version]) {
		throw new Error(`DEEPIDV_E2E_N8N=${version} is not an n8n version the toolchain can install (known: ${Object.keys(RELEASES).join(', ')})`);
	}
	return version;
}

/** The jest `testMatch` globs of the suites that run on `version`. @param {string} version */
function suitesFor(version) {
	if (version === DEFAULT_N8N_VERSION) return ['<rootDir>/**/*.e2e.test.js'];
	return SUITES_ON_OTHER_VERSIONS.map((suite) => `<rootDir>/${suite}.e2e.test.js`);
}

module.exports = { e2eN8nVersion, suitesFor, SUITES_ON_OTHER_VERSIONS };
