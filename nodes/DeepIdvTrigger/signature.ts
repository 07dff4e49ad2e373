import { createHash, timingSafeEqual } from 'crypto';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/** DeepIDV puts the webhook's signing secret itself in this header (it is not an HMAC). */
export const SIGNATURE_HEADER = 'deepidv-signature';

/** The credential's signing secret; spaces around it (from copy and paste) are dropped. */
export function signingSecretOf(credentials: ICredentialDataDecryptedObject): string {
	const secret = credentials.signingSecret;
	return typeof secret === 'string' ? secret.trim() : '';
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * Whether the signature header's value is the signing secret. Both sides are hashed first, so the
 * comparison takes the same time whatever the header holds, its length included. An empty secret
 * matches nothing.
 */
export function signatureMatches(received: unknown, secret: string): boolean {
	if (!secret || typeof received !== 'string' || received === '') return false;
	return timingSafeEqual(digest(received), digest(secret));
}
