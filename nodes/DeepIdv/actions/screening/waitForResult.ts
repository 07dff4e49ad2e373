import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import type { TransportSettings } from '../../transport/settings';
import { fetchJobResult } from './jobResult';
import { simplifyAcceptedJob } from './simplify';
import type { ScreeningInput } from './validation';

/** The SDK's polling: every 2 seconds, for up to 180 seconds. */
const MIN_POLL_SECONDS = 0.5;

/** Wait for Result and its two settings, for the screenings DeepIDV answers with a job. */
export const waitProperties: INodeProperties[] = [
	{
		displayName: 'Wait for Result',
		name: 'waitForResult',
		type: 'boolean',
		default: true,
		description:
			'Whether to wait until DeepIDV has the result and output it. Off: output the job (its ID and status) at once, and get the result later with Screening → Get Job Result.',
	},
	{
		displayName: 'Max Wait (Seconds)',
		name: 'maxWaitSeconds',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 180,
		description:
			'How long to wait for the result. If DeepIDV is still working then, the item fails with the job ID, so the result can be fetched later with Screening → Get Job Result.',
		displayOptions: { show: { waitForResult: [true] } },
	},
	{
		displayName: 'Poll Interval (Seconds)',
		name: 'pollIntervalSeconds',
		type: 'number',
		typeOptions: { minValue: MIN_POLL_SECONDS, numberPrecision: 1 },
		default: 2,
		description:
			"How often to ask DeepIDV whether the result is ready (DeepIDV's own SDK asks every 2 seconds). Each question is one request counted against the rate limit, and is free.",
		displayOptions: { show: { waitForResult: [true] } },
	},
];

export interface WaitSettings {
	maxWaitMs: number;
	pollIntervalMs: number;
}

/** The wait settings of one item, or undefined when Wait for Result is off. */
export function readWaitSettings(input: ScreeningInput): WaitSettings | undefined {
	if (input.raw('waitForResult', true) === false) return undefined;
	const seconds = (name: string, label: string, fallback: number, min: number, example: string) => {
		const raw = input.raw(name, fallback);
		const value = typeof raw === 'number' ? raw : Number(String(raw).trim());
		if (Number.isFinite(value) && value >= min) return value * 1000;
		return input.fail(`The ${label} value "${String(raw)}" is not a number of ${min} or more`, `Enter a number of seconds, e.g. ${example}.`);
	};
	return {
		maxWaitMs: seconds('maxWaitSeconds', 'Max Wait (Seconds)', 180, 1, '180 for three minutes'),
		pollIntervalMs: seconds('pollIntervalSeconds', 'Poll Interval (Seconds)', 2, MIN_POLL_SECONDS, '2'),
	};
}

const SETTLED = new Set(['ready', 'failed']);

/**
 * The output item for a job DeepIDV accepted: the job itself when not waiting, else the ready job.
 * `simplifyReady` is false for Simplify off (DeepIDV's answers as they are).
 */
export async function jobOutput(
	this: IExecuteFunctions,
	accepted: IDataObject,
	what: string,
	wait: WaitSettings | undefined,
	simplifyReady: false | ((job: IDataObject) => IDataObject),
	settings: TransportSettings,
	itemIndex: number,
): Promise<IDataObject> {
	if (!wait) return simplifyReady ? simplifyAcceptedJob(accepted) : accepted;
	const job = await waitForJob.call(this, accepted, what, wait, settings, itemIndex);
	return simplifyReady ? simplifyReady(job) : job;
}

/**
 * Polls GET /v1/async-jobs/{jobId} until the job DeepIDV accepted is ready, and returns it. A failed
 * job, or one still running when Max Wait is up, becomes the item's error; that error gives the job
 * ID (also as `jobId` on the error item, DeepIDV’s name) so the result can be fetched later.
 */
export async function waitForJob(
	this: IExecuteFunctions,
	accepted: IDataObject,
	what: string,
	wait: WaitSettings,
	settings: TransportSettings,
	itemIndex: number,
): Promise<IDataObject> {
	const jobId = accepted.jobId;
	if (typeof jobId !== 'string' || !jobId) {
		throw new NodeApiError(this.getNode(), accepted as JsonObject, {
			message: `DeepIDV answered the ${what} without a job ID`,
			description: `DeepIDV may have started the ${what}. Run the workflow again later; if it keeps happening, contact DeepIDV support.`,
			itemIndex,
		});
	}
	const started = Date.now();
	let status = String(accepted.status ?? '');
	for (let polls = 0; ; polls++) {
		// A replayed job may be settled already; otherwise give DeepIDV time before each question.
		if (polls > 0 || !SETTLED.has(status)) {
			if (Date.now() - started + wait.pollIntervalMs > wait.maxWaitMs) {
				throw notReady(this, what, jobId, status, wait.maxWaitMs, itemIndex);
			}
			await sleep(wait.pollIntervalMs);
		}
		const job = await fetchJobResult.call(this, jobId, settings, itemIndex);
		status = String(job.status ?? '');
		if (status === 'ready') return job;
		if (status === 'failed') throw failed(this, what, jobId, job, itemIndex);
	}
}

function failed(context: IExecuteFunctions, what: string, jobId: string, job: IDataObject, itemIndex: number) {
	const reason = typeof job.error === 'string' && job.error ? job.error : 'DeepIDV gave no reason';
	const error = new NodeApiError(context.getNode(), { jobId, error: reason }, {
		message: `DeepIDV could not complete the ${what}: ${reason}`,
		description: `The job ${jobId} failed. Check the details sent, then run the item again to start a new ${what} (it is billed again).`,
		itemIndex,
	});
	error.context.errorItemFields = { jobId };
	return error;
}

function notReady(context: IExecuteFunctions, what: string, jobId: string, status: string, maxWaitMs: number, itemIndex: number) {
	const error = new NodeOperationError(
		context.getNode(),
		`The ${what} was not ready after ${maxWaitMs / 1000} seconds (job ${jobId} is ${status || 'pending'})`,
		{
			itemIndex,
			description: `DeepIDV is still working on it. Get the result later with DeepIDV → Screening → Get Job Result and Job ID ${jobId}, or raise 'Max Wait (Seconds)'. Running this item again would start, and bill, a new ${what}.`,
		},
	);
	error.context.errorItemFields = { jobId };
	return error;
}
