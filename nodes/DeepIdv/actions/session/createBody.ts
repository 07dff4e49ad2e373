import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isEmail, PHONE_FORMAT_HINT, toE164 } from '../contactFormats';

const MAX_HOURS = 8760;

interface AdditionalFields {
	externalId?: string;
	workflowId?: string;
	redirectUrl?: string;
	expiresInHours?: number | string;
	sendEmailInvite?: boolean;
	sendPhoneInvite?: boolean;
}

export type Fail = (message: string, description: string) => never;

/**
 * The body of POST /v1/sessions for one item, checked before anything is sent: a session invites a
 * real person, so a mistake must stop the item here rather than at DeepIDV. Sent in camelCase,
 * the spelling every version of DeepIDV's documentation accepts.
 */
export function readCreateBody(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const fail: Fail = (message, description) => {
		throw new NodeOperationError(context.getNode(), message, { itemIndex, description });
	};
	const text = (name: string) => String(context.getNodeParameter(name, itemIndex, '') ?? '').trim();
	const extra = context.getNodeParameter('additionalFields', itemIndex, {}) as AdditionalFields;

	const body: IDataObject = {
		firstName: required(text('firstName'), 'First Name', "the applicant's first name", fail),
		lastName: required(text('lastName'), 'Last Name', "the applicant's last name", fail),
		email: checkEmail(required(text('email'), 'Email', "the applicant's email address", fail), fail),
		phone: checkPhone(required(text('phone'), 'Phone', "the applicant's mobile number", fail), fail),
		sendEmailInvite: extra.sendEmailInvite ?? true,
		sendPhoneInvite: extra.sendPhoneInvite ?? true,
	};
	const externalId = String(extra.externalId ?? '').trim();
	if (externalId) body.externalId = externalId;
	const workflowId = String(extra.workflowId ?? '').trim();
	if (workflowId) body.workflowId = workflowId;
	const redirectUrl = String(extra.redirectUrl ?? '').trim();
	if (redirectUrl) body.redirectUrl = checkRedirectUrl(redirectUrl, fail);
	if (extra.expiresInHours !== undefined && extra.expiresInHours !== '') {
		body.expiresInHours = checkHours(extra.expiresInHours, fail);
	}
	return body;
}

function required(value: string, label: string, what: string, fail: Fail): string {
	if (value) return value;
	return fail(
		`The ${label} parameter is empty`,
		`DeepIDV needs ${what} to create a session. Enter it, or map it from an earlier node.`,
	);
}

export function checkEmail(email: string, fail: Fail): string {
	if (isEmail(email)) return email;
	return fail(
		`The Email "${email}" is not a valid email address`,
		"Enter the applicant's email address, e.g. jane.doe@example.com.",
	);
}

export function checkPhone(phone: string, fail: Fail): string {
	return toE164(phone) ?? fail(`The Phone "${phone}" is not in international format`, PHONE_FORMAT_HINT);
}

export function checkRedirectUrl(url: string, fail: Fail): string {
	return checkHttpsUrl(url, 'Redirect URL', 'https://example.com/verification-complete', 'DeepIDV only sends applicants back to secure pages.', fail);
}

/** A full https:// address; `label` names the parameter, `why` says why https is needed. */
export function checkHttpsUrl(url: string, label: string, example: string, why: string, fail: Fail): string {
	if (!URL.canParse(url)) {
		return fail(`The ${label} "${url}" is not a valid web address`, `Enter a full address starting with https://, e.g. ${example}.`);
	}
	if (new URL(url).protocol === 'https:') return url;
	return fail(`The ${label} "${url}" does not start with https://`, `${why} Use an https:// address, e.g. ${example}.`);
}

export function checkHours(raw: number | string, fail: Fail): number {
	const hours = typeof raw === 'number' ? raw : Number(String(raw).trim());
	if (Number.isInteger(hours) && hours >= 1 && hours <= MAX_HOURS) return hours;
	return fail(
		`The Expires In (Hours) value "${raw}" is not a whole number from 1 to ${MAX_HOURS}`,
		'Enter how many hours the applicant has to finish, from 1 to 8760 (one year), e.g. 72 for three days.',
	);
}
