import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { asText, ItemInput } from '../itemInput';
import { CHANNELS, DIRECTIONS, STATUSES, TYPES } from './fields';

/**
 * One transaction as DeepIDV takes it, read from an input item and checked before anything is
 * sent: the required fields, the codes by shape (ISO 4217, ISO 3166-1 alpha-2), numbers that are
 * numbers, IP addresses. Whether a well-formed code is a real one is DeepIDV's to say (it rejects
 * that record only).
 */
export interface TransactionRecord {
	/** The record, as sent (Fields Below: snake_case; JSON: as the item gave it). */
	record: IDataObject;
	/** Its `client_txn_id`, checked. */
	clientTxnId: string;
	/** The Bot ID option ('' when unset): records go to DeepIDV in batches of one bot only. */
	botId: string;
}

const CURRENCY = /^[A-Z]{3}$/;
const COUNTRY = /^[A-Z]{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** The parameter a record field comes from in Fields Below, to name it in errors. */
const PARAMETER_NAMES: Record<string, string> = {
	client_txn_id: 'Client Transaction ID',
	subject_user_id: 'Subject User ID',
	timestamp: 'Timestamp',
	direction: 'Direction',
	'amount.value': 'Amount',
	'amount.currency': 'Currency',
	type: 'Type',
	fx_rate: 'Additional Fields → FX Rate',
	metadata: 'Additional Fields → Metadata',
	status: 'Additional Fields → Status',
	channel: 'Additional Fields → Channel',
};
const GROUP_NAMES: Record<string, string> = {
	normalized_amount: 'Normalized Amount',
	counterparty: 'Counterparty',
	geography: 'Geography',
	crypto: 'Crypto',
	subject: 'Subject',
};

const isObject = (value: unknown): value is IDataObject => !!value && typeof value === 'object' && !Array.isArray(value);
const snake = (key: string) => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
const kind = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'string' ? `the text "${value}"` : typeof value);

/** Whether `value` is an IPv4 address, e.g. 203.0.113.42. */
function isIPv4(value: string): boolean {
	const parts = value.split('.');
	return parts.length === 4 && parts.every((part) => /^(0|[1-9]\d{0,2})$/.test(part) && Number(part) <= 255);
}

/** Whether `value` is an IPv6 address, e.g. 2001:db8::1 (with an IPv4 tail or a zone allowed). */
export function isIpAddress(value: string): boolean {
	if (isIPv4(value)) return true;
	const address = value.replace(/%[0-9A-Za-z._~-]+$/, '');
	const halves = address.split('::');
	if (halves.length > 2) return false;
	const groups = (text: string) => (text === '' ? [] : text.split(':'));
	const head = groups(halves[0]);
	const tail = halves.length === 2 ? groups(halves[1]) : [];
	const all = [...head, ...tail];
	let size = all.length;
	const last = all[all.length - 1];
	if (last !== undefined && last.includes('.')) {
		if (!isIPv4(last)) return false;
		all.pop();
		size += 1;
	}
	if (!all.every((group) => /^[0-9A-Fa-f]{1,4}$/.test(group))) return false;
	return halves.length === 2 ? size <= 7 : size === 8;
}

/** A view of the record with snake_case keys (DeepIDV takes camelCase too), `metadata` left alone. */
function snakeView(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(snakeView);
	if (!isObject(value)) return value;
	return Object.fromEntries(
		Object.entries(value).map(([key, inner]) => {
			const name = snake(key);
			return [name, name === 'metadata' ? inner : snakeView(inner)];
		}),
	);
}

/** Reads one input item's transaction, or fails the item naming the parameter and how to fix it. */
export class TransactionInput extends ItemInput {
	/** `jsonMode`: the Input parameter, the same for every item (it takes no expression), read once. */
	constructor(
		context: IExecuteFunctions,
		itemIndex: number,
		private readonly jsonMode: boolean,
	) {
		super(context, itemIndex);
	}

	/** The record and the item's options, checked. */
	read(): TransactionRecord & { failOnRejected: boolean } {
		const record = this.jsonMode ? this.fromJson() : this.fromFields();
		this.check(snakeView(record) as IDataObject);
		const options = this.fields('saveOptions');
		return {
			record,
			clientTxnId: String(record.client_txn_id ?? record.clientTxnId),
			botId: asText(options.botId),
			failOnRejected: options.failOnRejected === true,
		};
	}

