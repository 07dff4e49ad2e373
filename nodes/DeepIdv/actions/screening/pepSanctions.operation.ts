import { simpleOperation } from '../simpleOperation';
import { billedCallFailure } from './billing';
import { additionalFields, dateOfBirthField, emailOption, firstNameField, lastNameField, readPerson } from './personFields';
import { simplifyPepSanctions } from './simplify';
import { ScreeningInput } from './validation';

/** POST /v1/screening/pep-sanctions: answered at once, billed, never repeated once DeepIDV may have acted. */
export const { description, execute } = simpleOperation({
	properties: [firstNameField, lastNameField, dateOfBirthField, additionalFields([emailOption])],
	input: ScreeningInput,
	request: (input) => {
		const body = readPerson(input);
		const email = input.optionalEmail(input.fields());
		if (email) body.email = email;
		return {
			method: 'POST',
			path: '/v1/screening/pep-sanctions',
			body,
			retry: 'notIfBilled',
			failure: billedCallFailure(
				'PEP and sanctions screening',
				'Check First Name, Last Name and Date of Birth. If DeepIDV says an email is required, add Email under Additional Fields.',
			),
		};
	},
	simplify: {
		shows:
			'match (true/false), the number of PEP and sanctions matches, and the strongest matches with name, country, date of birth, confidence and lists',
		apply: simplifyPepSanctions,
	},
});
