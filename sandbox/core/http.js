// @ts-check
'use strict';
// Small HTTP helpers: reading requests and building/sending answers.
const { STATUS_CODES } = require('node:http');

/** A fully built answer: serialized body and its headers. @typedef {{ status: number, headers: Record<string, string>, body: string }} ApiResponse */

/**
 * @param {import('node:http').IncomingMessage} req
 * @returns {Promise<string>}
 */
async function readBody(req) {
	/** @type {Buffer[]} */
	const chunks = [];
	for await (const chunk of req) chunks.push(chunk);
	return Buffer.concat(chunks).toString('utf8');
}

/**
 * Splits a request target into the raw (still encoded) path and a query record (last value wins).
 * @param {string} target
 */
function splitUrl(target) {
	const at = target.indexOf('?');
	const path = at === -1 ? target : target.slice(0, at);
	const query = at === -1 ? {} : Object.fromEntries(new URLSearchParams(target.slice(at + 1)));
	return { path, query };
}

/**
 * @param {number} status
 * @param {unknown} body
 * @param {Record<string, string>} [headers]
 * @returns {ApiResponse}
 */
function json(status, body, headers = {}) {
	return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

/**
 * @param {number} status
 * @param {string} body
 * @param {Record<string, string>} [headers]
 * @returns {ApiResponse}
 */
function text(status, body, headers = {}) {
	return { status, headers: { 'content-type': 'text/plain', ...headers }, body };
}

/** @returns {ApiResponse} */
function noContent() {
	return { status: 204, headers: {}, body: '' };
}

/**
 * `{"error": message}` — the non-validation error shape of DeepIDV's OAS ErrorResponse.
 * @param {number} status
 * @param {string} [message] defaults to the standard reason phrase
 * @param {Record<string, string>} [headers]
 */
function error(status, message = STATUS_CODES[status] ?? 'Error', headers) {
	return json(status, { error: message }, headers);
}

/**
 * `{message, hints}` — the Zod-issue validation shape of DeepIDV's OAS ErrorResponse.
 * @param {string} message
 * @param {import('./validation').Hint[]} hints
 */
function invalid(message, hints) {
	return json(400, { message, hints });
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {ApiResponse} response
 */
function send(res, response) {
	if (res.destroyed || res.headersSent) return;
	res.writeHead(response.status, { ...response.headers, 'content-length': Buffer.byteLength(response.body) });
	res.end(response.body);
}

/**
 * Parses a JSON request body; an empty body gives `value: undefined`.
 * @param {string} body
 * @returns {{ value: unknown } | { response: ApiResponse }}
 */
function parseJsonBody(body) {
	if (body.trim() === '') return { value: undefined };
	try {
		return { value: JSON.parse(body) };
	} catch {
		return { response: error(400, 'Invalid JSON body') };
	}
}

module.exports = { readBody, splitUrl, json, text, noContent, error, invalid, send, parseJsonBody };
