import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { deepIdvApiRequest } from '../../transport/request';
import type { TransportSettings } from '../../transport/settings';
import { billedCallFailure } from './billing';
import { firstNameField, lastNameField, readName } from './personFields';
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
	...waitProperties,
	simplifyField(
		'status (found, multiple_properties, not_found or unsupported_region), found (true/false), message and the property, owner and sale records — the same shape whether DeepIDV answers at once or with a job',
	),
];

const WHAT = 'title check';

/**
 * POST /v1/screening/title-check. DeepIDV's documents disagree on whether it answers at once (the
 * SDK) or with a job (the OpenAPI file), so both answers are handled; billed, never repeated once
 * DeepIDV may have acted.
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

	const answer = await deepIdvApiRequest.call(
		this,
		{
			method: 'POST',
			path: '/v1/screening/title-check',
			body,
			retry: 'notIfBilled',
			failure: billedCallFailure(WHAT, 'Check First Name, Last Name, Email and Address.'),
		},
		settings,
		itemIndex,
	);
	if (typeof answer.jobId !== 'string') return [simplify ? simplifyTitleCheck(answer) : answer];
	return [await jobOutput.call(this, answer, WHAT, wait, simplify && simplifyTitleCheck, settings, itemIndex)];
}
