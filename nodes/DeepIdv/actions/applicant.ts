import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { ItemInput } from './itemInput';
import { checkEmail, checkHours, checkPhone, checkRedirectUrl } from './inviteChecks';
import { firstNameField, lastNameField } from './screening/personFields';

/**
 * The person a hosted DeepIDV flow (session, credit check, age verification) invites, and the
 * invite's options: the same rules everywhere (E.164 phones, https redirects, 1–8760 hours),
 * checked before anything is sent.
 */
export function applicantFields(link: string, reached?: { email: string; phone: string }): INodeProperties[] {
	const emailDescription = reached?.email ?? `Where DeepIDV emails the ${link}`;
	const phoneDescription = `The applicant's mobile number in international format: a plus sign, the country code and the number. ${reached?.phone ?? `DeepIDV texts the ${link} to it.`}`;
	return [
		{ ...firstNameField, description: "The applicant's first name" },
		{ ...lastNameField, description: "The applicant's last name" },
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. jane.doe@example.com',
			description: emailDescription,
		},
		{
			displayName: 'Phone',
			name: 'phone',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. +15192223333',
			description: phoneDescription,
		},
	];
}

/** Additional Fields every invite has: External ID, Redirect URL and the two invite switches. */
export function inviteOptions(link: string): INodeProperties[] {
	return [
		{
			displayName: 'External ID',
			name: 'externalId',
			type: 'string',
			default: '',
			placeholder: 'e.g. crm-1001',
			description: 'Your own reference for the applicant, e.g. a CRM or order number. DeepIDV returns it with the record.',
		},
		{
			displayName: 'Redirect URL',
			name: 'redirectUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://example.com/check-complete',
			description: 'The page the applicant is sent to when finished. Must start with https://.',
		},
		{
			displayName: 'Send Email Invite',
			name: 'sendEmailInvite',
			type: 'boolean',
			default: true,
			description: `Whether DeepIDV emails the ${link} to the applicant`,
		},
		{
			displayName: 'Send SMS Invite',
			name: 'sendPhoneInvite',
			type: 'boolean',
			default: true,
			description: `Whether DeepIDV texts the ${link} to the applicant`,
		},
	];
}

/** The Expires In (Hours) additional field (1–8760). */
export const expiresInHoursOption: INodeProperties = {
	displayName: 'Expires In (Hours)',
	name: 'expiresInHours',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 8760, numberPrecision: 0 },
	default: 72,
	description: 'How long the applicant has to finish, from 1 hour to 8760 (one year)',
};

/**
 * The applicant and the invite options of one item as DeepIDV's camelCase body: the four
 * required fields checked, and of the Additional Fields those that are set. `creates` names what
 * is created, for the empty-field messages, e.g. 'a credit check'.
 */
export function readApplicant(input: ItemInput, creates: string): IDataObject {
	const extra = input.fields();
	const { externalId, expiresInHours, ...person } = readPerson(input, creates);
	const body: IDataObject = {
		...person,
		sendEmailInvite: extra.sendEmailInvite ?? true,
		sendPhoneInvite: extra.sendPhoneInvite ?? true,
	};
	if (externalId !== undefined) body.externalId = externalId;
	const redirectUrl = String(extra.redirectUrl ?? '').trim();
	if (redirectUrl) body.redirectUrl = checkRedirectUrl(redirectUrl, input.fail.bind(input));
	if (expiresInHours !== undefined) body.expiresInHours = expiresInHours;
	return body;
}

/**
 * The person alone, for a flow that invites nobody (the Workflow Runner's headless session): the
 * four required fields checked, and External ID and Expires In (Hours) of the Additional Fields
 * when set. camelCase, which DeepIDV prefers when both spellings arrive.
 */
export function readPerson(input: ItemInput, creates: string): IDataObject {
	const fail = input.fail.bind(input);
	const required = (name: string, label: string, what: string) =>
		input.text(name) ||
		fail(`The ${label} parameter is empty`, `DeepIDV needs ${what} to create ${creates}. Enter it, or map it from an earlier node.`);
	const extra = input.fields();
	const body: IDataObject = {
		firstName: required('firstName', 'First Name', "the applicant's first name"),
		lastName: required('lastName', 'Last Name', "the applicant's last name"),
		email: checkEmail(required('email', 'Email', "the applicant's email address"), fail),
		phone: checkPhone(required('phone', 'Phone', "the applicant's mobile number"), fail),
	};
	const externalId = String(extra.externalId ?? '').trim();
	if (externalId) body.externalId = externalId;
	if (extra.expiresInHours !== undefined && extra.expiresInHours !== '') {
		body.expiresInHours = checkHours(extra.expiresInHours as number | string, fail);
	}
	return body;
}
