import type { IDataObject } from 'n8n-workflow';

const KEPT = [
	'id',
	'child_session_id',
	'parent_session_id',
	'status',
	'age_band',
	'boundaries',
	'child_attestation_id',
	'consent_given_at',
	'consent_expires_at',
	'updated_at',
];

/** What Simplify shows of a parent connect request. */
export const PARENT_CONNECT_SHOWS =
	'ID, child and parent session IDs, status, age band, boundaries, child attestation ID, consent times and last change';

/** A parent connect request with only the fields of PARENT_CONNECT_SHOWS, under DeepIDV's names. */
export function simplifyParentConnect(record: IDataObject): IDataObject {
	return Object.fromEntries(KEPT.filter((name) => name in record).map((name) => [name, record[name]]));
}
