import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { deepIdvApiRequest } from '../../transport/request';
import type { TransportSettings } from '../../transport/settings';
import { billedCallFailure } from './billing';
import { additionalFields, dateOfBirthField, emailOption, firstNameField, lastNameField, readPerson } from './personFields';
import { simplifyField } from './simplifyField';
import { simplifyPepSanctions } from './simplify';
import { ScreeningInput } from './validation';

const properties: INodeProperties[] = [
	firstNameField,
	lastNameField,
	dateOfBirthField,
	additionalFields([emailOption]),
	simplifyField(
		'Simplified: match (true/false), the number of PEP and sanctions matches, and the strongest matches with name, country, date of birth, confidence and lists',
	),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['screening'], operation: ['pepSanctions'] } },
	properties,
);

/** POST /v1/screening/pep-sanctions: answered at once, billed, never repeated once DeepIDV may have acted. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: TransportSettings,
): Promise<IDataObject[]> {
	const input = new ScreeningInput(this, itemIndex);
	const body = readPerson(input);
	const email = input.optionalEmail(input.fields());
	if (email) body.email = email;

	const answer = await deepIdvApiRequest.call(
		this,
		{
			method: 'POST',
			path: '/v1/screening/pep-sanctions',
			body,
			retry: 'notIfBilled',
			failure: billedCallFailure(
				'PEP and sanctions screening',
				'Check First Name, Last Name and Date of Birth. If DeepIDV says an email is required, add Email under Additional Fields.',
			),
		},
		settings,
		itemIndex,
	);
	return [input.simplify() ? simplifyPepSanctions(answer) : answer];
}
