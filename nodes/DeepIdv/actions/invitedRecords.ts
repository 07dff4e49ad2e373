/**
 * DeepIDV's camelCase invitation resources, Bank Statement (`/v1/financial`) and Credit Terms
 * (`/v1/credit-terms`), share one shape: a billed Create that invites a person and answers
 * `{ <x>Id, <x>Url, externalId?, links }`, a record by ID, and lists paged with `nextToken`, all
 * records or those with one External ID. This file builds their operations from that description.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { deepIdvApiRequest } from '../transport/request';
import type { TransportSettings } from '../transport/settings';
import type { RefusalText, Refusal } from './apiErrors';
import { explainRefusals } from './apiErrors';
import type { CreatedThing } from './externalIdCreate';
import { createWithExternalId, ifExternalIdExistsField, newestWithExternalId, readIfExists } from './externalIdCreate';
import type { TokenPagedList } from './getMany';
import { fetchTokenPages, getManyOperation } from './getMany';
import { asText, ItemInput } from './itemInput';
import type { Operation } from './operation';
import { describeWrites } from './operation';
import { ScreeningInput } from './screening/validation';
import { apiPath, simpleOperation } from './simpleOperation';

export interface InvitedRecords extends CreatedThing {
	/** The resource's path, e.g. '/v1/financial'. */
	path: string;
	/** The Resource's name in the node, e.g. 'Bank Statement'. */
	resource: string;
	/** The answer's list field, e.g. 'bankStatements'. */
	listField: string;
	/** Create's answer fields, e.g. 'bankStatementId' and 'bankStatementUrl'. */
	idField: string;
	urlField: string;
	/** The ID parameter of Get, e.g. { name: 'bankStatementId', label: 'Bank Statement ID' }. */
	idParameter: { name: string; label: string };
}

/** Checks of the invitation Creates: the screening checks, with words for an invitation. */
export class InviteInput extends ScreeningInput {
	required(value: string, label: string, what: string): string {
		if (value) return value;
		return this.fail(`The ${label} parameter is empty`, `DeepIDV needs ${what} to send the invitation. Enter it, or map it from an earlier node.`);
	}

	/** One of DeepIDV's values (`allowed`), from the dropdown or an expression (a number works too). */
	oneOf(name: string, label: string, allowed: string[], unit: string): string {
		const value = this.text(name);
		if (allowed.includes(value)) return value;
		const list = `${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}`;
		return this.fail(`The ${label} "${value}" is not ${list} ${unit}`, `Choose ${list} ${unit}.`);
	}

	/** The Additional Fields' External ID, trimmed; undefined when empty. */
	externalId(): string | undefined {
		return asText(this.fields().externalId) || undefined;
	}
}

const externalIdParameter = (records: InvitedRecords): INodeProperties => ({
	displayName: 'External ID',
	name: 'externalId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. crm-1001',
	description: `Your own reference given when the ${records.thing} was created, e.g. a CRM or loan number`,
});

/** The External ID option of Create's Additional Fields. */
export const externalIdOption = (records: InvitedRecords): INodeProperties => ({
	displayName: 'External ID',
	name: 'externalId',
	type: 'string',
	default: '',
	placeholder: 'e.g. crm-1001',
	description: `Your own reference for the applicant, e.g. a CRM or loan number. Get Many by External ID finds the ${records.thing}s that carry it.`,
});

/** Create's re-run option, for Additional Fields. */
export const ifExistsOption = (records: InvitedRecords) => ifExternalIdExistsField(records);

function listOf(records: InvitedRecords, path: string): TokenPagedList {
	return {
		path,
		qs: {},
		listField: records.listField,
		tokenField: 'nextToken',
		things: `${records.thing}s`,
		narrowHint: 'Set a Limit',
		invalidHint: 'Check the node parameters.',
	};
}

const byExternalIdPath = (records: InvitedRecords, externalId: string) => records.path + apiPath`/externalId/${externalId}`;

/** GET <path>/{id}: the record as DeepIDV answers it. */
export function getRecord(records: InvitedRecords): Operation {
	const { name, label } = records.idParameter;
	return simpleOperation({
		properties: [
			{
				displayName: label,
				name,
				type: 'string',
				default: '',
				required: true,
				placeholder: 'e.g. 3f6b1c9e-2a4d-4e8f-9b7a-1c2d3e4f5a6b',
				description: `The ID DeepIDV gave the ${records.thing}: Create's ${records.idField}, or the ID of a Get Many item`,
			},
		],
		request: (input) => {
			const id = input.text(name);
			if (!id) input.fail(`The ${label} parameter is empty`, `Enter the ID of a ${records.thing}, or map ${records.idField} from the ${records.resource} → Create node.`);
			return {
				method: 'GET',
				path: records.path + apiPath`/${id}`,
				retry: 'idempotent',
				failure: {
					notFound: `The ${records.thing} "${id}" was not found in DeepIDV`,
					notFoundHint: `Check the ${label} parameter: the ID must belong to a ${records.thing} of the organisation that owns the API key.`,
				},
			};
		},
		answer: { field: 'id', is: 'text', missing: `the ${records.thing}` },
	});
}

