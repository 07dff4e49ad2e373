import { simpleOperation } from '../simpleOperation';
import { jobResultRequest } from './jobResult';

/** Screening → Get Job Result: DeepIDV's answer as it is (jobId, createdAt in epoch seconds, updatedAt, status, and result or error). */
export const { description, execute } = simpleOperation({
	properties: [
		{
			displayName: 'Job ID',
			name: 'jobId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 3f6b1c9e-2a4d-4e8f-9b7a-1c2d3e4f5a6b',
			description:
				'The jobId an Adverse Media or Title Check screening returned, when it ran with Wait for Result off or was not ready within Max Wait. Checking a job is free: it does not screen again.',
		},
	],
	request: (input) => {
		const jobId = input.text('jobId');
		if (!jobId) {
			input.fail(
				'The Job ID parameter is empty',
				"Enter the ID of a DeepIDV screening job, or map it from an earlier node, e.g. the 'jobId' field of an Adverse Media item.",
			);
		}
		return jobResultRequest(jobId);
	},
});
