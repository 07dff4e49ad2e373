import { ACTION_SEVERITY, withSeverity } from '../../dist/nodes/DeepIdv/actions/igamingCheck/verdict';

describe('iGaming action_severity', () => {
	it("ranks DeepIDV's actions as its onboarding-gate recipe does: block > manual-review = step-up > flag > allow", () => {
		const ranked = Object.entries(ACTION_SEVERITY).sort(([, a], [, b]) => b - a);
		expect(ranked).toEqual([
			['block', 4],
			['step-up', 3],
			['manual-review', 3],
			['flag', 2],
			['allow', 1],
		]);
	});

	it("keeps DeepIDV's answer as it is and adds action_severity; null for an action DeepIDV has not documented", () => {
		const answer = { verdict: 'HIT', action: 'step-up', escalation: { decision: 'ESCALATE', type: 'x', reason: 'y' } };
		expect(withSeverity(answer)).toEqual({ ...answer, action_severity: 3 });
		expect(withSeverity({ verdict: 'HIT', action: 'quarantine' })).toEqual({ verdict: 'HIT', action: 'quarantine', action_severity: null });
		expect(withSeverity({ verdict: 'HIT', action: 'toString' })).toEqual({ verdict: 'HIT', action: 'toString', action_severity: null });
		expect(withSeverity({ verdict: 'HIT' })).toEqual({ verdict: 'HIT', action_severity: null });
	});
});
