#!/usr/bin/env node
// @ts-check
'use strict';

/**
 * Try the node by hand: builds and packs this package, installs it into a fresh real n8n next to a
 * local DeepIDV sandbox server (with a ready-made "DeepIDV sandbox" credential), and keeps both
 * running until Ctrl-C, which also deletes the throwaway n8n data.
 *   node scripts/start.js [--port 5678]
 */

const { parseArgs } = require('node:util');
const { startSandbox } = require('../sandbox');
const { createInstance } = require('./lib/n8n-instance');
const { packPackage } = require('./pack');

async function main() {
	const { values } = parseArgs({ options: { port: { type: 'string', default: '5678' } } });
	const sandbox = await startSandbox();
	const n8n = await createInstance({ port: Number(values.port) });
	await n8n.installPackage(packPackage({ destination: n8n.folder }));
	await n8n.importCredentials([
		{
			id: 'deepIdvSandbox',
			name: 'DeepIDV sandbox',
			type: 'deepIdvApi',
			data: { apiKey: sandbox.keys.live, baseUrl: sandbox.url },
		},
	]);
	await n8n.start();
	const { owner } = await n8n.setupOwner();
	process.stdout.write(
		[
			'',
			`n8n ${n8n.toolchain.n8nVersion} with this package: ${n8n.baseUrl}`,
			`  sign in as ${owner.email} / ${owner.password}`,
			`  credential "DeepIDV sandbox" → DeepIDV sandbox server at ${sandbox.url}`,
			`  server log: ${n8n.logFile}`,
			'Ctrl-C stops both and deletes this n8n data.',
			'',
		].join('\n'),
	);
}

main().catch((error) => {
	process.stderr.write(`${error.stack ?? error}\n`);
	process.exit(1); // also stops whatever was started (exit hooks of n8n-instance)
});
