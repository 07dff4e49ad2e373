import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { requestOptions } from './actions/requestOptions';
import { router } from './actions/router';
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
		description: 'Run DeepIDV identity verification: create, check and decide verification sessions',
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
				options: [{ name: 'Session', value: 'session' }],
				default: 'session',
			},
			...session.description,
			requestOptions,
		],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
