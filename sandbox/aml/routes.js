// @ts-check
'use strict';
// DeepIDV's AML routes (save-transactions.mdx, add-monitored-user.mdx, OAS):
//   POST /v1/aml/transactions                    JSON array or { bot_id?, transactions: [1–500] }, ≤ 5 MB
//     → 200 { accepted, warned, rejected, results: [{ index, client_txn_id, status, warnings?, errors? }] }
//     400 envelope invalid (over 500 records: code BATCH_TOO_LARGE), 413 over the size limit,
//     429 { error, code: QUOTA_EXCEEDED, quota, used, remaining, month, resets_at } — nothing stored.
//   POST /v1/aml/bots/{bot_id}/monitored-users  { subject_user_id } → 201 new / 200 existing MonitoredUser
// Ingest is idempotent on client_txn_id and replaces the record (a revision is kept when a field changed).
// Subjects are provisioned and enrolled on first sight. With the sandbox key both routes validate and answer
// as the live key would but store nothing and use no quota.
// Where the docs are silent, options decide: the organisation's bots (`amlBots`), its base currency
// (`amlBaseCurrency`), the monthly quota (`amlMonthlyQuota`, counted per record sent) and the size limit
// (`amlMaxBodyBytes`: "5 MB" read as 5,000,000 bytes).
const { json, error } = require('../core/http');
const { iso } = require('../core/time');
const { parseEnvelope, parseRecord } = require('./validation');

/** @typedef {import('../core/router').ApiContext} ApiContext */
/** @typedef {Record<string, unknown>} Json */

/**
 * A MonitoredUser (OAS).
 * @typedef {object} MonitoredUser
 * @property {string} org_id
 * @property {string} bot_id
 * @property {string} subject_user_id
 * @property {string | null} subject_user_name
 * @property {string} subject_country
 * @property {string} status
 * @property {number} cadence_days
 * @property {string} next_check_at
 * @property {string | null} last_checked_at
 * @property {string} added_at
 * @property {string | null} added_by
 * @property {string} updated_at
 */

/**
 * @typedef {object} StoredTransaction
 * @property {Json} record The latest version, snake_case, as stored.
 * @property {Json[]} revisions Earlier versions, oldest first, one per re-post that changed a field.
 */

/**
 * What one dataset holds for AML.
 * @typedef {object} AmlData
 * @property {Map<string, StoredTransaction>} transactions By client_txn_id.
 * @property {Map<string, { first_name: string | null, last_name: string | null, country: string }>} subjects Provisioned subjects, by subject_user_id.
 * @property {Map<string, MonitoredUser>} monitored By `${bot_id}/${subject_user_id}`.
 * @property {Map<string, number>} used Records counted against the quota, by month (YYYY-MM).
 */

const DAY = 24 * 3600e3;

/** @param {number} now */
function monthOf(now) {
	const date = new Date(now);
	return { month: date.toISOString().slice(0, 7), resetsAt: iso(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)) };
}

/** @param {ApiContext} ctx */
function apiKeyId(ctx) {
	return `key-${ctx.identity.key.slice(-4)}`;
}

/**
 * Enrols a subject into a bot (or finds the enrolment); stores it only for the live key.
 * @param {ApiContext} ctx @param {{ id: string, cadenceDays: number | null }} bot @param {string} subjectUserId
 * @returns {{ user: MonitoredUser, created: boolean }}
 */
function enrol(ctx, bot, subjectUserId) {
	const key = `${bot.id}/${subjectUserId}`;
	const existing = ctx.data.aml.monitored.get(key);
	if (existing) return { user: existing, created: false };
	const subject = ctx.data.aml.subjects.get(subjectUserId);
	const now = Date.now();
	const name = [subject?.first_name, subject?.last_name].filter(Boolean).join(' ');
	/** @type {MonitoredUser} */
	const user = {
		org_id: ctx.identity.organization.id,
		bot_id: bot.id,
		subject_user_id: subjectUserId,
		subject_user_name: name || null,
		subject_country: subject?.country ?? 'XX',
		status: 'active',
		cadence_days: Number(bot.cadenceDays),
		next_check_at: iso(now + Number(bot.cadenceDays) * DAY),
		last_checked_at: null,
		added_at: iso(now),
		added_by: apiKeyId(ctx),
		updated_at: iso(now),
	};
	if (ctx.identity.mode === 'live') ctx.data.aml.monitored.set(key, user);
	return { user, created: true };
}

/**
 * Which bot the batch's subjects are enrolled into, or the request-scope warning that says why none.
 * @param {ApiContext} ctx @param {string | undefined} botId
 */
function chooseBot(ctx, botId) {
	const bots = ctx.state.options.amlBots;
	const bot = botId === undefined ? (bots.length === 1 ? bots[0] : undefined) : bots.find((candidate) => candidate.id === botId);
	if (!bot) return { warning: bots.length === 0 ? 'NO_TRANSACTION_BOT' : 'AMBIGUOUS_TRANSACTION_BOT' };
	return bot.cadenceDays === null ? { warning: 'BOT_CADENCE_INVALID' } : { bot };
}

