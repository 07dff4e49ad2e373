import type { INodeParameters } from 'n8n-workflow';

import { useSandbox } from '../helpers/sandbox';
import { runOperation } from '../helpers/screening';

const person = { firstName: 'Jane', lastName: 'Doe', dateOfBirth: '1990-05-17' };
const phone = { phone: '+447700900123' };
const titleOwner = { firstName: 'Alex', lastName: 'Morgan', email: 'alex@example.com', address: '742 Maple Avenue, Springfield, OR 97403' };
const PHONE_HINT =
	'Enter a plus sign, the country code and the number, e.g. +15192223333. Spaces, dashes, dots and brackets are allowed and removed before sending.';
const DATE_HINT = 'Enter the date of birth as YYYY-MM-DD, e.g. 1985-04-12, or pick it in the date picker.';
const needs = (what: string) => `DeepIDV needs ${what} for this check. Enter it, or map it from an earlier node.`;
const tomorrow = new Date(Date.now() + 86400e3).toISOString().slice(0, 10);

// [name, operation, parameters, message, description]
type Case = [string, string, INodeParameters, string, string];

const cases: Case[] = [
	['a blank first name', 'pepSanctions', { ...person, firstName: '  ' }, 'The First Name parameter is empty', needs("the person's first name")],
	['a last name mapped from nothing', 'adverseMedia', { ...person, lastName: '={{ $json.surname }}' }, 'The Last Name parameter is empty', needs("the person's last name")],
	['a first name over 255 characters', 'pepSanctions', { ...person, firstName: 'A'.repeat(256) }, 'The First Name is longer than 255 characters', 'DeepIDV accepts at most 255 characters for the First Name. Shorten it.'],
	['an empty date of birth', 'pepSanctions', { ...person, dateOfBirth: '={{ $json.dob }}' }, 'The Date of Birth parameter is empty', needs("the person's date of birth")],
	['a date of birth in another format', 'pepSanctions', { ...person, dateOfBirth: '17/05/1990' }, 'The Date of Birth "17/05/1990" is not a date', DATE_HINT],
	['a date of birth as a number', 'adverseMedia', { ...person, dateOfBirth: '={{ 19900517 }}' }, 'The Date of Birth "19900517" is not a date', DATE_HINT],
	['a date of birth that does not exist', 'pepSanctions', { ...person, dateOfBirth: '1990-02-30' }, 'The Date of Birth "1990-02-30" is not a real calendar date', 'Check the day and the month, and enter the date of birth as YYYY-MM-DD, e.g. 1985-04-12.'],
	['a date of birth in the future', 'adverseMedia', { ...person, dateOfBirth: tomorrow }, `The Date of Birth "${tomorrow}" is in the future`, 'A date of birth cannot be later than today. Check the year, and enter the date as YYYY-MM-DD, e.g. 1985-04-12.'],
	['an invalid email', 'pepSanctions', { ...person, additionalFields: { email: 'jane.example.com' } }, 'The Email "jane.example.com" is not a valid email address', "Enter the person's email address, e.g. jane.doe@example.com."],
	['a three-letter country', 'adverseMedia', { ...person, additionalFields: { country: 'GBR' } }, 'The Country "GBR" is not a two-letter country code', "Enter the ISO 3166-1 alpha-2 code of the person's country, e.g. GB, US or DE (any case)."],
	['UK as a country', 'adverseMedia', { ...person, additionalFields: { country: 'uk' } }, 'The Country "uk" is not a two-letter country code', "Enter the ISO 3166-1 alpha-2 code of the person's country, e.g. GB, US or DE (any case). The United Kingdom's code is GB."],
	['a country code that does not exist', 'adverseMedia', { ...person, additionalFields: { country: 'ZZ' } }, 'The Country "ZZ" is not a two-letter country code', "Enter the ISO 3166-1 alpha-2 code of the person's country, e.g. GB, US or DE (any case)."],
	['a Max Wait of 0', 'adverseMedia', { ...person, maxWaitSeconds: '={{ 0 }}' }, 'The Max Wait (Seconds) value "0" is not a number of 1 or more', 'Enter a number of seconds, e.g. 180 for three minutes.'],
	['a Poll Interval under half a second', 'titleCheck', { ...titleOwner, pollIntervalSeconds: 0.1 }, 'The Poll Interval (Seconds) value "0.1" is not a number of 0.5 or more', 'Enter a number of seconds, e.g. 2.'],
	['an empty title-check email', 'titleCheck', { ...titleOwner, email: '={{ "  " }}' }, 'The Email parameter is empty', needs("the person's email address")],
	['a title-check address over 500 characters', 'titleCheck', { ...titleOwner, address: 'x'.repeat(501) }, 'The Address is longer than 500 characters', 'DeepIDV accepts at most 500 characters for the Address. Shorten it.'],
	['an empty phone', 'phoneTrust', { phone: '={{ "" }}' }, 'The Phone parameter is empty', needs('the mobile number to check')],
	['a national phone number', 'carrierAgeGate', { phone: '07700 900123' }, 'The Phone "07700 900123" is not in international format', PHONE_HINT],
	['an empty session', 'phoneTrust', { phoneFrom: 'session', sessionId: { __rl: true, mode: 'id', value: ' ' } }, 'The Session parameter is empty', "Enter a DeepIDV session ID, or map one from an earlier node, e.g. the 'id' field of a DeepIDV Trigger item."],
	['an unknown sensitivity', 'phoneTrust', { ...phone, sensitivity: '={{ "extreme" }}' }, 'The Sensitivity "extreme" is not valid', 'Choose Low, Medium or High (low, medium or high from an expression).'],
	['no name for phone ownership', 'phoneOwnership', { ...phone }, 'The First Name and Last Name parameters are both empty', "DeepIDV compares a name with the carrier's records. Give at least one of First Name and Last Name, unless Phone From is Session (then the applicant's name is used)."],
	['an unknown strictness', 'phoneOwnership', { ...phone, lastName: 'Doe', strictness: '={{ "loose" }}' }, 'The Strictness "loose" is not valid', 'Choose Relaxed, Medium or Strict (relaxed, medium or strict from an expression).'],
	['a bad owner date of birth', 'phoneOwnership', { ...phone, lastName: 'Doe', additionalFields: { dateOfBirth: '1990-13-01' } }, 'The Date of Birth "1990-13-01" is not a real calendar date', 'Check the day and the month, and enter the date of birth as YYYY-MM-DD, e.g. 1985-04-12.'],
];

