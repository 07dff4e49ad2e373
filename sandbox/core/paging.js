// @ts-check
'use strict';
// Session ordering and the opaque list cursor. Order: newest created_at first, then id descending, a total
// order, so a cursor naming the last item of a page neither repeats nor skips anything on the next page
// (sessions created meanwhile are newer and land before the cursor).

/** @typedef {import('../sessions/records').SessionRecord} SessionRecord */
/** @typedef {{ id: string, created_at: string }} Position */

/**
 * @param {Position} a
 * @param {Position} b
 */
function compareNewestFirst(a, b) {
	const byTime = Date.parse(b.created_at) - Date.parse(a.created_at);
	if (byTime !== 0) return byTime;
	return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** Base64 of JSON, like the documented example `eyJpZCI6ImFiYzEyMyJ9`. @param {Position} position */
function encodeCursor({ id, created_at }) {
	return Buffer.from(JSON.stringify({ id, created_at })).toString('base64');
}

/**
 * @param {string} token
 * @returns {Position | null} null when the token is not one of ours
 */
function decodeCursor(token) {
	const bytes = Buffer.from(token, 'base64');
	if (bytes.length === 0 || bytes.toString('base64') !== token) return null;
	try {
		const value = JSON.parse(bytes.toString('utf8'));
		if (typeof value?.id === 'string' && typeof value.created_at === 'string' && !Number.isNaN(Date.parse(value.created_at))) {
			return { id: value.id, created_at: value.created_at };
		}
	} catch {
		// not JSON: fall through
	}
	return null;
}

/**
 * @param {SessionRecord[]} sorted records in compareNewestFirst order
 * @param {Position | null} after cursor position, exclusive
 * @param {number} limit
 */
function paginate(sorted, after, limit) {
	const start = after ? sorted.findIndex((record) => compareNewestFirst(record, after) > 0) : 0;
	if (start === -1) return { page: [], next_token: null };
	const page = sorted.slice(start, start + limit);
	const more = start + limit < sorted.length;
	return { page, next_token: more ? encodeCursor(page[page.length - 1]) : null };
}

module.exports = { compareNewestFirst, decodeCursor, paginate };