/** GET <path>, or <path>/externalId/{externalId}: one output item per record, page after page. */
export function listRecords(records: InvitedRecords, byExternalId: boolean): Operation {
	return getManyOperation({
		things: `${records.thing}s`,
		properties: byExternalId ? [externalIdParameter(records)] : [],
		list: async (input, max, settings) => {
			let path = records.path;
			if (byExternalId) {
				const externalId = input.text('externalId');
				if (!externalId) input.fail('The External ID parameter is empty', `Enter the External ID the ${records.thing}s were created with, e.g. crm-1001.`);
				path = byExternalIdPath(records, externalId);
			}
			return await fetchTokenPages(input, listOf(records, path), max, settings);
		},
	});
}

export interface InviteCreateSpec<I extends InviteInput> {
	properties: INodeProperties[];
	input: new (context: IExecuteFunctions, itemIndex: number) => I;
	/** The body, checked; its `externalId` is the one looked up. */
	body(input: I): IDataObject;
	invalidHint: string;
	/** What Create did, e.g. 'created a bank statement request and invited the applicant'. */
	did: string;
	/** Better words for the sandbox key's 403, where DeepIDV documents it for the resource. */
	refusals?: (refusal: Refusal) => RefusalText | undefined;
}

/**
 * POST <path>: billed and inviting a person, so never repeated once DeepIDV may have received it;
 * with Return the Existing One, the External ID is looked up first (Get Many by External ID) and a
 * lost answer is settled by looking again.
 */
export function inviteCreate<I extends InviteInput>(records: InvitedRecords, spec: InviteCreateSpec<I>): Required<Pick<Operation, 'describeCompleted'>> & Operation {
	const maybeCreated = `DeepIDV may have created the ${records.thing} and invited the applicant anyway. Before running this item again, look for it with ${records.resource} → Get Many by External ID so the applicant is not invited twice.`;
	return {
		description: spec.properties,
		async execute(this: IExecuteFunctions, itemIndex: number, settings: TransportSettings): Promise<IDataObject[]> {
			const input = new spec.input(this, itemIndex);
			const body = spec.body(input);
			const externalId = body.externalId as string | undefined;
			const reuse = readIfExists(input, records, externalId);
			const post = async (resolveAmbiguous?: () => Promise<IDataObject | undefined>) =>
				await deepIdvApiRequest.call(
					this,
					{
						method: 'POST',
						path: records.path,
						body,
						// Never repeated once DeepIDV may have received it: a repeat would invite the applicant twice.
						retry: 'notIfReceived',
						resolveAmbiguous,
						failure: { invalidHint: spec.invalidHint, maybeActedHint: maybeCreated },
					},
					settings,
					itemIndex,
				);
			const output = await createWithExternalId({
				externalId,
				reuse,
				find: async (id) => await findNewest(input, records, id, settings),
				create: async (resolveAmbiguous) =>
					spec.refusals ? await explainRefusals(this, itemIndex, settings, async () => await post(resolveAmbiguous), spec.refusals) : await post(resolveAmbiguous),
				found: (record, created) => ({
					[records.idField]: record.id,
					[records.urlField]: null,
					externalId: record.externalId ?? null,
					links: [],
					created,
					status: record.status ?? null,
				}),
				made: (response) => {
					const id = response[records.idField];
					if (typeof id !== 'string' || !id) {
						throw new NodeApiError(this.getNode(), response as JsonObject, {
							message: `DeepIDV answered without the ID of the new ${records.thing}`,
							description: maybeCreated,
							itemIndex,
						});
					}
					return {
						[records.idField]: id,
						[records.urlField]: response[records.urlField] ?? null,
						externalId: response.externalId ?? null,
						links: response.links ?? [],
						created: true,
					};
				},
			});
			return [output];
		},
		describeCompleted: describeWrites(
			(json) => json.created === true,
			records.thing,
			spec.did,
			`Running the workflow again invites them again, unless Additional Fields → If a ${records.Thing} With This External ID Exists is set to Return the Existing One.`,
			records.idField,
		),
	};
}

/** The newest record with exactly this External ID (every page of Get Many by External ID), or undefined. */
async function findNewest(input: ItemInput, records: InvitedRecords, externalId: string, settings: TransportSettings): Promise<IDataObject | undefined> {
	const found = await fetchTokenPages(input, listOf(records, byExternalIdPath(records, externalId)), Infinity, settings);
	return newestWithExternalId(found, externalId, { externalId: 'externalId', createdAt: 'createdAt' });
}
