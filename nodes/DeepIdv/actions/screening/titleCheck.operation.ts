import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { deepIdvApiRequest } from '../../transport/request';
import type { TransportSettings } from '../../transport/settings';
import { billedCallFailure } from './billing';
import { idempotencyKey, idempotencyKeyOption } from './idempotencyKey';
import { additionalFields, firstNameField, lastNameField, readName } from './personFields';
import { simplifyTitleCheck } from './simplify';
import { simplifyField } from '../simplifyField';
import { ScreeningInput } from './validation';
import { jobOutput, readWaitSettings, waitProperties } from './waitForResult';

const MAX_ADDRESS = 500;

export const description: INodeProperties[] = [
	{ ...firstNameField, description: "The first name of the person who says they own the property" },
	{ ...lastNameField, description: "The last name of the person who says they own the property" },
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. jane.doe@example.com',
		description: "The person's email address",
	},
	{
		displayName: 'Address',
		name: 'address',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 742 Maple Avenue, Springfield, OR 97403',
		description:
			'The US property address on one line: street, city, state and ZIP code. Add the unit number for an apartment.',
	},
	additionalFields([idempotencyKeyOption]),
	...waitProperties,
	simplifyField(
		'status (found, multiple_properties, not_found or unsupported_region), found (true/false), message and the property, owner and sale records — the same shape whether DeepIDV answers at once or with a job',
	),
];

const WHAT = 'title check';
const PATH = '/v1/screening/title-check';

/**
 * POST /v1/screening/title-check. DeepIDV's documents disagree on whether it answers at once (the
 * SDK) or with a job (the OpenAPI file), so both answers are handled; billed, never repeated by the
 * node once DeepIDV may have acted, since only the OpenAPI file documents its Idempotency-Key. The
 * key is still sent, derived as for Adverse Media, so n8n's Retry On Fail and a re-run the same day
 * replay the job where DeepIDV honours it.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: TransportSettings,
): Promise<IDataObject[]> {
	const input = new ScreeningInput(this, itemIndex);
	const body: IDataObject = {
		email: input.email(input.required(input.text('email'), 'Email', "the person's email address")),
		firstName: readName(input, 'firstName', 'First Name', "the person's first name"),
		lastName: readName(input, 'lastName', 'Last Name', "the person's last name"),
		address: input.maxLength(input.required(input.text('address'), 'Address', "the property's address"), 'Address', MAX_ADDRESS),
	};
	const wait = readWaitSettings(input);
	const simplify = input.simplify();
	const key = idempotencyKey(input, PATH, body);

	const answer = await deepIdvApiRequest.call(
		this,
		{
			method: 'POST',
			path: PATH,
			body,
			headers: { 'Idempotency-Key': key },
			retry: 'notIfBilled',
			failure: {
				...billedCallFailure(WHAT, 'Check First Name, Last Name, Email and Address.'),
				maybeActedHint:
					'DeepIDV may have started the title check and billed it anyway, so the node did not repeat it. Running the item again today with the same details sends the same Idempotency Key, which DeepIDV documents as answering with the job it already started; another day, or changed details, start and bill a new one.',
			},
		},
		settings,
		itemIndex,
	);
	if (typeof answer.jobId !== 'string') return [simplify ? simplifyTitleCheck(answer) : answer];
	return [await jobOutput.call(this, answer, WHAT, wait, simplify && simplifyTitleCheck, settings, itemIndex)];
}
