import { mock } from 'jest-mock-extended';
import { LoadOptionsContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ILoadOptionsFunctions,
	INode,
	INodeParameters,
	INodeType,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentialsHelper';
import { DEEPIDV_NODE, TestNodeTypes } from './nodeTypes';

/**
 * The `this` n8n gives a node's listSearch and loadOptions methods while the editor fills a
 * dropdown: n8n-core's LoadOptionsContext on a one-node workflow, built the way n8n's
 * dynamic-node-parameters service builds it, so requests go through n8n-core's real HTTP helper
 * and the credential's own authenticate.
 */
export function loadOptionsContext(
	credential: ICredentialDataDecryptedObject,
	path: string,
	currentNodeParameters: INodeParameters = {},
): ILoadOptionsFunctions {
	const nodeTypes = new TestNodeTypes();
	const node: INode = {
		id: 'deepidv',
		name: 'DeepIDV',
		type: DEEPIDV_NODE,
		typeVersion: 1,
		position: [0, 0],
		parameters: currentNodeParameters,
		credentials: { deepIdvApi: { id: '1', name: 'DeepIDV account' } },
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const additionalData = mock<IWorkflowExecuteAdditionalData>();
	additionalData.credentialsHelper = new TestCredentialsHelper({ deepIdvApi: credential });
	additionalData.currentNodeParameters = currentNodeParameters;
	additionalData.executionContext = undefined;
	additionalData.executionId = undefined;
	return new LoadOptionsContext(workflow, workflow.nodes[node.name], additionalData, path);
}

/** The DeepIDV node type as the tests' node-types registry serves it. */
export function deepIdvNodeType(): INodeType {
	return new TestNodeTypes().getByNameAndVersion(DEEPIDV_NODE, 1);
}
