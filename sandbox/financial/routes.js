// @ts-check
'use strict';
// DeepIDV's camelCase invitation resources (OAS):
//   POST /v1/financial                        { email, firstName, lastName, phone, period?, externalId?, send…Invite? }
//                                             → { bankStatementId, bankStatementUrl, externalId?, links }   billed
//   GET  /v1/financial?nextToken=             → { bankStatements: [record], nextToken }
//   GET  /v1/financial/{id}                   → record (`statement` only when completed)
//   GET  /v1/financial/externalId/{externalId}?nextToken=  → the list shape, those records only
//   …and the same four under /v1/credit-terms (`creditTermsId`, `creditTermsUrl`, `creditTerms`).
// Lists are newest first with an opaque base64 `nextToken` (camelCase, as documented). DeepIDV documents no
// page size or `limit` for them: `financialPageSize` decides (default 50). The sandbox key reads the
// documented bank statement fixtures; its writes to /v1/financial are refused (core/access.js).
const { randomUUID } = require('node:crypto');
const { bill } = require('../core/billing');
const { json, error, invalid, parseJsonBody } = require('../core/http');
const { iso } = require('../core/time');
const { parseCreateBankStatement, parseCreateCreditTerms } = require('./validation');

/** @typedef {import('../core/router').ApiContext} ApiContext */
/** @typedef {import('./fixtures').InvitedRecord} InvitedRecord */

/**
 * @typedef {object} Kind
 * @property {string} path
 * @property {'bankStatements' | 'creditTerms'} store The Dataset map, and the list answer's field.
 * @property {string} idField
 * @property {string} urlField
 * @property {string} type The records' `type` (undocumented value).
 * @property {string} linkPath Where the sandbox's applicant link points (undocumented format).
 * @property {string} name For 404 messages.
 * @property {(body: unknown) => ({ value: Record<string, unknown> } | { hints: import('../core/validation').Hint[] })} parse
 * @property {Record<string, unknown>} defaults Documented defaults of the body.
 */

/** @type {Kind} */
const BANK_STATEMENTS = {
	path: '/v1/financial',
	store: 'bankStatements',
	idField: 'bankStatementId',
	urlField: 'bankStatementUrl',
	type: 'bank-statement',
	linkPath: 'bank-statement',
	name: 'Bank statement',
	parse: parseCreateBankStatement,
	defaults: { period: '3' },
};

/** @type {Kind} */
const CREDIT_TERMS = {
	path: '/v1/credit-terms',
	store: 'creditTerms',
	idField: 'creditTermsId',
	urlField: 'creditTermsUrl',
	type: 'credit-terms',
	linkPath: 'credit-terms',
	name: 'Credit terms',
	parse: parseCreateCreditTerms,
	defaults: { requestedCreditPeriod: '30' },
};

/** Newest first, then id descending: a total order, so a cursor neither repeats nor skips. @param {InvitedRecord} a @param {InvitedRecord} b */
function newestFirst(a, b) {
	const byTime = Date.parse(b.createdAt) - Date.parse(a.createdAt);
	if (byTime !== 0) return byTime;
	return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** @param {InvitedRecord} record */
const encodeToken = ({ id, createdAt }) => Buffer.from(JSON.stringify({ id, createdAt })).toString('base64');

/** @param {string} token @returns {{ id: string, createdAt: string } | null} */
function decodeToken(token) {
	const bytes = Buffer.from(token, 'base64');
	if (bytes.length === 0 || bytes.toString('base64') !== token) return null;
	try {
		const value = JSON.parse(bytes.toString('utf8'));
		if (typeof value?.id === 'string' && typeof value.createdAt === 'string' && !Number.isNaN(Date.parse(value.createdAt))) return value;
	} catch {
		// not JSON
	}
	return null;
}

/** @param {Kind} kind @param {ApiContext} ctx @param {(record: InvitedRecord) => boolean} keep */
function list(kind, ctx, keep) {
	const token = ctx.request.query.nextToken;
	const after = token ? decodeToken(token) : null;
	if (token && !after) return invalid('Invalid query parameters', [{ code: 'custom', path: ['nextToken'], message: 'Invalid nextToken' }]);
	const orgId = ctx.identity.organization.id;
	const sorted = [...ctx.data[kind.store].values()].filter((record) => record.organizationId === orgId && keep(record)).sort(newestFirst);
	const start = after ? sorted.findIndex((record) => newestFirst(record, /** @type {InvitedRecord} */ (after)) > 0) : 0;
	const size = ctx.state.options.financialPageSize;
	const page = start === -1 ? [] : sorted.slice(start, start + size);
	const more = start !== -1 && start + size < sorted.length;
	return json(200, { [kind.store]: page, nextToken: more ? encodeToken(page[page.length - 1]) : null });
}

/** @param {Kind} kind @param {ApiContext} ctx */
function own(kind, ctx) {
	const record = ctx.data[kind.store].get(ctx.params.id);
	return record && record.organizationId === ctx.identity.organization.id ? record : undefined;
}

/** @param {Kind} kind */
const routesOf = (kind) => [
	{
		method: 'POST',
		path: kind.path,
		/** @param {ApiContext} ctx */
		handler(ctx) {
			const body = parseJsonBody(ctx.request.body);
			if ('response' in body) return body.response;
			const parsed = kind.parse(body.value);
			if ('hints' in parsed) return invalid('Invalid request body', parsed.hints);
			bill(ctx);
			const { externalId, ...config } = { ...kind.defaults, ...parsed.value };
			const at = iso(Date.now());
			/** @type {InvitedRecord} */
			const record = {
				id: randomUUID(),
				organizationId: ctx.identity.organization.id,
				userId: randomUUID(),
				senderUserId: ctx.identity.user.id,
				createdAt: at,
				updatedAt: at,
				status: 'pending',
				type: kind.type,
				...(typeof externalId === 'string' && { externalId }),
				Config: config,
			};
			ctx.data[kind.store].set(record.id, record);
			const url = `https://verify.deepidv.invalid/${kind.linkPath}/${encodeURIComponent(record.id)}`;
			return json(200, {
				[kind.idField]: record.id,
				[kind.urlField]: url,
				...(record.externalId !== undefined && { externalId: record.externalId }),
				links: [
					{ rel: 'self', href: `${ctx.state.baseUrl}${kind.path}/${encodeURIComponent(record.id)}`, description: 'Retrieve this request' },
					{ rel: 'applicant_url', href: url, description: 'Link for the applicant' },
				],
			});
		},
	},
	{ method: 'GET', path: kind.path, handler: (/** @type {ApiContext} */ ctx) => list(kind, ctx, () => true) },
	{
		method: 'GET',
		path: `${kind.path}/externalId/:externalId`,
		handler: (/** @type {ApiContext} */ ctx) => list(kind, ctx, (record) => record.externalId === ctx.params.externalId),
	},
	{
		method: 'GET',
		path: `${kind.path}/:id`,
		handler(/** @type {ApiContext} */ ctx) {
			const record = own(kind, ctx);
			return record ? json(200, record) : error(404, `${kind.name} not found`);
		},
	},
];

/** @type {import('../core/router').Route<ApiContext>[]} */
const routes = [...routesOf(BANK_STATEMENTS), ...routesOf(CREDIT_TERMS)];


module.exports = routes;
