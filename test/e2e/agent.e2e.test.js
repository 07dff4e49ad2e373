// @ts-check
'use strict';

/**
 * The DeepIDV node as a tool of n8n's AI Agent, in a real n8n: Manual Trigger → AI Agent, whose
 * chat model is n8n's OpenAI Chat Model pointed (through the credential's Base URL) at a scripted
 * OpenAI-compatible server, and whose tools are two DeepIDV nodes (`<package>.deepIdvTool`) with
 * their Session and Status filled by the model through `$fromAI`. The script reads the session the
 * first tool returned and decides on it, so the second call only has the right arguments if n8n
 * really handed the tool's output to the model.
 */

const { startSandbox } = require('../../sandbox');
const { DEEPIDV_NODE, byId, manualTrigger } = require('../../scripts/lib/workflows');
const { credential, instanceWithPackage, nodeOutput } = require('./fixtures');
const { e2eN8nVersion } = require('./n8n-version');
const { startScriptedChatModel, toolResult } = require('./scripted-chat-model');

/** @type {import('../../sandbox').Sandbox} */
let sandbox;
/** @type {import('../../scripts/lib/n8n-instance').N8nInstance} */
let n8n;
/** @type {Awaited<ReturnType<typeof startScriptedChatModel>>} */
let model;
/** @type {any} */
let execution;

const SESSION = 'test_submitted';
const OPENAI_KEY = 'sk-e2e-scripted-model-key-0123456789';
const LIVE = { id: 'deepIdvLive', name: 'DeepIDV deepIdvLive' };
/** The newest AI Agent node of each n8n line: 3.1 in 2.x, 3 in 1.x (which has no 3.1). */
const AGENT_VERSION = e2eN8nVersion().startsWith('1.') ? 3 : 3.1;

/** Tool names are the node names (n8n replaces spaces with underscores); the descriptions are the
 *  ones set on the nodes, written for the model: what the tool does and which fields it needs. */
const GET_TOOL = 'Get_DeepIDV_session';
const UPDATE_TOOL = 'Decide_DeepIDV_session';
const GET_DESCRIPTION =
	'Reads one DeepIDV identity verification session by its ID: its status (PENDING, SUBMITTED, VERIFIED, REJECTED, VOIDED), the applicant, the face match confidence and liveness score. Needs Session_ID.';
const UPDATE_DESCRIPTION =
	'Records the decision on a submitted DeepIDV session: VERIFIED approves the applicant, REJECTED declines them. Needs Session_ID and Status. Read the session first.';
const SESSION_ID_HINT = 'The DeepIDV session ID, e.g. test_submitted';
const STATUS_HINT = 'VERIFIED or REJECTED';
const PROMPT = `Session ${SESSION} was submitted. Approve it if the face match confidence is at least 80, reject it otherwise.`;
const FINAL_TEXT = `Session ${SESSION} is now VERIFIED.`;

/** @type {Parameters<typeof startScriptedChatModel>[0]} */
const SCRIPT = [
	() => ({ toolCalls: [{ name: GET_TOOL, arguments: { Session_ID: SESSION } }] }),
	(request) => {
		const [session] = [toolResult(request, GET_TOOL)].flat();
		const status = session.face_match_confidence >= 80 ? 'VERIFIED' : 'REJECTED';
		return { toolCalls: [{ name: UPDATE_TOOL, arguments: { Session_ID: session.id, Status: status } }] };
	},
	() => ({ text: FINAL_TEXT }),
];

/** A DeepIDV node as an AI tool, connected to the agent. @param {string} name @param {Record<string, unknown>} parameters */
const deepIdvTool = (name, parameters) => ({
	id: name,
	name,
	type: `${DEEPIDV_NODE}Tool`,
	typeVersion: 1,
	position: [0, 0],
	parameters: { resource: 'session', ...parameters },
	credentials: { deepIdvApi: LIVE },
});
const fromAi = (/** @type {string} */ key, /** @type {string} */ hint) => `={{ $fromAI('${key}', '${hint}', 'string') }}`;

