// @ts-check
'use strict';
// Bodies and parameters of the iGaming routes (OAS schemas AnalyzeInjectionRequest, AnalyzeIpCheckRequest,
// AnalyzeAntiCheatRequest, SelfExclusion*Request), with Zod-style hints (core/validation.js). snake_case only:
// the docs say there are no camelCase aliases, so a camelCase field is simply not the field.
// Where the docs are silent:
//  - `ip_address` must be a syntactically valid IPv4 or IPv6 address (OAS); anything else is a 400. A valid
//    IPv6 address passes validation and is answered UNAVAILABLE by the checks (docs).
//  - Add Identity with both `document_number` and `document_numbers`: the docs say "provide one of", read
//    strictly here (400).
const { isIP } = require('node:net');
const { nonEmptyString, requireObject, typeHint, boolean } = require('../core/validation');

/** @typedef {import('../core/validation').Hint} Hint */
/** @typedef {{ pass: boolean, score: number, signals: string[] }} InjectionSignal */

/** The signal groups of POST /v1/igaming/injection, in the order the docs list them. */
const SIGNAL_GROUPS = /** @type {const} */ (['device_integrity', 'media_source', 'frame_timing']);

/**
 * @param {Hint[]} hints
 * @template T
 * @param {T} value
 * @returns {{ value: T } | { hints: Hint[] }}
 */
const result = (hints, value) => (hints.length > 0 ? { hints } : { value });

/** @param {unknown} body */
const fieldsOf = (body) => /** @type {Record<string, unknown>} */ (body);

/**
 * @param {unknown} body
 * @returns {{ value: { session_id: string, ip_address: string } } | { hints: Hint[] }}
 */
function parseIpCheck(body) {
	const notObject = requireObject(body);
	if (notObject) return notObject;
	const { session_id, ip_address } = fieldsOf(body);
	const ipHint =
		nonEmptyString(ip_address, ['ip_address']) ??
		(isIP(String(ip_address)) === 0 ? { code: 'invalid_string', validation: 'ip', path: ['ip_address'], message: 'Invalid ip' } : null);
	const hints = [nonEmptyString(session_id, ['session_id']), ipHint].filter((hint) => hint !== null);
	return result(hints, { session_id: /** @type {string} */ (session_id), ip_address: /** @type {string} */ (ip_address) });
}

/**
 * @param {unknown} value
 * @param {string} group
 * @returns {{ signal?: InjectionSignal, hints: Hint[] }}
 */
function parseSignal(value, group) {
	if (value === undefined) return { hints: [] };
	if (!value || typeof value !== 'object' || Array.isArray(value)) return { hints: [typeHint('object', value, [group])] };
	const { pass, score, signals = [] } = fieldsOf(value);
	/** @type {Hint[]} */
	const hints = [];
	const passHint = boolean(pass, [group, 'pass']);
	if (passHint) hints.push(passHint);
	if (typeof score !== 'number' || !Number.isFinite(score)) hints.push(typeHint('number', score, [group, 'score']));
	else if (score < 0 || score > 100) {
		hints.push({ code: score < 0 ? 'too_small' : 'too_big', [score < 0 ? 'minimum' : 'maximum']: score < 0 ? 0 : 100, type: 'number', inclusive: true, path: [group, 'score'], message: `Number must be ${score < 0 ? 'greater' : 'less'} than or equal to ${score < 0 ? 0 : 100}` });
	}
	if (!Array.isArray(signals)) hints.push(typeHint('array', signals, [group, 'signals']));
	else signals.forEach((signal, index) => {
		if (typeof signal !== 'string') hints.push(typeHint('string', signal, [group, 'signals', index]));
	});
	if (hints.length > 0) return { hints };
	return { signal: { pass: /** @type {boolean} */ (pass), score: /** @type {number} */ (score), signals: /** @type {string[]} */ (signals) }, hints };
}

/**
 * @param {unknown} body
 * @returns {{ value: { session_id: string, groups: Partial<Record<typeof SIGNAL_GROUPS[number], InjectionSignal>> } } | { hints: Hint[] }}
 */
function parseInjection(body) {
	const notObject = requireObject(body);
	if (notObject) return notObject;
	const fields = fieldsOf(body);
	const hints = [nonEmptyString(fields.session_id, ['session_id'])].filter((hint) => hint !== null);
	/** @type {Partial<Record<typeof SIGNAL_GROUPS[number], InjectionSignal>>} */
	const groups = {};
	for (const group of SIGNAL_GROUPS) {
		const parsed = parseSignal(fields[group], group);
		hints.push(...parsed.hints);
		if (parsed.signal) groups[group] = parsed.signal;
	}
	return result(hints, { session_id: /** @type {string} */ (fields.session_id), groups });
}

/**
 * @param {unknown} body
 * @returns {{ value: { session_id: string, image: string, device_fingerprint?: string } } | { hints: Hint[] }}
 */
