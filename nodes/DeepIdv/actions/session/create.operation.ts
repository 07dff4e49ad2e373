import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { deepIdvApiRequest } from '../../transport/request';
import type { TransportSettings } from '../../transport/settings';
import { applicantFields } from '../applicant';
import { describeWrites } from '../operation';
import { readCreateBody } from './createBody';
import { findByExternalId, foundSessionOutput, IF_EXISTS } from './existingSession';

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
			{
				displayName: 'If a Session With This External ID Exists',
				name: 'ifExternalIdExists',
				type: 'options',
				default: 'createAnother',
				description:
					'What to do when DeepIDV already has a session with the External ID, e.g. when the workflow runs again on the same items',
				options: [
					{
						name: 'Create Another',
						value: 'createAnother',
						description: "Create a new session and invite the applicant again (DeepIDV's own behaviour)",
					},
					{
						name: 'Return the Existing One',
						value: 'returnExisting',
						description:
							'Output the newest existing session instead of creating one, so a re-run invites nobody twice. Needs an External ID.',
					},
				],
			},
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
	const reuse = readIfExists(this, itemIndex, externalId);
	if (reuse && externalId) {
		const existing = await findByExternalId(this, externalId, settings, itemIndex);
		if (existing) return [foundSessionOutput(existing, false)];
	}
	const response = await deepIdvApiRequest.call(
		this,
		{
			method: 'POST',
			path: '/v1/sessions',
			body,
			// Never repeated once DeepIDV may have received it: a repeat would invite the applicant twice.
			retry: 'notIfReceived',
			// With an External ID that no session had a moment ago, a lost answer can be settled by
			// looking it up: found means this request created it; not found means it can be sent again.
			...(reuse &&
				externalId && {
					resolveAmbiguous: async () => {
						const created = await findByExternalId(this, externalId, settings, itemIndex);
						return created && { foundSession: created };
					},
				}),
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
	);
	if (response.foundSession) return [foundSessionOutput(response.foundSession as IDataObject, true)];

	const id = response.id ?? response.idv_id;
	if (typeof id !== 'string' || !id) {
		throw new NodeApiError(this.getNode(), response as JsonObject, {
			message: 'DeepIDV answered without the ID of the new session',
			description: MAYBE_CREATED,
			itemIndex,
		});
	}
	return [
		{
			id,
			session_url: response.session_url ?? null,
			external_id: response.externalId ?? response.external_id ?? null,
			expires_at: response.expires_at ?? null,
			links: response.links ?? [],
			created: true,
		},
	];
}

/** Whether to return an existing session with the External ID instead of creating one. */
function readIfExists(context: IExecuteFunctions, itemIndex: number, externalId: string | undefined): boolean {
	const extra = context.getNodeParameter('additionalFields', itemIndex, {}) as { ifExternalIdExists?: string };
	const choice = extra.ifExternalIdExists ?? IF_EXISTS.createAnother;
	if (choice === IF_EXISTS.createAnother) return false;
	if (choice !== IF_EXISTS.returnExisting) {
		throw new NodeOperationError(context.getNode(), `"If a Session With This External ID Exists" has an unknown value "${choice}"`, {
			itemIndex,
			description: 'Choose Create Another or Return the Existing One.',
		});
	}
	if (!externalId) {
		throw new NodeOperationError(
			context.getNode(),
			'"If a Session With This External ID Exists" is set to Return the Existing One, but External ID is empty',
			{
				itemIndex,
				description:
					'Add External ID under Additional Fields (e.g. your CRM or order number) so existing sessions can be found, or choose Create Another.',
			},
		);
	}
	return true;
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
