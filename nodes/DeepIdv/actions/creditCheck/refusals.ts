import type { Refusal, RefusalText } from '../apiErrors';
import { isSandboxKeyRefusal } from '../apiErrors';

/** HTTP 501: DeepIDV's answer to credit-check reads with a live API key while that API is in preview. */
export function readInPreview(refusal: Refusal): RefusalText | undefined {
	if (refusal.status !== 501) return undefined;
	return {
		message: "DeepIDV's credit-check read API is in preview",
		description:
			'For now DeepIDV answers credit-check reads only for sandbox API keys, with its test credit checks. See the result of a real credit check in the DeepIDV Admin Console, or put a sandbox API key in the DeepIDV API credential to try this operation.',
	};
}

/** The sandbox key's 403 on a credit-check create. */
export function sandboxKeyCannotCreate(refusal: Refusal): RefusalText | undefined {
	if (!isSandboxKeyRefusal(refusal)) return undefined;
	return {
		message: 'A sandbox API key cannot create credit checks',
		description:
			'DeepIDV sandbox keys only read test data. Put a live API key from the DeepIDV Admin Console in the DeepIDV API credential, and turn on Test Mode (UAT, Not Billed) to try it without an Equifax inquiry or a charge.',
	};
}
