// @ts-check
'use strict';

/**
 * A throwaway real n8n (the cached toolchain's version) in a temp user folder, configured to work
 * offline. Every process it starts is tracked and killed, and every temp folder removed, when this
 * process exits or is interrupted. With `recordOutbound`, n8n's processes note every connection
 * they attempt to anything but this computer (see outbound-recorder.js).
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
 * @param {{ cwd?: string, env: NodeJS.ProcessEnv, okExitCodes?: number[], okSignals?: string[], timeoutMs?: number, stdoutToFile?: boolean }} options
 * @returns {Promise<{ code: number | null, signal: string | null, stdout: string, stderr: string }>}
 */
function runCaptured(cmd, args, { cwd, env, okExitCodes = [0], okSignals = [], timeoutMs = 120_000, stdoutToFile = false }) {
	return new Promise((resolve, reject) => {
		// A file takes any amount of output at once; a pipe only 64 KiB until this process reads it,
		// so a large output to a pipe is still being written when a busy machine runs this late.
		const outFile = stdoutToFile ? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'deepidv-cli-')), 'stdout') : undefined;
		const outFd = outFile ? fs.openSync(outFile, 'w') : undefined;
		const child = spawnTracked(cmd, args, { cwd, env, stdio: ['ignore', outFd ?? 'pipe', 'pipe'] });
		if (outFd !== undefined) fs.closeSync(outFd);
		let stdout = '';
		let stderr = '';
		child.stdout?.on('data', (chunk) => (stdout += chunk));
		child.stderr?.on('data', (chunk) => (stderr += chunk));
		const timer = setTimeout(() => killGroup(child, 'SIGKILL'), timeoutMs);
		child.once('error', reject);
		child.once('close', (code, signal) => {
			clearTimeout(timer);
			if (outFile) {
				stdout = fs.readFileSync(outFile, 'utf8');
				fs.rmSync(path.dirname(outFile), { recursive: true, force: true });
			}
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

/**
 * @typedef {{ postgres: { host: string, port: number, user: string, database: string }, redis: { host: string, port: number } }} QueueServices
 */

const OWNER = { email: 'owner@example.com', firstName: 'E2E', lastName: 'Owner', password: 'E2e-Password-1' };

class N8nInstance {
	/**
	 * @param {ReturnType<typeof ensureToolchain>} toolchain
	 * @param {{ port: number, serverBrokerPort: number, cliBrokerPort: number }} ports
	 * @param {{ recordOutbound?: boolean, queue?: QueueServices, env?: Record<string, string> }} [options]
	 *   `queue`: run in n8n's queue mode on these PostgreSQL and Redis servers (see addWorker);
	 *   `env`: more n8n settings for main, its CLI commands and its workers
	 */
	constructor(toolchain, ports, { recordOutbound = false, queue, env = {} } = {}) {
		this.toolchain = toolchain;
		/** n8n's major version: 1.x and 2.x differ in a few settings and commands (see below). */
		this.major = Number(toolchain.n8nVersion.split('.')[0]);
		installExitHooks();
		this.folder = fs.mkdtempSync(path.join(os.tmpdir(), 'deepidv-n8n-'));
		liveFolders.add(this.folder);
		this.nodesFolder = path.join(this.folder, '.n8n', 'nodes');
		this.logFile = path.join(this.folder, 'server.log');
		/** @type {string | undefined} */
		this.outboundLog = recordOutbound ? path.join(this.folder, 'outbound.log') : undefined;
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
			N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
			// The node panel would otherwise fetch n8n's catalogue of verified community nodes.
			N8N_VERIFIED_PACKAGES_ENABLED: 'false',
			// 2.x only: the MCP registry module fetches a catalogue at startup. n8n 1.x has no such
			// module and refuses to start when an unknown one is named.
			...(this.major >= 2 && { N8N_DISABLED_MODULES: 'mcp-registry' }),
			N8N_HOST: '127.0.0.1',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_PORT: String(ports.port),
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
			...(queue && {
				EXECUTIONS_MODE: 'queue',
				DB_TYPE: 'postgresdb',
				DB_POSTGRESDB_HOST: queue.postgres.host,
				DB_POSTGRESDB_PORT: String(queue.postgres.port),
				DB_POSTGRESDB_USER: queue.postgres.user,
				DB_POSTGRESDB_DATABASE: queue.postgres.database,
				QUEUE_BULL_REDIS_HOST: queue.redis.host,
				QUEUE_BULL_REDIS_PORT: String(queue.redis.port),
			}),
			...(this.outboundLog && {
				NODE_OPTIONS: `${toolchain.env.NODE_OPTIONS ?? ''} --require "${path.join(__dirname, 'outbound-recorder.js')}"`.trim(),
				DEEPIDV_OUTBOUND_LOG: this.outboundLog,
			}),
			...env,
		};
		this.commonEnv = common;
		/** @type {string | undefined} the package installed with installPackage, for workers */
		this.packageTgz = undefined;
		/** @type {Array<{ folder: string, logFile: string, process: import('node:child_process').ChildProcess }>} */
		this.workers = [];
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

	/**
	 * Installs a packed community package the way a user's instance does: into the nodes folder,
	 * without its peer dependency n8n-workflow (n8n provides it) and without install scripts.
	 * Offline: the package has no runtime dependencies, so nothing needs the registry (left to
	 * itself npm would still fetch n8n-workflow's metadata to check the peer range).
	 */
	async installPackage(/** @type {string} */ tgzPath, nodesFolder = this.nodesFolder) {
		this.packageTgz ??= tgzPath;
		fs.mkdirSync(nodesFolder, { recursive: true });
		const manifest = path.join(nodesFolder, 'package.json');
		if (!fs.existsSync(manifest)) fs.writeFileSync(manifest, '{ "name": "installed-nodes", "private": true }\n');
		const flags = ['--omit=peer', '--legacy-peer-deps', '--ignore-scripts', '--offline'];
		await runCaptured('npm', ['install', path.resolve(tgzPath), ...flags], {
			cwd: nodesFolder,
			env: this.toolchain.env,
		});
	}

	/** `host:port` of every connection n8n attempted outside this computer (needs `recordOutbound`). */
	outboundConnections() {
		if (!this.outboundLog) throw new Error('this instance was created without recordOutbound');
		if (!fs.existsSync(this.outboundLog)) return [];
		return fs.readFileSync(this.outboundLog, 'utf8').split('\n').filter(Boolean);
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
	 * the process down (seen under load, on several Node 24 versions). The result is printed by
	 * then, so that crash is tolerated; a crash before the result was printed still fails below,
	 * as no complete JSON object is found. The output goes to a file, not a pipe: a large result
	 * (about 1 MB) to a pipe was once cut short by that crash on a loaded machine, the pipe full
	 * and the rest not yet written.
	 * @param {string} workflowId
	 * @returns {Promise<any>}
	 */
	async execute(workflowId) {
		const { stdout, stderr, code, signal } = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput'], {
			okExitCodes: [0, 1],
			okSignals: ['SIGSEGV'],
			stdoutToFile: true,
		});
		try {
			return firstJsonObject(stdout);
		} catch (error) {
			throw new Error(`${/** @type {Error} */ (error).message}\n(n8n execute ended with ${signal ? `signal ${signal}` : `exit ${code}`})\nstderr:\n${stderr}`);
		}
	}

	/** Activates a workflow (its triggers and webhooks go live when the server starts). */
	async publish(/** @type {string} */ workflowId) {
		// n8n 2.x publishes a version of the workflow; 1.x has no publishing and activates it instead.
		const args = this.major >= 2 ? ['publish:workflow', `--id=${workflowId}`] : ['update:workflow', `--id=${workflowId}`, '--active=true'];
		await this.cli(args);
	}

	/**
	 * Starts `n8n start` and resolves once `/healthz/readiness` and the REST API (`/rest/settings`,
	 * which needs no login) answer 200. n8n 1.x reports ready a couple of seconds before its REST
	 * routes are mounted (they answer 404 until then); 2.x mounts them first.
	 */
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
				const ready = await fetch(`${this.baseUrl}/healthz/readiness`);
				if (ready.ok && (await fetch(`${this.baseUrl}/rest/settings`)).ok) return;
			} catch {
				// not listening yet
			}
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		const tail = this.logTail();
		await this.stop();
		throw new Error(`n8n did not become ready within ${timeoutMs} ms. Log tail:\n${tail}`);
	}

	/**
	 * Queue mode: starts an `n8n worker` with its own user folder, the package installed into it as
	 * on a separate machine, and resolves once it is ready for jobs.
	 * @param {{ concurrency?: number, timeoutMs?: number }} [options]
	 */
	async addWorker({ concurrency = 5, timeoutMs = 120_000 } = {}) {
		if (!this.commonEnv.EXECUTIONS_MODE) throw new Error('workers need an instance created with { queue }');
		if (!this.packageTgz) throw new Error('install the package on main first (installPackage)');
		const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'deepidv-n8n-worker-'));
		trackFolder(folder);
		await this.installPackage(this.packageTgz, path.join(folder, '.n8n', 'nodes'));
		const [brokerPort, healthPort] = await freePorts(2);
		const logFile = path.join(folder, 'worker.log');
		const log = fs.openSync(logFile, 'a');
		const child = spawnTracked(this.toolchain.n8nBin, ['worker', `--concurrency=${concurrency}`], {
			env: {
				...this.commonEnv,
				N8N_USER_FOLDER: folder,
				N8N_RUNNERS_BROKER_PORT: String(brokerPort),
				QUEUE_HEALTH_CHECK_PORT: String(healthPort),
			},
			stdio: ['ignore', log, log],
		});
		fs.closeSync(log);
		const worker = { folder, logFile, process: child };
		this.workers.push(worker);
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			const text = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
			if (/worker is now ready/i.test(text)) return worker;
			if (child.exitCode !== null) break;
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n') : '(no log)';
		throw new Error(`n8n worker did not become ready within ${timeoutMs} ms. Log tail:\n${tail}`);
	}

	/** The last lines of the server's log, for error messages. */
	logTail(lines = 40) {
		if (!fs.existsSync(this.logFile)) return '(no server log)';
		return fs.readFileSync(this.logFile, 'utf8').split('\n').slice(-lines).join('\n');
	}

	/**
	 * Resolves once the server answers for a production webhook (a published workflow's webhooks go
	 * live a moment after the server reports ready). Probes with a CORS preflight, which n8n answers
	 * 204 for a registered webhook and 404 otherwise, without running anything.
	 * @param {string} webhookPath e.g. `/webhook/<id>/<path>` @param {{ timeoutMs?: number }} [options]
	 */
	async waitForWebhook(webhookPath, { timeoutMs = 60_000 } = {}) {
		const deadline = Date.now() + timeoutMs;
		let status;
		while (Date.now() < deadline) {
			const response = await fetch(`${this.baseUrl}${webhookPath}`, {
				method: 'OPTIONS',
				headers: { origin: this.baseUrl, 'access-control-request-method': 'POST' },
			});
			status = response.status;
			if (status === 204) return;
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		throw new Error(
			`webhook ${webhookPath} not live within ${timeoutMs} ms (last answer ${status}). Log tail:\n${this.logTail()}`,
		);
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
		/**
		 * @param {string} method @param {string} urlPath @param {unknown} [body]
		 * @returns {Promise<{ status: number, body: any }>}
		 */
		const request = async (method, urlPath, body) => {
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
		};
		/** @param {string} method @param {string} urlPath */
		const requestOk = async (method, urlPath) => {
			const { status, body } = await request(method, urlPath);
			if (status !== 200) throw new Error(`${method} ${urlPath} answered ${status}: ${JSON.stringify(body)}`);
			return body.data;
		};
		// n8n stores execution data in the `flatted` format (JSON with shared references); its own
		// copy of the library reads it.
		const flatted = require(require.resolve('flatted', { paths: [path.dirname(this.toolchain.n8nBin)] }));
		return {
			owner: OWNER,
			request,
			/**
			 * The saved executions of a workflow, newest first, without their data.
			 * @param {string} workflowId @returns {Promise<{ id: string, status: string, mode: string }[]>}
			 */
			executions: async (workflowId) =>
				(await requestOk('GET', `/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}`)).results,
			/**
			 * One saved execution with its data, shaped like `n8n execute --rawOutput`'s result.
			 * @param {string} id @returns {Promise<any>}
			 */
			execution: async (id) => {
				const execution = await requestOk('GET', `/rest/executions/${id}`);
				return { ...execution, data: flatted.parse(execution.data) };
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

	/** Stops the server and its workers and removes the temp user folders. */
	async dispose() {
		for (const { process: worker } of this.workers) killGroup(worker, 'SIGKILL');
		this.workers = [];
		await this.stop();
		fs.rmSync(this.folder, { recursive: true, force: true });
		liveFolders.delete(this.folder);
	}
}

/**
 * Ensures the toolchain and prepares (but does not start) a fresh n8n instance.
 * @param {{ n8nVersion?: string, port?: number, recordOutbound?: boolean, queue?: QueueServices, env?: Record<string, string> }} [options]
 *   `n8nVersion`: one of the toolchain's RELEASES (2.41.1 by default); `port`: the editor's port, a
 *   free one by default; `recordOutbound`: see outboundConnections(); `queue`: queue mode on these
 *   servers (services.js); `env`: more n8n settings, e.g. `N8N_DEFAULT_BINARY_DATA_MODE`
 */
async function createInstance({ n8nVersion, port, recordOutbound, queue, env } = {}) {
	const toolchain = ensureToolchain({ n8nVersion });
	const [freePort, serverBrokerPort, cliBrokerPort] = await freePorts(3);
	return new N8nInstance(toolchain, { port: port ?? freePort, serverBrokerPort, cliBrokerPort }, { recordOutbound, queue, env });
}

/** A folder removed with the other temp folders when this process exits. @param {string} folder */
function trackFolder(folder) {
	installExitHooks();
	liveFolders.add(folder);
}

module.exports = { createInstance, N8nInstance, firstJsonObject, spawnTracked, trackFolder, freePorts };
