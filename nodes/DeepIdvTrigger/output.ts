import type { IDataObject } from 'n8n-workflow';

/**
 * A DeepIDV webhook event: `data` is the session record (snake_case, as Get Session returns it), or for
 * parent_connect.consent_given the parent connect request (as Get Parent Connect returns it).
 */
export interface DeepIdvEvent {
	type: string;
	data: IDataObject;
}

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** The event in a request body, or undefined when the body is not a DeepIDV event. */
export function readEvent(body: unknown): DeepIdvEvent | undefined {
	if (!isObject(body)) return undefined;
	const { type, data } = body;
	if (typeof type !== 'string' || type.trim() === '' || !isObject(data)) return undefined;
	return { type, data };
}

/**
 * When the event happened, as far as the record tells: its creation for Session Created, the consent
 * for Parent Connect Consent Given, its last change (updated_at) for the others; null when that field
 * is missing or not a date.
 */
function eventTime({ type, data }: DeepIdvEvent): string | null {
	const time =
		type === 'session.created' ? data.created_at : type === 'parent_connect.consent_given' ? data.consent_given_at : data.updated_at;
	return typeof time === 'string' && !Number.isNaN(Date.parse(time)) ? time : null;
}

/** The output item: the event type and time, then the record's fields. */
export function eventItem(event: DeepIdvEvent): IDataObject {
	const fields = { event_type: event.type, event_time: eventTime(event) };
	// Spread twice: the event fields come first, and a record field of the same name cannot replace them.
	return { ...fields, ...event.data, ...fields };
}
