import { namingRuleViolations, volatileNames } from '../helpers/namingRule';

/** The checker the engine walker (test/engine/simplifiedOutputs.test.ts) applies to every operation, on the outputs this package had before the rule. */
describe('the naming rule for simplified outputs', () => {
	const adverseMedia = { jobId: 'j1', status: 'ready', result: { riskLevel: 'HIGH', riskScore: 80, findings: [{ severity: 'HIGH', sourceName: 'Reuters' }] } };

	it('accepts a subset under DeepIDV’s names, brought up from nested objects, with named derived fields', () => {
		expect(
			namingRuleViolations(adverseMedia, { jobId: 'j1', riskLevel: 'HIGH', topFindings: [{ severity: 'HIGH', sourceName: 'Reuters' }] }, { derived: ['topFindings'] }),
		).toEqual([]);
	});

	it('refuses a renamed DeepIDV field (screening’s old snake_case)', () => {
		expect(namingRuleViolations(adverseMedia, { job_id: 'j1', risk_level: 'HIGH' }, { derived: [] })).toEqual([
			`job_id: "job_id" is not a name in DeepIDV's answer. Use DeepIDV's name, or declare it as a derived field.`,
			`risk_level: "risk_level" is not a name in DeepIDV's answer. Use DeepIDV's name, or declare it as a derived field.`,
		]);
	});

	it('refuses a DeepIDV name with another type, declared derived or not (Identity Verify’s old faceMatch, Get Progress’s old current_step)', () => {
		const verify = { verified: true, faceMatch: { isMatch: true, confidence: 98, threshold: 80 } };
		expect(namingRuleViolations(verify, { verified: true, faceMatch: true }, { derived: [] })).toEqual([`faceMatch: boolean, but DeepIDV's "faceMatch" is object.`]);
		expect(namingRuleViolations({ current_step: 1, steps: [] }, { current_step: 'FACE_LIVENESS' }, { derived: ['current_step'] })).toEqual([
			`current_step: a derived field under DeepIDV's name "current_step" with another type (string; DeepIDV's is number). Name it apart.`,
		]);
	});

	it('refuses a value DeepIDV did not give under that name, unless the name changes from call to call', () => {
		const phone = { simSwappedRisk: 'LOW_RISK', forwardingRisk: 'HIGH_RISK', checkedAt: '2026-01-01T00:00:00Z' };
		expect(namingRuleViolations(phone, { simSwappedRisk: 'HIGH_RISK' }, { derived: [] })).toEqual([
			`simSwappedRisk: "HIGH_RISK" is not a value DeepIDV's "simSwappedRisk" has in the answer (["LOW_RISK"]).`,
		]);
		const volatile = volatileNames(phone, { ...phone, checkedAt: '2026-01-01T00:00:05Z' });
		expect([...volatile]).toEqual(['checkedAt']);
		expect(namingRuleViolations(phone, { checkedAt: '2026-01-01T00:00:05Z' }, { derived: [], volatile })).toEqual([]);
	});

	it('lets a field the answer lacks be null only when declared absent', () => {
		expect(namingRuleViolations({ outcome: 'PASS' }, { outcome: 'PASS', sessionId: null }, { derived: [], absent: ['sessionId'] })).toEqual([]);
		expect(namingRuleViolations({ outcome: 'PASS' }, { sessionId: 's1' }, { derived: [], absent: ['sessionId'] })).toEqual([
			'sessionId: declared absent from this answer, so it must be null, not "s1".',
		]);
	});
});
