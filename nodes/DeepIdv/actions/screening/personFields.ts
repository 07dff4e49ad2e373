import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { asText } from '../itemInput';
import type { ScreeningInput } from './validation';

/** DeepIDV's limit on names in screening calls. */
const MAX_NAME = 255;

export const firstNameField: INodeProperties = {
	displayName: 'First Name',
	name: 'firstName',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. Jane',
	description: "The person's first (given) name, as on their ID",
};

export const lastNameField: INodeProperties = {
	displayName: 'Last Name',
	name: 'lastName',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. Doe',
	description: "The person's last name (surname, family name), as on their ID",
};

const DATE_OF_BIRTH_HELP =
	'Pick it, or map a date such as 1985-04-12 (YYYY-MM-DD) or an ISO date-time; only the date part is sent';

export const dateOfBirthField: INodeProperties = {
	displayName: 'Date of Birth',
	name: 'dateOfBirth',
	type: 'dateTime',
	default: '',
	required: true,
	description: `The person's date of birth. ${DATE_OF_BIRTH_HELP}.`,
};

/** An Additional Fields collection: optional fields, each sent only when given. */
export function additionalFields(options: INodeProperties[]): INodeProperties {
	return { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options };
}

/** Email as an optional field (in Additional Fields): sent when given. */
export const emailOption: INodeProperties = {
	displayName: 'Email',
	name: 'email',
	type: 'string',
	default: '',
	placeholder: 'e.g. jane.doe@example.com',
	description:
		"The person's email address, sent when given. DeepIDV's documents disagree on whether it is required: add it if DeepIDV answers that it is.",
};

/** The same date field for optional use inside Additional Fields. */
export const dateOfBirthOption: INodeProperties = {
	displayName: 'Date of Birth',
	name: 'dateOfBirth',
	type: 'dateTime',
	default: '',
	description: `The phone owner's date of birth, to compare with the carrier's records. ${DATE_OF_BIRTH_HELP}.`,
};

/** The person fields every person screening sends (camelCase, as DeepIDV documents them). */
export function readPerson(input: ScreeningInput): IDataObject {
	return {
		firstName: readName(input, 'firstName', 'First Name', "the person's first name"),
		lastName: readName(input, 'lastName', 'Last Name', "the person's last name"),
		dateOfBirth: input.dateOfBirth(input.raw('dateOfBirth')),
	};
}

/** A required name of at most 255 characters. */
export function readName(input: ScreeningInput, name: string, label: string, what: string): string {
	return input.maxLength(input.required(input.text(name), label, what), label, MAX_NAME);
}

/** Optional text from an Additional Fields collection, trimmed; undefined when empty. */
export function optionalText(fields: IDataObject, name: string): string | undefined {
	return asText(fields[name]) || undefined;
}
