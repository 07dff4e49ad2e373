import { DateTime } from 'luxon';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Get Many's Filters, each one a query parameter of GET /v1/sessions. */
export const listFilters: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	options: [
		{
			displayName: 'Created After',
			name: 'createdAfter',
			type: 'dateTime',
			default: '',
			description:
				"Only sessions created at or after this time. Without a time zone in the value, the workflow's time zone applies.",
		},
		{
			displayName: 'Created Before',
			name: 'createdBefore',
			type: 'dateTime',
			default: '',
			description:
				"Only sessions created at or before this time. Without a time zone in the value, the workflow's time zone applies.",
		},
		{
			displayName: 'External ID',
			name: 'externalId',
			type: 'string',
			default: '',
			placeholder: 'e.g. crm-1001',
			description:
				'Only sessions with this external ID, from the whole organisation. When it is set, DeepIDV ignores the Workflow and Whole Organization filters.',
		},
		{
			displayName: 'Whole Organization',
			name: 'byOrganization',
			type: 'boolean',
			default: false,
			description:
				'Whether to list the sessions sent by everyone in your organisation, not only those sent by the owner of the API key. External ID and Workflow always search the whole organisation.',
		},
		{
			displayName: 'Workflow Name or ID',
			name: 'workflowId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getWorkflows' },
			default: '',
			description:
				'Only sessions run with this DeepIDV workflow, from the whole organisation. Ignored when External ID is set. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
	],
};

interface Filters {
	createdAfter?: unknown;
	createdBefore?: unknown;
	externalId?: string;
	byOrganization?: boolean;
	workflowId?: string;
}

/** The query parameters for the Filters of one item; empty filters are left out. */
export function readListFilters(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const filters = context.getNodeParameter('filters', itemIndex, {}) as Filters;
	const qs: IDataObject = {};
	const externalId = String(filters.externalId ?? '').trim();
	if (externalId) qs.external_id = externalId;
	const workflowId = String(filters.workflowId ?? '').trim();
	if (workflowId) qs.workflow_id = workflowId;
	if (filters.byOrganization === true) qs.by_organization = true;
	const dates = [
		['start_date', filters.createdAfter, 'Created After'],
		['end_date', filters.createdBefore, 'Created Before'],
	] as const;
	for (const [name, value, label] of dates) {
		if (value === undefined || value === null || value === '') continue;
		const date = toUtcIso(value, context.getTimezone());
		if (!date) {
			throw new NodeOperationError(context.getNode(), `The ${label} filter "${String(value)}" is not a date`, {
				itemIndex,
				description: 'Pick a date, or give one in ISO format, e.g. 2025-03-01T00:00:00.',
			});
		}
		qs[name] = date;
	}
	return qs;
}

/** An ISO-8601 UTC time, reading a value without its own offset in the workflow's time zone. */
function toUtcIso(value: unknown, zone: string): string | undefined {
	let date: DateTime;
	if (DateTime.isDateTime(value)) date = value;
	else if (value instanceof Date) date = DateTime.fromJSDate(value);
	else date = DateTime.fromISO(String(value).trim(), { zone });
	return date.isValid ? (date.toUTC().toISO({ suppressMilliseconds: true }) ?? undefined) : undefined;
}
