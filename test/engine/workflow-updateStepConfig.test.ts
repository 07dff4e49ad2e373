import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { requestSummary, useSandbox } from '../helpers/sandbox';
import { runOperation } from '../helpers/screening';

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

describe('Workflow → Update Step Config through the n8n engine', () => {
	const env = useSandbox();
	const idOf = async (sb: Sandbox, name: string) => {
		const { workflows } = (await (await fetch(`${sb.url}/v1/workflows`, { headers: { 'x-api-key': sb.keys.live } })).json()) as { workflows: IDataObject[] };
		sb.clearRequests();
		return workflows.find((workflow) => workflow.name === name)!.id as string;
	};
	const update = (parameters: INodeParameters, options: { apiKey?: string } = {}) => runOperation(env.sb, 'workflow', 'updateStepConfig', parameters, options);

	it('sends one PATCH with only the changed settings and outputs the updated workflow', async () => {
		const { sb } = env;
		const kyc = await idOf(sb, 'KYC Standard');
		const { items, error } = await update({
			workflowId: byId(kyc),
			stepId: 'ID_VERIFICATION',
			stepSettings: { idMinimumAge: 21, idMaximumAge: 80, idRequireSecondaryId: true },
			settingsJson: '{"expiry_date_years": 3}',
		});
		expect(error).toBeUndefined();
		expect(sb.requests.map(requestSummary)).toEqual([
			{
				method: 'PATCH',
				path: `/v1/workflows/${kyc}/steps/ID_VERIFICATION/config`,
				query: {},
				apiKey: sb.keys.live,
				contentType: 'application/json',
				body: { config: { maximum_age: 80, minimum_age: 21, require_secondary_id: true, expiry_date_years: 3 } },
			},
		]);
		expect(items).toEqual([
			{
				json: {
					id: kyc,
					name: 'KYC Standard',
					status: 'active',
					organization_id: expect.any(String),
					created_at: '2024-11-04T14:00:00.000Z',
					updated_at: expect.any(String),
					steps: [
						{ id: 'id-verification', config: { minimum_age: 21, expiry_date_years: 3, require_secondary_id: true, enable_fraud_analysis: true, maximum_age: 80 } },
						{ id: 'face-liveness', config: { confidence_threshold: 80 } },
						{ id: 'pep-sanctions', config: {} },
					],
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('takes the step in the stored form from an expression, e.g. from Workflow → Get', async () => {
		const { sb } = env;
		const kyc = await idOf(sb, 'KYC Standard');
		const { error } = await update({ workflowId: byId(kyc), stepId: '={{ "face-liveness" }}', stepSettings: { faceLivenessConfidenceThreshold: 95 } });
		expect(error).toBeUndefined();
		expect(sb.requests.map((request) => [request.path, request.json])).toEqual([[`/v1/workflows/${kyc}/steps/FACE_LIVENESS/config`, { config: { confidence_threshold: 95 } }]]);
	});

	it('explains DeepIDV’s 409 legacy_step_config', async () => {
		const { sb } = env;
		const edd = await idOf(sb, 'Enhanced Due Diligence');
		const { error } = await update({ workflowId: byId(edd), stepId: 'ADDRESS_VERIFICATION', settingsJson: '{"num_questions": 5}' });
		expect(sb.requests).toHaveLength(1);
		expect(error?.message).toBe(
			`DeepIDV cannot change the settings of Address Verification (ADDRESS_VERIFICATION) in workflow "${edd}": they are stored in an older format (DeepIDV: legacy_step_config)`,
		);
		expect(error?.description).toBe(
			'DeepIDV answers legacy_step_config for a step set up before its current settings format; the API cannot edit such a step. Change the step in the DeepIDV Admin Console (saving it there moves it to the current format), or create a new workflow with Workflow → Create and use that one.',
		);
		expect(error?.httpCode).toBe('409');
	});

	it('after a 404, reads the workflow to say which is missing: the step (listing the workflow’s steps) or the workflow', async () => {
		const { sb } = env;
		const kyc = await idOf(sb, 'KYC Standard');
		const noStep = await update({ workflowId: byId(kyc), stepId: 'KYB', settingsJson: '{"pep_databases": true}' });
		expect(sb.requests.map((request) => `${request.method} ${request.path}`)).toEqual([`PATCH /v1/workflows/${kyc}/steps/KYB/config`, `GET /v1/workflows/${kyc}`]);
		expect(noStep.error?.message).toBe(`Workflow "${kyc}" has no step KYB (Business Verification) (KYB)`);
		expect(noStep.error?.description).toBe(
			"Its steps are: ID Verification, Face Liveness, PEP & Sanctions. Choose one of them as Step. DeepIDV's API cannot add a step to an existing workflow: for another step, create a workflow with Workflow → Create.",
		);
		expect(noStep.error?.httpCode).toBe('404');

		sb.clearRequests();
		const noWorkflow = await update({ workflowId: byId('wf-gone'), stepId: 'KYB', settingsJson: '{"pep_databases": true}' });
		expect(sb.requests.map((request) => `${request.method} ${request.path}`)).toEqual(['PATCH /v1/workflows/wf-gone/steps/KYB/config', 'GET /v1/workflows/wf-gone']);
		expect(noWorkflow.error?.message).toBe('Workflow "wf-gone" was not found in DeepIDV');
		expect(noWorkflow.error?.description).toBe(
			'Check the Workflow parameter: choose it from the list, or use the ID of a workflow of the organisation that owns the API key.',
		);
		expect(noWorkflow.error?.httpCode).toBe('404');
	});

	it('says both when the read after a 404 fails too', async () => {
		const { sb } = env;
		const kyc = await idOf(sb, 'KYC Standard');
		sb.injectFaults([{ status: 500, match: { method: 'GET', path: `/v1/workflows/${kyc}` } }]);
		const { error } = await update({ workflowId: byId(kyc), stepId: 'KYB', settingsJson: '{"pep_databases": true}', requestOptions: { maxRetries: 0 } });
		expect(error?.message).toBe(`Workflow "${kyc}" was not found in DeepIDV, or it has no step KYB (Business Verification) (KYB)`);
		expect(error?.description).toBe(
			'Check the Workflow parameter: choose it from the list, or use the ID of a workflow of the organisation that owns the API key. Check with Workflow → Get that the Step is one of its steps.',
		);
	});

	it('explains the sandbox key’s 403', async () => {
		const { sb } = env;
		const sandbox = await update({ workflowId: byId('test_workflow'), stepId: 'FACE_LIVENESS', stepSettings: { faceLivenessConfidenceThreshold: 70 } }, { apiKey: sb.keys.sandbox });
		expect(sandbox.error?.message).toBe('A sandbox API key cannot change workflows');
	});

	it('repeats the PATCH after a server error: the same settings twice change nothing more', async () => {
		const { sb } = env;
		const kyc = await idOf(sb, 'KYC Standard');
		sb.injectFaults([{ status: 503, when: 'after', match: { method: 'PATCH' } }]);
		const { items, error } = await update({ workflowId: byId(kyc), stepId: 'ID_VERIFICATION', stepSettings: { idFraudAnalysis: false } });
		expect(error).toBeUndefined();
		expect(sb.requests.map((request) => request.method)).toEqual(['PATCH', 'PATCH']);
		expect((items[0].json.steps as IDataObject[])[0].config).toMatchObject({ enable_fraud_analysis: false });
	});

	it.each<[string, INodeParameters, string, string]>([
		['nothing to change', { stepSettings: {}, settingsJson: '{}' }, 'There is no setting to change', 'Add a setting under Step Settings, or give settings in More Settings (JSON), e.g. {"expiry_date_years": 2}.'],
		[
			'a setting of another step',
			{ stepSettings: { faceLivenessConfidenceThreshold: 80 } },
			'Step Settings has settings for Face Liveness (FACE_LIVENESS), but the Step is ID Verification (ID_VERIFICATION)',
			'Choose that step as Step, or remove those settings.',
		],
		[
			'JSON keyed by step',
			{ settingsJson: '{"ID_VERIFICATION": {"minimum_age": 21}}' },
			'More Settings (JSON) has the step "ID_VERIFICATION" as a key',
			'Give the settings of the Step itself, without the step ID around them, e.g. {"expiry_date_years": 2}.',
		],
		['an unknown step', { stepId: '={{ "SELFIE" }}', settingsJson: '{"minimum_age": 21}' }, 'The Step "SELFIE" is not a DeepIDV workflow step', expect.stringContaining('ID_VERIFICATION') as unknown as string],
		['an empty Workflow', { workflowId: byId('={{ "" }}'), settingsJson: '{"minimum_age": 21}' }, 'The Workflow parameter is empty', expect.stringContaining('Choose a workflow from the list') as unknown as string],
	])('refuses %s before sending anything', async (_case, change, message, description) => {
		const { sb } = env;
		const { error } = await update({ workflowId: byId('test_workflow'), stepId: 'ID_VERIFICATION', ...change });
		expect(error?.message).toEqual(message);
		expect(error?.description).toEqual(description);
		expect(sb.requests).toEqual([]);
	});
});
