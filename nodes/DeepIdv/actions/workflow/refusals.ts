import type { Refusal, RefusalText } from '../apiErrors';
import { isSandboxKeyRefusal } from '../apiErrors';

/** The sandbox key's 403 on a workflow change, e.g. `what` = 'create workflows'. */
export function sandboxKeyCannotChangeWorkflows(what: string) {
	return (refusal: Refusal): RefusalText | undefined =>
		isSandboxKeyRefusal(refusal)
			? {
					message: `A sandbox API key cannot ${what}`,
					description:
						'DeepIDV sandbox keys only read test data. Put a live API key from the DeepIDV Admin Console in the DeepIDV API credential.',
				}
			: undefined;
}
