import type { IDataObject } from 'n8n-workflow';

import { isEmail, PHONE_FORMAT_HINT, toE164 } from '../contactFormats';
import { asText, ItemInput } from '../itemInput';
import { isCountryCode } from './countries';

/**
 * Input checks of the screening operations. A screening is billed, so every mistake stops the item
 * here, before anything is sent, with a message that names the parameter and shows the expected form.
 */
export class ScreeningInput extends ItemInput {
	/** A non-empty text: `what` says what DeepIDV needs it for, e.g. "the person's first name". */
	required(value: string, label: string, what: string): string {
		if (value) return value;
		return this.fail(
			`The ${label} parameter is empty`,
			`DeepIDV needs ${what} for this check. Enter it, or map it from an earlier node.`,
		);
	}

	/** At most `max` characters, as DeepIDV allows. */
	maxLength(value: string, label: string, max: number): string {
		if (value.length <= max) return value;
		return this.fail(
			`The ${label} is longer than ${max} characters`,
			`DeepIDV accepts at most ${max} characters for the ${label}. Shorten it.`,
		);
	}

	/**
	 * A date of birth as DeepIDV takes it (YYYY-MM-DD), from the date picker, an ISO date or date-time
	 * (only its date part counts, whatever the time and zone), a JavaScript Date or a Luxon DateTime.
	 */
	dateOfBirth(raw: unknown, label = 'Date of Birth'): string {
		const text = dateText(raw);
		if (!text) return this.required('', label, "the person's date of birth");
		const day = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\d{2}:\d{2})/.exec(text);
		const expected = 'Enter the date of birth as YYYY-MM-DD, e.g. 1985-04-12, or pick it in the date picker.';
		if (!day) return this.fail(`The ${label} "${text}" is not a date`, expected);
		const [year, month, date] = day.slice(1).map(Number);
		const calendar = new Date(Date.UTC(year, month - 1, date));
		if (calendar.getUTCFullYear() !== year || calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== date) {
			return this.fail(
				`The ${label} "${text}" is not a real calendar date`,
				'Check the day and the month, and enter the date of birth as YYYY-MM-DD, e.g. 1985-04-12.',
			);
		}
		const iso = `${day[1]}-${day[2]}-${day[3]}`;
		if (iso > new Date().toISOString().slice(0, 10)) {
			return this.fail(
				`The ${label} "${text}" is in the future`,
				'A date of birth cannot be later than today. Check the year, and enter the date as YYYY-MM-DD, e.g. 1985-04-12.',
			);
		}
		return iso;
	}

	/**
	 * One of `allowed` (lower-case option values), from the dropdown or in any case from an
	 * expression; `fallback` when empty.
	 */
	choice(name: string, label: string, allowed: string[], fallback: string): string {
		const value = this.text(name).toLowerCase() || fallback;
		if (allowed.includes(value)) return value;
		const names = allowed.map((option) => option[0].toUpperCase() + option.slice(1));
		const list = (words: string[]) => `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
		return this.fail(`The ${label} "${value}" is not valid`, `Choose ${list(names)} (${list(allowed)} from an expression).`);
	}

	/** The Email of a collection, checked, or undefined when not given. */
	optionalEmail(fields: IDataObject): string | undefined {
		const email = asText(fields.email);
		return email ? this.email(email) : undefined;
	}

	email(value: string): string {
		if (isEmail(value)) return value;
		return this.fail(
			`The Email "${value}" is not a valid email address`,
			"Enter the person's email address, e.g. jane.doe@example.com.",
		);
	}

	/** Two letters of ISO 3166-1 in any case; sent in capitals. */
	country(value: string): string {
		const code = value.toUpperCase();
		if (isCountryCode(code)) return code;
		const ukHint = code === 'UK' ? " The United Kingdom's code is GB." : '';
		return this.fail(
			`The Country "${value}" is not a two-letter country code`,
			`Enter the ISO 3166-1 alpha-2 code of the person's country, e.g. GB, US or DE (any case).${ukHint}`,
		);
	}

	phone(value: string): string {
		return toE164(value) ?? this.fail(`The Phone "${value}" is not in international format`, PHONE_FORMAT_HINT);
	}
}

/** What a date parameter holds, as text: the picker and expressions give strings, Dates or DateTimes. */
function dateText(raw: unknown): string {
	if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? 'Invalid Date' : raw.toISOString();
	const luxon = raw as { isLuxonDateTime?: boolean; toISODate?: () => string | null } | null;
	if (luxon && typeof luxon === 'object' && luxon.isLuxonDateTime && typeof luxon.toISODate === 'function') {
		return luxon.toISODate() ?? 'Invalid DateTime';
	}
	return asText(raw);
}