	private fromJson(): IDataObject {
		let value = this.raw('transactionJson', {});
		if (typeof value === 'string') {
			try {
				value = JSON.parse(value);
			} catch (error) {
				this.fail(`Transaction (JSON) is not valid JSON: ${(error as Error).message}`, 'Enter one transaction as a JSON object, or map the item with {{ $json }}.');
			}
		}
		if (!isObject(value)) this.fail(`Transaction (JSON) is ${kind(value)}, not a JSON object`, 'Enter one transaction as a JSON object; to save a list, split it into items first (Split Out node).');
		return value;
	}

	private fromFields(): IDataObject {
		const extra = this.fields();
		const record: IDataObject = {
			client_txn_id: this.text('clientTxnId'),
			subject_user_id: this.text('subjectUserId'),
			timestamp: this.timestamp(),
			direction: this.raw('direction') as string,
			amount: { value: this.raw('amount', undefined) as number, currency: this.text('currency').toUpperCase() },
			type: this.raw('type') as string,
		};
		const normalized = groupValues(extra.normalizedAmount);
		if (normalized) {
			const { fx_rate: fxRate, ...rest } = normalized;
			record.normalized_amount = { ...rest, ...(typeof rest.currency === 'string' && { currency: rest.currency.toUpperCase() }), ...(fxRate !== 0 && fxRate !== undefined && { fx_rate: fxRate }) };
		}
		if (extra.fxRate !== undefined) record.fx_rate = extra.fxRate;
		if (extra.status !== undefined) record.status = extra.status;
		if (extra.channel !== undefined) record.channel = extra.channel;
		for (const name of ['counterparty', 'geography', 'crypto', 'subject']) {
			const values = groupValues(extra[name]);
			if (!values) continue;
			// An asset amount of 0 is the field's default, not a value.
			if (name === 'crypto' && values.amount_asset === 0) delete values.amount_asset;
			for (const field of ['country', 'origin_country', 'destination_country', 'ip_country']) {
				if (typeof values[field] === 'string') values[field] = (values[field] as string).toUpperCase();
			}
			record[name] = values;
		}
		if (extra.metadata !== undefined) record.metadata = this.metadata(extra.metadata) as IDataObject;
		return record;
	}

	private timestamp(): string {
		const value = this.raw('timestamp');
		if (value instanceof Date) return value.toISOString();
		const toISO = (value as { toISO?: () => string } | null)?.toISO;
		return typeof toISO === 'function' ? toISO.call(value) : asText(value);
	}

	private metadata(value: unknown): unknown {
		if (typeof value !== 'string') return value;
		try {
			return value.trim() === '' ? {} : JSON.parse(value);
		} catch (error) {
			return this.fail(`Additional Fields → Metadata is not valid JSON: ${(error as Error).message}`, 'Enter your own fields as a JSON object, e.g. {"ledger_ref": "GL-99812"}.');
		}
	}

	/** How a field is named in an error: its parameter (Fields Below) or its JSON path. */
	private where(path: string): string {
		if (this.jsonMode) return `Transaction (JSON) field "${path}"`;
		if (PARAMETER_NAMES[path]) return PARAMETER_NAMES[path];
		const [groupName, field] = path.split('.');
		const label = field.replace(/(^|_)([a-z])/g, (_match, space: string, letter: string) => `${space ? ' ' : ''}${letter.toUpperCase()}`).replace(/\bIp\b/, 'IP').replace(/\bId\b/, 'ID').replace(/\bFx\b/, 'FX');
		return `Additional Fields → ${GROUP_NAMES[groupName]} → ${label}`;
	}

	private bad(path: string, problem: string, fix: string): never {
		return this.fail(`${this.where(path)} ${problem}`, fix);
	}

