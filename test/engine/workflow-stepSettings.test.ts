import type { IDataObject, INodeParameters, INodeProperties } from 'n8n-workflow';

import { DeepIdv } from '../../dist/nodes/DeepIdv/DeepIdv.node';
import { useSandbox } from '../helpers/sandbox';
import { runOperation } from '../helpers/screening';

/**
 * The defaults DeepIDV documents on its create-workflow page ("Step Configuration"), written out
 * here and not read from the node's step table, so a wrong default in the table fails this test.
 */
const DEEPIDV_DEFAULTS: Record<string, [step: string, key: string, value: unknown]> = {
	ageEstimationMinimumAge: ['AGE_ESTIMATION', 'minimum_age', 18],
	faceLivenessConfidenceThreshold: ['FACE_LIVENESS', 'confidence_threshold', 70],
	idEscalationRiskThreshold: ['ID_VERIFICATION', 'escalation_risk_threshold', 60],
	idEscalationType: ['ID_VERIFICATION', 'escalation_type', 'none'],
	idExpiryDateYears: ['ID_VERIFICATION', 'expiry_date_years', 2],
	idFaceFrontPhotoOnly: ['ID_VERIFICATION', 'face_front_photo_only', false],
	idFraudAnalysis: ['ID_VERIFICATION', 'enable_fraud_analysis', false],
	idMaximumAge: ['ID_VERIFICATION', 'maximum_age', 51],
	idMinimumAge: ['ID_VERIFICATION', 'minimum_age', 18],
	idRequireFrontOnly: ['ID_VERIFICATION', 'require_front_only', false],
	idRequireSecondaryId: ['ID_VERIFICATION', 'require_secondary_id', false],
	idRequireTertiaryId: ['ID_VERIFICATION', 'require_tertiary_id', false],
};

const stepSettings = () => {
	const create = new DeepIdv().description.properties.find(
		(property) => property.name === 'stepSettings' && property.displayOptions?.show?.operation?.includes('create'),
	)!;
	return create.options as INodeProperties[];
};

