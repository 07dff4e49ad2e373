import { randomUUID } from 'crypto';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { deepIdvApiRequest } from '../../transport/request';
import type { TransportSettings } from '../../transport/settings';
import { dateOfBirthField, emailOption, firstNameField, lastNameField, optionalText, readPerson } from './personFields';
import { simplifyAcceptedJob, simplifyAdverseMedia } from './simplify';
import { simplifyField } from './simplifyField';
import { ScreeningInput } from './validation';
import { readWaitSettings, waitForJob, waitProperties } from './waitForResult';

const properties: INodeProperties[] = [
	firstNameField,
	lastNameField,
	dateOfBirthField,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
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
		],
	},
	...waitProperties,
	simplifyField(
		'Simplified: risk level (LOW, MEDIUM, HIGH or CRITICAL), risk score, number of hits, summary and the most severe findings',
	),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['screening'], operation: ['adverseMedia'] } },
	properties,
);

const WHAT = 'adverse media screening';

/**
 * POST /v1/screening/adverse-media starts a job (202, or 200 for a replay). The Idempotency-Key is
 * made once per item, so the transport's retries replay the same job instead of billing a new one.
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
	const email = optionalText(extra, 'email');
	if (email) body.email = input.email(email);
	const wait = readWaitSettings(input);
	const simplify = input.raw('simplify', true) !== false;

	const accepted = await deepIdvApiRequest.call(
		this,
		{
			method: 'POST',
			path: '/v1/screening/adverse-media',
			body,
			headers: { 'Idempotency-Key': randomUUID() },
			retry: 'idempotent',
			failure: {
				invalidHint:
					'Check First Name, Last Name, Date of Birth and the Additional Fields. If DeepIDV says an email is required, add Email under Additional Fields.',
			},
		},
		settings,
		itemIndex,
	);
	if (!wait) return [simplify ? simplifyAcceptedJob(accepted) : accepted];
	const job = await waitForJob.call(this, accepted, WHAT, wait, settings, itemIndex);
	return [simplify ? simplifyAdverseMedia(job) : job];
}
