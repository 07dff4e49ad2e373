import type { IDataObject } from 'n8n-workflow';

/**
 * The severity of each iGaming action, as DeepIDV's onboarding-gate recipe ranks them:
 * block > manual-review = step-up > flag > allow. The worst action of several checks is the one
 * with the highest number.
 */
export const ACTION_SEVERITY: Readonly<Record<string, number>> = {
	allow: 1,
	flag: 2,
	'step-up': 3,
	'manual-review': 3,
	block: 4,
};

/** Words for the Simplify toggle of the four checks. */
export const SEVERITY_SHOWS =
	"DeepIDV's answer plus action_severity: 1 allow, 2 flag, 3 step-up or manual-review, 4 block (null for an action DeepIDV has not documented), for an If or Switch node";

/**
 * DeepIDV's answer with the derived `action_severity` (named apart from DeepIDV's fields): a number
 * an If or Switch node can compare, or null for an action this node does not know.
 */
export function withSeverity(answer: IDataObject): IDataObject {
	const action = answer.action;
	const severity = typeof action === 'string' && Object.hasOwn(ACTION_SEVERITY, action) ? ACTION_SEVERITY[action] : null;
	return { ...answer, action_severity: severity };
}

/** The answer check every iGaming check shares: a verdict and an action, both text. */
export const VERDICT_ANSWER = { field: 'verdict', is: 'text', missing: 'a verdict' } as const;

/** What a lost answer of a check means (the four checks are not repeated once DeepIDV may have run them). */
export const checkMaybeRan = (check: string) =>
	`DeepIDV may have run the ${check} and recorded its result on the session (a block also marks the session failed), although its answer did not arrive. Look at the session in DeepIDV before running this item again: running it again runs the ${check} again.`;
