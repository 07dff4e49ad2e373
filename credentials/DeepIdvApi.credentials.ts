import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { assertKeyDestination } from './keyDestination';

export class DeepIdvApi implements ICredentialType {
	name = 'deepIdvApi';

	displayName = 'DeepIDV API';

	icon: Icon = { light: 'file:../icons/deepidv.svg', dark: 'file:../icons/deepidv.dark.svg' };

	documentationUrl = 'https://docs.deepidv.com/authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'A live or sandbox API key from the DeepIDV Admin Console. A sandbox key can read the documented test sessions but cannot change anything.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.deepidv.com',
			required: true,
			placeholder: 'e.g. https://api.deepidv.com',
			description:
				'Where the DeepIDV API lives. Keep the default unless you use a local DeepIDV sandbox server. The key is only sent over HTTPS, except to this computer (localhost).',
		},
	];

	// A function rather than a generic header block so the key can be refused for any destination
	// other than the configured base URL, and for plain HTTP outside this computer.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		assertKeyDestination(String(credentials.baseUrl ?? ''), requestOptions);
		return {
			...requestOptions,
			headers: { ...requestOptions.headers, 'x-api-key': String(credentials.apiKey ?? '') },
		};
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/v1/auth/verify',
			method: 'GET',
		},
	};
}
