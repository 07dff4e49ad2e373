import type { IDataObject } from 'n8n-workflow';

import { apiPath, simpleOperation } from '../simpleOperation';

/**
 * POST /v1/aml/bots/{bot_id}/monitored-users: one item, the enrolment (MonitoredUser) as DeepIDV
 * answers it, and `created`: true for a new enrolment (201), false when the customer was already
 * enrolled (200, returned unchanged). Documented idempotent, so it is repeated after a lost answer.
 */
export const { description, execute } = simpleOperation({
	properties: [
		{
			displayName: 'Bot ID',
			name: 'botId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. agt-1a2b3c4d',
			description: "The monitoring bot to enrol the customer into, as shown in DeepIDV's dashboard",
		},
		{
			displayName: 'Subject User ID',
			name: 'subjectUserId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. cust-8821',
			description:
				'Your ID for the customer. Saving transactions enrols their customer already; use this for a customer with no transactions yet, or to add one to another bot.',
		},
	],
	request: (input) => {
		const botId = input.text('botId');
		if (!botId) input.fail('The Bot ID parameter is empty', "Enter the ID of a monitoring bot from DeepIDV's dashboard, e.g. agt-1a2b3c4d.");
		const subjectUserId = input.text('subjectUserId');
		if (!subjectUserId) input.fail('The Subject User ID parameter is empty', 'Enter your ID for the customer, e.g. cust-8821.');
		return {
			method: 'POST',
			path: apiPath`/v1/aml/bots/${botId}/monitored-users`,
			body: { subject_user_id: subjectUserId },
			retry: 'idempotent',
			withStatus: (status: number, body: IDataObject) => ({ ...body, created: status === 201 }),
			failure: {
				notFound: `DeepIDV found no bot "${botId}" or no customer "${subjectUserId}" in your organisation`,
				notFoundHint:
					"Check Bot ID against DeepIDV's dashboard, and that Subject User ID is a customer DeepIDV knows (one whose transactions were saved, or verified with DeepIDV).",
				invalidHint:
					"Check Subject User ID. If DeepIDV says the bot's check interval is not configured (BOT_CADENCE_INVALID), set the bot's cadence in DeepIDV's dashboard.",
			},
		};
	},
	answer: { field: 'subject_user_id', is: 'text', missing: 'the monitored user' },
});
