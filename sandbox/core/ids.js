// @ts-check
'use strict';
// Deterministic identifiers, so that every fresh server starts from the same seed.
const { createHash } = require('node:crypto');

/** @param {string} label */
function digest(label) {
	return createHash('sha256').update(label).digest('hex');
}

/**
 * UUID-v4-shaped id derived from a label.
 * @param {string} label
 */
function uuidFrom(label) {
	const h = digest(label);
	const variant = ((parseInt(h[16], 16) & 3) | 8).toString(16);
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Non-negative 32-bit integer derived from a label.
 * @param {string} label
 */
function intFrom(label) {
	return parseInt(digest(label).slice(0, 8), 16);
}

module.exports = { uuidFrom, intFrom };
