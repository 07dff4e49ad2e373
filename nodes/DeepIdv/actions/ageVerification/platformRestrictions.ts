import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { ItemInput } from '../itemInput';

const TYPES = ['toggle', 'number', 'select', 'minutes'];
const CATEGORIES = ['feature', 'content'];

/**
 * Parent Connect's Platform Restrictions: the settings a parent may choose for the child, in
 * DeepIDV's documented shape `{ key, label, type, category, default, required, min, max, options }`.
 */
export const platformRestrictionsField: INodeProperties = {
	displayName: 'Platform Restrictions',
	name: 'platformRestrictions',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Restriction',
	default: {},
	description:
		'The settings the parent may choose for the child, e.g. a chat toggle or a daily time limit. DeepIDV offers the parent only what is declared here.',
	options: [
		{
			name: 'restriction',
			displayName: 'Restriction',
			values: [
				{
					displayName: 'Category',
					name: 'category',
					type: 'options',
					default: '',
					options: [
						{
							name: 'Content',
							value: 'content',
						},
						{
							name: 'Feature',
							value: 'feature',
						},
						{
							name: 'None',
							value: '',
						},
					]
				},
				{
					displayName: 'Choices',
					name: 'choices',
					type: 'string',
					default: '',
					placeholder: 'e.g. everyone, friends, nobody',
					description: 'For a Select:	the values the parent picks from, separated by commas',
				},
				{
					displayName: 'Default Value',
					name: 'defaultValue',
					type: 'string',
					default: '',
					placeholder: 'e.g. false',
					description: 'What is chosen until the parent changes it:	true or false for a Toggle, a number for Number and Minutes, one of the Choices for a Select. Empty:	none.',
				},
				{
					displayName: 'Key',
					name: 'key',
					type: 'string',
					default: '',
						required:	true,
					placeholder: 'e.g. chat_enabled',
					description: 'Your name for the setting;	the parent’s choice comes back under it in the boundaries',
				},
				{
					displayName: 'Label',
					name: 'label',
					type: 'string',
					default: '',
						required:	true,
					placeholder: 'e.g. Allow chat',
					description: 'What the parent sees',
				},
				{
					displayName: 'Max',
					name: 'max',
					type: 'string',
					default: '',
					placeholder: 'e.g. 120',
					description: 'For Number and Minutes:	the largest value the parent may choose. Empty:	no maximum.',
				},
				{
					displayName: 'Min',
					name: 'min',
					type: 'string',
					default: '',
					placeholder: 'e.g. 0',
					description: 'For Number and Minutes:	the smallest value the parent may choose. Empty:	no minimum.',
				},
				{
					displayName: 'Required',
					name: 'required',
					type: 'boolean',
					default: false,
					description: 'Whether the parent must choose a value',
				},
				{
					displayName: 'Type',
					name: 'type',
					type: 'options',
					default: 'toggle',
					options: [
						{
							name: 'Minutes',
							value: 'minutes',
							description: 'A number of minutes, e.g. daily screen time',
						},
						{
							name: 'Number',
							value: 'number',
							description: 'A number',
						},
						{
							name: 'Select',
							value: 'select',
							description: 'One of the Choices',
						},
						{
							name: 'Toggle',
							value: 'toggle',
							description: 'On or off',
						},
						]
				},
			],
		},
	],
};

interface RestrictionInput {
	key?: unknown;
	label?: unknown;
	type?: unknown;
	category?: unknown;
	defaultValue?: unknown;
	required?: unknown;
	min?: unknown;
	max?: unknown;
	choices?: unknown;
}

const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '');

