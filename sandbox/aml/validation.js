// @ts-check
'use strict';
// AML ingest (save-transactions.mdx, OAS AmlTransactionBatch / AmlTransactionRecord): the envelope, and each
// record on its own. A bad record never fails the batch: it gets `errors` ({code, field, message}, the field a
// dotted snake_case path) and is not stored. Keys may be snake_case or camelCase, except inside `metadata`,
// whose keys are the client's and never converted. The docs name only FIELD_INVALID as a record error code;
// every record error here uses it.
const { isIP } = require('node:net');
const { EMAIL } = require('../core/validation');
const { COUNTRIES, CURRENCIES } = require('./reference');

/** @typedef {{ code: string, field: string | null, message: string }} RecordError */
/** @typedef {Record<string, unknown>} Json */

const DIRECTIONS = ['inbound', 'outbound', 'internal'];
const TYPES = ['card', 'wire', 'eft', 'ach', 'crypto', 'cash', 'internal_transfer', 'other'];
const STATUSES = ['pending', 'completed', 'failed', 'reversed'];
const CHANNELS = ['web', 'mobile', 'api', 'branch', 'atm', 'pos'];
/** ISO 8601 date-time with a zone or without, as DeepIDV's example `2026-08-01T09:00:00Z`; a bare date too. */
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** @param {unknown} value */
const typeName = (value) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);
/** @param {unknown} value */
const isObject = (value) => !!value && typeof value === 'object' && !Array.isArray(value);
/** @param {string} key */
const snake = (key) => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/**
 * The record with snake_case keys at every level but `metadata`'s (kept exactly as sent).
 * @param {unknown} value
 * @returns {unknown}
 */
function toSnake(value) {
	if (Array.isArray(value)) return value.map(toSnake);
	if (!isObject(value)) return value;
	return Object.fromEntries(
		Object.entries(/** @type {Json} */ (value)).map(([key, inner]) => {
			const name = snake(key);
			return [name, name === 'metadata' ? inner : toSnake(inner)];
		}),
	);
}

/**
 * @param {string} field
 * @param {string} message
 * @returns {RecordError}
 */
const invalid = (field, message) => ({ code: 'FIELD_INVALID', field, message });
/** @param {string} expected @param {unknown} value @param {string} field */
const expected = (expected, value, field) => invalid(field, `Invalid input: expected ${expected}, received ${typeName(value)}`);

/** @typedef {(value: unknown, field: string) => RecordError | null} Check */

/** @type {Check} */
const text = (value, field) => (typeof value === 'string' ? null : expected('string', value, field));
/** @type {Check} */
const nonEmpty = (value, field) => text(value, field) ?? (value === '' ? invalid(field, 'Too small: expected string to have >=1 characters') : null);
/** @type {Check} */
const number = (value, field) => (typeof value === 'number' && Number.isFinite(value) ? null : expected('number', value, field));
/** @param {string[]} options @returns {Check} */
const oneOf = (options) => (value, field) =>
	typeof value === 'string' && options.includes(value) ? null : invalid(field, `Invalid option: expected one of ${options.map((o) => `"${o}"`).join('|')}`);
/** @param {Set<string>} codes @param {string} what @param {RegExp} shape @returns {Check} */
const code = (codes, what, shape) => (value, field) => {
	const wrong = text(value, field);
	if (wrong) return wrong;
	if (!shape.test(String(value))) return invalid(field, `Invalid ${what}: expected ${shape === CURRENCY_SHAPE ? '3' : '2'} capital letters, received "${value}"`);
	return codes.has(String(value)) ? null : invalid(field, `Unrecognized ${what} "${value}"`);
};
const CURRENCY_SHAPE = /^[A-Z]{3}$/;
const currency = code(CURRENCIES, 'ISO 4217 currency code', CURRENCY_SHAPE);
const country = code(COUNTRIES, 'ISO 3166-1 alpha-2 country code', /^[A-Z]{2}$/);
/** @type {Check} */
const timestamp = (value, field) =>
	text(value, field) ?? (ISO_8601.test(String(value)) && !Number.isNaN(Date.parse(String(value))) ? null : invalid(field, 'Invalid ISO 8601 date-time'));
/** @type {Check} */
const ipAddress = (value, field) => text(value, field) ?? (isIP(String(value)) ? null : invalid(field, 'Invalid IPv4 or IPv6 address'));
/** @type {Check} */
const nullableText = (value, field) => (value === null ? null : text(value, field));
/** @type {Check} */
const email = (value, field) => (value === null ? null : (text(value, field) ?? (EMAIL.test(String(value)) ? null : invalid(field, 'Invalid email address'))));
/** @type {Check} */
const anyObject = (value, field) => (isObject(value) ? null : expected('object', value, field));

