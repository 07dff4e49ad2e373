import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { deepIdvApiRequest } from '../../transport/request';
import type { TransportSettings } from '../../transport/settings';
import type { Refusal, RefusalText } from '../apiErrors';
import { explainRefusals } from '../apiErrors';
import { applicantFields, expiresInHoursOption, readPerson } from '../applicant';
import { createWithExternalId, ifExternalIdExistsField, readIfExists } from '../externalIdCreate';
import { ItemInput } from '../itemInput';
import { describeWrites } from '../operation';
import { findByExternalId, SESSION } from '../session/existingSession';
import { apiPath } from '../simpleOperation';
import { readWorkflowId, workflowFailureContext, workflowLocator } from '../workflow/workflowId';
import type { RunnerState } from './state';
import { asRunnerState, readRunnerState } from './state';
import { runnerStepId } from './stepKinds';

const REACHED = {
	email: 'The applicant’s email address. The headless session sends nothing to it: no invite is sent.',
	phone: 'Server checks such as Phone Trust read it; no invite is sent.',
};

/** Workflow, the applicant, and the Additional Fields of a headless session. */
export const headlessSessionFields: INodeProperties[] = [
	{
		...workflowLocator,
		description: `${workflowLocator.description} Its steps are what the headless session runs.`,
	},
	...applicantFields('', REACHED),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ ...expiresInHoursOption, description: `${expiresInHoursOption.description}. Overrides the expiry set in the workflow.` },
			{
				displayName: 'External ID',
				name: 'externalId',
				type: 'string',
				default: '',
				placeholder: 'e.g. crm-1001',
				description: 'Your own reference for the applicant, e.g. a CRM or order number. Session → Get Many can find sessions by it.',
			},
			ifExternalIdExistsField(SESSION),
		],
	},
];

/** The headless session as the node outputs it: its ID, expiry, ordered steps with requirements, and the current step. */
export interface HeadlessSession extends IDataObject {
	session_id: string;
	created: boolean;
}

const MAYBE_CREATED =
	'DeepIDV may have created the headless session anyway. Before running this item again, look for it with Session → Get Many (by External ID, or the newest sessions), so the workflow is not run (and billed) twice.';

/**
 * POST /v1/workflows/{workflow_id}/sessions for one item: the applicant checked first, sent once
 * (never repeated once DeepIDV may have received it, since each session is billed), and with an
 * External ID and Return the Existing One, Session → Create's re-run rule: an existing session is
 * output instead (with its workflow state), and a lost answer is settled by looking it up.
 */
export async function createHeadlessSession(context: IExecuteFunctions, itemIndex: number, settings: TransportSettings): Promise<HeadlessSession> {
	const input = new ItemInput(context, itemIndex);
	const workflowId = readWorkflowId(context, itemIndex);
	const body = readPerson(input, 'a headless session');
	const externalId = body.externalId as string | undefined;
	const result = await createWithExternalId({
		externalId,
		reuse: readIfExists(input, SESSION, externalId),
		find: async (id) => await findByExternalId(context, id, settings, itemIndex),
		found: (session, created) => ({ existing: session, created }),
		create: async (resolveAmbiguous) =>
			await explainRefusals(context, itemIndex, settings, async () => await deepIdvApiRequest.call(
				context,
				{
					method: 'POST',
					path: apiPath`/v1/workflows/${workflowId}/sessions`,
					body,
					retry: 'notIfReceived',
					resolveAmbiguous,
					failure: {
						...workflowFailureContext(workflowId),
						invalidHint:
							'Check First Name, Last Name, Email and Phone (international format, e.g. +15192223333). DeepIDV also refuses an inactive workflow, or one with a step the Workflow Runner cannot run (invalid_steps names it, e.g. E_SIGNATURE, which only the hosted flow runs).',
						maybeActedHint: MAYBE_CREATED,
					},
				},
				settings,
				itemIndex,
			), unsupportedSteps(workflowId)),
		made: (response) => ({ made: response }),
	});
	if (result.made) {
		const response = result.made as IDataObject;
		if (typeof response.session_id !== 'string' || !response.session_id) {
			throw new NodeApiError(context.getNode(), response as JsonObject, {
				message: 'DeepIDV answered without the ID of the new headless session',
				description: MAYBE_CREATED,
				itemIndex,
			});
		}
		const state = asRunnerState(context, response, 'the new headless session', MAYBE_CREATED, itemIndex);
		return headlessOutput(state, true, { expires_at: response.expires_at ?? null, external_id: externalId ?? null });
	}
	// Found by its External ID: its steps and current step come from its workflow state.
	const existing = result.existing as IDataObject;
	const state = await readRunnerState(context, String(existing.id), settings, itemIndex);
	return headlessOutput(state, result.created === true, { expires_at: existing.expires_at ?? null, external_id: existing.external_id ?? null });
}

/** DeepIDV's 400 for a workflow with steps the Runner cannot run, naming them (its `invalid_steps`). */
function unsupportedSteps(workflowId: string) {
	return (refusal: Refusal): RefusalText | undefined => {
		const steps = refusal.details?.invalid_steps;
		if (refusal.status !== 400 || !Array.isArray(steps) || steps.length === 0) return undefined;
		const names = steps.map((step) => runnerStepId(step)).join(', ');
		return {
			message: `The workflow "${workflowId}" has steps the Workflow Runner cannot run: ${names}`,
			description: `Nothing was created. E_SIGNATURE runs only in DeepIDV's hosted flow: send the applicant Session → Create with this workflow instead, or use a workflow without ${names}.`,
		};
	};
}

function headlessOutput(state: RunnerState, created: boolean, extra: IDataObject): HeadlessSession {
	const current = state.current_step === null ? undefined : state.steps[state.current_step];
	return {
		session_id: state.session_id,
		...extra,
		steps: state.steps,
		current_step: state.current_step,
		current_step_id: current?.step_id ?? null,
		...(state.status !== undefined && { status: state.status }),
		created,
	};
}

/** For the error that stops a run: which items had already created headless sessions. */
export const describeCreated = describeWrites(
	(json) => json.created === true,
	'headless session',
	'created a headless session',
	'Running the workflow again creates another for each, unless Additional Fields → If a Session With This External ID Exists is set to Return the Existing One.',
	'session_id',
);
