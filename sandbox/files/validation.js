// @ts-check
'use strict';
// Request bodies of the file checks and their presigned uploads, with Zod-style hints (core/validation.js).
const { typeHint, nonEmptyString, oneOf, requireObject } = require('../core/validation');

/** @typedef {import('../core/validation').Hint} Hint */

/** DeepIDV's size limit for one image: 15 MiB (the presign endpoint's byteLength maximum). */
const MAX_IMAGE_BYTES = 15728640;
const DOCUMENT_TYPES = ['passport', 'drivers_license', 'national_id', 'auto'];

/**
 * A presigned upload's byteLength: a whole number from 1 to 15 MiB.
 * @param {unknown} byteLength @param {(string | number)[]} path
 * @returns {Hint | null}
 */
function byteLengthHint(byteLength, path) {
	if (typeof byteLength !== 'number') return typeHint('number', byteLength, path);
	if (!Number.isInteger(byteLength)) return { code: 'invalid_type', expected: 'integer', received: 'float', path, message: 'Expected integer, received float' };
	if (byteLength < 1) return { code: 'too_small', minimum: 1, type: 'number', path, message: 'Number must be greater than or equal to 1' };
	if (byteLength > MAX_IMAGE_BYTES) return { code: 'too_big', maximum: MAX_IMAGE_BYTES, type: 'number', path, message: `Number must be less than or equal to ${MAX_IMAGE_BYTES}` };
	return null;
}

/**
 * POST /v1/upload/presign body: `{ files: [{ contentType, byteLength }] }`, at least one file.
 * @param {unknown} body
 * @returns {{ value: { contentType: string, byteLength: number }[] } | { hints: Hint[] }}
 */
function parsePresign(body) {
	const notObject = requireObject(body);
	if (notObject) return notObject;
	const files = /** @type {Record<string, unknown>} */ (body).files;
	if (!Array.isArray(files)) return { hints: [typeHint('array', files, ['files'])] };
	if (files.length === 0) return { hints: [{ code: 'too_small', minimum: 1, type: 'array', path: ['files'], message: 'Array must contain at least 1 element(s)' }] };
	/** @type {Hint[]} */
	const hints = [];
	files.forEach((file, index) => {
		const notFile = requireObject(file);
		if (notFile) return hints.push({ ...notFile.hints[0], path: ['files', String(index)] });
		const { contentType, byteLength } = /** @type {Record<string, unknown>} */ (file);
		const typeHintFound = nonEmptyString(contentType, ['files', String(index), 'contentType']);
		if (typeHintFound) hints.push(typeHintFound);
		const lengthHint = byteLengthHint(byteLength, ['files', String(index), 'byteLength']);
		if (lengthHint) hints.push(lengthHint);
		return undefined;
	});
	return hints.length > 0 ? { hints } : { value: /** @type {{ contentType: string, byteLength: number }[]} */ (files) };
}

/**
 * Body of a file check: the named image fields (non-empty strings) and, where allowed, `documentType`.
 * @param {unknown} body
 * @param {string[]} imageFields
 * @param {boolean} withDocumentType
 * @returns {{ value: { images: string[], documentType?: string } } | { hints: Hint[] }}
 */
function parseFileCheck(body, imageFields, withDocumentType) {
	const notObject = requireObject(body);
	if (notObject) return notObject;
	const source = /** @type {Record<string, unknown>} */ (body);
	/** @type {Hint[]} */
	const hints = [];
	for (const field of imageFields) {
		const hint = nonEmptyString(source[field], [field]);
		if (hint) hints.push(hint);
	}
	const { documentType } = source;
	const badType = withDocumentType && documentType !== undefined ? oneOf(DOCUMENT_TYPES)(documentType, ['documentType']) : null;
	if (badType) hints.push(badType);
	if (hints.length > 0) return { hints };
	return {
		value: {
			images: imageFields.map((field) => /** @type {string} */ (source[field])),
			...(withDocumentType && documentType !== undefined && { documentType: /** @type {string} */ (documentType) }),
		},
	};
}

module.exports = { byteLengthHint, parsePresign, parseFileCheck, MAX_IMAGE_BYTES };