/**
 * Checks the fields of an object: required ones must be present; absent optional ones are skipped.
 * @param {Json} object
 * @param {string} prefix e.g. 'amount.'
 * @param {Record<string, Check>} required
 * @param {Record<string, Check>} optional
 * @returns {RecordError[]}
 */
function fields(object, prefix, required, optional = {}) {
	/** @type {RecordError[]} */
	const errors = [];
	for (const [name, check] of Object.entries(required)) {
		const error = object[name] === undefined ? expected(check === number ? 'number' : check === anyObject ? 'object' : 'string', undefined, prefix + name) : check(object[name], prefix + name);
		if (error) errors.push(error);
	}
	for (const [name, check] of Object.entries(optional)) {
		const error = object[name] === undefined ? null : check(object[name], prefix + name);
		if (error) errors.push(error);
	}
	return errors;
}

/**
 * A nested object: its own type, then its fields.
 * @param {Json} record @param {string} name @param {boolean} isRequired
 * @param {Record<string, Check>} required @param {Record<string, Check>} optional
 */
function nested(record, name, isRequired, required, optional) {
	const value = record[name];
	if (value === undefined) return isRequired ? [expected('object', value, name)] : [];
	if (!isObject(value)) return [expected('object', value, name)];
	return fields(/** @type {Json} */ (value), `${name}.`, required, optional);
}

/**
 * One record: its snake_case form and its errors (none: it is stored).
 * @param {unknown} input
 * @returns {{ record: Json | null, clientTxnId: string | null, errors: RecordError[] }}
 */
function parseRecord(input) {
	if (!isObject(input)) return { record: null, clientTxnId: null, errors: [expected('object', input, '')].map((error) => ({ ...error, field: null })) };
	const record = /** @type {Json} */ (toSnake(input));
	const id = record.client_txn_id;
	const clientTxnId = typeof id === 'string' && id !== '' ? id : null;
	const errors = [
		...fields(record, '', {
			client_txn_id: (value, field) =>
				nonEmpty(value, field) ?? (String(value).length > 128 ? invalid(field, 'Too big: expected string to have <=128 characters') : null),
			subject_user_id: nonEmpty,
			timestamp,
			direction: oneOf(DIRECTIONS),
			type: oneOf(TYPES),
		}, { fx_rate: number, status: oneOf(STATUSES), channel: oneOf(CHANNELS), metadata: anyObject }),
		...nested(record, 'amount', true, { value: number, currency }, {}),
		...nested(record, 'normalized_amount', false, { value: number, currency }, { fx_rate: number }),
		...nested(record, 'counterparty', false, {}, { name: text, external_id: text, account_number: text, institution: text, country, wallet_address: text }),
		...nested(record, 'geography', false, {}, { origin_country: country, destination_country: country, ip_country: country, ip_address: ipAddress }),
		...nested(record, 'crypto', false, {}, { asset_type: text, tx_hash: text, wallet_from: text, wallet_to: text, amount_asset: number }),
		...nested(record, 'subject', false, {}, { first_name: nullableText, last_name: nullableText, email, phone: nullableText }),
	];
	// `metadata` goes back exactly as sent.
	if (isObject(input) && /** @type {Json} */ (input).metadata !== undefined) record.metadata = /** @type {Json} */ (input).metadata;
	return { record, clientTxnId: clientTxnId && clientTxnId.length <= 128 ? clientTxnId : null, errors };
}

/**
 * The envelope: a bare array, or `{ bot_id?, transactions }`; 1–500 records (`maxRecords`).
 * @param {unknown} body
 * @param {number} maxRecords
 * @returns {{ value: { botId?: string, transactions: unknown[] } } | { error: string, code?: string }}
 */
function parseEnvelope(body, maxRecords) {
	/** @type {unknown} */
	let transactions = body;
	/** @type {unknown} */
	let botId;
	if (isObject(body)) {
		const envelope = /** @type {Json} */ (body);
		transactions = envelope.transactions;
		botId = envelope.bot_id ?? envelope.botId;
	}
	if (!Array.isArray(transactions)) return { error: 'The body must be a JSON array of transactions or an object with a transactions array' };
	if (transactions.length === 0) return { error: 'The batch is empty: send 1 to 500 transactions' };
	if (transactions.length > maxRecords) return { error: `The batch has ${transactions.length} transactions; at most ${maxRecords} are allowed per request`, code: 'BATCH_TOO_LARGE' };
	if (botId !== undefined && (typeof botId !== 'string' || botId === '')) return { error: 'bot_id must be a non-empty string' };
	return { value: { ...(typeof botId === 'string' && { botId }), transactions } };
}

module.exports = { parseEnvelope, parseRecord, toSnake, DIRECTIONS, TYPES };
