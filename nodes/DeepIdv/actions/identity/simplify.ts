import type { IDataObject } from 'n8n-workflow';

import { documentHeadlines } from '../document/simplify';

const asObject = (value: unknown): IDataObject =>
	value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};

/**
 * Identity → Verify, simplified, under DeepIDV's names and in DeepIDV's shape: the decision, the
 * overall confidence (0–100), the face match with its confidence, whether a face was found in the
 * selfie, and the document's headline fields with its confidence; null where DeepIDV gave none.
 */
export function simplifyIdentityVerification(response: IDataObject): IDataObject {
	const faceMatch = asObject(response.faceMatch);
	const faceDetection = asObject(response.faceDetection);
	const document = asObject(response.document);
	return {
		verified: response.verified ?? null,
		overallConfidence: response.overallConfidence ?? null,
		faceMatch: { isMatch: faceMatch.isMatch ?? null, confidence: faceMatch.confidence ?? null },
		faceDetection: { faceDetected: faceDetection.faceDetected ?? null, confidence: faceDetection.confidence ?? null },
		document: { ...documentHeadlines(document), confidence: document.confidence ?? null },
	};
}