/** The Platform Restrictions of one item, checked against DeepIDV's documented shape. */
export function readPlatformRestrictions(input: ItemInput): IDataObject[] {
	const raw = input.raw('platformRestrictions', {}) as { restriction?: RestrictionInput[] };
	const keys = new Set<string>();
	return (raw?.restriction ?? []).map((entry, index) => {
		const where = `Platform restriction ${index + 1}`;
		const fail = (problem: string, fix: string): never => input.fail(`${where} ${problem}`, fix);
		const key = text(entry.key) || fail('has no Key', 'Enter a key for the setting, e.g. chat_enabled.');
		if (keys.has(key)) fail(`uses the Key "${key}" again`, 'Give every restriction a key of its own.');
		keys.add(key);
		const named = `${where} ("${key}")`;
		const failKey = (problem: string, fix: string): never => input.fail(`${named} ${problem}`, fix);
		const label = text(entry.label) || failKey('has no Label', 'Enter what the parent sees, e.g. Allow chat.');
		const type = text(entry.type) || 'toggle';
		if (!TYPES.includes(type)) failKey(`has the unknown Type "${type}"`, 'Choose Toggle, Number, Select or Minutes.');
		const category = text(entry.category);
		if (category && !CATEGORIES.includes(category)) {
			failKey(`has the unknown Category "${category}"`, 'Choose Feature, Content or None.');
		}
		const restriction: IDataObject = { key, label, type };
		if (category) restriction.category = category;
		if (entry.required === true) restriction.required = true;

		const bounds = readBounds(entry, type, failKey);
		Object.assign(restriction, bounds);
		const choices = text(entry.choices)
			.split(',')
			.map((choice) => choice.trim())
			.filter(Boolean);
		if (type === 'select') {
			if (choices.length === 0) failKey('is a Select without Choices', 'Enter the values the parent picks from, separated by commas, e.g. everyone, friends, nobody.');
			restriction.options = choices;
		} else if (choices.length > 0) {
			failKey('has Choices but is not a Select', 'Remove the Choices, or set Type to Select.');
		}
		const fallback = readDefault(text(entry.defaultValue), type, bounds, choices, failKey);
		if (fallback !== undefined) restriction.default = fallback;
		return restriction;
	});
}

type Fail = (problem: string, fix: string) => never;

function readBounds(entry: RestrictionInput, type: string, fail: Fail): { min?: number; max?: number } {
	const bounds: { min?: number; max?: number } = {};
	for (const name of ['min', 'max'] as const) {
		const value = text(entry[name]);
		if (!value) continue;
		const label = name === 'min' ? 'Min' : 'Max';
		if (type !== 'number' && type !== 'minutes') fail(`has a ${label} but is not a Number or Minutes`, `Remove the ${label}, or set Type to Number or Minutes.`);
		const number = Number(value);
		if (!Number.isFinite(number)) fail(`has the ${label} "${value}", which is not a number`, `Enter a number, e.g. ${name === 'min' ? 0 : 120}.`);
		bounds[name] = number;
	}
	if (bounds.min !== undefined && bounds.max !== undefined && bounds.min > bounds.max) {
		fail(`has a Min (${bounds.min}) greater than its Max (${bounds.max})`, 'Swap them, or correct one of them.');
	}
	return bounds;
}

function readDefault(
	value: string,
	type: string,
	bounds: { min?: number; max?: number },
	choices: string[],
	fail: Fail,
): boolean | number | string | undefined {
	if (!value) return undefined;
	if (type === 'toggle') {
		if (value === 'true' || value === 'false') return value === 'true';
		return fail(`has the Default Value "${value}", but a Toggle is true or false`, 'Enter true or false, or leave it empty.');
	}
	if (type === 'select') {
		if (choices.includes(value)) return value;
		return fail(`has the Default Value "${value}", which is not one of its Choices`, `Enter one of: ${choices.join(', ')}; or leave it empty.`);
	}
	const number = Number(value);
	const { min = -Infinity, max = Infinity } = bounds;
	if (Number.isFinite(number) && number >= min && number <= max) return number;
	return fail(`has the Default Value "${value}", which is not a number within its Min and Max`, 'Enter a number within Min and Max, or leave it empty.');
}
