import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { WebhookContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IWebhookData,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { DeepIdvTrigger } from '../../dist/nodes/DeepIdvTrigger/DeepIdvTrigger.node';
import { TestCredentialsHelper } from '../helpers/credentialsHelper';
import { INSTANCE_URLS } from '../helpers/instanceUrls';

/** The type name a user's n8n gives the trigger once the package is installed. */
export const TRIGGER_NODE = 'n8n-nodes-deepidv-api.deepIdvTrigger';

export const SECRET = 'whsec_5f2c9a7e41b84d0c9e3a6b1f7d2e8c40a9b3f6e1d4c7a2b5';

export const trigger = new DeepIdvTrigger();

class TriggerNodeTypes implements INodeTypes {
	getByName(type: string): INodeType {
		return this.getByNameAndVersion(type);
	}

	getByNameAndVersion(type: string, version?: number): INodeType {
		if (type !== TRIGGER_NODE) throw new Error(`Unknown node type ${type}`);
		return NodeHelpers.getVersionedNodeType(trigger, version);
	}

	getKnownTypes() {
		return {};
	}
}

/** Stands in for the Express response n8n hands the node; records what the node sent. */
class RecordingResponse {
	statusCode = 200;
	sent?: unknown;

	status(code: number) {
		this.statusCode = code;
		return this;
	}

	json(body: unknown) {
		this.sent = body;
		return this;
	}
}

export interface TriggerRequest {
	/** Header names in lower case, as Node.js delivers them. */
	headers?: IncomingHttpHeaders;
	/** The body as n8n's body parser leaves it: an object for JSON, a string for text/plain. */
	body?: unknown;
}

export interface TriggerCall {
	/** Trigger parameters; default Trigger On = Any Event. */
	parameters?: INodeParameters;
	/** The DeepIDV Webhook API credential; default the signing secret SECRET. */
	credential?: ICredentialDataDecryptedObject;
	request: TriggerRequest;
	/** 'webhook' = production URL of a published workflow; 'manual' = test URL while listening. */
	mode?: Extract<WorkflowExecuteMode, 'webhook' | 'manual'>;
}

export interface TriggerOutcome {
	/** The HTTP status DeepIDV gets. */
	status: number;
	/** The body DeepIDV gets. */
	body: unknown;
	/** The items that start the workflow; undefined when nothing starts. */
	items?: INodeExecutionData[];
}

/**
 * Runs the trigger's webhook handler as n8n's webhook server does: a workflow holding the node, the
 * request in additionalData, n8n-core's WebhookContext, and the node's `webhook()` called on it. The
 * answer is what n8n would send: the node's own when it answered, else the "onReceived" 200.
 */
export async function callTrigger(call: TriggerCall): Promise<TriggerOutcome> {
	const mode = call.mode ?? 'webhook';
	const node: INode = {
		id: 'trigger',
		name: 'DeepIDV Trigger',
		type: TRIGGER_NODE,
		typeVersion: 1,
		position: [0, 0],
		webhookId: '6c1f0c55-3c1e-4c43-9a3e-8f1b1d2c4e5f',
		parameters: call.parameters ?? { events: ['*'] },
		credentials: { deepIdvWebhookApi: { id: '1', name: 'DeepIDV webhook' } },
	};
	const workflow = new Workflow({
		id: 'wf1',
		nodes: [node],
		connections: {},
		nodeTypes: new TriggerNodeTypes(),
		settings: {},
		active: mode === 'webhook',
	});
	const response = new RecordingResponse();
	// Only what n8n's webhook server provides and the context reads: anything else stays undefined.
	const additionalData = {
		credentialsHelper: new TestCredentialsHelper({
			deepIdvWebhookApi: call.credential ?? { signingSecret: SECRET },
		}),
		httpRequest: { headers: {}, params: {}, query: {}, ...call.request },
		httpResponse: response,
		...INSTANCE_URLS,
	} as unknown as IWorkflowExecuteAdditionalData;
	const webhookData: IWebhookData = {
		httpMethod: 'POST',
		node: node.name,
		path: `${node.webhookId}/webhook`,
		webhookDescription: trigger.description.webhooks![0],
		workflowId: workflow.id,
		workflowExecuteAdditionalData: additionalData,
		isTest: mode === 'manual',
	};
	const context = new WebhookContext(workflow, node, additionalData, mode, webhookData, [], null);

	const result = await trigger.webhook.call(context);

	const items = result.workflowData?.[0];
	if (result.noWebhookResponse) return { status: response.statusCode, body: response.sent, items };
	return { status: 200, body: { message: items ? 'Workflow was started' : 'Webhook call received' }, items };
}

/** A request as DeepIDV sends it: a JSON body and the signature header (`null`: no header). */
export function deepIdvRequest(body: unknown, signature: string | null = SECRET): TriggerRequest {
	const headers: IncomingHttpHeaders = { 'content-type': 'application/json' };
	if (signature !== null) headers['deepidv-signature'] = signature;
	return { headers, body };
}

export interface Receiver {
	url: string;
	/** Every request's outcome, in arrival order. */
	outcomes: TriggerOutcome[];
	close(): Promise<void>;
}

/**
 * A small HTTP server standing in for n8n's webhook endpoint: it parses the body as n8n's body
 * parser does (JSON by content type, 422 when unparsable), hands the request to the trigger with
 * callTrigger and sends the trigger's answer back.
 */
export async function startTriggerReceiver(call: Omit<TriggerCall, 'request'>): Promise<Receiver> {
	const outcomes: TriggerOutcome[] = [];
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const raw = Buffer.concat(chunks).toString('utf8');
			const reply = ({ status, body }: Pick<TriggerOutcome, 'status' | 'body'>) => {
				res.writeHead(status, { 'content-type': 'application/json' });
				res.end(JSON.stringify(body));
			};
			let body: unknown = {};
			try {
				if (raw && req.headers['content-type']?.startsWith('application/json')) body = JSON.parse(raw);
				else if (raw) body = raw;
			} catch {
				reply({ status: 422, body: { message: 'Failed to parse request body' } });
				return;
			}
			callTrigger({ ...call, request: { headers: req.headers, body } }).then(
				(outcome) => {
					outcomes.push(outcome);
					reply(outcome);
				},
				(error: Error) => reply({ status: 500, body: { message: error.message } }),
			);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/webhook/6c1f0c55-3c1e-4c43-9a3e-8f1b1d2c4e5f/webhook`,
		outcomes,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
