// The real-n8n end-to-end suite: `jest -c test/e2e/jest.config.js`. Global setup installs or proves
// the cached toolchain (Node 24 + n8n: ~3–6 min the first time, a second after that) and packs this
// package once; the suites run one at a time because each starts its own n8n.
module.exports = {
	rootDir: __dirname,
	testEnvironment: 'node',
	testMatch: ['<rootDir>/**/*.e2e.test.js'],
	transform: {},
	globalSetup: '<rootDir>/global-setup.js',
	globalTeardown: '<rootDir>/global-teardown.js',
	maxWorkers: 1,
	testTimeout: 180_000,
};
