import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { TransportSettings } from '../../transport/settings';
import { applicantDetails, phoneSourceProperties, postCarrierCheck, readApplicantDetails, readPhoneSource } from './carrierCheck';
import { simplifyCarrierAgeGate } from './simplify';
import { simplifyField } from './simplifyField';
import { ScreeningInput } from './validation';

const properties: INodeProperties[] = [
	...phoneSourceProperties,
	applicantDetails,
	simplifyField('Simplified: outcome (PASS, FAIL or NO_DATA), whether the carrier verified the age, and when the check ran'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['screening'], operation: ['carrierAgeGate'] } },
	properties,
);

/** POST /v1/screening/carrier-age-gate: whether the mobile carrier knows the subscriber to be 18 or over. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: TransportSettings,
): Promise<IDataObject[]> {
	const input = new ScreeningInput(this, itemIndex);
	const source = readPhoneSource(input, this, itemIndex);
	const body = readApplicantDetails(input);
	const answer = await postCarrierCheck.call(this, '/v1/screening/carrier-age-gate', 'carrier age check', body, source, settings, itemIndex);
	return [input.simplify() ? simplifyCarrierAgeGate(answer) : answer];
}
