// @ts-check
'use strict';
// The upload host: a stand-in for the S3 bucket behind DeepIDV's presigned upload URLs, on its own port (a
// foreign host, as S3 is to api.deepidv.com). It behaves like S3's presigned PUT: the URL's signature must be
// one DeepIDV issued and not expired, Content-Type must be exactly the one presigned and Content-Length
// exactly the presigned byteLength, or the answer is 403 with S3's XML error body; no API key is involved.
// Every request is recorded in `uploads` (headers and size, not the bytes). Faults apply here too.
const { randomBytes } = require('node:crypto');
const { splitUrl, send } = require('../core/http');
const { factsCollector } = require('./images');

/** @typedef {import('../core/state').SandboxState} SandboxState */
/** @typedef {import('../core/http').ApiResponse} ApiResponse */
/** @typedef {import('./images').ImageFacts} ImageFacts */

/**
 * A request to the upload host (the stand-in for S3's presigned URLs).
 * @typedef {object} RecordedUpload
 * @property {string} method
 * @property {string} path Raw path: `/` and the fileKey.
 * @property {Record<string, string>} query
 * @property {Record<string, string | string[] | undefined>} headers Lower-cased header names.
 * @property {number} bytes Body bytes received.
 * @property {number} status The status the upload host answered with (0 when the connection was reset).
 * @property {number} receivedAt
 */

/**
 * An upload URL handed out by POST /v1/upload/presign, and what was uploaded to it.
 * @typedef {object} PendingUpload
 * @property {string} fileKey
 * @property {string} organizationId
 * @property {string} contentType
 * @property {number | null} byteLength null: any length (the Workflow Runner's session uploads are presigned without one).
 * @property {string} signature The URL's X-Amz-Signature.
 * @property {number} expiresAt Epoch ms.
 * @property {ImageFacts | null} stored What the finished upload held, or null until a valid PUT.
 */

/**
 * S3's XML error document.
 * @param {number} status @param {string} code @param {string} message
 * @returns {ApiResponse}
 */
function s3Error(status, code, message) {
	const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;
	return { status, headers: { 'content-type': 'application/xml' }, body };
}

const SIGNATURE_MISMATCH = 'The request signature we calculated does not match the signature you provided. Check your key and signing method.';

/** @param {SandboxState} state */
function createUploadListener(state) {
	/**
	 * @param {import('node:http').IncomingMessage} req
	 * @param {import('node:http').ServerResponse} res
	 */
	async function handle(req, res) {
		const method = req.method ?? 'GET';
		const { path, query } = splitUrl(req.url ?? '/');
		/** @type {RecordedUpload} */
		const record = { method, path, query, headers: { ...req.headers }, bytes: 0, status: 0, receivedAt: Date.now() };
		state.uploadRequests.push(record);
		const fault = state.faults.take(method, path, state.options.faults);
		if (fault) state.stats.faultsInjected += 1;
		const collector = factsCollector();
		for await (const chunk of req) {
			record.bytes += chunk.length;
			collector.add(chunk);
		}
		// A fault 'after' lets the upload be stored first, like a PUT whose answer got lost.
		const response = fault?.when === 'after' ? accept(method, path, query, record, collector) : undefined;
		if (fault) {
			await state.timers.sleep(fault.delayMs ?? 0);
			if (fault.reset) {
				state.stats.resets += 1;
				req.socket.resetAndDestroy();
				return;
			}
			if (fault.status !== undefined) return answer(res, record, s3Error(fault.status, 'InternalError', 'We encountered an internal error. Please try again.'));
		}
		answer(res, record, response ?? accept(method, path, query, record, collector));
	}

	/**
	 * @param {string} method @param {string} path @param {Record<string, string>} query
	 * @param {RecordedUpload} record @param {ReturnType<typeof factsCollector>} collector
	 * @returns {ApiResponse}
	 */
	function accept(method, path, query, record, collector) {
		let fileKey;
		try {
			fileKey = decodeURIComponent(path.slice(1));
		} catch {
			return s3Error(400, 'InvalidURI', 'Couldn\'t parse the specified URI.');
		}
		const upload = state.files.get(fileKey);
		if (!upload || query['X-Amz-Signature'] !== upload.signature) return s3Error(403, 'SignatureDoesNotMatch', SIGNATURE_MISMATCH);
		if (method !== 'PUT') return s3Error(403, 'SignatureDoesNotMatch', SIGNATURE_MISMATCH);
		if (Date.now() > upload.expiresAt) return s3Error(403, 'AccessDenied', 'Request has expired');
		if (record.headers['content-type'] !== upload.contentType) return s3Error(403, 'SignatureDoesNotMatch', SIGNATURE_MISMATCH);
		const length = record.headers['content-length'];
		if (length === undefined) return s3Error(411, 'MissingContentLength', 'You must provide the Content-Length HTTP header.');
		if (upload.byteLength !== null && (Number(length) !== upload.byteLength || record.bytes !== upload.byteLength)) return s3Error(403, 'SignatureDoesNotMatch', SIGNATURE_MISMATCH);
		const facts = collector.done();
		upload.stored = facts;
		state.stats.uploads += 1;
		return { status: 200, headers: { etag: `"${facts.sha256.slice(0, 32)}"` }, body: '' };
	}

	/**
	 * @param {import('node:http').ServerResponse} res @param {RecordedUpload} record @param {ApiResponse} response
	 */
	function answer(res, record, response) {
		record.status = response.status;
		send(res, response);
		state.log(`upload ${record.method} ${record.path} → ${response.status}`);
	}

	/**
	 * @param {import('node:http').IncomingMessage} req
	 * @param {import('node:http').ServerResponse} res
	 */
	return function listener(req, res) {
		handle(req, res).catch((err) => {
			console.error('deepidv sandbox: upload host internal error', err);
			send(res, s3Error(500, 'InternalError', 'We encountered an internal error. Please try again.'));
		});
	};
}

/**
 * A presigned PUT URL on the upload host for `fileKey`, valid for `uploadUrlTtlSeconds`, bound to the
 * content type and exact length (POST /v1/upload/presign and POST /v1/profiles/logo-upload-url hand these out).
 * @param {{ state: SandboxState, identity: { organization: { id: string } } }} ctx
 * @param {string} fileKey @param {string} contentType @param {number | null} byteLength null: not bound to a length
 */
function issueUploadUrl(ctx, fileKey, contentType, byteLength) {
	const ttl = ctx.state.options.uploadUrlTtlSeconds;
	const now = Date.now();
	const amzDate = new Date(now).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
	const signature = randomBytes(32).toString('hex');
	ctx.state.files.set(fileKey, { fileKey, organizationId: ctx.identity.organization.id, contentType, byteLength, signature, expiresAt: now + ttl * 1000, stored: null });
	const query = new URLSearchParams({
		'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
		'X-Amz-Date': amzDate,
		'X-Amz-Expires': String(ttl),
		'X-Amz-SignedHeaders': byteLength === null ? 'content-type;host' : 'content-length;content-type;host',
		'X-Amz-Signature': signature,
	});
	return `${ctx.state.uploadBaseUrl}/${fileKey}?${query}`;
}

module.exports = { createUploadListener, issueUploadUrl };
