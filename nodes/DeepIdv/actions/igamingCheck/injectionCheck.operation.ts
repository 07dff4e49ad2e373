import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { ItemInput } from '../itemInput';
import { sessionCheckOperation } from './checkOperation';
import { checkedSession } from './sessionCheck';

/** DeepIDV's three signal groups: parameter name, label, body field. */
const GROUPS = [
	{ name: 'deviceIntegrity', label: 'Device Integrity', field: 'device_integrity', what: 'emulator, rooted or tampered device' },
	{ name: 'frameTiming', label: 'Frame Timing', field: 'frame_timing', what: 'frame timing of the capture' },
	{ name: 'mediaSource', label: 'Media Source', field: 'media_source', what: 'virtual camera or injected media' },
] as const;

const signalFields = (what: string): INodeProperties[] => [
	{
		displayName: 'Passed',
		name: 'pass',
		type: 'boolean',
		default: true,
		description: `Whether this signal group (${what}) passed on the applicant's device`,
	},
	{
		displayName: 'Score',
		name: 'score',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 100 },
		default: 0,
		description: 'The risk score your capture client gave this group, from 0 to 100',
	},
	{
		displayName: 'Signals',
		name: 'signals',
		type: 'string',
		default: '',
		placeholder: 'e.g. virtual-camera',
		description: 'The named indicators observed, separated by commas (or an array from an expression); empty for none',
	},
];

const signalGroups: INodeProperties = {
	displayName: 'Signal Groups',
	name: 'signalGroups',
	type: 'fixedCollection',
	placeholder: 'Add signal group',
	default: {},
	description:
		'The injection signals your liveness capture client collected. Add each group it reported; DeepIDV scores only the groups sent, and answers UNAVAILABLE when none is.',
	options: GROUPS.map(({ name, label, what }) => ({ displayName: label, name, values: signalFields(what) })),
};

/** One signal group's values as DeepIDV takes them, or an error naming the group and field. */
function readGroup(input: ItemInput, label: string, values: IDataObject): IDataObject {
	const pass = values.pass ?? true;
	if (typeof pass !== 'boolean') {
		return input.fail(`The ${label} → Passed value "${String(pass)}" is not true or false`, 'Choose on or off, or map a boolean, e.g. {{ $json.media_source.pass }}.');
	}
	const rawScore = values.score ?? 0;
	const score = typeof rawScore === 'number' ? rawScore : Number(String(rawScore).trim());
	if (String(rawScore).trim() === '' || !Number.isFinite(score) || score < 0 || score > 100) {
		return input.fail(`The ${label} → Score "${String(rawScore)}" is not a number from 0 to 100`, 'Enter the risk score your capture client reported for this group, e.g. 74.');
	}
	const rawSignals = values.signals ?? '';
	let signals: string[];
	if (Array.isArray(rawSignals)) {
		if (!rawSignals.every((signal) => typeof signal === 'string')) {
			return input.fail(`The ${label} → Signals list holds something other than text`, 'Map an array of names, e.g. ["virtual-camera"], or write them separated by commas.');
		}
		signals = rawSignals.map((signal: string) => signal.trim()).filter(Boolean);
	} else if (typeof rawSignals === 'string') {
		signals = rawSignals.split(',').map((signal) => signal.trim()).filter(Boolean);
	} else {
		return input.fail(`The ${label} → Signals value is not text or a list`, 'Write the names separated by commas, e.g. virtual-camera, or map an array of names.');
	}
	return { pass, score, signals };
}

export const { description, execute } = sessionCheckOperation({
	check: 'injection check',
	path: '/v1/igaming/injection',
	properties: [checkedSession('The verification session whose liveness capture the signals come from.'), signalGroups],
	invalidHint: 'Check the Session parameter and the Signal Groups (each needs Passed and a Score from 0 to 100).',
	body: (input) => {
		const chosen = (input.raw('signalGroups', {}) ?? {}) as IDataObject;
		const body: IDataObject = {};
		for (const { name, label, field } of GROUPS) {
			const values = chosen[name];
			if (values && typeof values === 'object' && !Array.isArray(values)) body[field] = readGroup(input, label, values as IDataObject);
		}
		if (Object.keys(body).length === 0) {
			input.fail(
				'No signal group is set in Signal Groups',
				'Add at least one of Device Integrity, Media Source or Frame Timing with the values your capture client reported: without signals DeepIDV answers UNAVAILABLE (action allow) without checking anything.',
			);
		}
		return body;
	},
});
