import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { TransportSettings } from '../../transport/settings';
import { createHeadlessSession, describeCreated, headlessSessionFields } from './headlessSession';

/**
 * POST /v1/workflows/{workflow_id}/sessions: a session DeepIDV does not invite anyone to; the node
 * (Submit Step, Run With Files) or your own app runs its steps. Outputs the session ID, the ordered
 * steps with their requirements, and the current step.
 */
export const description = headlessSessionFields;

export async function execute(this: IExecuteFunctions, itemIndex: number, settings: TransportSettings): Promise<IDataObject[]> {
	return [await createHeadlessSession(this, itemIndex, settings)];
}

export const describeCompleted = describeCreated;
