// @ts-check
'use strict';

/**
 * A stand-in for OpenAI's Chat Completions API (`POST <base>/chat/completions`, non-streaming), for
 * n8n's OpenAI Chat Model pointed at it through the credential's Base URL. It answers with whatever
 * the test's script says for each turn — tool calls or a final text — and records every request, so
 * a test sees exactly which tools, descriptions and tool results the "model" was given.
 */

const http = require('node:http');

/**
 * @typedef {{ role: string, content?: string | null, tool_calls?: ToolCall[], tool_call_id?: string }} ChatMessage
 * @typedef {{ id: string, type: 'function', function: { name: string, arguments: string } }} ToolCall
 * @typedef {{ type: 'function', function: { name: string, description?: string, parameters?: any } }} ToolSpec
 * @typedef {{ model: string, messages: ChatMessage[], tools?: ToolSpec[], [key: string]: unknown }} ChatRequest
 * @typedef {{ toolCalls: { name: string, arguments: Record<string, unknown> }[] } | { text: string }} Turn
 *   what the model answers: tool calls (each `arguments` is what the model "chose") or a final text
 */

/**
 * @param {((request: ChatRequest, turn: number) => Turn)[]} script one function per expected request
 */
async function startScriptedChatModel(script) {
	/** @type {ChatRequest[]} */
	const requests = [];
	/** @type {string[]} requests that were not `POST /v1/chat/completions`, or came after the script ended */
	const unexpected = [];

	const server = http.createServer((req, res) => {
		let raw = '';
		req.on('data', (chunk) => (raw += chunk));
		req.on('end', () => {
			const answer = (/** @type {number} */ status, /** @type {unknown} */ body) => {
				res.writeHead(status, { 'content-type': 'application/json' });
				res.end(JSON.stringify(body));
			};
			if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
				unexpected.push(`${req.method} ${req.url}`);
				return answer(404, { error: { message: `not scripted: ${req.method} ${req.url}`, type: 'invalid_request_error' } });
			}
			/** @type {ChatRequest} */
			const request = JSON.parse(raw);
			const turn = requests.length;
			requests.push(request);
			const step = script[turn];
			if (!step) {
				unexpected.push(`chat completion #${turn + 1} (the script has ${script.length})`);
				return answer(500, { error: { message: 'the script has no more turns', type: 'server_error' } });
			}
			answer(200, completion(request.model, turn, step(request, turn)));
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
	return {
		/** The credential's Base URL. */
		baseUrl: `http://127.0.0.1:${port}/v1`,
		requests,
		unexpected,
		close: () => new Promise((resolve) => server.close(resolve)),
	};
}

/** @param {string} model @param {number} turn @param {Turn} step */
function completion(model, turn, step) {
	const message =
		'text' in step
			? { role: 'assistant', content: step.text }
			: {
					role: 'assistant',
					content: null,
					tool_calls: step.toolCalls.map((call, i) => ({
						id: `call_${turn + 1}_${i + 1}`,
						type: 'function',
						function: { name: call.name, arguments: JSON.stringify(call.arguments) },
					})),
				};
	return {
		id: `chatcmpl-scripted-${turn + 1}`,
		object: 'chat.completion',
		created: Math.floor(Date.now() / 1000),
		model,
		choices: [{ index: 0, message, logprobs: null, finish_reason: 'text' in step ? 'stop' : 'tool_calls' }],
		usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
	};
}

/**
 * The content of the tool answer (role `tool`) to the tool call named `name`, parsed as JSON.
 * @param {ChatRequest} request @param {string} name
 */
function toolResult(request, name) {
	const call = request.messages.flatMap((message) => message.tool_calls ?? []).find((c) => c.function.name === name);
	if (!call) throw new Error(`no call of ${name} in the conversation`);
	const reply = request.messages.find((message) => message.role === 'tool' && message.tool_call_id === call.id);
	if (!reply) throw new Error(`no answer to the call of ${name} in the conversation`);
	return JSON.parse(String(reply.content));
}

module.exports = { startScriptedChatModel, toolResult };
