/**
 * Create's re-run rule, for every DeepIDV resource that invites a person and can be found by an
 * External ID (sessions, bank statements, credit terms): "If a … With This External ID Exists →
 * Return the Existing One" looks the External ID up first and outputs what DeepIDV already has, and
 * settles a lost answer to the billed POST by looking again, so the POST is never repeated once
 * DeepIDV may have acted on it.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { ApiRequest } from '../transport/request';
import type { ItemInput } from './itemInput';

/** The "If a … With This External ID Exists" choices. */
export const IF_EXISTS = { createAnother: 'createAnother', returnExisting: 'returnExisting' } as const;

/** How a resource's records are named, e.g. { thing: 'session', Thing: 'Session' }. */
export interface CreatedThing {
	/** Lower case, in sentences: 'session', 'bank statement request'. */
	thing: string;
	/** Title Case, in the parameter's name: 'Session', 'Bank Statement Request'. */
	Thing: string;
}

const label = ({ Thing }: CreatedThing) => `If a ${Thing} With This External ID Exists`;

/** The Additional Fields option that turns the re-run rule on, named for the resource. */
export function ifExternalIdExistsField(named: CreatedThing): INodeProperties {
	const { thing } = named;
	return {
		displayName: label(named),
		name: 'ifExternalIdExists',
		type: 'options',
		default: 'createAnother',
		description: `What to do when DeepIDV already has a ${thing} with the External ID, e.g. when the workflow runs again on the same items`,
		options: [
			{
				name: 'Create Another',
				value: IF_EXISTS.createAnother,
				description: `Create a new ${thing} and invite the applicant again (DeepIDV's own behaviour)`,
			},
			{
				name: 'Return the Existing One',
				value: IF_EXISTS.returnExisting,
				description: `Output the newest existing ${thing} instead of creating one, so a re-run invites nobody twice. Needs an External ID.`,
			},
		],
	};
}

/**
 * Whether to return an existing record with the External ID instead of creating one (the option in
 * Additional Fields); refuses Return the Existing One without an External ID, before any request.
 */
export function readIfExists(input: ItemInput, named: CreatedThing, externalId: string | undefined): boolean {
	const choice = input.fields().ifExternalIdExists ?? IF_EXISTS.createAnother;
	if (choice === IF_EXISTS.createAnother) return false;
	if (choice !== IF_EXISTS.returnExisting) {
		return input.fail(`"${label(named)}" has an unknown value "${String(choice)}"`, 'Choose Create Another or Return the Existing One.');
	}
	if (!externalId) {
		input.fail(
			`"${label(named)}" is set to Return the Existing One, but External ID is empty`,
			`Add External ID under Additional Fields (e.g. your CRM or order number) so existing ${named.thing}s can be found, or choose Create Another.`,
		);
	}
	return true;
}

export interface ExternalIdCreateSpec {
	/** The item's External ID, if any. */
	externalId: string | undefined;
	/** Whether Return the Existing One is chosen (readIfExists). */
	reuse: boolean;
	/** The newest record DeepIDV has with exactly this External ID, or undefined. */
	find(externalId: string): Promise<IDataObject | undefined>;
	/**
	 * Sends the billed POST (never repeated once DeepIDV may have received it) with the given
	 * `resolveAmbiguous` on its request, and returns DeepIDV's answer.
	 */
	create(resolveAmbiguous: ApiRequest['resolveAmbiguous']): Promise<IDataObject>;
	/** The output for a record found by its External ID: `created` false when it existed before this run. */
	found(record: IDataObject, created: boolean): IDataObject;
	/** The output for DeepIDV's answer to the POST. */
	made(response: IDataObject): IDataObject;
}

/** Where a record found by a lost answer's lookup travels in place of DeepIDV's answer. */
const FOUND = '__foundByExternalId';

/**
 * Create with the re-run rule: with `reuse`, looks the External ID up first and returns what exists;
 * otherwise (or when nothing exists) sends the POST. With `reuse`, a lost answer (server error,
 * timeout, dropped connection) is settled by a second lookup: found means this request created it;
 * not found means DeepIDV certainly did not act, and the transport may send it again.
 */
export async function createWithExternalId(spec: ExternalIdCreateSpec): Promise<IDataObject> {
	const { externalId, reuse } = spec;
	if (reuse && externalId) {
		const existing = await spec.find(externalId);
		if (existing) return spec.found(existing, false);
	}
	const resolveAmbiguous =
		reuse && externalId
			? async () => {
					const created = await spec.find(externalId);
					return created && { [FOUND]: created };
				}
			: undefined;
	const response = await spec.create(resolveAmbiguous);
	const found = response[FOUND];
	if (found && typeof found === 'object') return spec.found(found as IDataObject, true);
	return spec.made(response);
}

/**
 * The newest record with exactly this External ID (by the creation time field), or undefined;
 * records without a string id are ignored.
 */
export function newestWithExternalId(
	records: IDataObject[],
	externalId: string,
	fields: { externalId: string; createdAt: string },
): IDataObject | undefined {
	const matching = records.filter((record) => record[fields.externalId] === externalId && typeof record.id === 'string');
	const time = (record: IDataObject) => Date.parse(String(record[fields.createdAt] ?? '')) || 0;
	return matching.sort((a, b) => time(b) - time(a))[0];
}
