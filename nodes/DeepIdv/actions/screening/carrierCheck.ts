import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { readSessionId, sessionFailureContext, sessionLocator } from '../session/sessionId';
import type { SimpleRequest } from '../simpleOperation';
import { billedCallFailure } from './billing';
import { additionalFields, emailOption, optionalText } from './personFields';
import type { ScreeningInput } from './validation';

/** Where the checked number comes from: typed or mapped, or a session's applicant. */
export const phoneSourceProperties: INodeProperties[] = [
	{
		displayName: 'Phone From',
		name: 'phoneFrom',
		type: 'options',
		default: 'phone',
		description: 'Where the phone number to check comes from',
		options: [
			{ name: 'Phone Number', value: 'phone', description: 'A mobile number you enter or map from an earlier node' },
			{
				name: 'Session',
				value: 'session',
				description: "The mobile number of a DeepIDV session's applicant; the result is also stored on the session",
			},
		],
	},
	{
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. +447700900123',
		description:
			'The mobile number to check, in international format: a plus sign, the country code and the number. Carrier data is available for UK numbers; US and Canadian numbers answer NO_DATA for now.',
		displayOptions: { show: { phoneFrom: ['phone'] } },
	},
	{
		...sessionLocator(
			"The session whose applicant's phone is checked. DeepIDV stores the result on the session too (under analysis_data.phone_checks); it is free when the session's workflow already has this check.",
		),
		displayOptions: { show: { phoneFrom: ['session'] } },
	},
];

/** Optional applicant details DeepIDV files with a trust or age check. */
export const applicantDetails = additionalFields([
	{ ...emailOption, description: "The applicant's email address, filed with the check" },
	{ displayName: 'First Name', name: 'firstName', type: 'string', default: '', description: "The applicant's first name, filed with the check" },
	{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '', description: "The applicant's last name, filed with the check" },
]);

export interface PhoneSource {
	/** `phone` or `sessionId`, as DeepIDV takes them. */
	body: IDataObject;
	sessionId?: string;
}

export function readPhoneSource(input: ScreeningInput): PhoneSource {
	if (input.raw('phoneFrom', 'phone') === 'session') {
		const sessionId = readSessionId(input.context, input.itemIndex);
		return { body: { sessionId }, sessionId };
	}
	const phone = input.required(input.text('phone'), 'Phone', 'the mobile number to check');
	return { body: { phone: input.phone(phone) } };
}

/** Email, first and last name from Additional Fields, each sent only when given. */
export function readApplicantDetails(input: ScreeningInput): IDataObject {
	const fields = input.fields();
	const details: IDataObject = {};
	const email = input.optionalEmail(fields);
	if (email) details.email = email;
	for (const name of ['firstName', 'lastName']) {
		const value = optionalText(fields, name);
		if (value) details[name] = value;
	}
	return details;
}

/** The request of one carrier check: billed, so never repeated once DeepIDV may have acted. */
export function carrierCheckRequest(path: string, what: string, body: IDataObject, source: PhoneSource): SimpleRequest {
	const invalidHint = source.sessionId
		? 'Check the Session and the other fields. A session whose applicant has no phone number cannot be checked: use Phone From: Phone Number.'
		: 'Check the Phone and the other fields.';
	return {
		method: 'POST',
		path,
		body: { ...source.body, ...body },
		retry: 'notIfBilled',
		failure: { ...(source.sessionId && sessionFailureContext(source.sessionId)), ...billedCallFailure(what, invalidHint) },
	};
}