	private check(record: IDataObject): void {
		const text = (path: string, value: unknown, required: boolean) => {
			if (value === undefined || value === '') {
				if (required) this.bad(path, 'is empty', `Enter the ${path === 'client_txn_id' ? "transaction's ID" : 'value'}; DeepIDV requires it.`);
				return false;
			}
			if (typeof value !== 'string') this.bad(path, `is ${kind(value)}, not text`, 'Enter it as text.');
			return true;
		};
		const number = (path: string, value: unknown, required: boolean) => {
			if (value === undefined || (value === '' && !required)) {
				if (required) this.bad(path, 'is empty', 'Enter a number; DeepIDV requires it.');
				return;
			}
			if (typeof value !== 'number' || !Number.isFinite(value)) {
				this.bad(path, `is ${kind(value)}, not a number`, 'DeepIDV takes amounts and rates as JSON numbers, not text: convert it, e.g. {{ Number($json.amount) }}.');
			}
		};
		const code = (path: string, value: unknown, required: boolean, shape: RegExp, standard: string, example: string) => {
			if (text(path, value, required) && !shape.test(value as string)) {
				this.bad(path, `is "${value as string}", not an ${standard} code`, `Enter the ${standard} code in capitals, e.g. ${example}.`);
			}
		};
		const oneOf = (path: string, value: unknown, options: string[], required: boolean) => {
			if (text(path, value, required) && !options.includes(value as string)) {
				this.bad(path, `is "${value as string}", which DeepIDV does not take`, `Use one of: ${options.join(', ')}.`);
			}
		};
		const object = (path: string, value: unknown): value is IDataObject => {
			if (value === undefined) return false;
			if (!isObject(value)) this.bad(path, `is ${kind(value)}, not an object`, `Enter ${path} as a JSON object.`);
			return true;
		};

		const id = record.client_txn_id;
		text('client_txn_id', id, true);
		if ((id as string).length > 128) this.bad('client_txn_id', `is ${(id as string).length} characters long`, 'DeepIDV takes at most 128 characters. Use a shorter ID.');
		text('subject_user_id', record.subject_user_id, true);
		const timestamp = record.timestamp;
		if (text('timestamp', timestamp, true) && (!ISO_8601.test(timestamp as string) || Number.isNaN(Date.parse(timestamp as string)))) {
			this.bad('timestamp', `is "${timestamp as string}", not an ISO 8601 date and time`, 'Enter it like 2026-08-01T09:00:00Z, e.g. {{ $json.created_at.toDateTime().toISO() }}.');
		}
		oneOf('direction', record.direction, DIRECTIONS, true);
		oneOf('type', record.type, TYPES, true);
		if (!object('amount', record.amount)) this.bad('amount', 'is missing', 'Enter the amount as {"value": 12500, "currency": "USD"}.');
		const amount = record.amount as IDataObject;
		number('amount.value', amount.value, true);
		code('amount.currency', amount.currency, true, CURRENCY, 'ISO 4217', 'USD');
		if (object('normalized_amount', record.normalized_amount)) {
			const normalized = record.normalized_amount;
			number('normalized_amount.value', normalized.value, true);
			code('normalized_amount.currency', normalized.currency, true, CURRENCY, 'ISO 4217', 'USD');
			number('normalized_amount.fx_rate', normalized.fx_rate, false);
		}
		number('fx_rate', record.fx_rate, false);
		oneOf('status', record.status, STATUSES, false);
		oneOf('channel', record.channel, CHANNELS, false);
		if (object('counterparty', record.counterparty)) {
			code('counterparty.country', record.counterparty.country, false, COUNTRY, 'ISO 3166-1 alpha-2', 'GB');
		}
		if (object('geography', record.geography)) {
			const geography = record.geography;
			for (const field of ['origin_country', 'destination_country', 'ip_country']) code(`geography.${field}`, geography[field], false, COUNTRY, 'ISO 3166-1 alpha-2', 'GB');
			const ip = geography.ip_address;
			if (text('geography.ip_address', ip, false) && !isIpAddress(ip as string)) {
				this.bad('geography.ip_address', `is "${ip as string}", not an IPv4 or IPv6 address`, 'Enter an address like 203.0.113.42 or 2001:db8::1, or leave it out.');
			}
		}
		if (object('crypto', record.crypto)) number('crypto.amount_asset', record.crypto.amount_asset, false);
		if (object('subject', record.subject)) {
			const email = record.subject.email;
			if (email !== null && text('subject.email', email, false) && !EMAIL.test(email as string)) {
				this.bad('subject.email', `is "${email as string}", not an email address`, 'Enter an address like name@example.com, or leave it out.');
			}
		}
		if (record.metadata !== undefined && !isObject(record.metadata)) this.bad('metadata', `is ${kind(record.metadata)}, not a JSON object`, 'Enter your own fields as a JSON object, e.g. {"ledger_ref": "GL-99812"}.');
	}
}

/** The values of a fixed collection in Additional Fields, without the empty ones; undefined when none. */
function groupValues(value: unknown): IDataObject | undefined {
	const values = isObject(value) && isObject(value.values) ? value.values : undefined;
	if (!values) return undefined;
	const kept = Object.fromEntries(Object.entries(values).filter(([, inner]) => inner !== '' && inner !== undefined && inner !== null));
	return Object.keys(kept).length > 0 ? kept : undefined;
}
