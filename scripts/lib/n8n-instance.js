// @ts-check
'use strict';

/**
 * A throwaway real n8n (the cached toolchain's version) in a temp user folder, configured to work
 * offline. Every process it starts is tracked and killed, and every temp folder removed, when this
 * process exits or is interrupted.
 */

const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { ensureToolchain } = require('./toolchain');

/** @type {Set<import('node:child_process').ChildProcess>} */
const liveProcesses = new Set();
/** @type {Set<string>} */
const liveFolders = new Set();
let exitHooksInstalled = false;

function installExitHooks() {
	if (exitHooksInstalled) return;
	exitHooksInstalled = true;
	process.on('exit', cleanupNow);
	for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
		process.once(signal, () => {
			cleanupNow();
			process.kill(process.pid, signal); // re-raise with the default handler
		});
	}
}

/** Synchronous last-resort cleanup: SIGKILL every tracked process group, remove temp folders. */
function cleanupNow() {
	for (const child of liveProcesses) killGroup(child, 'SIGKILL');
	liveProcesses.clear();
	for (const folder of liveFolders) fs.rmSync(folder, { recursive: true, force: true });
	liveFolders.clear();
}

/** @param {import('node:child_process').ChildProcess} child @param {NodeJS.Signals} signal */
function killGroup(child, signal) {
	if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
	try {
		process.kill(-child.pid, signal); // children are group leaders (detached), so this reaches n8n's task runners too
	} catch {
		// already gone
	}
}

/**
 * Spawns a tracked process in its own process group.
 * @param {string} cmd @param {string[]} args @param {import('node:child_process').SpawnOptions} options
 */
function spawnTracked(cmd, args, options) {
	installExitHooks();
	const child = spawn(cmd, args, { ...options, detached: true });
	liveProcesses.add(child);
	child.once('exit', () => liveProcesses.delete(child));
	return child;
}

/**
 * Runs a command to completion, capturing its output.
 * @param {string} cmd @param {string[]} args
 * @param {{ cwd?: string, env: NodeJS.ProcessEnv, okExitCodes?: number[], okSignals?: string[], timeoutMs?: number }} options
 * @returns {Promise<{ code: number | null, signal: string | null, stdout: string, stderr: string }>}
 */
