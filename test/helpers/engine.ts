import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	IRun,
	IRunExecutionData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentialsHelper';
import type { TestFile } from './nodeTypes';
import { DEEPIDV_NODE, TEST_TRIGGER, TestNodeTypes } from './nodeTypes';
import { INSTANCE_URLS } from './instanceUrls';

export interface DeepIdvRun {
	/** Items on the DeepIDV node's first output (undefined when the node failed). */
	items: INodeExecutionData[];
	/** Items on the error output, when the node is set to "Continue (using error output)". */
	errorItems: INodeExecutionData[];
	/** The error that stopped the node, if any. */
	error?: Error & { description?: string; context?: IDataObject; httpCode?: string | null };
	run: IRun;
}

export interface DeepIdvWorkflowOptions {
	/** DeepIDV node parameters (resource, operation, …). */
	parameters: INode['parameters'];
	/** Items the trigger emits; default one empty item. */
	input?: IDataObject[];
	/** Files of the trigger's items, by item index and binary field name. */
	files?: Array<Record<string, TestFile> | undefined>;
	/** Workflow settings, e.g. `{ binaryMode: 'combined' }`. */
	settings?: IWorkflowBase['settings'];
	credential: ICredentialDataDecryptedObject;
	onError?: INode['onError'];
	continueOnFail?: boolean;
}

/** Workflow JSON as a user would build it: Manual Trigger → DeepIDV. */
export function deepIdvWorkflow(options: DeepIdvWorkflowOptions): IWorkflowBase {
	const deepIdv: INode = {
		id: 'deepidv',
		name: 'DeepIDV',
		type: DEEPIDV_NODE,
		typeVersion: 1,
		position: [200, 0],
		parameters: options.parameters,
		credentials: { deepIdvApi: { id: '1', name: 'DeepIDV account' } },
		...(options.onError ? { onError: options.onError } : {}),
		...(options.continueOnFail ? { continueOnFail: true } : {}),
	};
	return {
		id: 'wf1',
		name: 'DeepIDV test',
		active: false,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes: [
			{
				id: 'trigger',
				name: 'Manual Trigger',
				type: TEST_TRIGGER,
				typeVersion: 1,
				position: [0, 0],
				parameters: { items: JSON.stringify(options.input ?? [{}]), files: JSON.stringify(options.files ?? []) },
			},
			deepIdv,
		],
		connections: {
			'Manual Trigger': { main: [[{ node: 'DeepIDV', type: 'main', index: 0 }]] },
		},
		settings: options.settings ?? {},
		activeVersionId: null,
	} as unknown as IWorkflowBase;
}

/** Called as each node starts and finishes (e.g. to measure memory around one node). */
export interface NodeHooks {
	before?(nodeName: string): void;
	after?(nodeName: string): void;
}

/** Executes the workflow with n8n-core's WorkflowExecute, the engine n8n itself runs. */
export async function runWorkflow(
	workflowData: IWorkflowBase,
	credentials: Record<string, ICredentialDataDecryptedObject>,
	nodeHooks: NodeHooks = {},
): Promise<IRun> {
	const workflow = new Workflow({
		id: workflowData.id,
		nodes: workflowData.nodes,
		connections: workflowData.connections,
		nodeTypes: new TestNodeTypes(),
		settings: workflowData.settings,
		active: false,
	});
	const hooks = new ExecutionLifecycleHooks('manual', 'exec-1', workflowData);
	const finished = new Promise<IRun>((resolve) => hooks.addHandler('workflowExecuteAfter', resolve));
	if (nodeHooks.before) hooks.addHandler('nodeExecuteBefore', (nodeName) => nodeHooks.before?.(nodeName));
	if (nodeHooks.after) hooks.addHandler('nodeExecuteAfter', (nodeName) => nodeHooks.after?.(nodeName));
	const additionalData = {
		hooks,
		credentialsHelper: new TestCredentialsHelper(credentials),
		setExecutionStatus: () => {},
		// Binary data outside memory is stored per execution.
		executionId: 'exec-1',
		...INSTANCE_URLS,
	} as unknown as IWorkflowExecuteAdditionalData;

	const runExecutionData: IRunExecutionData = {
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			metadata: {},
			nodeExecutionStack: [{ node: workflow.getNode('Manual Trigger')!, data: { main: [[{ json: {} }]] }, source: null }],
			waitingExecution: {},
			waitingExecutionSource: null,
		},
	} as unknown as IRunExecutionData;
	await new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(workflow);
	return await finished;
}

/** Builds Manual Trigger → DeepIDV, runs it, and returns what the DeepIDV node produced. */
export async function runDeepIdv(options: DeepIdvWorkflowOptions, nodeHooks?: NodeHooks): Promise<DeepIdvRun> {
	const run = await runWorkflow(deepIdvWorkflow(options), { deepIdvApi: options.credential }, nodeHooks);
	const taskData = run.data.resultData.runData.DeepIDV?.[0];
	if (!taskData) {
		const error = run.data.resultData.error;
		throw new Error(`The DeepIDV node did not run: ${error?.message}\n${error?.stack}`);
	}
	const main = taskData.data?.main ?? [];
	return {
		items: main[0] ?? [],
		errorItems: main[1] ?? [],
		error: taskData.error as DeepIdvRun['error'],
		run,
	};
}
