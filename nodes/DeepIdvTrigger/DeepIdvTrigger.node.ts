import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { testSigningSecret } from './credentialTest';
import { EVENT_OPTIONS, isSelected } from './events';
import { eventItem, readEvent } from './output';
import { SIGNATURE_HEADER, signatureMatches, signingSecretOf } from './signature';

/** Answers the request here and starts nothing. */
function answer(context: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	context.getResponseObject().status(status).json({ message });
	return { noWebhookResponse: true };
}

export class DeepIdvTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'DeepIDV Trigger',
		name: 'deepIdvTrigger',
		icon: { light: 'file:../../icons/deepidv.svg', dark: 'file:../../icons/deepidv.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{ $parameter["events"].includes("*") ? "Any event" : "On " + $parameter["events"].map((event) => event.split(".").pop()).join(", ") }}',
		// n8n's node panel merges this trigger with the DeepIDV node and shows this description for
		// both (editor-ui useActionsGeneration: app.description = trigger.description), so it speaks
		// for the whole package.
		description:
			"Verify identities with DeepIDV: sessions and headless workflow runs, screening, document and face checks, bank statements, credit checks, age verification, AML transactions and iGaming checks; and start workflows on session events or a parent's consent",
		defaults: { name: 'DeepIDV Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'deepIdvWebhookApi', required: true, testedBy: 'deepIdvWebhookApiTest' }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName:
					'In DeepIDV, open Admin Console → Integrations → Webhooks and add a webhook: paste the Production URL shown above under Webhook URLs, tick the events you choose in Trigger On, and save. Paste the signing secret DeepIDV then shows (it starts with whsec_) into this node\'s DeepIDV Webhook API credential, and publish this workflow. To try it before publishing, add a second webhook in DeepIDV with the Test URL, put its signing secret in a second credential, and click "Listen for test event".',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Trigger On',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: [],
				description:
					'The DeepIDV events that start the workflow. Other events sent to this webhook are ignored.',
				options: EVENT_OPTIONS,
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Raw Payload',
						name: 'rawPayload',
						type: 'boolean',
						default: false,
						description:
							"Whether to output DeepIDV's event exactly as received (type and data) instead of the event type, the event time and the record's fields",
					},
				],
			},
		],
	};

	methods = { credentialTest: { deepIdvWebhookApiTest: testSigningSecret } };

	// DeepIDV has no API for webhooks: the user registers the URL in the Admin Console (see the
	// notice), so there is nothing to look up, create or delete when the workflow is published,
	// unpublished or listening for a test event.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const credentials = await this.getCredentials('deepIdvWebhookApi');
		if (!signatureMatches(this.getHeaderData()[SIGNATURE_HEADER], signingSecretOf(credentials))) {
			return answer(this, 401, `The ${SIGNATURE_HEADER} header is missing or wrong`);
		}
		const body = this.getBodyData() as unknown;
		const event = readEvent(body);
		if (!event) {
			return answer(this, 400, 'Not a DeepIDV webhook event: expected a JSON body with type and data');
		}
		const selected = this.getNodeParameter('events', []) as string[];
		if (!isSelected(selected, event.type)) {
			// 200 so that DeepIDV counts the event as delivered and does not retry it.
			return answer(this, 200, 'Event not selected in this trigger; ignored');
		}
		const rawPayload = this.getNodeParameter('options.rawPayload', false) as boolean;
		const json = rawPayload ? (body as IDataObject) : eventItem(event);
		return { workflowData: [this.helpers.returnJsonArray(json)] };
	}
}
