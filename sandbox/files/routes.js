// @ts-check
'use strict';
// DeepIDV's server-to-server file checks and their presigned uploads:
//   POST /v1/upload/presign        { files: [{ contentType, byteLength }] } → { uploads: [{ uploadUrl, fileKey }] }
//   POST /v1/document/scan         { image, documentType? }
//   POST /v1/face/detect           { image }
//   POST /v1/face/estimate-age     { image }
//   POST /v1/face/compare          { source, target }
//   POST /v1/identity/verify       { documentImage, faceImage, documentType? }
// An image is a base64 / base64url string or the fileKey of a finished upload (the PUT goes to the upload
// host, uploads.js). The answers come from checks.js. Every check that gets past validation counts as billed.
const { bill } = require('../core/billing');
const { randomUUID } = require('node:crypto');
const { issueUploadUrl } = require('./uploads');
const { json, error, invalid, parseJsonBody } = require('../core/http');
const { parsePresign, parseFileCheck, MAX_IMAGE_BYTES } = require('./validation');
const { factsOf } = require('./images');
const checks = require('./checks');

/** @typedef {import('../core/router').ApiContext} ApiContext */
/** @typedef {import('../core/http').ApiResponse} ApiResponse */
/** @typedef {import('./images').ImageFacts} ImageFacts */

const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;
const FILE_KEY = /^uploads\//;

/** @param {ApiContext} ctx */
function presign(ctx) {
	const body = parseJsonBody(ctx.request.body);
	if ('response' in body) return body.response;
	const parsed = parsePresign(body.value);
	if ('hints' in parsed) return invalid('Invalid request body', parsed.hints);
	const uploads = parsed.value.map(({ contentType, byteLength }) => {
		const fileKey = `uploads/${ctx.identity.organization.id}/${randomUUID()}`;
		return { uploadUrl: issueUploadUrl(ctx, fileKey, contentType, byteLength), fileKey };
	});
	return json(200, { uploads });
}

/**
 * An image field's content: a finished upload of this organization, or base64 / base64url.
 * @param {ApiContext} ctx
 * @param {string} value
 * @returns {{ image: ImageFacts } | { response: ApiResponse }}
 */
function resolveImage(ctx, value) {
	if (FILE_KEY.test(value)) {
		const upload = ctx.state.files.get(value);
		if (!upload || upload.organizationId !== ctx.identity.organization.id) return { response: error(400, `No uploaded file has the fileKey "${value}".`) };
		if (!upload.stored) return { response: error(400, `The file for fileKey "${value}" was never uploaded.`) };
		return checkFormat(upload.stored);
	}
	if (!BASE64.test(value)) return { response: error(400, 'The image is neither a base64 string nor the fileKey of an uploaded file.') };
	const bytes = Buffer.from(value, 'base64');
	if (bytes.length > MAX_IMAGE_BYTES) return { response: error(400, `The image is larger than ${MAX_IMAGE_BYTES} bytes (15 MiB).`) };
	return checkFormat(factsOf(bytes));
}

/**
 * @param {ImageFacts} image
 * @returns {{ image: ImageFacts } | { response: ApiResponse }}
 */
function checkFormat(image) {
	// The wording of DeepIDV's official SDK for the same check.
	if (!image.format) return { response: error(400, 'Unsupported image format. Accepted formats: JPEG, PNG, WebP.') };
	return { image };
}

/**
 * A file-check route: validates the body, resolves the images, counts the billed check and answers.
 * @param {string[]} imageFields
 * @param {boolean} withDocumentType
 * @param {(images: ImageFacts[], documentType: string | undefined, ctx: ApiContext) => ({ status: 400, error: string } | { status: 200, body: unknown })} run
 * @returns {(ctx: ApiContext) => ApiResponse}
 */
const fileCheck = (imageFields, withDocumentType, run) => (ctx) => {
	const body = parseJsonBody(ctx.request.body);
	if ('response' in body) return body.response;
	const parsed = parseFileCheck(body.value, imageFields, withDocumentType);
	if ('hints' in parsed) return invalid('Invalid request body', parsed.hints);
	/** @type {ImageFacts[]} */
	const images = [];
	for (const value of parsed.value.images) {
		const resolved = resolveImage(ctx, value);
		if ('response' in resolved) return resolved.response;
		images.push(resolved.image);
	}
	bill(ctx);
	const result = run(images, parsed.value.documentType, ctx);
	return result.status === 200 ? json(200, result.body) : error(result.status, result.error);
};

const threshold = (/** @type {ApiContext} */ ctx) => ctx.state.options.faceMatchThreshold;

/** @type {import('../core/router').Route<ApiContext>[]} */
module.exports = [
	{ method: 'POST', path: '/v1/upload/presign', handler: presign },
	{ method: 'POST', path: '/v1/document/scan', handler: fileCheck(['image'], true, ([image], type) => checks.scanDocument(image, type)) },
	{ method: 'POST', path: '/v1/face/detect', handler: fileCheck(['image'], false, ([image]) => ({ status: 200, body: checks.detectFace(image) })) },
	{ method: 'POST', path: '/v1/face/estimate-age', handler: fileCheck(['image'], false, ([image]) => ({ status: 200, body: checks.estimateAge(image) })) },
	{
		method: 'POST',
		path: '/v1/face/compare',
		handler: fileCheck(['source', 'target'], false, ([source, target], _type, ctx) => ({ status: 200, body: checks.compareFaces(source, target, threshold(ctx)) })),
	},
	{
		method: 'POST',
		path: '/v1/identity/verify',
		handler: fileCheck(['documentImage', 'faceImage'], true, ([documentImage, faceImage], type, ctx) => checks.verifyIdentity(documentImage, faceImage, type, threshold(ctx))),
	},
];
