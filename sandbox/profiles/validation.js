// @ts-check
'use strict';
// Bodies of the profile routes (OAS), with Zod-style hints (core/validation.js).
const { nonEmptyString, oneOf, requireObject } = require('../core/validation');
const { byteLengthHint } = require('../files/validation');

/** @typedef {import('../core/validation').Hint} Hint */

/** The logo types POST /v1/profiles/logo-upload-url takes. */
const LOGO_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];

/**
 * @param {unknown} body
 * @returns {{ value: { contentType: string, byteLength: number } } | { hints: Hint[] }}
 */
function parseLogoUploadUrl(body) {
	const notObject = requireObject(body);
	if (notObject) return notObject;
	const { contentType, byteLength } = /** @type {Record<string, unknown>} */ (body);
	const hints = [oneOf(LOGO_TYPES)(contentType, ['contentType']), byteLengthHint(byteLength, ['byteLength'])].filter((hint) => hint !== null);
	return hints.length > 0 ? { hints } : { value: { contentType: /** @type {string} */ (contentType), byteLength: /** @type {number} */ (byteLength) } };
}

/**
 * POST /v1/profiles: `{ name (1+ characters), logoUrl? }`.
 * @param {unknown} body
 * @returns {{ value: { name: string, logoUrl?: string } } | { hints: Hint[] }}
 */
function parseCreateProfile(body) {
	const notObject = requireObject(body);
	if (notObject) return notObject;
	const { name, logoUrl } = /** @type {Record<string, unknown>} */ (body);
	const hints = [nonEmptyString(name, ['name']), logoUrl === undefined ? null : nonEmptyString(logoUrl, ['logoUrl'])].filter((hint) => hint !== null);
	if (hints.length > 0) return { hints };
	return { value: { name: /** @type {string} */ (name), ...(typeof logoUrl === 'string' && { logoUrl }) } };
}

module.exports = { LOGO_TYPES, parseLogoUploadUrl, parseCreateProfile };
