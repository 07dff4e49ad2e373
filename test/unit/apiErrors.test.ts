import type { IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { explainRefusals, quoting } from '../../dist/nodes/DeepIdv/actions/apiErrors';
import { defaultTransportSettings } from '../../dist/nodes/DeepIdv/transport/settings';

const node = { name: 'DeepIDV', type: 'deepIdv', typeVersion: 1, position: [0, 0], parameters: {} } as unknown as INode;
const context = { getNode: () => node } as unknown as IExecuteFunctions;
const KEY = 'sk_live_secret_0123456789';

/** A refusal as deepIdvApiRequest reports it. */
const refused = (status: number, said: string) =>
	new NodeApiError(node, { status, error: said }, { message: `DeepIDV answered with HTTP ${status}: ${said}`, httpCode: String(status), itemIndex: 3 });

describe('explainRefusals', () => {
	const settings = () => ({ ...defaultTransportSettings(), credentials: Promise.resolve({ apiKey: KEY }) });

	it('replaces the words of a refusal it can explain, keeping the HTTP code and item, without the API key', async () => {
		const failing = explainRefusals(context, 3, settings(), async () => {
			throw refused(422, `not_verified for ${KEY}`);
		}, (refusal) => ({ message: `Cannot${quoting(refusal.said)}`, description: `Status ${refusal.status}` }));
		await expect(failing).rejects.toMatchObject({
			name: 'NodeApiError',
			message: 'Cannot (DeepIDV: not_verified for [redacted])',
			description: 'Status 422',
			httpCode: '422',
			context: expect.objectContaining({ itemIndex: 3 }),
		});
	});

	it('passes on what it cannot explain, and any other error, unchanged', async () => {
		const original = refused(404, 'Session not found');
		await expect(explainRefusals(context, 0, settings(), async () => { throw original; }, () => undefined)).rejects.toBe(original);
		const operation = new NodeOperationError(node, 'bad base URL');
		await expect(explainRefusals(context, 0, settings(), async () => { throw operation; }, () => ({ message: 'x', description: 'y' }))).rejects.toBe(operation);
		await expect(explainRefusals(context, 0, settings(), async () => 'answer', () => undefined)).resolves.toBe('answer');
	});
});
