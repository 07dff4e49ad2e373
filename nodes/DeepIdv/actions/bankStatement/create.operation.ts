import { sandboxKeyCannot } from '../apiErrors';
import { applicantFields } from '../applicant';
import { inviteSwitches, readInviteSwitches } from '../invitations';
import { externalIdOption, ifExistsOption, inviteCreate, InviteInput } from '../invitedRecords';
import { additionalFields } from '../screening/personFields';
import { BANK_STATEMENTS } from './records';

const PERIODS = ['3', '6', '9'];

/** POST /v1/financial: billed, and invites the applicant to share their bank statements. */
export const { description, execute, describeCompleted } = inviteCreate(BANK_STATEMENTS, {
	properties: [
		...applicantFields('bank statement link'),
		{
			displayName: 'Period',
			name: 'period',
			type: 'options',
			default: '3',
			description: 'How many months of bank statements DeepIDV asks the applicant for',
			options: PERIODS.map((months) => ({ name: `${months} Months`, value: months })),
		},
		additionalFields([externalIdOption(BANK_STATEMENTS), ifExistsOption(BANK_STATEMENTS), ...inviteSwitches('the bank statement link', ['email', 'sms'])]),
	],
	input: InviteInput,
	body: (input) => ({
		firstName: input.required(input.text('firstName'), 'First Name', "the applicant's first name"),
		lastName: input.required(input.text('lastName'), 'Last Name', "the applicant's last name"),
		email: input.email(input.required(input.text('email'), 'Email', "the applicant's email address")),
		phone: input.phone(input.required(input.text('phone'), 'Phone', "the applicant's mobile number")),
		period: input.oneOf('period', 'Period', PERIODS, 'months'),
		...readInviteSwitches(input),
	}),
	invalidHint: 'Check First Name, Last Name, Email, Phone, Period and the Additional Fields.',
	did: 'created a bank statement request and invited the applicant',
	refusals: sandboxKeyCannot('create bank statement requests'),
});
