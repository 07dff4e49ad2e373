import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { applicantFields, expiresInHoursOption, inviteOptions, readApplicant } from '../applicant';
import { describeWrites } from '../operation';
import { checkHttpsUrl } from '../inviteChecks';
import { simpleOperation } from '../simpleOperation';
import { platformRestrictionsField, readPlatformRestrictions } from './platformRestrictions';

const LINK = 'age verification link';
const METHODS = ['credit-card', 'parent-connect', 'quiz'];
const parentConnectOnly = { show: { method: ['parent-connect'] } };

const properties: INodeProperties[] = [
	{
		displayName: 'Method',
		name: 'method',
		type: 'options',
		default: 'quiz',
		description: 'How the applicant proves their age',
		options: [
			{ name: 'Credit Card', value: 'credit-card', description: 'A check that a credit card was issued to them' },
			{ name: 'Parent Connect', value: 'parent-connect', description: 'A verified parent consents for a minor and sets boundaries' },
			{ name: 'Quiz', value: 'quiz', description: 'Knowledge-based questions' },
		],
	},
	...applicantFields(LINK),
	{
		displayName: 'Age Band',
		name: 'ageBand',
		type: 'string',
		default: '',
		placeholder: 'e.g. 13-15',
		description: "The child's age band, as your platform names it. Empty: none.",
		displayOptions: parentConnectOnly,
	},
	{
		displayName: 'EULA URL',
		name: 'eulaUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://example.com/terms',
		description: 'Your terms of use, which the parent must accept. Must start with https://. Empty: none.',
		displayOptions: parentConnectOnly,
	},
	{ ...platformRestrictionsField, displayOptions: parentConnectOnly },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [expiresInHoursOption, ...inviteOptions(LINK)],
	},
];

const MAYBE_CREATED =
	'DeepIDV may have created the age verification and invited the applicant anyway. Before running this item again, look for it in the DeepIDV Admin Console (for Parent Connect: Age Verification → Get Many Parent Connects, by child session ID), so the applicant is not invited twice.';

/**
 * POST /v1/age-verification: billed and it invites a person, so it is never repeated once DeepIDV
 * may have received it. Age band, EULA and platform restrictions are sent for Parent Connect only:
 * DeepIDV refuses them for the other methods, which have no parent to show them to.
 */
export const { description, execute } = simpleOperation({
	properties,
	request: (input) => {
		const method = input.text('method');
		if (!METHODS.includes(method)) {
			input.fail(`The Method "${method}" is not one DeepIDV knows`, 'Choose Quiz, Credit Card or Parent Connect.');
		}
		const body: IDataObject = { method, ...readApplicant(input, 'an age verification') };
		if (method === 'parent-connect') {
			const ageBand = input.text('ageBand');
			if (ageBand) body.ageBand = ageBand;
			const eulaUrl = input.text('eulaUrl');
			if (eulaUrl) {
				const why = 'DeepIDV only shows parents terms on secure pages.';
				body.eulaUrl = checkHttpsUrl(eulaUrl, 'EULA URL', 'https://example.com/terms', why, input.fail.bind(input));
			}
			const restrictions = readPlatformRestrictions(input);
			if (restrictions.length > 0) body.platformRestrictions = restrictions;
		}
		return {
			method: 'POST',
			path: '/v1/age-verification',
			body,
			retry: 'notIfReceived',
			failure: {
				invalidHint: 'Check the Method, First Name, Last Name, Email, Phone, the Parent Connect fields and the Additional Fields.',
				maybeActedHint: MAYBE_CREATED,
			},
		};
	},
	answer: { field: 'id', is: 'text', missing: 'the ID of the new age verification', advice: MAYBE_CREATED },
});

/** For the error that stops a run: which items had already invited someone. */
export const describeCompleted = describeWrites(
	() => true,
	'age verification',
	'created an age verification and invited the applicant',
	'Running the workflow again invites them again.',
);