describe('Workflow step settings: DeepIDV’s defaults and checks before sending', () => {
	const env = useSandbox();
	const create = (parameters: INodeParameters) => runOperation(env.sb, 'workflow', 'create', { name: 'Settings', ...parameters });
	const update = (parameters: INodeParameters) =>
		runOperation(env.sb, 'workflow', 'updateStepConfig', { workflowId: { __rl: true, mode: 'id', value: 'wf-1' }, stepId: 'ID_VERIFICATION', ...parameters });

	it.each(Object.entries(DEEPIDV_DEFAULTS))('Step Settings → %s starts at DeepIDV’s default and says what DeepIDV does without it', (name, [, , value]) => {
		const field = stepSettings().find((option) => option.name === name)!;
		expect(field.default).toEqual(value);
		const shown = typeof value === 'boolean' ? `off (${String(value)})` : typeof value === 'string' ? `"${value}"` : String(value);
		expect(field.description).toMatch(new RegExp(`Not added: DeepIDV uses ${shown.replace(/[()]/g, '\\$&')}\\.$`));
	});

	it('has a field for exactly those settings, and sends DeepIDV’s own defaults for fields added and left as they start', async () => {
		const { sb } = env;
		expect(stepSettings().map((option) => option.name).sort()).toEqual(Object.keys(DEEPIDV_DEFAULTS).sort());
		const added = Object.fromEntries(stepSettings().map((option) => [option.name, option.default]));
		const { error } = await create({ steps: ['ID_VERIFICATION', 'FACE_LIVENESS', 'AGE_ESTIMATION'], stepSettings: added });
		expect(error).toBeUndefined();
		const expected: Record<string, IDataObject> = {};
		for (const [step, key, value] of Object.values(DEEPIDV_DEFAULTS)) (expected[step] ??= {})[key] = value as IDataObject[string];
		expect(sb.requests[0].json).toEqual({
			name: 'Settings',
			steps: [
				{ id: 'ID_VERIFICATION', config: expected.ID_VERIFICATION },
				{ id: 'FACE_LIVENESS', config: expected.FACE_LIVENESS },
				{ id: 'AGE_ESTIMATION', config: expected.AGE_ESTIMATION },
			],
		});
	});

	it('sends fraud analysis on with an escalation, which implies it; and the iGaming steps with their documented settings', async () => {
		const { sb } = env;
		const { error } = await create({
			steps: ['ID_VERIFICATION', 'IP_JURISDICTION', 'VPN_DETECTION', 'INJECTION_DETECTION', 'ANTI_CHEAT'],
			stepSettings: { idEscalationType: 'nfc-passport', idEscalationRiskThreshold: 75 },
			stepSettingsJson: JSON.stringify({
				IP_JURISDICTION: { allowed_jurisdictions: ['CA-ON', 'US-NJ'], out_of_jurisdiction_action: 'block', datacenter_ip_action: 'step-up', escalation_type: 'nfc-passport' },
				VPN_DETECTION: { vpn_action: 'flag', tor_enabled: true, confidence_threshold: 90 },
				INJECTION_DETECTION: { action_on_detection: 'rechallenge', automation_handling: 'ignore' },
				ANTI_CHEAT: { match_threshold: 90, link_sensitivity: 3, signal_device_weight: 0.7, action_on_multi_account: 'manual-review' },
			}),
		});
		expect(error).toBeUndefined();
		expect((sb.requests[0].json as { steps: IDataObject[] }).steps.map((step) => [step.id, step.config])).toEqual([
			['ID_VERIFICATION', { escalation_type: 'nfc-passport', escalation_risk_threshold: 75, enable_fraud_analysis: true }],
			['IP_JURISDICTION', { allowed_jurisdictions: ['CA-ON', 'US-NJ'], out_of_jurisdiction_action: 'block', datacenter_ip_action: 'step-up', escalation_type: 'nfc-passport' }],
			['VPN_DETECTION', { vpn_action: 'flag', tor_enabled: true, confidence_threshold: 90 }],
			['INJECTION_DETECTION', { action_on_detection: 'rechallenge', automation_handling: 'ignore' }],
			['ANTI_CHEAT', { match_threshold: 90, link_sensitivity: 3, signal_device_weight: 0.7, action_on_multi_account: 'manual-review' }],
		]);
	});

	const KNOWN_ID =
		'DeepIDV documents these settings for it: age_restriction_mode, minimum_age, maximum_age, country_category_restrictions, country_category_minimum_age, expiry_date_years, require_secondary_id, require_tertiary_id, face_front_photo_only, require_front_only, enable_fraud_analysis, escalation_type, escalation_risk_threshold, accept_all_countries, valid_countries, valid_states, id_confidence_threshold_enabled, id_confidence_threshold, valid_id_types, valid_id_types_by_country, reverify_by_attestation_enabled, reverify_min_confidence. Check the spelling (snake_case, as DeepIDV names them).';

	it.each<[string, INodeParameters, string, string]>([
		[
			'an unknown setting',
			{ steps: ['ID_VERIFICATION'], stepSettingsJson: '{"ID_VERIFICATION": {"minimumAge": 21}}' },
			'"minimumAge" is not a setting of ID Verification (ID_VERIFICATION) in More Step Settings (JSON)',
			KNOWN_ID,
		],
		[
			'a setting of a step that takes none',
			{ steps: ['PEP_SANCTIONS'], stepSettingsJson: '{"PEP_SANCTIONS": {"fuzzy": true}}' },
			'PEP & Sanctions (PEP_SANCTIONS) takes no settings, but in More Step Settings (JSON) it has "fuzzy"',
			'DeepIDV documents no settings for this step. Remove them.',
		],
		[
			'a wrong type',
			{ steps: ['ID_VERIFICATION'], stepSettingsJson: '{"ID_VERIFICATION": {"require_front_only": "yes"}}' },
			'The setting "require_front_only" of ID Verification (ID_VERIFICATION) in More Step Settings (JSON) is "yes", not true or false',
			'DeepIDV accepts true or false. Left out, DeepIDV uses off (false).',
		],
		[
			'a number given as text in the JSON',
			{ steps: ['FACE_LIVENESS'], stepSettingsJson: '{"FACE_LIVENESS": {"confidence_threshold": "80"}}' },
			'The setting "confidence_threshold" of Face Liveness (FACE_LIVENESS) in More Step Settings (JSON) is "80", not a number',
			'DeepIDV accepts a whole number from 0 to 100. Left out, DeepIDV uses 70.',
		],
		[
			'a threshold that is not whole',
			{ steps: ['FACE_LIVENESS'], stepSettings: { faceLivenessConfidenceThreshold: 85.5 } },
			'The setting "confidence_threshold" of Face Liveness (FACE_LIVENESS) in Step Settings (Face Liveness: Confidence Threshold) is 85.5, not a whole number',
			'DeepIDV accepts a whole number from 0 to 100. Left out, DeepIDV uses 70.',
		],
		[
			'a value above the documented range',
			{ steps: ['ID_VERIFICATION'], stepSettingsJson: '{"ID_VERIFICATION": {"expiry_date_years": 11}}' },
			'The setting "expiry_date_years" of ID Verification (ID_VERIFICATION) in More Step Settings (JSON) is 11, more than 10',
			'DeepIDV accepts a whole number from 0 to 10. Left out, DeepIDV uses 2.',
		],
		[
			'a value below the documented range',
			{ steps: ['ANTI_CHEAT'], stepSettingsJson: '{"ANTI_CHEAT": {"link_sensitivity": 0}}' },
			'The setting "link_sensitivity" of Anti-Cheat (ANTI_CHEAT) in More Step Settings (JSON) is 0, less than 1',
			'DeepIDV accepts a whole number from 1 to 5. Left out, DeepIDV uses 2.',
		],
		[
			'a value not in the documented list',
			{ steps: ['ID_VERIFICATION'], stepSettingsJson: '{"ID_VERIFICATION": {"escalation_type": "sms"}}' },
			'The setting "escalation_type" of ID Verification (ID_VERIFICATION) in More Step Settings (JSON) is "sms", not one of "none", "nfc-passport", "address-verification"',
			'DeepIDV accepts one of "none", "nfc-passport", "address-verification". Left out, DeepIDV uses "none".',
		],
		[
			'an iGaming action not in the list',
			{ steps: ['VPN_DETECTION'], stepSettingsJson: '{"VPN_DETECTION": {"tor_action": "manual-review"}}' },
			'The setting "tor_action" of VPN Detection (VPN_DETECTION) in More Step Settings (JSON) is "manual-review", not one of "block", "flag", "step-up", "allow"',
			'DeepIDV accepts one of "block", "flag", "step-up", "allow". Left out, DeepIDV uses "block".',
		],
		[
			'a list with something else than text',
			{ steps: ['IP_JURISDICTION'], stepSettingsJson: '{"IP_JURISDICTION": {"blocked_jurisdictions": "US"}}' },
			'The setting "blocked_jurisdictions" of IP Jurisdiction (IP_JURISDICTION) in More Step Settings (JSON) is "US", not a list of texts',
			'DeepIDV accepts a list of texts, e.g. ["CA"]. Left out, DeepIDV uses [].',
		],
		[
			'a setting for a step not in Steps',
			{ steps: ['ID_VERIFICATION'], stepSettings: { ageEstimationMinimumAge: 21 } },
			'Step Settings has settings for Age Estimation (AGE_ESTIMATION), which is not in Steps',
			'Add the step to Steps, or remove its settings.',
		],
		[
			'a minimum age above the maximum age',
			{ steps: ['AGE_ESTIMATION'], stepSettings: { ageEstimationMinimumAge: 25 }, stepSettingsJson: '{"AGE_ESTIMATION": {"maximum_age": 21}}' },
			'The minimum age (25) of Age Estimation (AGE_ESTIMATION) is higher than its maximum age (21)',
			'Lower "minimum_age" or raise "maximum_age".',
		],
		[
			'an escalation with fraud analysis off',
			{ steps: ['ID_VERIFICATION'], stepSettings: { idFraudAnalysis: false, idEscalationType: 'nfc-passport' } },
			'ID Verification (ID_VERIFICATION) has "escalation_type" "nfc-passport" but "enable_fraud_analysis" false',
			'DeepIDV escalates only on its fraud analysis, so an escalation turns fraud analysis on. Turn fraud analysis on, or set escalation_type to "none".',
		],
		[
			'a step without a setting DeepIDV requires',
			{ steps: ['E_SIGNATURE'] },
			'E-Signature (E_SIGNATURE) needs the setting "template_id"',
			'DeepIDV refuses this step without it: The signature template. Add it to the step\'s settings.',
		],
		[
			'a field value from an expression that is not a number',
			{ steps: ['ID_VERIFICATION'], stepSettings: { idMaximumAge: '={{ "old" }}' } },
			'The setting "maximum_age" of ID Verification (ID_VERIFICATION) in Step Settings (ID Verification: Maximum Age) is "old", not a number',
			'DeepIDV accepts a whole number from 0 to 100. Left out, DeepIDV uses 51.',
		],
	])('Create refuses %s before sending anything, naming the step and the setting', async (_case, parameters, message, description) => {
		const { sb } = env;
		const { error, items } = await create(parameters);
		expect(items).toEqual([]);
		expect(error?.message).toBe(message);
		expect(error?.description).toBe(description);
		expect(sb.requests).toEqual([]);
	});

	it.each<[string, INodeParameters, string, string]>([
		['an unknown setting', { settingsJson: '{"minimumAge": 21}' }, '"minimumAge" is not a setting of ID Verification (ID_VERIFICATION) in More Settings (JSON)', KNOWN_ID],
		[
			'a value out of range',
			{ stepSettings: { idEscalationRiskThreshold: '={{ 120 }}' } },
			'The setting "escalation_risk_threshold" of ID Verification (ID_VERIFICATION) in Step Settings (ID Verification: Escalation Risk Threshold) is 120, more than 100',
			'DeepIDV accepts a whole number from 0 to 100. Left out, DeepIDV uses 60.',
		],
		[
			'a minimum age above the maximum age',
			{ stepSettings: { idMinimumAge: 40, idMaximumAge: 30 } },
			'The minimum age (40) of ID Verification (ID_VERIFICATION) is higher than its maximum age (30)',
			'Lower "minimum_age" or raise "maximum_age".',
		],
		[
			'an escalation with fraud analysis off',
			{ settingsJson: '{"escalation_type": "address-verification", "enable_fraud_analysis": false}' },
			'ID Verification (ID_VERIFICATION) has "escalation_type" "address-verification" but "enable_fraud_analysis" false',
			'DeepIDV escalates only on its fraud analysis, so an escalation turns fraud analysis on. Turn fraud analysis on, or set escalation_type to "none".',
		],
	])('Update Step Config refuses %s before sending anything', async (_case, parameters, message, description) => {
		const { sb } = env;
		const { error } = await update(parameters);
		expect(error?.message).toBe(message);
		expect(error?.description).toBe(description);
		expect(sb.requests).toEqual([]);
	});

	it('Update Step Config sends only the settings given, not required ones the step already has', async () => {
		const { sb } = env;
		const { workflows } = (await (await fetch(`${sb.url}/v1/workflows`, { headers: { 'x-api-key': sb.keys.live } })).json()) as { workflows: IDataObject[] };
		const kyc = workflows.find((workflow) => workflow.name === 'KYC Standard')!.id as string;
		sb.clearRequests();
		const { error } = await update({ workflowId: { __rl: true, mode: 'id', value: kyc }, stepSettings: { idEscalationType: 'nfc-passport' } });
		expect(error).toBeUndefined();
		expect(sb.requests.map((request) => request.json)).toEqual([{ config: { escalation_type: 'nfc-passport', enable_fraud_analysis: true } }]);
	});
});
