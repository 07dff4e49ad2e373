import { simpleOperation } from '../simpleOperation';
import { applicantDetails, carrierCheckRequest, phoneSourceProperties, readApplicantDetails, readPhoneSource } from './carrierCheck';
import { simplifyCarrierAgeGate } from './simplify';
import { ScreeningInput } from './validation';

/** POST /v1/screening/carrier-age-gate: whether the mobile carrier knows the subscriber to be 18 or over. */
export const { description, execute } = simpleOperation({
	properties: [...phoneSourceProperties, applicantDetails],
	input: ScreeningInput,
	request: (input) => {
		const source = readPhoneSource(input);
		return carrierCheckRequest('/v1/screening/carrier-age-gate', 'carrier age check', readApplicantDetails(input), source);
	},
	simplify: {
		shows: 'outcome (PASS, FAIL or NO_DATA), whether the carrier verified the age, and when the check ran',
		apply: simplifyCarrierAgeGate,
	},
});
