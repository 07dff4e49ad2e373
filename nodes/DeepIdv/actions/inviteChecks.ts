import { isEmail, PHONE_FORMAT_HINT, toE164 } from './contactFormats';

/**
 * The checks of what an invite sends (email, phone, https addresses, expiry hours), shared by every
 * resource that invites a person; each failure names the parameter and says how to fix it.
 */

const MAX_HOURS = 8760;

export type Fail = (message: string, description: string) => never;

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
