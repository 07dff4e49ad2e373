import { simpleOperation } from '../simpleOperation';
import { applicantDetails, carrierCheckRequest, phoneSourceProperties, readApplicantDetails, readPhoneSource } from './carrierCheck';
import { simplifyPhoneTrust } from './simplify';
import { ScreeningInput } from './validation';

const SENSITIVITIES = ['low', 'medium', 'high'];

/** POST /v1/screening/phone-trust: SIM-swap and call-forwarding risk of a mobile number. */
export const { description, execute } = simpleOperation({
	properties: [
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
	],
	input: ScreeningInput,
	request: (input) => {
		const source = readPhoneSource(input);
		const sensitivity = input.choice('sensitivity', 'Sensitivity', SENSITIVITIES, 'medium');
		return carrierCheckRequest('/v1/screening/phone-trust', 'phone trust check', { sensitivity, ...readApplicantDetails(input) }, source);
	},
	simplify: {
		shows: 'tripped (true/false), the trip reasons, the SIM-swap and call-forwarding risks and when the check ran',
		apply: simplifyPhoneTrust,
	},
});
