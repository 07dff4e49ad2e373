import type { ICredentialsDecrypted, ICredentialTestFunctions } from 'n8n-workflow';
import { mock } from 'jest-mock-extended';

import { DeepIdvWebhookApi } from '../../dist/credentials/DeepIdvWebhookApi.credentials';
import { SECRET, trigger } from './harness';

describe('DeepIDV Trigger: node description', () => {
	const { description } = trigger;

	it('is a webhook trigger without inputs that AI agents cannot use as a tool', () => {
		expect(description).toMatchObject({
			name: 'deepIdvTrigger',
			displayName: 'DeepIDV Trigger',
			group: ['trigger'],
			inputs: [],
			outputs: ['main'],
		});
		expect(description.usableAsTool).toBeUndefined();
	});

	it('listens for POST on a fixed path and answers as soon as the request is received', () => {
		expect(description.webhooks).toEqual([
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		]);
	});

	it('offers the documented events and Any Event under Trigger On', () => {
		const events = description.properties.find((property) => property.name === 'events');
		expect(events).toMatchObject({ displayName: 'Trigger On', type: 'multiOptions', required: true, default: [] });
		expect(events?.options?.map((option) => ('value' in option ? option.value : undefined))).toEqual([
			'*',
			'parent_connect.consent_given',
			'session.created',
			'session.status.failed',
			'session.status.rejected',
			'session.status.submitted',
			'session.status.verified',
		]);
	});

	it('tells the user what to do in DeepIDV', () => {
		const notice = description.properties.find((property) => property.type === 'notice');
		expect(notice?.displayName).toEqual(expect.stringContaining('Admin Console → Integrations → Webhooks'));
		expect(notice?.displayName).toEqual(expect.stringContaining('Production URL'));
		expect(notice?.displayName).toEqual(expect.stringContaining('DeepIDV Webhook API credential'));
	});

	it('keeps the signing secret in a credential, never in a node parameter', () => {
		expect(description.credentials).toEqual([
			{ name: 'deepIdvWebhookApi', required: true, testedBy: 'deepIdvWebhookApiTest' },
		]);
		const names = JSON.stringify(description.properties).toLowerCase();
		expect(names).not.toMatch(/"name":"[^"]*(secret|signature)/);
	});

	it('has nothing to register in DeepIDV when the workflow is published or unpublished', async () => {
		const hooks = trigger.webhookMethods.default;
		const context = mock<ThisParameterType<typeof hooks.create>>();
		await expect(hooks.checkExists.call(context)).resolves.toBe(true);
		await expect(hooks.create.call(context)).resolves.toBe(true);
		await expect(hooks.delete.call(context)).resolves.toBe(true);
	});
});

describe('DeepIDV Webhook API credential', () => {
	const credential = new DeepIdvWebhookApi();
	const test = trigger.methods.credentialTest.deepIdvWebhookApiTest;
	const run = (signingSecret: unknown) =>
		test.call(mock<ICredentialTestFunctions>(), {
			id: '1',
			name: 'DeepIDV webhook',
			type: 'deepIdvWebhookApi',
			data: { signingSecret },
		} as ICredentialsDecrypted);

	it('holds one password field, the signing secret', () => {
		expect(credential.name).toBe('deepIdvWebhookApi');
		expect(credential.properties).toEqual([
			expect.objectContaining({ name: 'signingSecret', displayName: 'Signing Secret', typeOptions: { password: true }, required: true }),
		]);
	});

	it.each([SECRET, ` ${SECRET} `])('passes the test for a DeepIDV signing secret (%j)', async (secret) => {
		await expect(run(secret)).resolves.toMatchObject({ status: 'OK' });
	});

	it.each([
		['empty', '', 'The Signing Secret is empty'],
		['missing', undefined, 'The Signing Secret is empty'],
		['an API key', 'sk_live_4f9a2c', 'This is not a DeepIDV signing secret'],
		['only the prefix', 'whsec_', 'This is not a DeepIDV signing secret'],
		['broken by a space', 'whsec_5f2c 9a7e', 'This is not a DeepIDV signing secret'],
	])('fails the test when the secret is %s, saying where to find it', async (_case, secret, message) => {
		const result = await run(secret);
		expect(result.status).toBe('Error');
		expect(result.message).toEqual(expect.stringContaining(message));
		expect(result.message).toEqual(expect.stringContaining('Admin Console → Integrations → Webhooks'));
	});
});
