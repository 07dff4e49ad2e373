// @ts-check
'use strict';
// DeepIDV silent screening: PEP & sanctions, adverse media (async job), title check (async job, or synchronous
// with `titleCheckMode: 'sync'` as the SDK has it), and the carrier checks (phone trust, carrier age gate,
// phone ownership). Answers come from fixtures.js. Every successful screening counts as billed in
// `stats.billed[path]`; the documented 503 (upstream deadline) and a replayed Idempotency-Key are not billed,
// nor is a carrier check on a session whose workflow already has that step (documented as free).
// Choice where the docs are silent: a carrier check by `sessionId` alone on a session without an applicant
// phone answers 400.
const { bill } = require('../core/billing');
const { randomUUID } = require('node:crypto');
const { json, error, invalid, parseJsonBody } = require('../core/http');
const { parsePepSanctions, parseAdverseMedia, parseTitleCheck, parseCarrierCheck } = require('./validation');
const fixtures = require('./fixtures');

/** @typedef {import('../core/router').ApiContext} ApiContext */
/** @typedef {import('../core/http').ApiResponse} ApiResponse */

const UNAVAILABLE = 'The screening provider did not answer in time. This request was not billed; try again.';

/**
 * The parsed body, or the 400 to answer.
 * @param {ApiContext} ctx
 * @param {(body: unknown) => { value: Record<string, any> } | { hints: import('../core/validation').Hint[] }} parse
 * @returns {{ input: Record<string, any> } | { response: ApiResponse }}
 */
function readBody(ctx, parse) {
	const body = parseJsonBody(ctx.request.body);
	if ('response' in body) return body;
	const parsed = parse(body.value);
	return 'hints' in parsed ? { response: invalid('Invalid request body', parsed.hints) } : { input: parsed.value };
}

/** @param {ApiContext} ctx */
const emailRequired = (ctx) => ctx.state.options.screeningEmail === 'required';

/** @param {ApiContext} ctx */
function pepSanctions(ctx) {
	const read = readBody(ctx, (body) => parsePepSanctions(body, emailRequired(ctx)));
	if ('response' in read) return read.response;
	const person = /** @type {import('./fixtures').Person} */ (read.input);
	if (fixtures.upstreamUnavailable(person)) return error(503, UNAVAILABLE);
	bill(ctx);
	return json(200, fixtures.pepSanctionsResult(person));
}

/**
 * 202 with a new job, or 200 with the job an earlier request with the same Idempotency-Key started.
 * @param {ApiContext} ctx
 * @param {import('./async-jobs').JobOutcome} outcome
 * @param {string} what
 */
function startJob(ctx, outcome, what) {
	const jobs = ctx.state.asyncJobs;
	const key = ctx.request.headers['idempotency-key'];
	const idempotencyKey = typeof key === 'string' && key !== '' ? key : undefined;
	const orgId = ctx.identity.organization.id;
	const earlier = jobs.replay(orgId, ctx.request.path, idempotencyKey);
	if (earlier) return json(200, { jobId: earlier.jobId, status: earlier.status, message: `${what} already started with this Idempotency-Key` });
	const job = jobs.create(orgId, ctx.request.path, idempotencyKey, outcome);
	bill(ctx);
	return json(202, { jobId: job.jobId, status: job.status, message: `${what} started. Poll GET /v1/async-jobs/${job.jobId} for the result.` });
}

/** @param {ApiContext} ctx */
function adverseMedia(ctx) {
	const read = readBody(ctx, (body) => parseAdverseMedia(body, emailRequired(ctx)));
	if ('response' in read) return read.response;
	const person = /** @type {import('./fixtures').Person} */ (read.input);
	if (fixtures.upstreamUnavailable(person)) return error(503, UNAVAILABLE);
	return startJob(ctx, fixtures.adverseMediaOutcome(person), 'Adverse media screening');
}

/** @param {ApiContext} ctx */
function titleCheck(ctx) {
	const read = readBody(ctx, parseTitleCheck);
	if ('response' in read) return read.response;
	const { input } = read;
	if (fixtures.upstreamUnavailable(/** @type {any} */ (input))) return error(503, UNAVAILABLE);
	const outcome = fixtures.titleCheckOutcome(input.address);
	if (ctx.state.options.titleCheckMode === 'async') return startJob(ctx, outcome, 'Title check');
	if ('error' in outcome) return error(503, UNAVAILABLE);
	bill(ctx);
	return json(200, outcome.result);
}

/** The workflow step that makes a carrier check on a session free, and where its result is stored. */
const CARRIER_STEPS = /** @type {const} */ ({ trust: 'PHONE_TRUST_CHECK', age_gate: 'CARRIER_AGE_GATE', ownership: 'PHONE_OWNERSHIP_MATCH' });

/**
 * @param {'trust' | 'age_gate' | 'ownership'} kind
 * @returns {(ctx: ApiContext) => ApiResponse}
 */
const carrierCheck = (kind) => (ctx) => {
	const read = readBody(ctx, (body) => parseCarrierCheck(body, kind));
	if ('response' in read) return read.response;
	const { input } = read;
	/** @type {import('../sessions/records').SessionRecord | undefined} */
	let record;
	let claimed = input;
	let phone = /** @type {string | undefined} */ (input.phone);
	if (input.sessionId !== undefined) {
		const entry = ctx.data.sessions.get(input.sessionId);
		if (!entry) return error(404, 'Session not found');
		if (entry.record.organization_id !== ctx.identity.organization.id) return error(403, 'This session belongs to another organization.');
		record = entry.record;
		const applicant = ctx.data.users.get(record.user_id);
		phone ??= applicant?.phone;
		claimed = { firstName: applicant?.first_name, lastName: applicant?.last_name, ...input };
	}
	// Without a sessionId the body has a phone (validation); with one, the applicant may have none.
	if (!phone) return error(400, 'The session has no phone number to check');
	if (fixtures.carrierUnavailable(phone)) return error(503, UNAVAILABLE);

	const result =
		kind === 'trust'
			? fixtures.phoneTrustResult(phone, input.sensitivity ?? 'medium')
			: kind === 'age_gate'
				? fixtures.carrierAgeGateResult(phone)
				: fixtures.phoneOwnershipResult(phone, claimed, input.strictness ?? 'medium');
	const answer = {
		...result,
		checkedAt: new Date().toISOString(),
		correlationId: randomUUID(),
		...(record && { sessionId: record.id }),
	};
	if (!record?.workflow_steps?.includes(CARRIER_STEPS[kind])) bill(ctx);
	// The sandbox key's fixtures are read-only; a live session keeps the result.
	if (record && ctx.identity.mode === 'live') {
		const analysis = (record.analysis_data ??= {});
		const checks = /** @type {Record<string, unknown>} */ ((analysis.phone_checks ??= {}));
		checks[kind] = answer;
	}
	return json(200, answer);
};

/** @type {import('../core/router').Route<ApiContext>[]} */
module.exports = [
	{ method: 'POST', path: '/v1/screening/pep-sanctions', handler: pepSanctions },
	{ method: 'POST', path: '/v1/screening/adverse-media', handler: adverseMedia },
	{ method: 'POST', path: '/v1/screening/title-check', handler: titleCheck },
	{ method: 'POST', path: '/v1/screening/phone-trust', handler: carrierCheck('trust') },
	{ method: 'POST', path: '/v1/screening/carrier-age-gate', handler: carrierCheck('age_gate') },
	{ method: 'POST', path: '/v1/screening/phone-ownership', handler: carrierCheck('ownership') },
];
