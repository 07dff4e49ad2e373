// @ts-check
'use strict';
// DeepIDV session routes: create (+ deprecated alias /v1/idv), list, retrieve, update-status.
const { json, error, invalid, parseJsonBody } = require('../core/http');
const { parseCreateSession, parseUpdateStatus, parseListQuery } = require('./validation');
const { sessionsNewestFirst } = require('../core/store');
const { paginate } = require('../core/paging');
const { resourceLinks } = require('./records');
const { generatedSession } = require('./fixtures');
const lifecycle = require('./lifecycle');

/** @typedef {import('../core/router').ApiContext} ApiContext */
/** @typedef {import('../core/http').ApiResponse} ApiResponse */
/** @typedef {import('./records').SessionRecord} SessionRecord */
/** @typedef {import('./records').User} User */

/**
 * @param {ApiContext} ctx
 * @returns {ApiResponse}
 */
function createSession(ctx) {
	const body = parseJsonBody(ctx.request.body);
	if ('response' in body) return body.response;
	const parsed = parseCreateSession(body.value);
	if ('hints' in parsed) return invalid('Invalid request body', parsed.hints);
	const input = parsed.value;
	const workflow = input.workflow_id === undefined ? undefined : ctx.data.workflows.get(input.workflow_id);
	if (input.workflow_id !== undefined && workflow?.organization_id !== ctx.identity.organization.id) return error(404, 'Workflow not found');

	const record = lifecycle.createSession(ctx.state, ctx.identity, input, workflow);
	const { createIdField, sessionUrlBase } = ctx.state.options;
	const sessionUrl = sessionUrlBase + encodeURIComponent(record.id);
	return json(200, {
		...(createIdField !== 'idv_id' && { id: record.id }),
		...(createIdField !== 'id' && { idv_id: record.id }),
		session_url: sessionUrl,
		...(input.external_id !== undefined && { externalId: input.external_id }),
		...(record.expires_at !== undefined && { expires_at: record.expires_at }),
		links: [
			{ rel: 'self', href: `${ctx.state.baseUrl}/v1/sessions/${encodeURIComponent(record.id)}`, description: 'Retrieve this session' },
			{ rel: 'session_url', href: sessionUrl, description: 'Verification link for the applicant' },
		],
	});
}

/**
 * Modes, by documented precedence: external_id > workflow_id > by_organization > sessions sent by the
 * key's user. Only one mode applies; external_id and workflow_id search the whole organization.
 * start_date/end_date (created_at >= / <=) apply in every mode. The sandbox key always gets the five
 * fixtures and `next_token: null`, whatever the query.
 * @param {ApiContext} ctx
 */
function listSessions(ctx) {
	if (ctx.identity.mode === 'sandbox') return json(200, { sessions: sessionsNewestFirst(ctx.data), next_token: null });
	const parsed = parseListQuery(ctx.request.query);
	if ('hints' in parsed) return invalid('Invalid query parameters', parsed.hints);
	const q = parsed.value;
	const orgId = ctx.identity.organization.id;
	const userId = ctx.identity.user.id;
	/** @type {(record: SessionRecord) => boolean} */
	const inMode =
		q.externalId !== undefined
			? (r) => r.external_id === q.externalId
			: q.workflowId !== undefined
				? (r) => r.workflow_id === q.workflowId
				: q.byOrganization
					? () => true
					: (r) => r.sender_user_id === userId;
	const records = sessionsNewestFirst(ctx.data, (r) => {
		const created = Date.parse(r.created_at);
		return r.organization_id === orgId && inMode(r) && !(created < (q.startMs ?? -Infinity)) && !(created > (q.endMs ?? Infinity));
	});
	const { page, next_token } = paginate(records, q.after, q.limit);
	return json(200, { sessions: page, next_token });
}

/**
 * @param {ApiContext} ctx
 */
function retrieveSession(ctx) {
	const { id } = ctx.params;
	if (ctx.identity.mode === 'sandbox' && !ctx.data.sessions.has(id) && ctx.state.options.sandboxUnknownId === 'random') {
		const workflow = /** @type {import('../workflows/fixtures').WorkflowRecord} */ (ctx.data.workflows.get('test_workflow'));
		const generated = generatedSession(id, ctx.identity.organization.id, ctx.identity.user.id, workflow);
		return json(200, retrieveBody(generated.record, generated.applicant, ctx.identity.user));
	}
	const found = findOwnSession(ctx, id);
	if ('response' in found) return found.response;
	const { users } = ctx.data;
	return json(200, retrieveBody(found.record, users.get(found.record.user_id), users.get(found.record.sender_user_id)));
}

/**
 * @param {SessionRecord} record
 * @param {User | undefined} user
 * @param {User | undefined} sender
 */
function retrieveBody(record, user, sender) {
	return { session_record: record, resource_links: resourceLinks(record), ...(user && { user }), ...(sender && { sender_user: sender }) };
}

/**
 * Body first, then the session (docs are silent on the order of these checks).
 * @param {ApiContext} ctx
 */
function updateStatus(ctx) {
	const body = parseJsonBody(ctx.request.body);
	if ('response' in body) return body.response;
	const parsed = parseUpdateStatus(body.value);
	if ('hints' in parsed) return invalid('Invalid request body', parsed.hints);
	const found = findOwnSession(ctx, ctx.params.id);
	if ('response' in found) return found.response;
	lifecycle.decideSession(ctx.state, found.record, parsed.value.new_status);
	return json(200, { session_record: found.record });
}

/**
 * 404 for an unknown id, 403 for a session of another organization.
 * @param {ApiContext} ctx
 * @param {string} id
 * @returns {{ record: SessionRecord } | { response: ApiResponse }}
 */
function findOwnSession(ctx, id) {
	const entry = ctx.data.sessions.get(id);
	if (!entry) return { response: error(404, 'Session not found') };
	if (entry.record.organization_id !== ctx.identity.organization.id) return { response: error(403, 'This session belongs to another organization.') };
	return { record: entry.record };
}

/** @type {import('../core/router').Route<ApiContext>[]} */
module.exports = [
	{ method: 'POST', path: '/v1/sessions', handler: createSession },
	{ method: 'POST', path: '/v1/idv', handler: createSession },
	{ method: 'GET', path: '/v1/sessions', handler: listSessions },
	{ method: 'GET', path: '/v1/sessions/:id', handler: retrieveSession },
	{ method: 'PATCH', path: '/v1/sessions/:id/update-status', handler: updateStatus },
];
