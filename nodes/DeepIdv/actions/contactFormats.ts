/**
 * The phone and email rules every operation checks input against before sending it, so a number
 * accepted by Session → Create is accepted by the screening checks and the other way round.
 */

/** DeepIDV's phone format (E.164): a plus sign, a country code and the number, 10 to 15 digits. */
const E164 = /^\+[1-9]\d{9,14}$/;
/** Formatting people type into phone numbers; removed before the number is checked and sent. */
const PHONE_FORMATTING = /[\s().-]/g;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** How to write a phone number, for error descriptions. */
export const PHONE_FORMAT_HINT =
	'Enter a plus sign, the country code and the number, e.g. +15192223333. Spaces, dashes, dots and brackets are allowed and removed before sending.';

/** The number in E.164 with the formatting removed, or undefined when it is not one. */
export function toE164(phone: string): string | undefined {
	const compact = phone.replace(PHONE_FORMATTING, '');
	return E164.test(compact) ? compact : undefined;
}

export function isEmail(text: string): boolean {
	return EMAIL.test(text);
}