/** Manual Trigger → AI Agent, with its chat model and the two DeepIDV tools. */
const agentWorkflow = () => ({
	id: 'e2eAgentDecides',
	name: 'AI Agent decides a DeepIDV session',
	active: false,
	settings: { executionOrder: 'v1' },
	nodes: [
		{ id: 'trigger', position: [0, 0], ...manualTrigger() },
		{
			id: 'agent',
			name: 'AI Agent',
			type: '@n8n/n8n-nodes-langchain.agent',
			typeVersion: AGENT_VERSION,
			position: [240, 0],
			parameters: { promptType: 'define', text: PROMPT, options: {} },
		},
		{
			id: 'model',
			name: 'OpenAI Chat Model',
			type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
			typeVersion: 1.3,
			position: [240, 240],
			// Chat Completions rather than the Responses API: what OpenAI-compatible servers offer.
			parameters: { model: { __rl: true, mode: 'id', value: 'scripted-model' }, responsesApiEnabled: false, options: {} },
			credentials: { openAiApi: { id: 'scriptedModel', name: 'Scripted model' } },
		},
		deepIdvTool(GET_TOOL.replaceAll('_', ' '), {
			descriptionType: 'manual',
			toolDescription: GET_DESCRIPTION,
			operation: 'get',
			sessionId: byId(fromAi('Session_ID', SESSION_ID_HINT)),
			simplify: true,
		}),
		deepIdvTool(UPDATE_TOOL.replaceAll('_', ' '), {
			descriptionType: 'manual',
			toolDescription: UPDATE_DESCRIPTION,
			operation: 'updateStatus',
			sessionId: byId(fromAi('Session_ID', SESSION_ID_HINT)),
			status: fromAi('Status', STATUS_HINT),
		}),
	],
	connections: {
		'Manual Trigger': { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
		'OpenAI Chat Model': { ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]] },
		[GET_TOOL.replaceAll('_', ' ')]: { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
		[UPDATE_TOOL.replaceAll('_', ' ')]: { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
	},
});

beforeAll(async () => {
	[sandbox, model] = await Promise.all([startSandbox(), startScriptedChatModel(SCRIPT)]);
	n8n = await instanceWithPackage();
	await n8n.importCredentials([
		credential(LIVE.id, sandbox.keys.live, sandbox.url),
		{ id: 'scriptedModel', name: 'Scripted model', type: 'openAiApi', data: { apiKey: OPENAI_KEY, url: model.baseUrl } },
	]);
	await n8n.importWorkflows([agentWorkflow()]);
	sandbox.clearRequests();
	execution = await n8n.execute('e2eAgentDecides');
});

afterAll(async () => {
	await n8n?.dispose();
	await Promise.all([sandbox?.close(), model?.close()]);
});

describe('An AI Agent with DeepIDV Get session and Update Status as tools', () => {
	it('runs to the end and outputs the model’s final answer', () => {
		expect(execution.data.resultData.error).toBeUndefined();
		expect(nodeOutput(execution, 'AI Agent')).toEqual([{ json: { output: FINAL_TEXT }, pairedItem: { item: 0 } }]);
	});

	it('offers the model both tools, with their descriptions and the fields it must fill', () => {
		expect(model.unexpected).toEqual([]);
		expect(model.requests).toHaveLength(3);
		const tools = model.requests[0].tools?.map(({ type, function: { name, description, parameters } }) => ({
			type,
			name,
			description,
			fields: parameters?.properties,
			required: parameters?.required,
		}));
		expect(tools).toEqual(
			expect.arrayContaining([
				{
					type: 'function',
					name: GET_TOOL,
					description: GET_DESCRIPTION,
					fields: { Session_ID: { type: 'string', description: SESSION_ID_HINT } },
					required: ['Session_ID'],
				},
				{
					type: 'function',
					name: UPDATE_TOOL,
					description: UPDATE_DESCRIPTION,
					fields: { Session_ID: { type: 'string', description: SESSION_ID_HINT }, Status: { type: 'string', description: STATUS_HINT } },
					required: expect.arrayContaining(['Session_ID', 'Status']),
				},
			]),
		);
		expect(tools).toHaveLength(2);
		expect(model.requests[0].messages.at(-1)).toMatchObject({ role: 'user', content: PROMPT });
	});

	it('calls DeepIDV exactly as the model chose: Get session, then Update Status to VERIFIED', () => {
		const requests = sandbox.requests.map(({ method, path, headers, json }) => ({ method, path, apiKey: headers['x-api-key'], body: json }));
		expect(requests).toEqual([
			{ method: 'GET', path: `/v1/sessions/${SESSION}`, apiKey: sandbox.keys.live, body: undefined },
			{ method: 'PATCH', path: `/v1/sessions/${SESSION}/update-status`, apiKey: sandbox.keys.live, body: { new_status: 'VERIFIED' } },
		]);
		expect(sandbox.getSession(SESSION)?.session_record.status).toBe('VERIFIED');
	});

	it('gives the model each tool’s output: the simplified session, then the updated record', () => {
		const session = sandbox.getSession(SESSION)?.session_record;
		const [read] = [toolResult(model.requests[1], GET_TOOL)].flat();
		expect(read).toMatchObject({ id: SESSION, status: 'SUBMITTED', face_match_confidence: expect.any(Number) });
		expect(read.face_match_confidence).toBeGreaterThanOrEqual(80);
		expect([toolResult(model.requests[2], UPDATE_TOOL)].flat()).toEqual([session]);
	});

	it('never shows the DeepIDV or OpenAI key to the model or in the execution data', () => {
		const seen = JSON.stringify([execution, model.requests]);
		expect(seen).not.toContain(sandbox.keys.live);
		expect(seen).not.toContain(OPENAI_KEY);
	});

	it('reached nothing outside this computer', () => {
		expect(n8n.outboundConnections()).toEqual([]);
	});
});
