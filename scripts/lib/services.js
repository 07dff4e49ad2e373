// @ts-check
'use strict';

/**
 * PostgreSQL and Redis for n8n's queue mode, as this process's own throwaway servers: Debian's
 * packages (installed with apt-get when missing), a data folder in a temp dir, loopback ports, no
 * persistence, stopped and deleted with the process (n8n-instance.js tracks them).
 */

const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { aptInstall, onPath } = require('./apt');
const { spawnTracked, trackFolder, freePorts } = require('./n8n-instance');

/** The newest PostgreSQL server binaries Debian installed (/usr/lib/postgresql/<major>/bin). */
function postgresBin() {
	const root = '/usr/lib/postgresql';
	const majors = fs.existsSync(root) ? fs.readdirSync(root).filter((name) => /^\d+$/.test(name)) : [];
	const newest = majors.sort((a, b) => Number(b) - Number(a)).find((major) => fs.existsSync(path.join(root, major, 'bin', 'postgres')));
	return newest ? path.join(root, newest, 'bin') : undefined;
}

/** Installs what is missing of Debian's `postgresql` and `redis-server`. */
function ensureQueueServices() {
	const missing = [];
	if (!postgresBin()) missing.push('postgresql');
	if (!onPath('redis-server')) missing.push('redis-server');
	if (missing.length > 0) aptInstall(missing, "The queue-mode test (n8n's database and queue)");
	const bin = postgresBin();
	if (!bin) throw new Error('apt-get installed postgresql, but /usr/lib/postgresql/<version>/bin/postgres is missing');
	return { postgresBin: bin };
}

/**
 * PostgreSQL refuses to run as root; as root the server runs as Debian's `postgres` user.
 * @param {string[]} command
 */
function asServiceUser(command) {
	if (process.getuid?.() !== 0) return command;
	return ['runuser', '-u', 'postgres', '--', ...command];
}

/**
 * Resolves once something accepts connections on 127.0.0.1:port.
 * @param {number} port @param {string} what @param {import('node:child_process').ChildProcess} child
 */
async function waitForPort(port, what, child, timeoutMs = 30_000) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`${what} exited (code ${child.exitCode}) before accepting connections`);
		const open = await new Promise((resolve) => {
			const socket = net.connect(port, '127.0.0.1');
			socket.once('connect', () => {
				socket.destroy();
				resolve(true);
			});
			socket.once('error', () => resolve(false));
		});
		if (open) return;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`${what} did not accept connections on port ${port} within ${timeoutMs} ms`);
}

/**
 * Starts PostgreSQL (trust authentication, user and database `postgres`, fsync off) and Redis
 * (no persistence) on free loopback ports.
 * `query(sql)` runs one SQL statement with psql and returns its rows, each as an array of the
 * columns' texts.
 * @returns {Promise<{ postgres: { host: string, port: number, user: string, database: string }, redis: { host: string, port: number }, logs: string, query: (sql: string) => string[][], stop: () => Promise<void> }>}
 */
async function startQueueServices() {
	const { postgresBin: bin } = ensureQueueServices();
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'deepidv-queue-'));
	trackFolder(folder);
	fs.chmodSync(folder, 0o755);
	const data = path.join(folder, 'pgdata');
	const sockets = path.join(folder, 'sockets');
	fs.mkdirSync(data, { mode: 0o700 });
	fs.mkdirSync(sockets);
	if (process.getuid?.() === 0) {
		const { uid, gid } = userIds('postgres');
		for (const dir of [data, sockets]) fs.chownSync(dir, uid, gid);
	}
	const initdb = asServiceUser([path.join(bin, 'initdb'), '-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
	const init = spawnSync(initdb[0], initdb.slice(1), { encoding: 'utf8' });
	if (init.status !== 0) throw new Error(`initdb failed:\n${init.stderr || init.stdout}`);

	const [pgPort, redisPort] = await freePorts(2);
	const pgLog = fs.openSync(path.join(folder, 'postgres.log'), 'a');
	const server = asServiceUser([
		path.join(bin, 'postgres'),
		'-D', data,
		'-p', String(pgPort),
		'-k', sockets,
		'-c', 'listen_addresses=127.0.0.1',
		'-c', 'fsync=off',
		'-c', 'synchronous_commit=off',
		'-c', 'full_page_writes=off',
	]);
	const postgres = spawnTracked(server[0], server.slice(1), { stdio: ['ignore', pgLog, pgLog] });
	const redisLog = fs.openSync(path.join(folder, 'redis.log'), 'a');
	const redis = spawnTracked(
		'redis-server',
		['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
		{ stdio: ['ignore', redisLog, redisLog] },
	);
	fs.closeSync(pgLog);
	fs.closeSync(redisLog);
	await waitForPort(pgPort, 'PostgreSQL', postgres);
	await waitForPort(redisPort, 'Redis', redis);
	return {
		postgres: { host: '127.0.0.1', port: pgPort, user: 'postgres', database: 'postgres' },
		redis: { host: '127.0.0.1', port: redisPort },
		logs: folder,
		query: (sql) => {
			const args = ['-h', '127.0.0.1', '-p', String(pgPort), '-U', 'postgres', '-d', 'postgres', '-X', '-A', '-t', '-F', '\t', '-v', 'ON_ERROR_STOP=1', '-c', sql];
			const run = spawnSync(path.join(bin, 'psql'), args, { encoding: 'utf8' });
			if (run.status !== 0) throw new Error(`psql failed: ${run.stderr || run.stdout}`);
			return run.stdout.split('\n').filter(Boolean).map((line) => line.split('\t'));
		},
		stop: async () => {
			redis.kill('SIGKILL');
			// As root the server is a grandchild (runuser → postgres): signal it by its own pid.
			// SIGQUIT is PostgreSQL's immediate shutdown; nothing here needs to be kept.
			const pid = Number(read(path.join(data, 'postmaster.pid')).split('\n')[0]);
			if (pid > 0) signal(pid, 'SIGQUIT');
			const deadline = Date.now() + 10_000;
			while (pid > 0 && alive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
			if (pid > 0) signal(pid, 'SIGKILL');
			fs.rmSync(folder, { recursive: true, force: true });
		},
	};
}

/** @param {string} file */
const read = (file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '');
/** @param {number} pid @param {NodeJS.Signals} name */
function signal(pid, name) {
	try {
		process.kill(pid, name);
	} catch {
		// already gone
	}
}
/** @param {number} pid */
function alive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** @param {string} name */
function userIds(name) {
	const line = fs.readFileSync('/etc/passwd', 'utf8').split('\n').find((entry) => entry.startsWith(`${name}:`));
	if (!line) throw new Error(`user ${name} not found (Debian's postgresql package creates it)`);
	const [, , uid, gid] = line.split(':');
	return { uid: Number(uid), gid: Number(gid) };
}

module.exports = { ensureQueueServices, startQueueServices };
