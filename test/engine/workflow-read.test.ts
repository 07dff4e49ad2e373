import type { IDataObject } from 'n8n-workflow';

import { deepIdvNodeType, loadOptionsContext } from '../helpers/loadOptions';
import { requestSummary, sandboxCredential, useSandbox } from '../helpers/sandbox';
import { runOperation } from '../helpers/screening';

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

describe('Workflow → Get Many and Get through the n8n engine', () => {
	const env = useSandbox();

	/** What DeepIDV answers, fetched directly. */
	const raw = async (path: string) => (await (await fetch(`${env.sb.url}${path}`, { headers: { 'x-api-key': env.sb.keys.live } })).json()) as IDataObject;

	it('Get Many sends one GET and outputs one item per workflow, newest first, as DeepIDV lists them', async () => {
		const { sb } = env;
		const { items, error } = await runOperation(sb, 'workflow', 'getMany', { returnAll: true });
		expect(error).toBeUndefined();
		expect(sb.requests.map(requestSummary)).toEqual([
			{ method: 'GET', path: '/v1/workflows', query: {}, apiKey: sb.keys.live, contentType: undefined, body: undefined },
		]);
		const { workflows } = (await raw('/v1/workflows')) as { workflows: IDataObject[] };
		expect(workflows.map((workflow) => workflow.name)).toEqual(['Age Check', 'Enhanced Due Diligence', 'KYC Standard', 'Sandbox Test Workflow']);
		expect(items).toEqual(workflows.map((json) => ({ json, pairedItem: { item: 0 } })));
		expect(items[0].json).toEqual({ id: expect.any(String), name: 'Age Check', status: 'active', steps: ['AGE_ESTIMATION', 'FACE_LIVENESS'], created_at: '2025-02-10T09:00:00.000Z' });
	});

	it('Get Many keeps the newest up to the Limit, and refuses a bad Limit before sending', async () => {
		const { sb } = env;
		const { items } = await runOperation(sb, 'workflow', 'getMany', { returnAll: false, limit: 2 });
		expect(items.map((item) => item.json.name)).toEqual(['Age Check', 'Enhanced Due Diligence']);
		sb.clearRequests();
		const { error } = await runOperation(sb, 'workflow', 'getMany', { returnAll: false, limit: '={{ 0 }}' });
		expect(error?.message).toBe('The Limit "0" is not a whole number of 1 or more');
		expect(error?.description).toBe('Enter how many workflows to return, e.g. 50, or turn on Return All.');
		expect(sb.requests).toEqual([]);
	});

	it('Get outputs the workflow with its steps and settings, by ID or picked from the list', async () => {
		const { sb } = env;
		const { items, error } = await runOperation(sb, 'workflow', 'get', { workflowId: byId(' test_workflow ') });
		expect(error).toBeUndefined();
		expect(sb.requests.map(requestSummary)).toEqual([
			{ method: 'GET', path: '/v1/workflows/test_workflow', query: {}, apiKey: sb.keys.live, contentType: undefined, body: undefined },
		]);
		const expected = (await raw('/v1/workflows/test_workflow')).workflow as IDataObject;
		expect(items).toEqual([{ json: expected, pairedItem: { item: 0 } }]);
		expect((expected.steps as IDataObject[])[0]).toEqual({
			id: 'id-verification',
			config: { minimum_age: 18, expiry_date_years: 0, require_secondary_id: false, enable_fraud_analysis: true },
		});

		sb.clearRequests();
		const picked = await runOperation(sb, 'workflow', 'get', { workflowId: { __rl: true, mode: 'list', value: 'test_workflow', cachedResultName: 'Sandbox Test Workflow' } });
		expect(sb.requests.map((request) => request.path)).toEqual(['/v1/workflows/test_workflow']);
		expect(picked.items[0].json).toEqual(expected);
	});

	it('Get names an unknown workflow, sends IDs encoded, and refuses an empty Workflow before sending', async () => {
		const { sb } = env;
		const { error } = await runOperation(sb, 'workflow', 'get', { workflowId: byId('wf/1 x') });
		expect(sb.requests.map((request) => request.path)).toEqual(['/v1/workflows/wf%2F1%20x']);
		expect(error?.message).toBe('Workflow "wf/1 x" was not found in DeepIDV');
		expect(error?.description).toBe(
			'Check the Workflow parameter: choose it from the list, or use the ID of a workflow of the organisation that owns the API key.',
		);
		expect(error?.httpCode).toBe('404');
		sb.clearRequests();
		const empty = await runOperation(sb, 'workflow', 'get', { workflowId: byId('={{ $json.none ?? "" }}') });
		expect(empty.error?.message).toBe('The Workflow parameter is empty');
		expect(sb.requests).toEqual([]);
	});

	it('the Workflow picker lists the workflows by name from the same list as the dropdowns, filtered by what is typed', async () => {
		const { sb } = env;
		const { listSearch, loadOptions } = deepIdvNodeType().methods!;
		const context = loadOptionsContext(sandboxCredential(sb), 'parameters.workflowId');
		const all = await listSearch!.searchWorkflows.call(context);
		const dropdown = await loadOptions!.getWorkflows.call(loadOptionsContext(sandboxCredential(sb), 'parameters.additionalFields.workflowId'));
		expect(all.results).toEqual(dropdown.map(({ name, value }) => ({ name, value })));
		expect(all.results.map((result) => result.name)).toEqual(['Age Check', 'Enhanced Due Diligence', 'KYC Standard', 'Sandbox Test Workflow']);
		expect((await listSearch!.searchWorkflows.call(context, ' due ')).results.map((result) => result.name)).toEqual(['Enhanced Due Diligence']);
		expect((await listSearch!.searchWorkflows.call(context, 'TEST_WORK')).results).toEqual([{ name: 'Sandbox Test Workflow', value: 'test_workflow' }]);
		expect(sb.requests.every((request) => request.method === 'GET' && request.path === '/v1/workflows')).toBe(true);
	});
});
