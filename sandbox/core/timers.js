// @ts-check
'use strict';
// Cancellable timers: closing the sandbox drops every pending delay and webhook retry.

function createTimers() {
	/** @type {Set<NodeJS.Timeout>} */
	const pending = new Set();
	let closed = false;

	/**
	 * Runs fn after ms, unless the timers are closed first.
	 * @param {number} ms
	 * @param {() => void} fn
	 */
	function later(ms, fn) {
		if (closed) return;
		const timer = setTimeout(() => {
			pending.delete(timer);
			fn();
		}, ms);
		pending.add(timer);
	}

	/**
	 * Resolves after ms; never resolves once the timers are closed.
	 * @param {number} ms
	 * @returns {Promise<void>}
	 */
	function sleep(ms) {
		if (ms <= 0) return Promise.resolve();
		return new Promise((resolve) => later(ms, resolve));
	}

	function close() {
		closed = true;
		for (const timer of pending) clearTimeout(timer);
		pending.clear();
	}

	return {
		later,
		sleep,
		close,
		get closed() {
			return closed;
		},
	};
}

module.exports = { createTimers };
