import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * The signing secret of one webhook registered in DeepIDV's Admin Console. It only lets the DeepIDV
 * Trigger recognise DeepIDV's requests; it is never sent anywhere. DeepIDV has no API to check it
 * against, so the DeepIDV Trigger node tests it (testedBy) by its form.
 */
export class DeepIdvWebhookApi implements ICredentialType {
	name = 'deepIdvWebhookApi';

	displayName = 'DeepIDV Webhook API';

	icon: Icon = { light: 'file:../icons/deepidv.svg', dark: 'file:../icons/deepidv.dark.svg' };

	documentationUrl = 'https://docs.deepidv.com/webhooks/event-object';

	properties: INodeProperties[] = [
		{
			displayName: 'Signing Secret',
			name: 'signingSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'e.g. whsec_…',
			description:
				"The webhook's signing secret from DeepIDV: Admin Console → Integrations → Webhooks. It starts with whsec_ and is shown only once; if it is lost, reset it there and paste the new one.",
		},
	];
}
