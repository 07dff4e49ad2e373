import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { requestOptions } from './actions/requestOptions';
import { router } from './actions/router';
import * as document from './actions/document';
import * as face from './actions/face';
import * as identity from './actions/identity';
import * as session from './actions/session';
import * as listSearch from './methods/listSearch';
import * as loadOptions from './methods/loadOptions';

export class DeepIdv implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'DeepIDV',
		name: 'deepIdv',
		icon: { light: 'file:../../icons/deepidv.svg', dark: 'file:../../icons/deepidv.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Run DeepIDV identity verification: verification sessions, and document and face checks on image files',
		defaults: { name: 'DeepIDV' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'deepIdvApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Document', value: 'document' },
					{ name: 'Face', value: 'face' },
					{ name: 'Identity', value: 'identity' },
					{ name: 'Session', value: 'session' },
				],
				// Session stays the default: saved workflows that never stored the resource keep working.
				default: 'session',
			},
			...document.description,
			...face.description,
			...identity.description,
			...session.description,
			requestOptions,
		],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
