// @ts-check
'use strict';

/**
 * Installs Debian packages the project needs on this machine (Chromium for the editor test, the
 * compilers for n8n's sqlite3), the way CI and a fresh machine need it: non-interactive, as root or
 * through password-less sudo, never prompting. When that is impossible it says exactly which
 * command the user has to run.
 */

const fs = require('node:fs');
const { spawnSync } = require('node:child_process');

class AptUnavailableError extends Error {}

/** @param {string} command */
function onPath(command) {
	return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** How to run apt-get as root here, or undefined when this process cannot. */
function asRoot() {
	if (!fs.existsSync('/usr/bin/apt-get')) return undefined;
	if (process.getuid?.() === 0) return [];
	if (onPath('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0) return ['sudo', '-n'];
	return undefined;
}

/**
 * @param {string[]} packages Debian package names
 * @param {string} why what they are for, for the progress line and the error message
 * @param {{ root?: () => string[] | undefined }} [deps] how to become root (tests replace it)
 */
function aptInstall(packages, why, { root = asRoot } = {}) {
	const manual = `sudo apt-get install -y ${packages.join(' ')}`;
	const prefix = root();
	if (!prefix) {
		throw new AptUnavailableError(
			`${why} needs ${packages.join(', ')}, which this machine lacks, and this process cannot install Debian packages (not root, no password-less sudo). Run: ${manual}`,
		);
	}
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	/** @param {string[]} args */
	const apt = (args) => {
		const command = [...prefix, 'apt-get', ...args];
		process.stderr.write(`[apt] ${command.join(' ')}\n`);
		const result = spawnSync(command[0], command.slice(1), { stdio: ['ignore', 'inherit', 'inherit'], env });
		return result.status === 0;
	};
	const options = ['-y', '-q', '--no-install-recommends', '-o', 'Dpkg::Options::=--force-confdef'];
	// The package lists of a fresh machine are often empty or stale: install, and on failure refresh
	// the lists once and try again.
	if (apt(['install', ...options, ...packages])) return;
	if (apt(['update', '-q']) && apt(['install', ...options, ...packages])) return;
	throw new AptUnavailableError(`${why}: apt-get could not install ${packages.join(', ')} (see its output above). Try: ${manual}`);
}

module.exports = { aptInstall, onPath, AptUnavailableError };
