import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { deepIdvApiRequest } from '../../transport/request';
import type { TransportSettings } from '../../transport/settings';
import { idempotencyKey, idempotencyKeyOption } from './idempotencyKey';
import { additionalFields, dateOfBirthField, emailOption, firstNameField, lastNameField, optionalText, readPerson } from './personFields';
import { simplifyAdverseMedia } from './simplify';
import { simplifyField } from '../simplifyField';
import { ScreeningInput } from './validation';
import { jobOutput, readWaitSettings, waitProperties } from './waitForResult';

export const description: INodeProperties[] = [
	firstNameField,
	lastNameField,
	dateOfBirthField,
	additionalFields([
		{
				displayName: 'Country',
				name: 'country',
				type: 'string',
				default: '',
				placeholder: 'e.g. GB',
				description:
					"The person's country as a two-letter ISO 3166-1 code (any case), e.g. GB, US or DE. Helps DeepIDV find news about the right person.",
		},
		emailOption,
		idempotencyKeyOption,
	]),
	...waitProperties,
	simplifyField(
		'risk level (LOW, MEDIUM, HIGH or CRITICAL), risk score, number of hits, summary and the most severe findings',
	),
];

const WHAT = 'adverse media screening';
const PATH = '/v1/screening/adverse-media';

/**
 * POST /v1/screening/adverse-media starts a job (202, or 200 for a replay). The Idempotency-Key is
 * the same for every attempt at the item's screening that day (see idempotencyKey.ts), so the
 * transport's retries, n8n's Retry On Fail and a re-run replay the same job instead of billing a
 * new one.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: TransportSettings,
): Promise<IDataObject[]> {
	const input = new ScreeningInput(this, itemIndex);
	const body = readPerson(input);
	const extra = input.fields();
	const country = optionalText(extra, 'country');
	if (country) body.country = input.country(country);
	const email = input.optionalEmail(extra);
	if (email) body.email = email;
	const wait = readWaitSettings(input);
	const key = idempotencyKey(input, PATH, body);

	const accepted = await deepIdvApiRequest.call(
		this,
		{
			method: 'POST',
			path: PATH,
			body,
			headers: { 'Idempotency-Key': key },
			retry: 'idempotent',
			failure: {
				invalidHint:
					'Check First Name, Last Name, Date of Birth and the Additional Fields. If DeepIDV says an email is required, add Email under Additional Fields.',
			},
		},
		settings,
		itemIndex,
	);
	return [await jobOutput.call(this, accepted, WHAT, wait, input.simplify() && simplifyAdverseMedia, settings, itemIndex)];
}
