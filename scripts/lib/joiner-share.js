// @ts-check
'use strict';

/**
 * How fast a late joiner gets its share of DeepIDV's limit: of the requests the sandbox received in
 * the `windowMs` after the last execution's first request, the share that came from it. With K
 * executions sharing the limit fairly that share is 1/K.
 * @param {Array<{ path: string, receivedAt: number }>} requests the sandbox's recorded requests
 * @param {(path: string) => number | undefined} executionOf which execution a request came from
 * @param {number} joiner the late execution's index
 * @param {number} [windowMs]
 * @returns {{ share: number, requests: number } | null} null when the joiner sent nothing
 */
function joinerShare(requests, executionOf, joiner, windowMs = 2000) {
	const own = requests.filter((request) => executionOf(request.path) === joiner);
	if (own.length === 0) return null;
	const from = Math.min(...own.map((request) => request.receivedAt));
	const inWindow = requests.filter((request) => request.receivedAt >= from && request.receivedAt < from + windowMs);
	const mine = inWindow.filter((request) => executionOf(request.path) === joiner).length;
	return { share: Math.round((mine / inWindow.length) * 1000) / 1000, requests: inWindow.length };
}

module.exports = { joinerShare };