function runCaptured(cmd, args, { cwd, env, okExitCodes = [0], okSignals = [], timeoutMs = 120_000 }) {
	return new Promise((resolve, reject) => {
		const child = spawnTracked(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout?.on('data', (chunk) => (stdout += chunk));
		child.stderr?.on('data', (chunk) => (stderr += chunk));
		const timer = setTimeout(() => killGroup(child, 'SIGKILL'), timeoutMs);
		child.once('error', reject);
		child.once('close', (code, signal) => {
			clearTimeout(timer);
			if ((code !== null && okExitCodes.includes(code)) || (signal !== null && okSignals.includes(signal))) {
				return resolve({ code, signal, stdout, stderr });
			}
			const how = signal ? `signal ${signal}${signal === 'SIGKILL' ? ' (timeout?)' : ''}` : `exit ${code}`;
			reject(new Error(`${path.basename(cmd)} ${args.join(' ')} failed (${how})\n${stderr || stdout}`));
		});
	});
}

/**
 * Finds `count` distinct ports free on 127.0.0.1 (all held open together so none repeats).
 * @param {number} count @returns {Promise<number[]>}
 */
async function freePorts(count) {
	const servers = Array.from({ length: count }, () => net.createServer());
	const ports = await Promise.all(
		servers.map(
			(server) =>
				new Promise((resolve, reject) => {
					server.once('error', reject);
					server.listen(0, '127.0.0.1', () => resolve(/** @type {net.AddressInfo} */ (server.address()).port));
				}),
		),
	);
	await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
	return ports;
}

/**
 * Returns the first complete JSON object in `text`: `n8n execute` may print log lines before it
 * and, on failure, error lines after it.
 * @param {string} text
 */
function firstJsonObject(text) {
	const start = text.indexOf('{');
	if (start < 0) throw new Error(`no JSON object in output:\n${text}`);
	let depth = 0;
	let inString = false;
	for (let i = start; i < text.length; i++) {
		const char = text[i];
		if (inString) {
			if (char === '\\') i++;
			else if (char === '"') inString = false;
		} else if (char === '"') inString = true;
		else if (char === '{') depth++;
		else if (char === '}' && --depth === 0) return JSON.parse(text.slice(start, i + 1));
	}
	throw new Error(`unterminated JSON object in output:\n${text.slice(start)}`);
}

const OWNER = { email: 'owner@example.com', firstName: 'E2E', lastName: 'Owner', password: 'E2e-Password-1' };

class N8nInstance {
	/**
	 * @param {ReturnType<typeof ensureToolchain>} toolchain
	 * @param {{ port: number, serverBrokerPort: number, cliBrokerPort: number }} ports
	 */
	constructor(toolchain, ports) {
		this.toolchain = toolchain;
		installExitHooks();
		this.folder = fs.mkdtempSync(path.join(os.tmpdir(), 'deepidv-n8n-'));
		liveFolders.add(this.folder);
		this.nodesFolder = path.join(this.folder, '.n8n', 'nodes');
		this.logFile = path.join(this.folder, 'server.log');
		this.port = ports.port;
		this.baseUrl = `http://127.0.0.1:${ports.port}`;
		/** @type {import('node:child_process').ChildProcess | undefined} */
		this.server = undefined;
		const common = {
			...toolchain.env,
			// jest sets NODE_ENV=test, which silences n8n's output and changes its startup; users run
			// n8n without it.
			NODE_ENV: undefined,
			N8N_USER_FOLDER: this.folder,
			DB_TYPE: 'sqlite',
			N8N_ENCRYPTION_KEY: 'deepidv-e2e-fixed-encryption-key',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_DYNAMIC_BANNERS_ENABLED: 'false',
			N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
			N8N_SECURE_COOKIE: 'false',
			N8N_DISABLED_MODULES: 'mcp-registry',
			N8N_HOST: '127.0.0.1',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_PORT: String(ports.port),
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		};
		// The server and the CLI commands each start a task-runner broker, so they need distinct ports.
		/** @type {NodeJS.ProcessEnv} */
		this.serverEnv = { ...common, N8N_RUNNERS_BROKER_PORT: String(ports.serverBrokerPort) };
		/** @type {NodeJS.ProcessEnv} */
		this.cliEnv = { ...common, N8N_RUNNERS_BROKER_PORT: String(ports.cliBrokerPort) };
	}

	/** @param {string[]} args @param {{ okExitCodes?: number[], okSignals?: string[] }} [options] */
	cli(args, options = {}) {
		return runCaptured(this.toolchain.n8nBin, args, { env: this.cliEnv, ...options });
	}

	/** Installs a packed community package the way a user's instance does (peer n8n-workflow omitted). */
	async installPackage(/** @type {string} */ tgzPath) {
		fs.mkdirSync(this.nodesFolder, { recursive: true });
		const manifest = path.join(this.nodesFolder, 'package.json');
		if (!fs.existsSync(manifest)) fs.writeFileSync(manifest, '{ "name": "installed-nodes", "private": true }\n');
		await runCaptured('npm', ['install', path.resolve(tgzPath), '--omit=peer'], {
			cwd: this.nodesFolder,
			env: this.toolchain.env,
		});
	}

	/** @param {string} kind @param {object[]} items */
	async importJson(kind, items) {
		const file = path.join(this.folder, `import-${kind}-${Date.now()}.json`);
		fs.writeFileSync(file, JSON.stringify(items));
		await this.cli([`import:${kind}`, `--input=${file}`]);
		fs.rmSync(file);
	}

	/** Credentials as `{ id, name, type, data }` with plain `data` (n8n encrypts it on import). */
	importCredentials(/** @type {object[]} */ credentials) {
		return this.importJson('credentials', credentials);
	}

	/** Workflows as `{ id (≤ 21 chars), name, nodes, connections, … }`. */
	importWorkflows(/** @type {object[]} */ workflows) {
		return this.importJson('workflow', workflows);
	}

	/**
	 * Runs a workflow (it must start with a Manual Trigger) and returns n8n's execution data.
	 * A failing node makes `n8n execute` exit 1; the data is returned all the same.
	 *
	 * n8n 2.41 sometimes crashes with SIGSEGV in process.exit(), after printing the result: its
	 * default expression engine's isolated-vm thread is still collecting garbage while Node tears
	 * the process down (seen under load, on several Node 24 versions). The output is complete by
	 * then (stdout to a pipe is synchronous on Linux), so that crash is tolerated; a crash before
	 * the result was printed still fails below, as no complete JSON object is found.
	 * @param {string} workflowId
	 * @returns {Promise<any>}
	 */
	async execute(workflowId) {
		const { stdout, stderr } = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput'], {
			okExitCodes: [0, 1],
			okSignals: ['SIGSEGV'],
		});
		try {
			return firstJsonObject(stdout);
		} catch (error) {
			throw new Error(`${/** @type {Error} */ (error).message}\nstderr:\n${stderr}`);
		}
	}

	/** Activates a workflow (its triggers and webhooks go live when the server starts). */
	async publish(/** @type {string} */ workflowId) {
		await this.cli(['publish:workflow', `--id=${workflowId}`]);
	}

	/** Starts `n8n start` and resolves once `/healthz/readiness` answers 200. */
	async start({ timeoutMs = 60_000 } = {}) {
		if (this.server) throw new Error('n8n is already running');
		const log = fs.openSync(this.logFile, 'a');
		this.server = spawnTracked(this.toolchain.n8nBin, ['start'], {
			env: this.serverEnv,
			stdio: ['ignore', log, log],
		});
		fs.closeSync(log);
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (this.server.exitCode !== null) break;
			try {
				const response = await fetch(`${this.baseUrl}/healthz/readiness`);
				if (response.ok) return;
			} catch {
				// not listening yet
			}
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		const tail = fs.readFileSync(this.logFile, 'utf8').split('\n').slice(-40).join('\n');
		await this.stop();
		throw new Error(`n8n did not become ready within ${timeoutMs} ms. Log tail:\n${tail}`);
	}

	/**
	 * Creates the owner account and returns a logged-in REST client. The auth cookie is bound to the
	 * `browser-id` header, so every call sends both.
	 */
	async setupOwner() {
		const browserId = 'deepidv-e2e-browser';
		const response = await fetch(`${this.baseUrl}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'browser-id': browserId },
			body: JSON.stringify(OWNER),
		});
		if (!response.ok) throw new Error(`owner setup failed: ${response.status} ${await response.text()}`);
		const cookie = response.headers
			.getSetCookie()
			.map((line) => line.split(';')[0])
			.join('; ');
		const headers = { cookie, 'browser-id': browserId };
		return {
			owner: OWNER,
			headers,
			/**
			 * @param {string} method @param {string} urlPath @param {unknown} [body]
			 * @returns {Promise<{ status: number, body: any }>}
			 */
			request: async (method, urlPath, body) => {
				const res = await fetch(`${this.baseUrl}${urlPath}`, {
					method,
					headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
					body: body === undefined ? undefined : JSON.stringify(body),
				});
				const text = await res.text();
				let parsed;
				try {
					parsed = JSON.parse(text);
				} catch {
					parsed = text;
				}
				return { status: res.status, body: parsed };
			},
		};
	}

	/** Stops the server: SIGTERM to its process group, SIGKILL after `graceMs`. */
	async stop({ graceMs = 10_000 } = {}) {
		const server = this.server;
		this.server = undefined;
		if (!server || server.exitCode !== null || server.signalCode !== null) return;
		const exited = new Promise((resolve) => server.once('exit', resolve));
		killGroup(server, 'SIGTERM');
		const timer = setTimeout(() => killGroup(server, 'SIGKILL'), graceMs);
		await exited;
		clearTimeout(timer);
	}

	/** Stops the server and removes the temp user folder. */
	async dispose() {
		await this.stop();
		fs.rmSync(this.folder, { recursive: true, force: true });
		liveFolders.delete(this.folder);
	}
}

/**
 * Ensures the toolchain and prepares (but does not start) a fresh n8n instance.
 * @param {{ port?: number }} [options] the editor's port; a free one by default
 */
async function createInstance({ port } = {}) {
	const toolchain = ensureToolchain();
	const [freePort, serverBrokerPort, cliBrokerPort] = await freePorts(3);
	return new N8nInstance(toolchain, { port: port ?? freePort, serverBrokerPort, cliBrokerPort });
}

module.exports = { createInstance, N8nInstance, firstJsonObject };
