import { createReadStream } from 'node:fs';
import type {
	IBinaryKeyData,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeHelpers } from 'n8n-workflow';

import { DeepIdv } from '../../dist/nodes/DeepIdv/DeepIdv.node';
import { DeepIdvApi } from '../../dist/credentials/DeepIdvApi.credentials';

/** The type names a user's n8n gives our nodes once the package is installed. */
export const DEEPIDV_NODE = 'n8n-nodes-deepidv-api.deepIdv';

/** A file a test item carries: its bytes (base64) or a file on disk (streamed in), and its type. */
export interface TestFile {
	base64?: string;
	path?: string;
	mimeType?: string;
	fileName?: string;
}

/**
 * Test stand-in for n8n's Manual Trigger (n8n-nodes-base is not a dependency): a start node
 * that emits the items in its `items` parameter, or one empty item like the real one. Item i gets
 * the files of `files[i]` as binary data, stored the way the configured binary data mode stores
 * them (n8n's own prepareBinaryData).
 */
class TestManualTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Manual Trigger (test stand-in)',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Emits the items given in its parameters',
		defaults: { name: 'Manual Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{ displayName: 'Items', name: 'items', type: 'json', default: '[{}]' },
			{ displayName: 'Files', name: 'files', type: 'json', default: '[]' },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const parse = <T>(name: string, fallback: string): T => {
			const raw = this.getNodeParameter(name, 0, fallback) as unknown;
			return (typeof raw === 'string' ? JSON.parse(raw) : raw) as T;
		};
		const items = parse<object[]>('items', '[{}]');
		const files = parse<Array<Record<string, TestFile> | null | undefined>>('files', '[]');
		const output: INodeExecutionData[] = [];
		for (const [index, json] of items.entries()) {
			const item: INodeExecutionData = { json: json as INodeExecutionData['json'] };
			const entries = Object.entries(files[index] ?? {});
			if (entries.length > 0) {
				const binary: IBinaryKeyData = {};
				for (const [field, file] of entries) {
					const data = file.path ? createReadStream(file.path) : Buffer.from(file.base64 ?? '', 'base64');
					binary[field] = await this.helpers.prepareBinaryData(data, file.fileName, file.mimeType);
				}
				item.binary = binary;
			}
			output.push(item);
		}
		return [output];
	}
}

export const TEST_TRIGGER = 'test.manualTrigger';

const nodeTypes: Record<string, INodeType> = {
	[DEEPIDV_NODE]: new DeepIdv(),
	[TEST_TRIGGER]: new TestManualTrigger(),
};

export const credentialTypes = { deepIdvApi: new DeepIdvApi() };

export class TestNodeTypes implements INodeTypes {
	getByName(type: string): INodeType | IVersionedNodeType {
		return this.getByNameAndVersion(type);
	}

	getByNameAndVersion(type: string, version?: number): INodeType {
		const nodeType = nodeTypes[type];
		if (!nodeType) throw new Error(`Unknown node type ${type}`);
		return NodeHelpers.getVersionedNodeType(nodeType, version);
	}

	getKnownTypes() {
		return {};
	}
}
