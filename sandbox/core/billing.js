// @ts-check
'use strict';
// What DeepIDV would bill: `stats.billed[path]` counts every billed call per route, and the recorded
// request is marked, so tests can assert "billed once" per route and per item.

/** @typedef {import('./router').ApiContext} ApiContext */

/** Counts the call in stats.billed and marks the recorded request. @param {ApiContext} ctx */
function bill(ctx) {
	const { billed } = ctx.state.stats;
	billed[ctx.request.path] = (billed[ctx.request.path] ?? 0) + 1;
	ctx.request.billed = true;
}

/** All billed calls, every route together. @param {{ billed: Record<string, number> }} stats */
function totalBilled(stats) {
	return Object.values(stats.billed).reduce((sum, count) => sum + count, 0);
}

module.exports = { bill, totalBilled };
