// @ts-check
'use strict';

/**
 * The n8n versions the project is tested in: what the toolchain installs for each, which version
 * the real-n8n suite picks and which of its suites run there, that `npm test` runs a version the
 * toolchain knows, and the 1.x / 2.x differences of the n8n instance (without starting n8n).
 */

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { DEFAULT_N8N_VERSION, RELEASES, ensureToolchain, writeInstallManifest } = require('../../scripts/lib/toolchain');
const { N8nInstance } = require('../../scripts/lib/n8n-instance');
const { e2eN8nVersion, suitesFor, SUITES_ON_OTHER_VERSIONS } = require('../e2e/n8n-version');
const { scripts } = require('../../package.json');

describe('the releases the toolchain installs', () => {
	it('keeps n8n 2.41.1 on Node 24 as the default, and knows 1.123.81 on Node 22 with the xlsx override', () => {
		expect(DEFAULT_N8N_VERSION).toBe('2.41.1');
		expect(RELEASES).toEqual({
			'2.41.1': { node: '24.21.0' },
			'1.123.81': { node: '22.23.5', overrides: { xlsx: '0.18.5' } },
		});
	});

	it('names exact versions only, so every cache folder means one thing', () => {
		for (const [n8n, { node }] of Object.entries(RELEASES)) {
			expect(n8n).toMatch(/^\d+\.\d+\.\d+$/);
			expect(node).toMatch(/^\d+\.\d+\.\d+$/);
		}
	});

	it('gives each version its own Node and n8n folders in the cache', () => {
		const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'deepidv-versions-test-'));
		try {
			/** @type {string[]} */
			const installedInto = [];
			const fakeInstall = {
				node: (/** @type {any} */ toolchain) => {
					installedInto.push(toolchain.nodeRoot);
					throw new Error('stop before downloading');
				},
				n8n: () => {},
			};
			for (const n8nVersion of ['1.123.81', '2.41.1']) {
				expect(() => ensureToolchain({ n8nVersion, cache, log: () => {}, install: fakeInstall })).toThrow('stop before downloading');
			}
			expect(installedInto).toEqual([path.join(cache, 'node-22.23.5'), path.join(cache, 'node-24.21.0')]);
		} finally {
			fs.rmSync(cache, { recursive: true, force: true });
		}
	});

	it('writes the release’s overrides into the n8n install folder’s package.json, and none where there are none', () => {
		const n8nRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'deepidv-manifest-test-'));
		const manifest = () => JSON.parse(fs.readFileSync(path.join(n8nRoot, 'package.json'), 'utf8'));
		try {
			writeInstallManifest({ n8nRoot, release: RELEASES['1.123.81'] });
			expect(manifest()).toEqual({ private: true, overrides: { xlsx: '0.18.5' } });
			writeInstallManifest({ n8nRoot, release: RELEASES['2.41.1'] });
			expect(manifest()).toEqual({ private: true });
		} finally {
			fs.rmSync(n8nRoot, { recursive: true, force: true });
		}
	});
});

describe('the n8n the real-n8n suite runs in', () => {
	it('is 2.41.1 unless DEEPIDV_E2E_N8N names another release', () => {
		expect(e2eN8nVersion({})).toBe('2.41.1');
		expect(e2eN8nVersion({ DEEPIDV_E2E_N8N: '' })).toBe('2.41.1');
		expect(e2eN8nVersion({ DEEPIDV_E2E_N8N: '1.123.81' })).toBe('1.123.81');
	});

	it('refuses a version the toolchain cannot install, naming the ones it can', () => {
		expect(() => e2eN8nVersion({ DEEPIDV_E2E_N8N: '1.0.0' })).toThrow(
			'DEEPIDV_E2E_N8N=1.0.0 is not an n8n version the toolchain can install (known: 2.41.1, 1.123.81)',
		);
	});

	it('runs every suite on 2.41.1, and all but the editor suite on other versions', () => {
		expect(suitesFor('2.41.1')).toEqual(['<rootDir>/**/*.e2e.test.js']);
		expect(SUITES_ON_OTHER_VERSIONS).toEqual(['execute', 'server', 'agent', 'files', 'examples', 'aml', 'igaming']);
		expect(suitesFor('1.123.81')).toEqual(
			['execute', 'server', 'agent', 'files', 'examples', 'aml', 'igaming'].map((suite) => `<rootDir>/${suite}.e2e.test.js`),
		);
		for (const suite of SUITES_ON_OTHER_VERSIONS) {
			expect(fs.existsSync(path.join(__dirname, '..', 'e2e', `${suite}.e2e.test.js`))).toBe(true);
		}
	});

	it('is run by `npm test` on the default version and on every other release', () => {
		expect(scripts.test).toBe('npm run build && npm run lint && jest && npm run test:e2e && npm run test:e2e:n8n1');
		expect(scripts['test:e2e']).toBe('jest -c test/e2e/jest.config.js');
		expect(scripts['test:e2e:n8n1']).toBe('DEEPIDV_E2E_N8N=1.123.81 jest -c test/e2e/jest.config.js');
	});
});

describe('an n8n instance of each major version', () => {
	/** @type {N8nInstance[]} */
	const instances = [];
	afterAll(() => Promise.all(instances.map((instance) => instance.dispose())));

	/** @param {string} n8nVersion */
	const instance = (n8nVersion) => {
		const toolchain = /** @type {any} */ ({ n8nVersion, n8nBin: '/nonexistent/n8n', env: { PATH: '/usr/bin' } });
		const created = new N8nInstance(toolchain, { port: 1, serverBrokerPort: 2, cliBrokerPort: 3 });
		instances.push(created);
		/** @type {string[][]} */
		const commands = [];
		created.cli = async (args) => {
			commands.push(args);
			return { code: 0, signal: null, stdout: '', stderr: '' };
		};
		return { created, commands };
	};

	it('disables the MCP registry module on 2.x only (1.x has none and refuses unknown modules)', () => {
		expect(instance('2.41.1').created.serverEnv.N8N_DISABLED_MODULES).toBe('mcp-registry');
		const { created } = instance('1.123.81');
		expect('N8N_DISABLED_MODULES' in created.serverEnv).toBe(false);
		expect('N8N_DISABLED_MODULES' in created.cliEnv).toBe(false);
	});

	it('publishes a workflow with publish:workflow on 2.x and activates it with update:workflow on 1.x', async () => {
		const v2 = instance('2.41.1');
		await v2.created.publish('wf1');
		expect(v2.commands).toEqual([['publish:workflow', '--id=wf1']]);
		const v1 = instance('1.123.81');
		await v1.created.publish('wf1');
		expect(v1.commands).toEqual([['update:workflow', '--id=wf1', '--active=true']]);
	});
});
