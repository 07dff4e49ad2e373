#!/usr/bin/env node
// @ts-check
'use strict';

/**
 * `npm start`: this package inside a real n8n on 127.0.0.1, ready to try. Installs Node 24 and n8n
 * into a cache folder on the first run, builds and packs the package, installs it into a fresh n8n
 * as a community package, starts the local DeepIDV sandbox server, imports the credentials and the
 * example workflows of examples/, publishes the DeepIDV Trigger example the sandbox sends its
 * webhooks to and a form example, and prints how to sign in. With DEEPIDV_API_KEY (and optionally
 * DEEPIDV_BASE_URL) set, the credential points at the real DeepIDV API instead, no sandbox is
 * started, and the example steps that would change data are deactivated. Ctrl-C stops n8n and the sandbox and
 * deletes this n8n's data.
 *   node scripts/start.js [--port 5678]
 */

const { parseArgs } = require('node:util');
const { startSandbox } = require('../sandbox');
const { EXAMPLE_SESSION, liveExamples, sandboxExamples } = require('./lib/examples');
const { createInstance } = require('./lib/n8n-instance');
const { packPackage } = require('./pack');
const { AptUnavailableError } = require('./lib/apt');
const { ToolchainError } = require('./lib/toolchain');

const DEFAULT_BASE_URL = 'https://api.deepidv.com';

/** @param {string} message */
const step = (message) => process.stderr.write(`[start] ${message}\n`);

/** @param {string} text */
function readPort(text) {
	const port = Number(text);
	if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`--port must be 1–65535, got "${text}"`);
	return port;
}

/** The real API's settings when DEEPIDV_API_KEY is set, else undefined (use the sandbox). */
function liveApi() {
	const apiKey = process.env.DEEPIDV_API_KEY?.trim();
	if (!apiKey) return undefined;
	const baseUrl = process.env.DEEPIDV_BASE_URL?.trim() || DEFAULT_BASE_URL;
	if (!URL.canParse(baseUrl)) throw new Error(`DEEPIDV_BASE_URL is not a URL: "${baseUrl}"`);
	return { apiKey, baseUrl };
}

async function main() {
	const { values } = parseArgs({ options: { port: { type: 'string', default: '5678' } } });
	const live = liveApi();
	const n8n = await createInstance({ port: readPort(values.port) }); // first run: installs, with progress
	const started = live ? 'n8n' : 'n8n and the DeepIDV sandbox server';
	for (const [signal, code] of /** @type {const} */ ([['SIGINT', 130], ['SIGTERM', 143]])) {
		// Runs after n8n-instance's own handler, which has killed n8n and deleted its folder by then;
		// exiting here also ends the sandbox server, which lives in this process.
		process.once(signal, () => {
			step(`stopped ${started}, deleted the n8n data`);
			process.exit(code);
		});
	}

	step('building and packing the package…');
	const tgz = packPackage({ destination: n8n.folder });
	step('installing it into n8n as a community package…');
	await n8n.installPackage(tgz);

	let sandbox;
	let examples;
	if (live) {
		examples = liveExamples(live);
	} else {
		step('starting the local DeepIDV sandbox server…');
		sandbox = await startSandbox();
		examples = sandboxExamples({ sandboxUrl: sandbox.url, apiKey: sandbox.keys.live });
	}
	step('importing the credentials and example workflows…');
	await n8n.importCredentials(examples.credentials);
	await n8n.importWorkflows(examples.workflows);
	for (const id of examples.published) await n8n.publish(id);
	const trigger = 'trigger' in examples ? examples.trigger : undefined;
	const form = 'form' in examples ? examples.form : undefined;

	step(`starting n8n on ${n8n.baseUrl}…`);
	await n8n.start();
	const { owner } = await n8n.setupOwner();
	if (sandbox && trigger) {
		await n8n.waitForWebhook(trigger.webhookPath);
		sandbox.addWebhook({
			url: `${n8n.baseUrl}${trigger.webhookPath}`,
			secret: trigger.signingSecret,
			events: ['session.status.submitted'],
		});
	}

	const workflowUrl = (/** @type {string} */ id) => `${n8n.baseUrl}/workflow/${id}`;
	const lines = [
		'',
		`n8n ${n8n.toolchain.n8nVersion} with this package is ready: ${n8n.baseUrl}`,
		`  Sign in as ${owner.email} / ${owner.password}`,
		'',
		sandbox
			? `DeepIDV: the local sandbox server at ${sandbox.url} (credential "${examples.credentials[0].name}"; set DEEPIDV_API_KEY to use the real API)`
			: `DeepIDV: the real API at ${live?.baseUrl} (credential "${examples.credentials[0].name}"; DEEPIDV_API_KEY is set, so no sandbox server was started)`,
		'',
		'Example workflows from examples/ (open one, then "Execute workflow"):',
		...examples.workflows.map(({ id, name }) => `  ${name}${examples.published.includes(id) ? ' (published)' : ''}\n    ${workflowUrl(id)}`),
	];
	if (form) lines.push('', `Try the form: ${n8n.baseUrl}${form.formPath} ("${form.workflow.name}" invites the applicant in the sandbox)`);
	if (sandbox && trigger) {
		lines.push(
			'',
			`Try the trigger: the applicant of ${EXAMPLE_SESSION} submits, DeepIDV sends "session.status.submitted",`,
			`and "${trigger.workflow.name}" marks the session Verified:`,
			`  curl -X POST ${sandbox.url}/__sandbox/sessions/${EXAMPLE_SESSION}/submit`,
			`Its runs: ${workflowUrl(trigger.workflow.id)}/executions`,
		);
	} else {
		lines.push(
			'',
			'The DeepIDV steps that change data, invite someone or are billed are deactivated, and the sessions and',
			'people typed into them emptied: fill them in and turn the step back on (select it, press D) when you mean it.',
			"Nothing is published: DeepIDV must reach a trigger's webhook from the internet, and this n8n listens on",
			'127.0.0.1 only.',
		);
	}
	lines.push('', `n8n log: ${n8n.logFile}`, `Ctrl-C stops ${started} and deletes this n8n's data.`, '');
	process.stdout.write(lines.join('\n'));
}

main().catch((error) => {
	// A toolchain or apt problem is explained by its message; anything else gets its stack.
	const explained = error instanceof ToolchainError || error instanceof AptUnavailableError;
	process.stderr.write(`${explained ? `[start] cannot start: ${error.message}` : (error.stack ?? error)}\n`);
	process.exit(1); // also stops whatever was started (exit hooks of n8n-instance)
});
