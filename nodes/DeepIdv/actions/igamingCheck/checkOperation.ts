import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { ItemInput } from '../itemInput';
import { readSessionId } from '../session/sessionId';
import { simpleOperation } from '../simpleOperation';
import { sessionNotFound } from './sessionCheck';
import { SEVERITY_SHOWS, VERDICT_ANSWER, checkMaybeRan, withSeverity } from './verdict';

export interface SessionCheckSpec {
	/** What it is called in messages, e.g. 'VPN detection'. */
	check: string;
	path: '/v1/igaming/vpn-detection' | '/v1/igaming/ip-jurisdiction' | '/v1/igaming/injection';
	/** The parameters, the Session first. */
	properties: INodeProperties[];
	/** How to fix DeepIDV's 400, naming the parameters. */
	invalidHint: string;
	/** The rest of the body after `session_id`, read and checked (input.fail) before sending. */
	body(input: ItemInput): IDataObject;
}

/**
 * One of the JSON checks on a session: `{ session_id, … }` → `{ verdict, action, … }`, Simplify
 * adding action_severity. Not repeated once DeepIDV may have run it: the result is recorded on the
 * session (a block fails it), so a repeat is a second check.
 */
export function sessionCheckOperation(spec: SessionCheckSpec) {
	return simpleOperation({
		properties: spec.properties,
		request: (input) => {
			const sessionId = readSessionId(input.context, input.itemIndex);
			return {
				method: 'POST',
				path: spec.path,
				body: { session_id: sessionId, ...spec.body(input) },
				retry: 'notIfReceived',
				failure: { ...sessionNotFound(sessionId), invalidHint: spec.invalidHint, maybeActedHint: checkMaybeRan(spec.check) },
			};
		},
		answer: VERDICT_ANSWER,
		simplify: { shows: SEVERITY_SHOWS, apply: withSeverity },
	});
}