// n8n itself refuses a required field left empty in the editor; the empty ones here come from expressions.
describe('Screening input is checked before anything is sent (or billed)', () => {
	const env = useSandbox();

	it.each(cases)('refuses %s', async (_name, operation, parameters, message, description) => {
		const { sb } = env;
		const { error, items } = await runOperation(sb, 'screening', operation, parameters);
		expect(error?.message).toBe(message);
		expect(error?.description).toBe(description);
		expect(error?.context?.itemIndex).toBe(0);
		expect(items).toEqual([]);
		expect(sb.requests).toEqual([]);
	});

	it('accepts the limits: 255-character names, today as a date of birth, a country in any case', async () => {
		const { sb } = env;
		const today = new Date().toISOString().slice(0, 10);
		const { error } = await runOperation(sb, 'screening', 'adverseMedia', {
			firstName: 'A'.repeat(255),
			lastName: 'Doe',
			dateOfBirth: today,
			additionalFields: { country: 'de' },
			waitForResult: false,
		});
		expect(error).toBeUndefined();
		expect(sb.requests[0].json).toEqual({ firstName: 'A'.repeat(255), lastName: 'Doe', dateOfBirth: today, country: 'DE' });
	});

	it('under Continue On Fail, gives every item exactly one output, paired, the bad ones as error items', async () => {
		const { sb } = env;
		const { items } = await runOperation(
			sb,
			'screening',
			'pepSanctions',
			{ firstName: 'Jane', lastName: '={{ $json.last }}', dateOfBirth: '={{ $json.dob }}', requestOptions: { maxRetries: 1 } },
			{
				input: [
					{ last: 'Doe', dob: '1990-05-17' },
					{ last: 'Sanctioned', dob: '1990-02-30' },
					{ last: 'Sanctioned', dob: '1971-08-23' },
					{ last: '', dob: '1971-08-23' },
					{ last: 'Unavailable', dob: '1971-08-23' },
				],
				continueOnFail: true,
			},
		);
		expect(items.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
		expect(items.map(({ json }) => json.error ?? json.match)).toEqual([
			false,
			'The Date of Birth "1990-02-30" is not a real calendar date',
			true,
			'The Last Name parameter is empty',
			expect.stringMatching(/^DeepIDV had a server error \(HTTP 503\).*\(after 2 attempts\)$/),
		]);
		expect(sb.stats.billed).toEqual({ '/v1/screening/pep-sanctions': 2 });
	});
});