function parseAntiCheat(body) {
	const notObject = requireObject(body);
	if (notObject) return notObject;
	const { session_id, image, device_fingerprint } = fieldsOf(body);
	const hints = [
		nonEmptyString(session_id, ['session_id']),
		nonEmptyString(image, ['image']),
		device_fingerprint === undefined || typeof device_fingerprint === 'string' ? null : typeHint('string', device_fingerprint, ['device_fingerprint']),
	].filter((hint) => hint !== null);
	return result(hints, {
		session_id: /** @type {string} */ (session_id),
		image: /** @type {string} */ (image),
		...(typeof device_fingerprint === 'string' && device_fingerprint !== '' && { device_fingerprint }),
	});
}

/**
 * Optional free-text fields of a body: a string when present.
 * @param {Record<string, unknown>} fields
 * @param {string[]} names
 * @returns {{ hints: Hint[], value: Record<string, string> }}
 */
function optionalTexts(fields, names) {
	/** @type {Hint[]} */
	const hints = [];
	/** @type {Record<string, string>} */
	const value = {};
	for (const name of names) {
		const text = fields[name];
		if (text === undefined) continue;
		if (typeof text === 'string') value[name] = text;
		else hints.push(typeHint('string', text, [name]));
	}
	return { hints, value };
}

/**
 * POST /v1/igaming/self-exclusion/identity: one of `document_number` (1+ characters) or `document_numbers`
 * (a non-empty array of such), and optional `reason`, `first_name`, `last_name`.
 * @param {unknown} body
 * @returns {{ value: { numbers: string[], reason?: string, first_name?: string, last_name?: string } } | { hints: Hint[] }}
 */
function parseAddIdentity(body) {
	const notObject = requireObject(body);
	if (notObject) return notObject;
	const fields = fieldsOf(body);
	const { document_number, document_numbers } = fields;
	const texts = optionalTexts(fields, ['reason', 'first_name', 'last_name']);
	/** @type {Hint[]} */
	const hints = [...texts.hints];
	/** @type {string[]} */
	let numbers = [];
	if (document_number !== undefined && document_numbers !== undefined) {
		hints.push({ code: 'custom', path: [], message: 'Provide either document_number or document_numbers, not both' });
	} else if (document_numbers !== undefined) {
		if (!Array.isArray(document_numbers)) hints.push(typeHint('array', document_numbers, ['document_numbers']));
		else if (document_numbers.length === 0) hints.push({ code: 'too_small', minimum: 1, type: 'array', inclusive: true, path: ['document_numbers'], message: 'Array must contain at least 1 element(s)' });
		else {
			document_numbers.forEach((number, index) => {
				const hint = nonEmptyString(number, ['document_numbers', index]);
				if (hint) hints.push(hint);
			});
			numbers = /** @type {string[]} */ (document_numbers);
		}
	} else if (document_number !== undefined) {
		const hint = nonEmptyString(document_number, ['document_number']);
		if (hint) hints.push(hint);
		numbers = [/** @type {string} */ (document_number)];
	} else {
		hints.push({ code: 'custom', path: [], message: 'Provide document_number or document_numbers' });
	}
	return result(hints, { numbers, ...texts.value });
}

/**
 * POST /v1/igaming/self-exclusion/face and /applicant: `{ session_id (1+ characters), reason? }`.
 * @param {unknown} body
 * @returns {{ value: { session_id: string, reason?: string } } | { hints: Hint[] }}
 */
function parseSessionExclusion(body) {
	const notObject = requireObject(body);
	if (notObject) return notObject;
	const fields = fieldsOf(body);
	const texts = optionalTexts(fields, ['reason']);
	const hints = [nonEmptyString(fields.session_id, ['session_id']), ...texts.hints].filter((hint) => hint !== null);
	return result(hints, { session_id: /** @type {string} */ (fields.session_id), ...texts.value });
}

/**
 * GET /v1/igaming/self-exclusion?limit= (an integer 1–1000, default 200).
 * @param {Record<string, string>} query
 * @returns {{ value: number } | { hints: Hint[] }}
 */
function parseRegistryLimit(query) {
	const text = query.limit;
	if (text === undefined) return { value: 200 };
	const limit = Number(text);
	if (text.trim() === '' || !Number.isInteger(limit)) return { hints: [typeHint('integer', text, ['limit'])] };
	if (limit < 1 || limit > 1000) {
		return { hints: [{ code: limit < 1 ? 'too_small' : 'too_big', [limit < 1 ? 'minimum' : 'maximum']: limit < 1 ? 1 : 1000, type: 'number', inclusive: true, path: ['limit'], message: `Number must be ${limit < 1 ? 'greater than or equal to 1' : 'less than or equal to 1000'}` }] };
	}
	return { value: limit };
}

module.exports = { SIGNAL_GROUPS, parseIpCheck, parseInjection, parseAntiCheat, parseAddIdentity, parseSessionExclusion, parseRegistryLimit };
