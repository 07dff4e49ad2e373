import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runOperation } from '../helpers/screening';
import { useSandbox } from '../helpers/sandbox';
import { PERSON, byWorkflowId, calls } from '../helpers/runner';

describe('Workflow Runner → Create Headless Session through the n8n engine', () => {
	const env = useSandbox();
	const create = (workflowId: string, parameters: INodeParameters = {}, options: { input?: IDataObject[]; continueOnFail?: boolean } = {}) =>
		runOperation(env.sb, 'workflowRunner', 'createSession', { ...byWorkflowId(workflowId), ...PERSON, ...parameters }, options);

	it('sends POST /v1/workflows/{id}/sessions once with the applicant, and outputs the session ID, its ordered steps with requirements and the current step', async () => {
		const { sb } = env;
		const workflowId = sb.addRunnerWorkflow({ steps: ['ID_VERIFICATION', 'CONSENT'] }).id;
		const { items, error } = await create(workflowId, { additionalFields: { externalId: ' crm-1001 ', expiresInHours: 48 } });
		expect(error).toBeUndefined();
		expect(sb.requests.map(({ method, path, json, headers }) => ({ method, path, json, key: headers['x-api-key'] }))).toEqual([
			{
				method: 'POST',
				path: `/v1/workflows/${workflowId}/sessions`,
				json: { firstName: 'Jane', lastName: 'Doe', email: 'jane.doe@example.com', phone: '+15192223333', externalId: 'crm-1001', expiresInHours: 48 },
				key: sb.keys.live,
			},
		]);
		const sessionId = items[0].json.session_id as string;
		expect(items).toEqual([
			{
				json: {
					session_id: sessionId,
					expires_at: expect.any(String),
					external_id: 'crm-1001',
					steps: [
						{ step_id: 'ID_VERIFICATION', status: 'PENDING', requirements: expect.objectContaining({ document: expect.objectContaining({ valid_id_types: expect.any(Array) }) }) },
						{ step_id: 'CONSENT', status: 'PENDING', requirements: expect.objectContaining({ signature_required: false }) },
					],
					current_step: 0,
					current_step_id: 'ID_VERIFICATION',
					created: true,
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(sb.getRunnerExecution(sessionId)).toBeDefined();
	});

	it('with an External ID and Return the Existing One, outputs the existing session and its state on a re-run, creating nothing', async () => {
		const { sb } = env;
		const workflowId = sb.addRunnerWorkflow({ steps: ['PHONE_TRUST_CHECK'] }).id;
		const fields = { additionalFields: { externalId: 'crm-2002', ifExternalIdExists: 'returnExisting' } };
		const first = await create(workflowId, fields);
		expect(first.items[0].json.created).toBe(true);
		sb.clearRequests();
		const second = await create(workflowId, fields);
		expect(second.error).toBeUndefined();
		const sessionId = first.items[0].json.session_id as string;
		expect(calls(sb)).toEqual(['GET /v1/sessions', `GET /v1/sessions/${sessionId}/workflow`]);
		expect(sb.requests[0].query).toMatchObject({ external_id: 'crm-2002' });
		expect(second.items[0].json).toMatchObject({ session_id: sessionId, created: false, external_id: 'crm-2002', current_step: 0, current_step_id: 'PHONE_TRUST_CHECK' });
	});

	it('never repeats the create once DeepIDV may have acted: a server error after the session was made fails the item and says to look for it', async () => {
		const { sb } = env;
		const workflowId = sb.addRunnerWorkflow({ steps: ['PHONE_TRUST_CHECK'] }).id;
		sb.injectFaults([{ status: 500, when: 'after', match: { method: 'POST', path: `/v1/workflows/${workflowId}/sessions` } }]);
		const { error } = await create(workflowId);
		expect(calls(sb)).toEqual([`POST /v1/workflows/${workflowId}/sessions`]);
		expect(error?.message).toBe('DeepIDV had a server error (HTTP 500): Internal Server Error');
		expect(error?.description).toBe(
			'DeepIDV may have created the headless session anyway. Before running this item again, look for it with Session → Get Many (by External ID, or the newest sessions), so the workflow is not run (and billed) twice.',
		);
	});

	it('with the re-run rule, a lost answer is settled by looking the External ID up: the session it made is output, not a second one', async () => {
		const { sb } = env;
		const workflowId = sb.addRunnerWorkflow({ steps: ['PHONE_TRUST_CHECK'] }).id;
		sb.injectFaults([{ status: 500, when: 'after', match: { method: 'POST', path: `/v1/workflows/${workflowId}/sessions` } }]);
		const { items, error } = await create(workflowId, { additionalFields: { externalId: 'crm-3003', ifExternalIdExists: 'returnExisting' } });
		expect(error).toBeUndefined();
		expect(calls(sb).filter((call) => call.startsWith('POST'))).toEqual([`POST /v1/workflows/${workflowId}/sessions`]);
		expect(items[0].json).toMatchObject({ created: true, external_id: 'crm-3003', current_step_id: 'PHONE_TRUST_CHECK' });
	});

	it("explains DeepIDV's 400 for a workflow with a step the Runner cannot run", async () => {
		const { sb } = env;
		const workflowId = sb.addRunnerWorkflow({ steps: ['ID_VERIFICATION', 'E_SIGNATURE'] }).id;
		const { error } = await create(workflowId);
		expect(error?.message).toBe(`The workflow "${workflowId}" has steps the Workflow Runner cannot run: E_SIGNATURE`);
		expect(error?.description).toBe(
			"Nothing was created. E_SIGNATURE runs only in DeepIDV's hosted flow: send the applicant Session → Create with this workflow instead, or use a workflow without E_SIGNATURE.",
		);
	});

	it('a workflow DeepIDV does not know is named in the 404', async () => {
		const { error } = await create('3f6b1c9e-2a4d-4e8f-9b7a-1c2d3e4f5a6b');
		expect(error?.message).toBe('Workflow "3f6b1c9e-2a4d-4e8f-9b7a-1c2d3e4f5a6b" was not found in DeepIDV');
	});

	it.each<[string, INodeParameters, string]>([
		['an empty Workflow', { workflowId: { mode: 'id', value: ' ' } }, 'The Workflow parameter is empty'],
		['a phone not in international format', { phone: '519 222 3333' }, expect.stringContaining('Phone') as unknown as string],
		['an empty Email', { email: ' ' }, 'The Email parameter is empty'],
		['Return the Existing One without an External ID', { additionalFields: { ifExternalIdExists: 'returnExisting' } }, '"If a Session With This External ID Exists" is set to Return the Existing One, but External ID is empty'],
	])('refuses %s before any request', async (_case, parameters, message) => {
		const { sb } = env;
		const workflowId = sb.addRunnerWorkflow({ steps: ['PHONE_TRUST_CHECK'] }).id;
		const { error } = await create(workflowId, parameters);
		expect(error?.message).toEqual(message);
		expect(sb.requests).toEqual([]);
	});

	it('under Continue On Fail, one output per input: a session for the good item, an error item for the bad one, in order', async () => {
		const { sb } = env;
		const workflowId = sb.addRunnerWorkflow({ steps: ['PHONE_TRUST_CHECK'] }).id;
		const { items, error } = await create(
			workflowId,
			{ email: '={{ $json.email }}' },
			{ input: [{ email: 'jane.doe@example.com' }, { email: 'not-an-email' }], continueOnFail: true },
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(items[0]).toMatchObject({ json: { created: true }, pairedItem: { item: 0 } });
		expect(items[1]).toMatchObject({ json: { error: expect.stringContaining('Email') }, pairedItem: { item: 1 } });
		expect(calls(sb)).toEqual([`POST /v1/workflows/${workflowId}/sessions`]);
	});
});
