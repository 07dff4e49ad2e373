// @ts-check
'use strict';
// DeepIDV's branding profiles (OAS):
//   POST /v1/profiles/logo-upload-url  { contentType image/jpeg|png|webp|gif, byteLength ≤ 15 MiB } → { uploadUrl, fileKey }
//   POST /v1/profiles                  { name, logoUrl? (that fileKey) } → 201 Profile
//   GET  /v1/profiles                  → { profiles: [Profile] } (no paging documented: all of them)
//   GET  /v1/profiles/{id}             → Profile
// The upload URL points at the upload host of the file checks (files/uploads.js), with the same S3 rules.
// The docs are silent on a logoUrl that is not a finished upload; the sandbox refuses it (400), so a logo
// whose PUT never happened cannot go unnoticed. `logoUrl` is answered as it was given.
const { randomUUID } = require('node:crypto');
const { json, error, invalid, parseJsonBody } = require('../core/http');
const { iso } = require('../core/time');
const { issueUploadUrl } = require('../files/uploads');
const { parseCreateProfile, parseLogoUploadUrl } = require('./validation');

/** @typedef {import('../core/router').ApiContext} ApiContext */

/**
 * A Profile (OAS).
 * @typedef {object} Profile
 * @property {string} id
 * @property {string} name
 * @property {string} organizationId
 * @property {string | null} logoUrl
 * @property {string} createdAt
 * @property {string} updatedAt
 */

/** @param {ApiContext} ctx */
function logoUploadUrl(ctx) {
	const body = parseJsonBody(ctx.request.body);
	if ('response' in body) return body.response;
	const parsed = parseLogoUploadUrl(body.value);
	if ('hints' in parsed) return invalid('Invalid request body', parsed.hints);
	const fileKey = `${ctx.identity.organization.id}/profiles/logos/${randomUUID()}`;
	return json(200, { uploadUrl: issueUploadUrl(ctx, fileKey, parsed.value.contentType, parsed.value.byteLength), fileKey });
}

/** @param {ApiContext} ctx */
function createProfile(ctx) {
	const body = parseJsonBody(ctx.request.body);
	if ('response' in body) return body.response;
	const parsed = parseCreateProfile(body.value);
	if ('hints' in parsed) return invalid('Invalid request body', parsed.hints);
	const { name, logoUrl } = parsed.value;
	if (logoUrl !== undefined) {
		const upload = ctx.state.files.get(logoUrl);
		if (!upload || upload.organizationId !== ctx.identity.organization.id || !upload.stored) {
			return error(400, `No uploaded logo has the fileKey "${logoUrl}".`);
		}
	}
	const at = iso(Date.now());
	/** @type {Profile} */
	const profile = { id: randomUUID(), name, organizationId: ctx.identity.organization.id, logoUrl: logoUrl ?? null, createdAt: at, updatedAt: at };
	ctx.data.profiles.set(profile.id, profile);
	return json(201, profile);
}

/** @param {ApiContext} ctx */
function listProfiles(ctx) {
	const own = [...ctx.data.profiles.values()].filter((profile) => profile.organizationId === ctx.identity.organization.id);
	own.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
	return json(200, { profiles: own });
}

/** @param {ApiContext} ctx */
function retrieveProfile(ctx) {
	const profile = ctx.data.profiles.get(ctx.params.id);
	return profile && profile.organizationId === ctx.identity.organization.id ? json(200, profile) : error(404, 'Profile not found');
}

/** @type {import('../core/router').Route<ApiContext>[]} */
module.exports = [
	{ method: 'POST', path: '/v1/profiles/logo-upload-url', handler: logoUploadUrl },
	{ method: 'POST', path: '/v1/profiles', handler: createProfile },
	{ method: 'GET', path: '/v1/profiles', handler: listProfiles },
	{ method: 'GET', path: '/v1/profiles/:id', handler: retrieveProfile },
];
