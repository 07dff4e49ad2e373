// The real-n8n end-to-end suite: `jest -c test/e2e/jest.config.js`, in n8n 2.41.1 or the version in
// DEEPIDV_E2E_N8N (see n8n-version.js). Global setup installs or proves the cached toolchain (Node +
// n8n: ~3–6 min the first time, a second after that) and packs this package once; the suites run one
// at a time because each starts its own n8n.
const { e2eN8nVersion, suitesFor } = require('./n8n-version');

module.exports = {
	rootDir: __dirname,
	displayName: `n8n ${e2eN8nVersion()}`,
	testEnvironment: 'node',
	testMatch: suitesFor(e2eN8nVersion()),
	transform: {},
	globalSetup: '<rootDir>/global-setup.js',
	globalTeardown: '<rootDir>/global-teardown.js',
	maxWorkers: 1,
	testTimeout: 180_000,
};
