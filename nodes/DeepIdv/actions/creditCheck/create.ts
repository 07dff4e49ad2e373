import type { INodeProperties } from 'n8n-workflow';

import { applicantFields, inviteOptions, readApplicant } from '../applicant';
import { describeWrites } from '../operation';
import type { Operation } from '../operation';
import { simpleOperation } from '../simpleOperation';
import { sandboxKeyCannotCreate } from './refusals';

const LINK = 'link to the credit check';

const properties: INodeProperties[] = [
	...applicantFields(LINK),
	{
		displayName: 'Test Mode (UAT, Not Billed)',
		name: 'uat',
		type: 'boolean',
		default: false,
		description:
			'Whether to create the credit check for user acceptance testing: DeepIDV skips the Equifax inquiry and does not bill it. The applicant is still invited.',
	},
	{
		displayName: 'UAT Scenario',
		name: 'uatType',
		type: 'string',
		default: '',
		placeholder: 'e.g. a scenario ID from DeepIDV',
		description: 'The DeepIDV test scenario to run in Test Mode. Leave empty for DeepIDV’s default.',
		displayOptions: { show: { uat: [true] } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: inviteOptions(LINK),
	},
];

/**
 * POST /v1/credit-check/{hard|soft}: billed (unless in Test Mode) and it invites a person, so it is
 * never repeated once DeepIDV may have received it. DeepIDV has no way to look a credit check up by
 * External ID, so a lost answer is reported rather than resolved.
 */
export function creditCheckCreate(inquiry: 'hard' | 'soft'): Operation {
	const made = `a ${inquiry} credit check`;
	const maybeCreated = `DeepIDV may have created the ${inquiry} credit check and invited the applicant anyway. Before running this item again, look for it in the DeepIDV Admin Console, so the applicant is not invited (and billed) twice.`;
	return {
		...simpleOperation({
			properties,
			request: (input) => {
				const body = readApplicant(input, made);
				if (input.raw('uat', false) === true) {
					body.uat = true;
					const scenario = input.text('uatType');
					if (scenario) body.uatType = scenario;
				}
				return {
					method: 'POST',
					path: `/v1/credit-check/${inquiry}`,
					body,
					retry: 'notIfReceived',
					failure: {
						invalidHint: 'Check First Name, Last Name, Email, Phone and the Additional Fields.',
						maybeActedHint: maybeCreated,
					},
					refusals: sandboxKeyCannotCreate,
				};
			},
			answer: { field: 'id', is: 'text', missing: 'the ID of the new credit check', advice: maybeCreated },
		}),
		describeCompleted: describeWrites(
			() => true,
			'credit check',
			`created ${made} and invited the applicant`,
			'Running the workflow again invites them again and creates new credit checks.',
		),
	};
}
