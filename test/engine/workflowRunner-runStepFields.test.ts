import type { INodeParameters } from 'n8n-workflow';

import { useFileChecks } from '../helpers/files';
import { PASSPORT, PERSON, SELFIE, byWorkflowId, calls } from '../helpers/runner';

/** A custom form with a required number, an optional text and a checkbox. */
const FORM = {
	id: 'CUSTOM_FORM',
	config: {
		fields: {
			age: { label: 'Age', type: 'number', required: true },
			nickname: { label: 'Nickname', type: 'short-text', required: false },
			newsletter: { label: 'Newsletter', type: 'checkbox', required: false },
		},
	},
};

const fields = (...entries: Array<[string, string, string]>): INodeParameters => ({
	runStepFields: { field: entries.map(([stepId, name, value]) => ({ stepId, name, value })) },
});

describe('Workflow Runner → Run With Files → Step Fields through the n8n engine', () => {
	const env = useFileChecks();
	const run = (parameters: INodeParameters, extra: { continueOnFail?: boolean } = {}) => {
		const workflowId = env.sb.addRunnerWorkflow({ steps: ['ID_VERIFICATION', FORM] }).id;
		return env.run(
			{ resource: 'workflowRunner', operation: 'runWithFiles', ...byWorkflowId(workflowId), ...PERSON, documentType: 'passport-us', ...parameters },
			[{ id_front: PASSPORT.file, selfie_front: SELFIE.file }],
			extra,
		);
	};
	const stepBodies = () => env.sb.requests.filter((request) => request.path.includes('/steps/')).map(({ path, json }) => [path.split('/').pop(), json]);

	it('submits ID Verification from the files, then the custom form from Step Fields merged over Step Data (JSON), typed as the form types them', async () => {
		const { items, error } = await run({
			...fields(['CUSTOM_FORM', 'age', '42'], ['CUSTOM_FORM', 'newsletter', 'true'], ['CUSTOM_FORM', 'nickname', 'Ada']),
			stepInput: { stepData: JSON.stringify({ CUSTOM_FORM: { answers: { nickname: 'from JSON' } } }) },
		});
		expect(error).toBeUndefined();
		expect(stepBodies()).toEqual([
			['ID_VERIFICATION', { document_type: 'passport-us', uploads: { id_front: expect.any(String), selfie_front: expect.any(String) } }],
			['CUSTOM_FORM', { answers: { age: 42, newsletter: true, nickname: 'Ada' } }],
		]);
		expect(items[0].json).toMatchObject({
			run_outcome: 'completed',
			steps_submitted: [
				{ step_id: 'ID_VERIFICATION', step_status: 'COMPLETED', failure_reason: null },
				{ step_id: 'CUSTOM_FORM', step_status: 'COMPLETED', failure_reason: null },
			],
		});
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it('a field the step’s requirements do not list fails the item before that step is submitted, naming the parameter, step and field', async () => {
		const { items, error } = await run(fields(['CUSTOM_FORM', 'age', '42'], ['CUSTOM_FORM', 'shoe_size', '9']), { continueOnFail: true });
		expect(error).toBeUndefined();
		expect(calls(env.sb).filter((call) => call.includes('/steps/'))).toEqual([expect.stringMatching(/\/steps\/ID_VERIFICATION$/)]);
		expect(items).toHaveLength(1);
		const sessionId = items[0].json.session_id as string;
		expect(items[0].json).toEqual({
			error: 'The Step Fields field "shoe_size" is not one the CUSTOM_FORM step\'s requirements list',
			details: `The step takes: age, nickname, newsletter. Choose one of them, or put anything else in Step Input → Step Data (JSON). This run created the headless session ${sessionId}, at step CUSTOM_FORM. To go on, run the item with Session set to Continue a Session and this session ID, rather than creating another.`,
			session_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
			created: true,
			stopped_at_step: 'CUSTOM_FORM',
		});
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it('a required field Step Fields leave out stops the run with needs_input at that step, nothing submitted for it', async () => {
		const { items, error } = await run(fields(['CUSTOM_FORM', 'nickname', 'Ada']));
		expect(error).toBeUndefined();
		expect(calls(env.sb).filter((call) => call.includes('/steps/'))).toEqual([expect.stringMatching(/\/steps\/ID_VERIFICATION$/)]);
		expect(items[0].json).toMatchObject({ run_outcome: 'needs_input', stopped_at_step: 'CUSTOM_FORM', waiting_for: 'step_data', waiting_reason: expect.stringMatching(/ It still lacks: age\.$/) });
	});

	it('an entry without a Step ID fails the item, saying what to enter, before anything is read or created', async () => {
		const { error } = await run(fields(['', 'age', '42']));
		expect(error?.message).toBe('A Step Fields entry has no Step ID');
		expect(error?.description).toBe('Enter the ID of the step the field belongs to (e.g. CUSTOM_FORM), or remove the entry.');
		expect(calls(env.sb)).toEqual([]);
	});

	it('an entry for a step the workflow does not have (a typo) fails the item after the free workflow read, before a session is created', async () => {
		const { error } = await run(fields(['CUSTOM_FROM', 'age', '42']));
		expect(error?.message).toMatch(/^Step Fields names "CUSTOM_FROM", not a step of the workflow ".*"$/);
		expect(error?.description).toBe("The workflow's steps are ID_VERIFICATION, CUSTOM_FORM. Correct the Step ID of the entry, or remove it. Nothing was created.");
		expect(env.sb.requests.map(({ method, path }) => `${method} ${path.split('/').slice(0, 3).join('/')}`)).toEqual(['GET /v1/workflows']);
	});
});