/** @param {ApiContext} ctx */
function saveTransactions(ctx) {
	const { amlMaxBodyBytes, amlMaxRecords, amlMonthlyQuota, amlBaseCurrency, amlBots } = ctx.state.options;
	const bytes = Buffer.byteLength(ctx.request.body);
	if (bytes > amlMaxBodyBytes) return error(413, `Request body is ${bytes} bytes, over the ${amlMaxBodyBytes}-byte limit. Split the batch.`);
	if (ctx.request.json === undefined) return error(400, ctx.request.body.trim() === '' ? 'The body is empty' : 'Invalid JSON body');
	const envelope = parseEnvelope(ctx.request.json, amlMaxRecords);
	if ('error' in envelope) return json(400, { error: envelope.error, ...(envelope.code && { code: envelope.code }) });
	const { botId, transactions } = envelope.value;
	if (botId !== undefined && !amlBots.some((bot) => bot.id === botId)) return json(400, { error: `bot_id "${botId}" is not a transaction-risk bot of your organization` });

	const live = ctx.identity.mode === 'live';
	const { aml } = ctx.data;
	if (live) {
		// Reserved for the whole batch before anything is written.
		const { month, resetsAt } = monthOf(Date.now());
		const used = aml.used.get(month) ?? 0;
		if (used + transactions.length > amlMonthlyQuota) {
			return json(429, { error: 'Monthly transaction quota exceeded', code: 'QUOTA_EXCEEDED', quota: amlMonthlyQuota, used, remaining: Math.max(0, amlMonthlyQuota - used), month, resets_at: resetsAt });
		}
		aml.used.set(month, used + transactions.length);
	}

	const chosen = chooseBot(ctx, botId);
	let accepted = 0;
	let warned = 0;
	const results = transactions.map((input, index) => {
		const { record, clientTxnId, errors } = parseRecord(input);
		if (!record || errors.length > 0) return { index, client_txn_id: clientTxnId, status: 'rejected', errors };
		const subjectUserId = String(record.subject_user_id);
		const given = /** @type {Json | undefined} */ (record.subject);
		const known = aml.subjects.get(subjectUserId);
		const subject = {
			first_name: /** @type {string | null} */ (given?.first_name ?? known?.first_name ?? null),
			last_name: /** @type {string | null} */ (given?.last_name ?? known?.last_name ?? null),
			country: known?.country ?? 'XX',
		};
		if (live) {
			aml.subjects.set(subjectUserId, subject);
			const previous = aml.transactions.get(String(record.client_txn_id));
			const revisions = previous ? [...previous.revisions] : [];
			if (previous && JSON.stringify(previous.record) !== JSON.stringify(record)) revisions.push(previous.record);
			aml.transactions.set(String(record.client_txn_id), { record, revisions });
		}
		const warnings = [];
		const amount = /** @type {Json} */ (record.amount);
		if (amount.currency !== amlBaseCurrency && record.normalized_amount === undefined) warnings.push('NORMALIZED_AMOUNT_MISSING');
		if (!subject.first_name && !subject.last_name) warnings.push('SUBJECT_UNNAMED');
		if ('warning' in chosen) warnings.push(chosen.warning);
		else enrol(ctx, chosen.bot, subjectUserId);
		accepted += 1;
		if (warnings.length === 0) return { index, client_txn_id: clientTxnId, status: 'accepted' };
		warned += 1;
		return { index, client_txn_id: clientTxnId, status: 'warned', warnings };
	});
	return json(200, { accepted, warned, rejected: transactions.length - accepted, results });
}

/** @param {ApiContext} ctx */
function addMonitoredUser(ctx) {
	const body = /** @type {Json | undefined} */ (ctx.request.json);
	const subjectUserId = body && typeof body === 'object' ? (body.subject_user_id ?? body.subjectUserId) : undefined;
	if (typeof subjectUserId !== 'string' || subjectUserId.trim() === '') return json(400, { error: 'subject_user_id is required' });
	const botId = ctx.params.bot_id;
	const bot = ctx.state.options.amlBots.find((candidate) => candidate.id === botId);
	if (!bot) return error(404, `Bot "${botId}" was not found in your organization`);
	if (!ctx.data.aml.subjects.has(subjectUserId)) return error(404, `Subject "${subjectUserId}" was not found in your organization`);
	if (bot.cadenceDays === null) return json(400, { error: "The bot's check interval is not configured", code: 'BOT_CADENCE_INVALID' });
	const { user, created } = enrol(ctx, bot, subjectUserId);
	return json(created ? 201 : 200, user);
}

/** @type {import('../core/router').Route<ApiContext>[]} */
module.exports = [
	{ method: 'POST', path: '/v1/aml/transactions', handler: saveTransactions },
	{ method: 'POST', path: '/v1/aml/bots/:bot_id/monitored-users', handler: addMonitoredUser },
];
