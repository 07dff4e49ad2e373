import type { INodeProperties } from 'n8n-workflow';

import { sessionLocator } from '../session/sessionId';

/** The Session parameter of the four checks and the self-exclusion calls that name a session. */
export const checkedSession = (purpose: string): INodeProperties =>
	sessionLocator(`${purpose} It must be a session of the organisation that owns the API key.`);

/** How the four checks explain a 404 (DeepIDV cannot tell "no such session" from "another organisation's"). */
export const sessionNotFound = (sessionId: string) => ({
	notFound: `Session "${sessionId}" was not found in DeepIDV`,
	notFoundHint:
		"Check the Session parameter: DeepIDV answers the same for a session that does not exist and for one of another organisation. Use a session created with this API key's organisation, e.g. the 'id' of Session → Create.",
});
