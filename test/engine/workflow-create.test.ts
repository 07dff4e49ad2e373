import type { INodeParameters } from 'n8n-workflow';

import { requestSummary, useSandbox } from '../helpers/sandbox';
import { runOperation, type ScreeningRunOptions } from '../helpers/screening';

const VALID: INodeParameters = {
	name: 'Onboarding',
	steps: ['ID_VERIFICATION', 'FACE_LIVENESS', 'PEP_SANCTIONS'],
	stepSettings: { idMinimumAge: 21, idFraudAnalysis: false, faceLivenessConfidenceThreshold: 90 },
	stepSettingsJson: '{"id-verification": {"expiry_date_years": 2}, "FACE_LIVENESS": {"preferred_liveness_method": "FaceMovementChallenge"}}',
};

describe('Workflow → Create through the n8n engine', () => {
	const env = useSandbox();
	const create = (parameters: INodeParameters, options: ScreeningRunOptions = {}) =>
		runOperation(env.sb, 'workflow', 'create', parameters, options);

	it('sends one POST with the steps in the order chosen, each with its settings, and outputs the new workflow', async () => {
		const { sb } = env;
		const { items, error } = await create({ ...VALID, steps: ['id_verification', 'FACE_LIVENESS', 'pep-sanctions'] });
		expect(error).toBeUndefined();
		expect(sb.requests.map(requestSummary)).toEqual([
			{
				method: 'POST',
				path: '/v1/workflows',
				query: {},
				apiKey: sb.keys.live,
				contentType: 'application/json',
				body: {
					name: 'Onboarding',
					steps: [
						{ id: 'ID_VERIFICATION', config: { enable_fraud_analysis: false, minimum_age: 21, expiry_date_years: 2 } },
						{ id: 'FACE_LIVENESS', config: { confidence_threshold: 90, preferred_liveness_method: 'FaceMovementChallenge' } },
						{ id: 'PEP_SANCTIONS' },
					],
				},
			},
		]);
		const id = items[0].json.id as string;
		expect(items).toEqual([
			{
				json: {
					id: expect.stringMatching(/^[0-9a-f-]{36}$/),
					name: 'Onboarding',
					status: 'active',
					organization_id: expect.any(String),
					created_at: expect.any(String),
					updated_at: expect.any(String),
					steps: [
						{ id: 'id-verification', config: { enable_fraud_analysis: false, minimum_age: 21, expiry_date_years: 2 } },
						{ id: 'face-liveness', config: { confidence_threshold: 90, preferred_liveness_method: 'FaceMovementChallenge' } },
						{ id: 'pep-sanctions', config: {} },
					],
				},
				pairedItem: { item: 0 },
			},
		]);
		const listed = await runOperation(sb, 'workflow', 'getMany', { returnAll: false, limit: 1 });
		expect(listed.items[0].json).toMatchObject({ id, steps: ['ID_VERIFICATION', 'FACE_LIVENESS', 'PEP_SANCTIONS'] });
	});

	it('sends steps without settings as just their ID, and takes Steps as a list or text from an expression', async () => {
		const { sb } = env;
		await create({ name: 'Two', steps: '={{ ["KYB", "ip jurisdiction"] }}', stepSettings: {}, stepSettingsJson: '' });
		await create({ name: 'Three', steps: '={{ "AGE_ESTIMATION, face liveness" }}' });
		expect(sb.requests.map((request) => request.json)).toEqual([
			{ name: 'Two', steps: [{ id: 'KYB' }, { id: 'IP_JURISDICTION' }] },
			{ name: 'Three', steps: [{ id: 'AGE_ESTIMATION' }, { id: 'FACE_LIVENESS' }] },
		]);
	});

	it.each<[string, INodeParameters, string, string]>([
		['an empty Name', { name: '  ' }, 'The Name parameter is empty', 'Enter a name for the workflow, e.g. KYC Standard.'],
		['a Name over 255 characters', { name: 'x'.repeat(256) }, 'The Name is longer than 255 characters', 'DeepIDV accepts at most 255 characters. Shorten it.'],
		[
			'no Steps',
			{ steps: '={{ [] }}' },
			'The Steps parameter is empty',
			'Choose at least one step. Choose the steps from the list, or give DeepIDV step IDs such as ID_VERIFICATION, FACE_LIVENESS or PEP_SANCTIONS (any case; id-verification works too).',
		],
		['an unknown step', { steps: '={{ ["ID_VERIFICATION", "SELFIE"] }}' }, '"SELFIE" in Steps is not a DeepIDV workflow step', expect.stringContaining('ID_VERIFICATION') as unknown as string],
		['a step twice', { steps: '={{ ["ID_VERIFICATION", "FACE_LIVENESS", "id-verification"] }}' }, 'The step ID Verification (ID_VERIFICATION) is in Steps twice', 'Each step can be in a workflow once. Remove the repeat.'],
		[
			'more than 10 steps',
			{ steps: ['ADDRESS_VERIFICATION', 'ADVERSE_MEDIA', 'AGE_ESTIMATION', 'BACKGROUND_CHECK', 'CONSENT', 'CREDIT_CHECK', 'CUSTOM_FORM', 'DEEP_AGE', 'ID_VERIFICATION', 'KYB', 'FACE_LIVENESS'] },
			'Steps has 11 steps, more than the 10 a DeepIDV workflow can have',
			'Remove steps until at most 10 are left.',
		],
		[
			'settings for a step not chosen',
			{ steps: ['ID_VERIFICATION'], stepSettings: { faceLivenessConfidenceThreshold: 80 } },
			'Step Settings has settings for Face Liveness (FACE_LIVENESS), which is not in Steps',
			'Add the step to Steps, or remove its settings.',
		],
		[
			'an age that is not whole',
			{ stepSettings: { idMinimumAge: 17.5 } },
			'The setting "minimum_age" of ID Verification (ID_VERIFICATION) in Step Settings (ID Verification: Minimum Age) is 17.5, not a whole number',
			'DeepIDV accepts a whole number from 0 to 100. Left out, DeepIDV uses 18.',
		],
		[
			'a minimum age above the maximum',
			{ stepSettings: { idMinimumAge: 30 }, stepSettingsJson: '{"ID_VERIFICATION": {"maximum_age": 25}}' },
			'The minimum age (30) of ID Verification (ID_VERIFICATION) is higher than its maximum age (25)',
			'Lower "minimum_age" or raise "maximum_age".',
		],
		[
			'a threshold out of range',
			{ stepSettings: { faceLivenessConfidenceThreshold: '={{ 101 }}' } },
			'The setting "confidence_threshold" of Face Liveness (FACE_LIVENESS) in Step Settings (Face Liveness: Confidence Threshold) is 101, more than 100',
			'DeepIDV accepts a whole number from 0 to 100. Left out, DeepIDV uses 70.',
		],
		[
			'JSON that does not parse',
			{ stepSettingsJson: '{"ID_VERIFICATION": {' },
			expect.stringMatching(/^The More Step Settings \(JSON\) is not valid JSON: /) as unknown as string,
			'Enter a JSON object, e.g. {"ID_VERIFICATION": {"expiry_date_years": 2}}',
		],
		['JSON that is not an object', { stepSettingsJson: '[1]' }, 'The More Step Settings (JSON) is not a JSON object', 'Enter a JSON object in curly braces, e.g. {"ID_VERIFICATION": {"expiry_date_years": 2}}'],
		['a JSON key that is not a step', { stepSettingsJson: '{"minimum_age": 21}' }, '"minimum_age" in More Step Settings (JSON) is not a DeepIDV workflow step', 'Use the step IDs as keys, e.g. {"ID_VERIFICATION": {"expiry_date_years": 2}}'],
		[
			'JSON for a step not chosen',
			{ stepSettingsJson: '{"KYB": {}}' },
			'More Step Settings (JSON) has settings for KYB (Business Verification) (KYB), which is not in Steps',
			'Add the step to Steps, or remove its settings.',
		],
		[
			'a setting given twice',
			{ stepSettingsJson: '{"ID_VERIFICATION": {"minimum_age": 18}}' },
			'The setting "minimum_age" of ID Verification (ID_VERIFICATION) is given twice: in Step Settings (ID Verification: Minimum Age) and in More Step Settings (JSON)',
			'Remove it from one of the two places.',
		],
	])('refuses %s before sending anything', async (_case, change, message, description) => {
		const { sb } = env;
		const { error, items } = await create({ ...VALID, ...change });
		expect(items).toEqual([]);
		expect(error?.message).toEqual(message);
		expect(error?.description).toEqual(description);
		expect(sb.requests).toEqual([]);
	});

	it('explains the sandbox key’s 403', async () => {
		const { sb } = env;
		const { error } = await create(VALID, { apiKey: sb.keys.sandbox });
		expect(sb.requests).toHaveLength(1);
		expect(error?.message).toBe('A sandbox API key cannot create workflows');
		expect(error?.description).toBe(
			'DeepIDV sandbox keys only read test data. Put a live API key from the DeepIDV Admin Console in the DeepIDV API credential.',
		);
		expect(error?.httpCode).toBe('403');
	});

	it('quotes DeepIDV’s hints when it refuses the workflow (400), e.g. a step that needs an earlier one', async () => {
		const { sb } = env;
		const { error } = await create({ ...VALID, steps: ['CREDIT_CHECK', 'ID_VERIFICATION', 'FACE_LIVENESS'] });
		expect(sb.requests).toHaveLength(1);
		expect(error?.message).toBe('DeepIDV rejected the request as invalid: Invalid request body (steps.0.id: CREDIT_CHECK requires an earlier ID_VERIFICATION step)');
		expect(error?.description).toBe('Check Name, Steps, Step Settings and More Step Settings (JSON).');
	});

	it('never repeats a create DeepIDV may have acted on, and says so; the run’s error names the items already created', async () => {
		const { sb } = env;
		sb.injectFaults([{ status: 502, when: 'after', match: { method: 'POST', path: '/v1/workflows' } }]);
		const single = await create(VALID);
		expect(sb.requests).toHaveLength(1);
		expect(single.error?.message).toBe('DeepIDV had a server error (HTTP 502): Bad Gateway');
		expect(single.error?.description).toBe(
			'DeepIDV may have created the workflow anyway. Before running this item again, look for it with Workflow → Get Many so it is not created twice.',
		);

		sb.clearRequests();
		const run = await create(
			{ ...VALID, name: '={{ $json.name }}', requestOptions: { maxConcurrentRequests: 1 } },
			{ input: [{ name: 'First' }, { name: '' }] },
		);
		expect(run.error?.message).toBe('The Name parameter is empty');
		const created = (await runOperation(sb, 'workflow', 'getMany', { returnAll: false, limit: 1 })).items[0].json;
		expect(created.name).toBe('First');
		expect(run.error?.description).toBe(
			`Enter a name for the workflow, e.g. KYC Standard. Before the run stopped, 1 item had already created a workflow: item 0 (workflow ${String(created.id)}). Running the workflow again creates them again.`,
		);
	});

	it('with Continue On Fail gives each item its own result', async () => {
		const { sb } = env;
		const { items } = await create({ ...VALID, name: '={{ $json.name }}' }, { input: [{ name: 'A' }, { name: '' }], continueOnFail: true });
		expect(sb.requests).toHaveLength(1);
		expect(items.map((item) => [item.pairedItem, item.json.name ?? item.json.error])).toEqual([
			[{ item: 0 }, 'A'],
			[{ item: 1 }, 'The Name parameter is empty'],
		]);
	});
});
