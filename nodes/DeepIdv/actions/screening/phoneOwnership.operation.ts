import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { simpleOperation } from '../simpleOperation';
import { carrierCheckRequest, phoneSourceProperties, readPhoneSource } from './carrierCheck';
import { additionalFields, dateOfBirthOption, emailOption, optionalText } from './personFields';
import { simplifyPhoneOwnership } from './simplify';
import { ScreeningInput } from './validation';

const STRICTNESS = ['relaxed', 'medium', 'strict'];
const NAME_HELP = 'Give at least one of First Name and Last Name, unless Phone From is Session (then the applicant\'s name is used)';

const properties: INodeProperties[] = [
	...phoneSourceProperties,
	{
		displayName: 'First Name',
		name: 'firstName',
		type: 'string',
		default: '',
		placeholder: 'e.g. Jane',
		description: `The first name the phone owner should have. ${NAME_HELP}.`,
	},
	{
		displayName: 'Last Name',
		name: 'lastName',
		type: 'string',
		default: '',
		placeholder: 'e.g. Doe',
		description: `The last name the phone owner should have. ${NAME_HELP}.`,
	},
	{
		displayName: 'Strictness',
		name: 'strictness',
		type: 'options',
		default: 'medium',
		description: 'How closely the name must match the carrier\'s records for the outcome MATCH',
		options: [
			{ name: 'Medium', value: 'medium', description: "Name score of 70 or more (DeepIDV's default)" },
			{ name: 'Relaxed', value: 'relaxed', description: 'Name score of 50 or more' },
			{ name: 'Strict', value: 'strict', description: 'Name score of 90 or more' },
		],
	},
	additionalFields([
		{
			displayName: 'Address',
			name: 'address',
			type: 'string',
			default: '',
			placeholder: 'e.g. 221B Baker Street, London NW1 6XE',
			description: "The owner's address, to compare with the carrier's records",
		},
		dateOfBirthOption,
		{ ...emailOption, description: "The owner's email address, filed with the check" },
	]),
];

/** POST /v1/screening/phone-ownership: whether the carrier's subscriber is the person named. */
export const { description, execute } = simpleOperation({
	properties,
	input: ScreeningInput,
	request: (input) => {
		const source = readPhoneSource(input);
		const body: IDataObject = {};
		for (const [name, label] of [['firstName', 'First Name'], ['lastName', 'Last Name']]) {
			const value = input.text(name);
			if (value) body[name] = input.maxLength(value, label, 255);
		}
		if (!source.sessionId && !body.firstName && !body.lastName) {
			input.fail('The First Name and Last Name parameters are both empty', `DeepIDV compares a name with the carrier's records. ${NAME_HELP}.`);
		}
		body.strictness = input.choice('strictness', 'Strictness', STRICTNESS, 'medium');
		const extra = input.fields();
		const address = optionalText(extra, 'address');
		if (address) body.address = input.maxLength(address, 'Address', 500);
		if (extra.dateOfBirth !== undefined && extra.dateOfBirth !== '') body.dateOfBirth = input.dateOfBirth(extra.dateOfBirth);
		const email = input.optionalEmail(extra);
		if (email) body.email = email;
		return carrierCheckRequest('/v1/screening/phone-ownership', 'phone ownership check', body, source);
	},
	simplify: {
		shows: 'outcome (MATCH, NO_MATCH or NO_DATA), the name, date of birth and address scores (-1 when not compared), and the threshold used',
		apply: simplifyPhoneOwnership,
	},
});
