import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { deepIdvApiRequest } from '../../transport/request';
import type { TransportSettings } from '../../transport/settings';
import { applicantFields } from '../applicant';
import { createWithExternalId, ifExternalIdExistsField, readIfExists } from '../externalIdCreate';
import { ItemInput } from '../itemInput';
import { describeWrites } from '../operation';
import { readCreateBody } from './createBody';
import { findByExternalId, foundSessionOutput, SESSION } from './existingSession';

export const description: INodeProperties[] = [
	...applicantFields('verification link'),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Expires In (Hours)',
				name: 'expiresInHours',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 8760, numberPrecision: 0 },
				default: 72,
				description:
					'How long the applicant has to finish, from 1 hour to 8760 (one year). Overrides the expiry set in the workflow.',
			},
			{
				displayName: 'External ID',
				name: 'externalId',
				type: 'string',
				default: '',
				placeholder: 'e.g. crm-1001',
				description:
					'Your own reference for the applicant, e.g. a CRM or order number. Get Many can find sessions by it.',
			},
			ifExternalIdExistsField(SESSION),
			{
				displayName: 'Redirect URL',
				name: 'redirectUrl',
				type: 'string',
				default: '',
				placeholder: 'e.g. https://example.com/verification-complete',
				description: 'The page the applicant is sent to when finished. Must start with https://.',
			},
			{
				displayName: 'Send Email Invite',
				name: 'sendEmailInvite',
				type: 'boolean',
				default: true,
				description: 'Whether DeepIDV emails the verification link to the applicant',
			},
			{
				displayName: 'Send SMS Invite',
				name: 'sendPhoneInvite',
				type: 'boolean',
				default: true,
				description: 'Whether DeepIDV texts the verification link to the applicant',
			},
			{
				displayName: 'Workflow Name or ID',
				name: 'workflowId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getWorkflows' },
				default: '',
				description:
					'The DeepIDV workflow (set of verification steps) the applicant goes through. Without one, DeepIDV runs its standard ID verification. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
		],
	},
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: TransportSettings,
): Promise<IDataObject[]> {
	const body = readCreateBody(this, itemIndex);
	const workflow = body.workflowId as string | undefined;
	const externalId = body.externalId as string | undefined;
	const output = await createWithExternalId({
		externalId,
		reuse: readIfExists(new ItemInput(this, itemIndex), SESSION, externalId),
		find: async (id) => await findByExternalId(this, id, settings, itemIndex),
		found: foundSessionOutput,
		create: async (resolveAmbiguous) =>
			await deepIdvApiRequest.call(
				this,
				{
					method: 'POST',
					path: '/v1/sessions',
					body,
					// Never repeated once DeepIDV may have received it: a repeat would invite the applicant twice.
					retry: 'notIfReceived',
					resolveAmbiguous,
					failure: {
						// DeepIDV answers 404 on create only for an unknown workflow.
						...(workflow && {
							notFound: `The workflow "${workflow}" was not found in DeepIDV`,
							notFoundHint:
								'Choose the workflow again from the Workflow list under Additional Fields, or remove it.',
						}),
						invalidHint: 'Check First Name, Last Name, Email, Phone and the Additional Fields.',
						maybeActedHint: MAYBE_CREATED,
					},
				},
				settings,
				itemIndex,
			),
		made: (response) => {
			const id = response.id ?? response.idv_id;
			if (typeof id !== 'string' || !id) {
				throw new NodeApiError(this.getNode(), response as JsonObject, {
					message: 'DeepIDV answered without the ID of the new session',
					description: MAYBE_CREATED,
					itemIndex,
				});
			}
			return {
				id,
				session_url: response.session_url ?? null,
				external_id: response.externalId ?? response.external_id ?? null,
				expires_at: response.expires_at ?? null,
				links: response.links ?? [],
				created: true,
			};
		},
	});
	return [output];
}

/** For the error that stops a run: which items had already created sessions, so a re-run repeats nothing unknowingly. */
export const describeCompleted = describeWrites(
	(json) => json.created === true,
	'session',
	'created a session and invited the applicant',
	'Running the workflow again invites them again, unless Additional Fields → If a Session With This External ID Exists is set to Return the Existing One.',
);

const MAYBE_CREATED =
	'DeepIDV may have created the session and invited the applicant anyway. Before running this item again, look for the session with Get Many (e.g. by External ID) so the applicant is not invited twice.';
