import type { INodeProperties } from 'n8n-workflow';

import { applicantFields } from '../applicant';
import { isEmail } from '../contactFormats';
import { inviteSwitches, readInviteSwitches } from '../invitations';
import { externalIdOption, ifExistsOption, inviteCreate, InviteInput } from '../invitedRecords';
import { additionalFields } from '../screening/personFields';
import { CREDIT_TERMS } from './records';

const PERIODS = ['30', '60', '90'];

const business = (label: string, name: string, placeholder: string, description: string): INodeProperties => ({
	displayName: label,
	name,
	type: 'string',
	default: '',
	required: true,
	placeholder,
	description,
});

class CreditTermsInput extends InviteInput {
	businessEmail(): string {
		const value = this.required(this.text('businessEmail'), 'Business Email', "the business's email address");
		if (isEmail(value)) return value;
		return this.fail(`The Business Email "${value}" is not a valid email address`, "Enter the business's email address, e.g. ap@acme.com.");
	}

	/** A number of 0 or more, from the number field or an expression. */
	amount(): number {
		const raw = this.raw('requestedCreditAmount', '');
		const amount = typeof raw === 'number' ? raw : raw === '' || raw === null ? NaN : Number(String(raw).trim());
		if (Number.isFinite(amount) && amount >= 0) return amount;
		return this.fail(
			`The Requested Credit Amount "${String(raw)}" is not a number of 0 or more`,
			'Enter the amount of credit the business asks for, as a plain number without currency signs or thousands separators, e.g. 25000.',
		);
	}
}

/** POST /v1/credit-terms: billed, and invites the business's contact to apply for trade credit. */
export const { description, execute, describeCompleted } = inviteCreate(CREDIT_TERMS, {
	properties: [
		// First and Last Name only: DeepIDV invites the business by its email.
		...applicantFields('credit application link').slice(0, 2),
		business('Business Name', 'businessName', 'e.g. Acme Co.', 'The legal or trading name of the business asking for credit'),
		business('Business Email', 'businessEmail', 'e.g. ap@acme.com', 'The business email address DeepIDV sends the credit application link to'),
		business('Business Address', 'businessAddress', 'e.g. 123 Main St, Toronto, ON M5V 2T6', "The business's address, in one line"),
		{
			displayName: 'Requested Credit Amount',
			name: 'requestedCreditAmount',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			required: true,
			description: 'How much credit the business asks for, 0 or more, e.g. 25000',
		},
		{
			displayName: 'Requested Credit Period',
			name: 'requestedCreditPeriod',
			type: 'options',
			default: '30',
			description: 'The payment terms the business asks for (net days)',
			options: PERIODS.map((days) => ({ name: `${days} Days`, value: days })),
		},
		additionalFields([externalIdOption(CREDIT_TERMS), ifExistsOption(CREDIT_TERMS), ...inviteSwitches('the credit application link', ['email'])]),
	],
	input: CreditTermsInput,
	body: (input) => ({
		firstName: input.required(input.text('firstName'), 'First Name', "the applicant's first name"),
		lastName: input.required(input.text('lastName'), 'Last Name', "the applicant's last name"),
		businessName: input.required(input.text('businessName'), 'Business Name', "the business's name"),
		businessEmail: input.businessEmail(),
		businessAddress: input.required(input.text('businessAddress'), 'Business Address', "the business's address"),
		requestedCreditAmount: input.amount(),
		requestedCreditPeriod: input.oneOf('requestedCreditPeriod', 'Requested Credit Period', PERIODS, 'days'),
		...readInviteSwitches(input),
	}),
	invalidHint: 'Check the names, the business fields, Requested Credit Amount and Period, and the Additional Fields.',
	did: 'created a credit terms request and invited the applicant',
});
