import type { IDataObject, IExecuteFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';

import type { BatchOperation, ExecutionShared, Operation } from '../../dist/nodes/DeepIdv/actions/operation';
import { operations as sessionOperations } from '../../dist/nodes/DeepIdv/actions/session';
import { apiPath } from '../../dist/nodes/DeepIdv/actions/simpleOperation';
import { operations as workflowOperations } from '../../dist/nodes/DeepIdv/actions/workflow';
import { defaultTransportSettings } from '../../dist/nodes/DeepIdv/transport/settings';

const node = { name: 'DeepIDV', type: 'deepIdv', typeVersion: 1, position: [0, 0], parameters: {} } as unknown as INode;

/**
 * One item of a simple operation, against a DeepIDV that answers 200 with `body`. The sandbox
 * server only does what DeepIDV documents, so an answer missing its main field is made here.
 */
async function runItem(operation: Operation | BatchOperation, parameters: IDataObject, body: IDataObject) {
	const sent: IHttpRequestOptions[] = [];
	const context = {
		getNode: () => node,
		getNodeParameter: (name: string, _itemIndex: number, fallback?: unknown, options?: { extractValue?: boolean }) => {
			const value = parameters[name] ?? fallback;
			return options?.extractValue && value && typeof value === 'object' ? (value as IDataObject).value : value;
		},
		helpers: {
			httpRequestWithAuthentication: async (_type: string, request: IHttpRequestOptions) => {
				sent.push(request);
				return { statusCode: 200, headers: {}, body };
			},
		},
	} as unknown as IExecuteFunctions;
	const settings = { ...defaultTransportSettings(), credentials: Promise.resolve({ apiKey: 'sk_live_unit', baseUrl: 'https://api.deepidv.com' }) };
	if (!('execute' in operation)) throw new Error('runItem runs per-item operations only');
	const result = operation.execute.call(context, 2, settings, {} as ExecutionShared);
	return { result, sent };
}

describe('simpleOperation', () => {
	it('URL-encodes every value put into a path', () => {
		expect(apiPath`/v1/workflows/${'a/b c'}/steps/${'ID_VERIFICATION'}/config`).toBe('/v1/workflows/a%2Fb%20c/steps/ID_VERIFICATION/config');
		expect(apiPath`/v1/sessions`).toBe('/v1/sessions');
	});

	it('fails the item when the answer lacks the field every good answer has, with the operation’s advice', async () => {
		const get = await runItem(sessionOperations.get, { sessionId: { mode: 'id', value: 's/1' } }, { user: {} });
		await expect(get.result).rejects.toMatchObject({
			name: 'NodeApiError',
			message: 'DeepIDV answered without the session record',
			description: 'Run the workflow again; if it keeps happening, contact DeepIDV support.',
			context: expect.objectContaining({ itemIndex: 2 }),
		});
		expect(get.sent.map((request) => [request.method, request.url])).toEqual([['GET', 'https://api.deepidv.com/v1/sessions/s%2F1']]);

		const update = await runItem(sessionOperations.updateStatus, { sessionId: { mode: 'id', value: 's1' }, status: 'verified' }, {});
		await expect(update.result).rejects.toMatchObject({
			message: 'DeepIDV answered without the updated session record',
			description: 'The status may have changed. Use Get Session to check it.',
		});
		expect(update.sent[0].body).toEqual({ new_status: 'VERIFIED' });

		const reVerify = await runItem(sessionOperations.reVerify, { sessionId: { mode: 'id', value: 's1' } }, { re_verification_id: '' });
		await expect(reVerify.result).rejects.toMatchObject({ message: 'DeepIDV answered without the ID of the re-verification' });

		// A list where one object belongs is no workflow either.
		const workflow = await runItem(workflowOperations.get, { workflowId: { mode: 'id', value: 'w1' } }, { workflow: [] });
		await expect(workflow.result).rejects.toMatchObject({ message: 'DeepIDV answered without the workflow' });
	});

	it('outputs the answer through output, and through the simplify function only while Simplify is on', async () => {
		const record = { id: 's1', status: 'VERIFIED' };
		const update = await runItem(sessionOperations.updateStatus, { sessionId: { mode: 'id', value: 's1' }, status: 'VERIFIED' }, { session_record: record });
		await expect(update.result).resolves.toEqual([record]);

		const answer = { session_record: record, user: { first_name: 'Jane' }, extra: 1 };
		const raw = await runItem(sessionOperations.get, { sessionId: { mode: 'id', value: 's1' }, simplify: false }, answer);
		await expect(raw.result).resolves.toEqual([answer]);
		const simplified = await runItem(sessionOperations.get, { sessionId: { mode: 'id', value: 's1' } }, answer);
		await expect(simplified.result).resolves.toEqual([expect.objectContaining({ id: 's1', status: 'VERIFIED', first_name: 'Jane' })]);
		expect((await simplified.result)[0]).not.toHaveProperty('extra');
	});
});
