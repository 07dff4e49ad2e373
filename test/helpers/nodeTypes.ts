import type {
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

/**
 * Test stand-in for n8n's Manual Trigger (n8n-nodes-base is not a dependency): a start node
 * that emits the items in its `items` parameter, or one empty item like the real one.
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
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[{}]' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const raw = this.getNodeParameter('items', 0) as unknown;
		const items = (typeof raw === 'string' ? JSON.parse(raw) : raw) as object[];
		return [items.map((json) => ({ json: json as INodeExecutionData['json'] }))];
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
