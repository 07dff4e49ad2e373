import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { TransportSettings } from '../../transport/settings';
import { applicantDetails, phoneSourceProperties, postCarrierCheck, readApplicantDetails, readPhoneSource } from './carrierCheck';
import { simplifyPhoneTrust } from './simplify';
import { simplifyField } from './simplifyField';
import { ScreeningInput } from './validation';

const SENSITIVITIES = ['low', 'medium', 'high'];

const properties: INodeProperties[] = [
	...phoneSourceProperties,
	{
		displayName: 'Sensitivity',
		name: 'sensitivity',
		type: 'options',
		default: 'medium',
		description: "How readily the check trips on signs of risk. DeepIDV's default is Medium.",
		options: [
			{ name: 'High', value: 'high', description: 'Trip on weaker signs of a SIM swap or call forwarding' },
			{ name: 'Low', value: 'low', description: 'Trip on strong signs only' },
			{ name: 'Medium', value: 'medium', description: "DeepIDV's default" },
		],
	},
	applicantDetails,
	simplifyField(
		'Simplified: tripped (true/false), the trip reasons, the SIM-swap and call-forwarding risks and when the check ran',
	),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['screening'], operation: ['phoneTrust'] } },
	properties,
);

/** POST /v1/screening/phone-trust: SIM-swap and call-forwarding risk of a mobile number. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: TransportSettings,
): Promise<IDataObject[]> {
	const input = new ScreeningInput(this, itemIndex);
	const source = readPhoneSource(input, this, itemIndex);
	const sensitivity = input.choice('sensitivity', 'Sensitivity', SENSITIVITIES, 'medium');
	const body = { sensitivity, ...readApplicantDetails(input) };
	const answer = await postCarrierCheck.call(this, '/v1/screening/phone-trust', 'phone trust check', body, source, settings, itemIndex);
	return [input.simplify() ? simplifyPhoneTrust(answer) : answer];
}
