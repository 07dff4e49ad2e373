import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

const choices = (values: Array<[name: string, value: string, description?: string]>): INodePropertyOptions[] =>
	values.map(([name, value, description]) => ({ name, value, ...(description && { description }) }));

export const DIRECTIONS = ['inbound', 'outbound', 'internal'];
export const TYPES = ['card', 'wire', 'eft', 'ach', 'crypto', 'cash', 'internal_transfer', 'other'];
export const STATUSES = ['pending', 'completed', 'failed', 'reversed'];
export const CHANNELS = ['web', 'mobile', 'api', 'branch', 'atm', 'pos'];

/** The sub-fields of one object of the record, as a fixed collection inside Additional Fields. */
function group(displayName: string, name: string, description: string, values: INodeProperties[]): INodeProperties {
	return {
		displayName,
		name,
		type: 'fixedCollection',
		default: {},
		description,
		options: [{ displayName, name: 'values', values }],
	};
}

const text = (displayName: string, name: string, description: string, placeholder?: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	description,
	...(placeholder && { placeholder }),
});

const countryField = (displayName: string, name: string, what: string) =>
	text(displayName, name, `${what}, as an ISO 3166-1 alpha-2 code`, 'e.g. GB');

export const transactionFields: INodeProperties[] = [
	{
		displayName: 'Input',
		name: 'input',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Fields Below', value: 'fields', description: 'Map each field of the transaction' },
			{ name: 'JSON', value: 'json', description: "A record already in DeepIDV's shape (snake_case or camelCase), sent as it is" },
		],
		default: 'fields',
	},
	{
		displayName: 'Transaction (JSON)',
		name: 'transactionJson',
		type: 'json',
		default: '={{ $json }}',
		required: true,
		displayOptions: { show: { input: ['json'] } },
		description:
			'The transaction record as DeepIDV documents it, e.g. {"client_txn_id": "txn-000123", "subject_user_id": "cust-8821", "timestamp": "2026-08-01T09:00:00Z", "direction": "outbound", "amount": {"value": 12500, "currency": "USD"}, "type": "wire"}. Checked before anything is sent.',
	},
	...(
		[
			{
				displayName: 'Client Transaction ID',
				name: 'clientTxnId',
				type: 'string',
				default: '',
				required: true,
				placeholder: 'e.g. txn-000123',
				description:
					'Your unique ID for this transaction (at most 128 characters). Saving the same ID again replaces that transaction in full, so always send the complete transaction.',
			},
			{
				displayName: 'Subject User ID',
				name: 'subjectUserId',
				type: 'string',
				default: '',
				required: true,
				placeholder: 'e.g. cust-8821',
				description: 'Your ID for the customer this transaction belongs to. DeepIDV starts monitoring a customer the first time it sees them.',
			},
			{
				displayName: 'Timestamp',
				name: 'timestamp',
				type: 'string',
				default: '',
				required: true,
				placeholder: 'e.g. 2026-08-01T09:00:00Z',
				description: 'When the transaction happened, as an ISO 8601 date and time',
			},
			{
				displayName: 'Direction',
				name: 'direction',
				type: 'options',
				options: choices([
					['Inbound', 'inbound', 'Money arriving at the customer'],
					['Outbound', 'outbound', 'Money leaving the customer'],
					['Internal', 'internal', "Money moving between the customer's own accounts, with no one else involved"],
				]),
				default: 'outbound',
				required: true,
				description:
					"Seen from the customer, not from your institution. DeepIDV cannot check it and nothing warns you if it is backwards: labelled from your institution's side, every inbound and outbound is inverted and the rules watch the wrong half of the transactions, which cannot be repaired later. Check it against a few known transactions before the first real batch.",
			},
			{
				displayName: 'Amount',
				name: 'amount',
				type: 'number',
				default: 0,
				required: true,
				typeOptions: { numberPrecision: 2 },
				description: 'The amount, in Currency. Must be a number, not text.',
			},
			{
				displayName: 'Currency',
				name: 'currency',
				type: 'string',
				default: '',
				required: true,
				placeholder: 'e.g. USD',
				description: 'The currency of Amount, as an ISO 4217 code',
			},
			{
				displayName: 'Type',
				name: 'type',
				type: 'options',
				options: choices([
					['ACH', 'ach'],
					['Card', 'card'],
					['Cash', 'cash'],
					['Crypto', 'crypto'],
					['EFT', 'eft'],
					['Internal Transfer', 'internal_transfer', 'Moved on your own ledger. Says how the money moved, not who between: set Direction separately.'],
					['Other', 'other'],
					['Wire', 'wire'],
				]),
				default: 'wire',
				required: true,
				description: 'How the money moved (the payment rail). Descriptive only: no DeepIDV rule reads it.',
			},
			{
				displayName: 'Additional Fields',
				name: 'additionalFields',
				type: 'collection',
				placeholder: 'Add Field',
				default: {},
				options: [
					{
						displayName: 'Channel',
						name: 'channel',
						type: 'options',
						options: choices([['API', 'api'], ['ATM', 'atm'], ['Branch', 'branch'], ['Mobile', 'mobile'], ['POS', 'pos'], ['Web', 'web']]),
						default: 'web',
						description: 'Where the transaction was made',
					},
					group('Counterparty', 'counterparty', 'The other party. Used by the rules, but never monitored itself.', [
						text('Name', 'name', 'Name of the other party'),
						text('External ID', 'external_id', 'Your ID for the other party'),
						text('Account Number', 'account_number', "The other party's account number"),
						text('Institution', 'institution', "The other party's bank or institution"),
						countryField('Country', 'country', "The other party's country"),
						text('Wallet Address', 'wallet_address', "The other party's crypto wallet address"),
					]),
					group('Crypto', 'crypto', 'Details of a crypto transaction', [
						text('Asset Type', 'asset_type', 'The crypto asset, e.g. BTC'),
						text('Transaction Hash', 'tx_hash', 'The on-chain transaction hash'),
						text('Wallet From', 'wallet_from', 'The sending wallet'),
						text('Wallet To', 'wallet_to', 'The receiving wallet'),
						{ displayName: 'Amount of Asset', name: 'amount_asset', type: 'number', default: 0, typeOptions: { numberPrecision: 8 }, description: 'The amount in units of the asset' },
					]),
					{ displayName: 'FX Rate', name: 'fxRate', type: 'number', default: 0, typeOptions: { numberPrecision: 6 }, description: 'The exchange rate applied to this transaction' },
					group('Geography', 'geography', 'Where the money came from and went to', [
						countryField('Origin Country', 'origin_country', 'Where the money came from (read by the high-risk geography rule)'),
						countryField('Destination Country', 'destination_country', 'Where the money went (read by the high-risk geography rule)'),
						countryField('IP Country', 'ip_country', 'The country of the IP address (kept as context; no rule reads it)'),
						text('IP Address', 'ip_address', 'The IPv4 or IPv6 address the transaction came from (kept as context; no rule reads it)', 'e.g. 203.0.113.42'),
					]),
					{
						displayName: 'Metadata',
						name: 'metadata',
						type: 'json',
						default: '{}',
						description: 'Your own fields, as a JSON object. DeepIDV stores them exactly as sent (keys are not converted) and never reads them.',
					},
					group(
						'Normalized Amount',
						'normalizedAmount',
						"The amount in your organisation's base currency. DeepIDV converts nothing: without it, a transaction in another currency is saved but skipped by the amount rules (warning NORMALIZED_AMOUNT_MISSING).",
						[
							{ displayName: 'Value', name: 'value', type: 'number', default: 0, typeOptions: { numberPrecision: 2 }, description: 'The amount in your base currency' },
							text('Currency', 'currency', 'Your base currency, as an ISO 4217 code', 'e.g. USD'),
							{ displayName: 'FX Rate', name: 'fx_rate', type: 'number', default: 0, typeOptions: { numberPrecision: 6 }, description: 'The exchange rate used (0: not sent)' },
						],
					),
					{
						displayName: 'Status',
						name: 'status',
						type: 'options',
						options: choices([['Completed', 'completed'], ['Failed', 'failed'], ['Pending', 'pending'], ['Reversed', 'reversed']]),
						default: 'completed',
						description: 'The state of the transaction',
					},
					group('Subject', 'subject', "The customer's identity. Without a name DeepIDV monitors their transactions but cannot name-screen them (warning SUBJECT_UNNAMED).", [
						text('First Name', 'first_name', "The customer's first name"),
						text('Last Name', 'last_name', "The customer's last name"),
						{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', description: "The customer's email address" },
						text('Phone', 'phone', "The customer's phone number", 'e.g. +14155552671'),
					]),
				],
			},
		] satisfies INodeProperties[]
	).map((property) => ({ ...property, displayOptions: { show: { input: ['fields'] } } })),
	{
		displayName: 'Options',
		name: 'saveOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Bot ID',
				name: 'botId',
				type: 'string',
				default: '',
				placeholder: 'e.g. agt-1a2b3c4d',
				description:
					'The transaction-risk bot to enrol new customers into. Needed only when your organisation runs more than one; DeepIDV never picks one itself.',
			},
			{
				displayName: 'Fail the Item When DeepIDV Rejects It',
				name: 'failOnRejected',
				type: 'boolean',
				default: false,
				description:
					'Whether a transaction DeepIDV rejects (not saved) fails its item. Off: it is an output item with status "rejected" and the errors, like the others.',
			},
		],
	},
];
