import type { FailureContext } from '../../transport/failureMessages';

/**
 * Error advice for a billed screening call. The node never repeats one once DeepIDV may have acted
 * on it (retry mode notIfBilled), so after a server error, a timeout or a dropped connection the
 * item fails with this advice instead of the usual "run it again".
 */
export function billedCallFailure(what: string, invalidHint: string): FailureContext {
	return {
		invalidHint,
		maybeActedHint: `DeepIDV may have run the ${what} and billed it anyway, so the node did not repeat it. Run the item again only if a second charge is acceptable.`,
	};
}
