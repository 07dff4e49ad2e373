import type { INodeProperties } from 'n8n-workflow';

import { firstNameField, lastNameField } from './screening/personFields';

/** First Name and Last Name of the person a Create invites, both required. */
export const applicantNameFields: INodeProperties[] = [
	{ ...firstNameField, description: "The applicant's first name" },
	{ ...lastNameField, description: "The applicant's last name" },
];

/**
 * The applicant fields of the Creates that invite a person by email and text (Session, Bank
 * Statement): First Name, Last Name, Email and Phone, all required. `link` names what DeepIDV sends
 * them, e.g. 'the verification link'.
 */
export function applicantFields(link: string): INodeProperties[] {
	return [
		...applicantNameFields,
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. jane.doe@example.com',
			description: `Where DeepIDV emails ${link}`,
		},
		{
			displayName: 'Phone',
			name: 'phone',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. +15192223333',
			description: `The applicant's mobile number in international format: a plus sign, the country code and the number. DeepIDV texts ${link} to it.`,
		},
	];
}
