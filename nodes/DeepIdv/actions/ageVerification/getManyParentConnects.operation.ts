import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { fetchTokenPages, getManyOperation } from '../getMany';
import { simplifyField } from '../simplifyField';
import { PARENT_CONNECT_SHOWS, simplifyParentConnect } from './simplify';

const STATUSES = ['PENDING', 'PARENT_INVITED', 'PARENT_VERIFIED', 'CONSENT_GIVEN', 'EXPIRED', 'DECLINED'];

const filters: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	options: [
		{
			displayName: 'Child Session ID',
			name: 'childSessionId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 3f6b1c9e-2a4d-4e8f-9b7a-1c2d3e4f5a6b',
			description: 'Only the request behind this age verification: the ID that Age Verification → Create returned',
		},
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			default: 'CONSENT_GIVEN',
			description: 'Only requests in this state',
			options: [
				{ name: 'Consent Given', value: 'CONSENT_GIVEN' },
				{ name: 'Declined', value: 'DECLINED' },
				{ name: 'Expired', value: 'EXPIRED' },
				{ name: 'Parent Invited', value: 'PARENT_INVITED' },
				{ name: 'Parent Verified', value: 'PARENT_VERIFIED' },
				{ name: 'Pending', value: 'PENDING' },
			],
		},
	],
};

/**
 * GET /v1/age-verification/parent-connect, newest first, page after page. DeepIDV applies the
 * status filter after reading `limit` requests, so a page may hold fewer matches or none while more
 * follow: with a status, every page is asked for in full and the listing goes on until DeepIDV's
 * next_token is null or Limit matches are found.
 */
export const { description, execute } = getManyOperation({
	things: 'parent connect requests',
	properties: [filters, simplifyField(PARENT_CONNECT_SHOWS)],
	list: async (input, max, settings) => {
		const chosen = input.fields('filters');
		const qs: IDataObject = {};
		const child = String(chosen.childSessionId ?? '').trim();
		if (child) qs.child_session_id = child;
		const status = String(chosen.status ?? '').trim();
		if (status) {
			if (!STATUSES.includes(status)) {
				input.fail(`The Status filter "${status}" is not a parent connect status`, `Choose one of ${STATUSES.join(', ')}.`);
			}
			qs.status = status;
		}
		const simplify = input.simplify();
		const records = await fetchTokenPages(
			input,
			{
				path: '/v1/age-verification/parent-connect',
				qs,
				listField: 'parent_connect_requests',
				tokenField: 'next_token',
				maxPageSize: 100,
				filtersAfterLimit: status !== '',
				things: 'parent connect requests',
				narrowHint: 'Add a Child Session ID filter or set a Limit',
				invalidHint: 'Check the Filters.',
			},
			max,
			settings,
		);
		return simplify ? records.map(simplifyParentConnect) : records;
	},
});
