import type { INodeParameters } from 'n8n-workflow';

import { useFileChecks } from '../helpers/files';
import { deepIdvNodeType, loadOptionsContext } from '../helpers/loadOptions';
import { sandboxCredential } from '../helpers/sandbox';
import { PERSON, bySessionId, byWorkflowId, calls } from '../helpers/runner';

type Step = string | { id: string; config?: Record<string, unknown> };

/** A custom form with a required number, an optional text, a checkbox and a file field (the file comes from binary, not Step Fields). */
const FORM: Step = {
	id: 'CUSTOM_FORM',
	config: {
		fields: {
			age: { label: 'Age', type: 'number', required: true },
			nickname: { label: 'Nickname', type: 'short-text', required: false },
			newsletter: { label: 'Newsletter', type: 'checkbox', required: false },
			payslip: { label: 'Payslip', type: 'file-upload', required: false },
		},
	},
};

const fields = (...entries: Array<[string, string]>): INodeParameters => ({ stepFields: { field: entries.map(([name, value]) => ({ name, value })) } });

describe('Workflow Runner → Submit Step → Step Fields through the n8n engine', () => {
	const env = useFileChecks();
	const newSession = async (steps: Step[]): Promise<string> => {
		const workflowId = env.sb.addRunnerWorkflow({ steps }).id;
		const { items } = await env.run({ resource: 'workflowRunner', operation: 'createSession', ...byWorkflowId(workflowId), ...PERSON }, [undefined]);
		env.sb.clearRequests();
		return items[0].json.session_id as string;
	};
	const submit = (sessionId: string, stepId: string, parameters: INodeParameters) =>
		env.run({ resource: 'workflowRunner', operation: 'submitStep', ...bySessionId(sessionId), stepId, ...parameters }, [undefined]);
	const stepBody = (stepId: string) => env.sb.requests.find((request) => request.path.endsWith(`/steps/${stepId}`))?.json;

	it("sends a custom form's answers from Step Fields, typed as the form's fields are (number, checkbox), once", async () => {
		const sessionId = await newSession([FORM]);
		const { items, error } = await submit(sessionId, 'CUSTOM_FORM', fields(['age', '42'], ['nickname', 'Ada'], ['newsletter', 'true']));
		expect(error).toBeUndefined();
		expect(calls(env.sb)).toEqual([`GET /v1/sessions/${sessionId}/workflow`, `POST /v1/sessions/${sessionId}/steps/CUSTOM_FORM`]);
		expect(stepBody('CUSTOM_FORM')).toEqual({ answers: { age: 42, nickname: 'Ada', newsletter: true } });
		expect(items).toEqual([
			{
				json: {
					session_id: sessionId,
					step_id: 'CUSTOM_FORM',
					step_status: 'COMPLETED',
					failure_reason: null,
					current_step: null,
					attempts_remaining: 3,
					session_status: 'VERIFIED',
					session_progress: 'COMPLETED',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('merges Step Fields over Step Data (JSON): a field in both takes the Step Fields value, the rest of the JSON is kept', async () => {
		const sessionId = await newSession(['PEP_SANCTIONS']);
		const { error } = await submit(sessionId, 'PEP_SANCTIONS', {
			...fields(['first_name', 'Jane'], ['date_of_birth', '1990-04-12']),
			stepInput: { stepData: { first_name: 'J.', last_name: 'Doe', email: 'jane.doe@example.com' } },
		});
		expect(error).toBeUndefined();
		expect(stepBody('PEP_SANCTIONS')).toEqual({ first_name: 'Jane', last_name: 'Doe', date_of_birth: '1990-04-12', email: 'jane.doe@example.com' });
	});

	it('reads a value in braces as JSON (a credit check address object)', async () => {
		const sessionId = await newSession(['CREDIT_CHECK']);
		const address = { civic_number: '1', street_name: 'Main St', city: 'Toronto', province: 'ON', postal_code: 'M5V 2T6', country: 'CA' };
		const { items, error } = await submit(sessionId, 'CREDIT_CHECK', {
			...fields(['address', JSON.stringify(address)], ['date_of_birth', '1990-04-12'], ['sin', '046454286']),
			stepInput: { stepData: { consent: { authorize_credit_check: true, accept_privacy_policy: true } } },
		});
		expect(error).toBeUndefined();
		expect(stepBody('CREDIT_CHECK')).toEqual({ address, date_of_birth: '1990-04-12', sin: '046454286', consent: { authorize_credit_check: true, accept_privacy_policy: true } });
		expect(items[0].json.step_status).toBe('COMPLETED');
	});

	it('still takes Step Data (JSON) alone as the fallback, exactly as given', async () => {
		const sessionId = await newSession([FORM, 'TITLE_SEARCH']);
		const form = await submit(sessionId, 'CUSTOM_FORM', { stepInput: { stepData: { answers: { age: 30 } } } });
		expect(form.error).toBeUndefined();
		expect(stepBody('CUSTOM_FORM')).toEqual({ answers: { age: 30 } });
		const title = await submit(sessionId, 'TITLE_SEARCH', { stepInput: { stepData: '{"address": "1 Main St, Springfield, IL"}' } });
		expect(title.error).toBeUndefined();
		expect(stepBody('TITLE_SEARCH')).toEqual({ address: '1 Main St, Springfield, IL' });
		expect(title.items[0].json).toMatchObject({ step_id: 'TITLE_SEARCH', step_status: 'COMPLETED' });
	});

	it.each<[string, Step, string, INodeParameters, string, string]>([
		[
			'a required form field that neither Step Fields nor Step Data gives',
			FORM,
			'CUSTOM_FORM',
			fields(['nickname', 'Ada']),
			'The CUSTOM_FORM step requires the field "age", but neither Step Fields nor Step Input → Step Data (JSON) gives it',
			"Add age under Step Fields (the list shows the fields the step's requirements name), or put it in Step Data (JSON) under answers.",
		],
		[
			'a required field missing from Step Data (JSON) alone',
			'PEP_SANCTIONS',
			'PEP_SANCTIONS',
			{ stepInput: { stepData: { first_name: 'Jane', last_name: 'Doe' } } },
			'The PEP_SANCTIONS step requires the field "date_of_birth", but neither Step Fields nor Step Input → Step Data (JSON) gives it',
			"Add date_of_birth under Step Fields (the list shows the fields the step's requirements name), or put it in Step Data (JSON).",
		],
		[
			'a field the requirements do not list',
			FORM,
			'CUSTOM_FORM',
			fields(['age', '42'], ['shoe_size', '9']),
			'The Step Fields field "shoe_size" is not one the CUSTOM_FORM step\'s requirements list',
			'The step takes: age, nickname, newsletter. Choose one of them, or put anything else in Step Input → Step Data (JSON).',
		],
		[
			'a number field with text in it',
			FORM,
			'CUSTOM_FORM',
			fields(['age', 'forty']),
			'The Step Fields → age value "forty" is not a number',
			'The form field Age takes a number, e.g. 42.',
		],
		[
			'Step Fields for a step whose requirements list no fields',
			{ id: 'DOCUMENT_UPLOAD', config: { documents: [{ id: 'employment_letter', optional: true }] } },
			'DOCUMENT_UPLOAD',
			fields(['employment_letter', 'x']),
			"The DOCUMENT_UPLOAD step's requirements list no fields, so Step Fields cannot be used for it",
			'Remove the Step Fields, and give what the step takes in Step Input → Step Data (JSON) instead.',
		],
	])('refuses %s, having only read the state', async (_case, step, stepId, parameters, message, description) => {
		const sessionId = await newSession([step]);
		const { error } = await submit(sessionId, stepId, parameters);
		expect(error?.message).toBe(message);
		expect(error?.description).toBe(description);
		expect(calls(env.sb)).toEqual([`GET /v1/sessions/${sessionId}/workflow`]);
	});
});

describe('Workflow Runner → Submit Step: the Step Fields dropdown (loadOptions getRunnerStepFields)', () => {
	const env = useFileChecks();
	const { methods } = deepIdvNodeType();
	const options = (sessionId: string, stepId: string) =>
		methods!.loadOptions!.getRunnerStepFields.call(
			loadOptionsContext(sandboxCredential(env.sb), 'parameters.stepFields.field[0].name', {
				resource: 'workflowRunner',
				operation: 'submitStep',
				sessionId: { __rl: true, mode: 'id', value: sessionId },
				stepId,
			}),
		);
	const newSession = async (steps: Step[]): Promise<string> => {
		const workflowId = env.sb.addRunnerWorkflow({ steps }).id;
		const { items } = await env.run({ resource: 'workflowRunner', operation: 'createSession', ...byWorkflowId(workflowId), ...PERSON }, [undefined]);
		env.sb.clearRequests();
		return items[0].json.session_id as string;
	};

	it("lists the chosen step's fields from the session's workflow state, required first, without file fields", async () => {
		const sessionId = await newSession(['PEP_SANCTIONS', FORM]);
		expect(await options(sessionId, 'CUSTOM_FORM')).toEqual([
			{ name: 'Age (age)', value: 'age', description: 'Required · number' },
			{ name: 'Nickname (nickname)', value: 'nickname', description: 'Optional · short-text' },
			{ name: 'Newsletter (newsletter)', value: 'newsletter', description: 'Optional · checkbox' },
		]);
		expect(await options(sessionId, 'pep-sanctions')).toEqual([
			{ name: 'first_name', value: 'first_name', description: 'Required' },
			{ name: 'last_name', value: 'last_name', description: 'Required' },
			{ name: 'date_of_birth', value: 'date_of_birth', description: 'Required' },
			{ name: 'email', value: 'email', description: 'Optional' },
		]);
		expect(calls(env.sb)).toEqual([`GET /v1/sessions/${sessionId}/workflow`, `GET /v1/sessions/${sessionId}/workflow`]);
	});

	it('is empty until a step is chosen, asking DeepIDV nothing, and empty for a step the session does not have', async () => {
		const sessionId = await newSession(['PEP_SANCTIONS']);
		expect(await options(sessionId, '')).toEqual([]);
		expect(env.sb.requests).toEqual([]);
		expect(await options(sessionId, 'CUSTOM_FORM')).toEqual([]);
	});
});
