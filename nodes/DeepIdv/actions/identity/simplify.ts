import type { IDataObject } from 'n8n-workflow';

import { documentHeadlines } from '../document/simplify';

const asObject = (value: unknown): IDataObject =>
	value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};

/**
 * Identity → Verify, simplified: the decision, the overall confidence (0–100), the face match and
 * the document's headline fields; null where DeepIDV gave none.
 */
export function simplifyIdentityVerification(response: IDataObject): IDataObject {
	const faceMatch = asObject(response.faceMatch);
	return {
		verified: response.verified ?? null,
		overallConfidence: response.overallConfidence ?? null,
		faceMatch: faceMatch.isMatch ?? null,
		faceMatchConfidence: faceMatch.confidence ?? null,
		...documentHeadlines(asObject(response.document)),
	};
}
