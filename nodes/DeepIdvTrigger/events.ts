import type { INodePropertyOptions } from 'n8n-workflow';

/** The "Any Event" choice of Trigger On: every event DeepIDV sends starts the workflow. */
export const ANY_EVENT = '*';

/** The webhook events DeepIDV documents, as the Trigger On choices (sorted by name). */
export const EVENT_OPTIONS: INodePropertyOptions[] = [
	{
		name: 'Any Event',
		value: ANY_EVENT,
		description: 'Every event DeepIDV sends to this webhook, including events added to DeepIDV later',
	},
	{
		name: 'Parent Connect Consent Given',
		value: 'parent_connect.consent_given',
		description:
			"A verified parent consented for a child (Age Verification, Parent Connect). The item's child_attestation_id is what Age Verification → Get Boundaries takes.",
	},
	{
		name: 'Session Created',
		value: 'session.created',
		description: 'A verification session was created and sent to the applicant',
	},
	{
		name: 'Session Failed',
		value: 'session.status.failed',
		description: 'The applicant reached the limit of failed attempts',
	},
	{
		name: 'Session Rejected',
		value: 'session.status.rejected',
		description: "The session's status changed to Rejected",
	},
	{
		name: 'Session Submitted',
		value: 'session.status.submitted',
		description: 'The applicant finished and the results are ready for a decision',
	},
	{
		name: 'Session Verified',
		value: 'session.status.verified',
		description: "The session's status changed to Verified",
	},
];

/** Whether an event of this type should start the workflow, given the Trigger On selection. */
export function isSelected(selected: string[], type: string): boolean {
	return selected.includes(ANY_EVENT) || selected.includes(type);
}
