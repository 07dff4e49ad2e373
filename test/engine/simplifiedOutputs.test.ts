import type { IDataObject, INodeParameters, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { DeepIdv } from '../../dist/nodes/DeepIdv/DeepIdv.node';
import type { TestFile } from '../helpers/nodeTypes';
import { imageFile, useFileChecks } from '../helpers/files';
import { runDeepIdv } from '../helpers/engine';
import { namingRuleViolations, volatileNames } from '../helpers/namingRule';
import { sandboxCredential } from '../helpers/sandbox';
import { QUICK_WAIT } from '../helpers/screening';

/**
 * Every operation with a Simplify toggle, found from the node's description, is run against the
 * sandbox with Simplify off and on, and its simplified item is checked against DeepIDV's answer
 * with the naming rule (test/helpers/namingRule.ts, docs/development.md "Simplified outputs").
 * A new operation with Simplify fails here until it has a sample below: the parameters (and files)
 * that give a full answer in the sandbox, and the names of its derived fields.
 */
interface Sample {
	/** Or worked out from the sandbox, for IDs it makes up when it starts. */
	parameters: INodeParameters | ((sb: Sandbox) => INodeParameters);
	files?: Record<string, TestFile>;
	/** Fields the simplified item works out, which are not in DeepIDV's answer. */
	derived: string[];
	/** DeepIDV fields this answer lacks, shown as null in the simplified item. */
	absent?: string[];
}

const PASSPORT = { documentType: 'passport', firstName: 'Ada', lastName: 'Lovelace', fullName: 'Ada Lovelace', dateOfBirth: '1985-12-10', documentNumber: 'P12345678', expirationDate: '2031-05-31', issuingCountry: 'GB' };

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
/** One session for every anti-cheat run of the sample: the face it enrolled comes back UNIQUE each time. */
const antiCheatSessions = new WeakMap<Sandbox, string>();
const antiCheatSession = (sb: Sandbox) => {
	if (!antiCheatSessions.has(sb)) antiCheatSessions.set(sb, sb.addSession({}).id);
	return antiCheatSessions.get(sb)!;
};

const SAMPLES: Record<string, Sample> = {
	'ageVerification.getManyParentConnects': { parameters: { returnAll: false, limit: 1, filters: { status: 'CONSENT_GIVEN' } }, derived: [] },
	'ageVerification.getParentConnect': {
		parameters: (sb) => ({ parentConnectId: sb.listParentConnects().find((request) => request.status === 'CONSENT_GIVEN')!.id }),
		derived: [],
	},
	'document.scan': { parameters: { documentType: 'passport' }, files: { data: imageFile({ document: PASSPORT }).file }, derived: [] },
	'igamingCheck.antiCheat': { parameters: (sb) => ({ sessionId: byId(antiCheatSession(sb)), deviceFingerprint: 'device-1' }), files: { data: imageFile({ face: 'ada' }).file }, derived: ['action_severity'] },
	'igamingCheck.injectionCheck': {
		parameters: (sb) => ({ sessionId: byId(sb.addSession({}).id), signalGroups: { mediaSource: { pass: false, score: 40, signals: 'virtual-camera' } } }),
		derived: ['action_severity'],
	},
	'igamingCheck.ipJurisdiction': { parameters: (sb) => ({ sessionId: byId(sb.addSession({}).id), ipAddress: '192.0.2.200' }), derived: ['action_severity'] },
	'igamingCheck.vpnDetection': { parameters: (sb) => ({ sessionId: byId(sb.addSession({}).id), ipAddress: '198.51.100.70' }), derived: ['action_severity'] },
	'identity.verify': {
		parameters: { documentType: 'passport' },
		files: { idPhoto: imageFile({ document: PASSPORT, face: 'ada' }).file, selfie: imageFile({ face: 'ada' }).file },
		derived: [],
	},
	'screening.adverseMedia': { parameters: { firstName: 'Martin', lastName: 'Headlines', dateOfBirth: '1969-02-11', ...QUICK_WAIT }, derived: ['topFindings'] },
	'screening.carrierAgeGate': { parameters: { phone: '+447700900123' }, derived: [], absent: ['sessionId'] },
	'screening.pepSanctions': { parameters: { firstName: 'Boris', lastName: 'Sanctioned', dateOfBirth: '1971-08-23' }, derived: ['match', 'pepMatches', 'sanctionsMatches', 'topMatches', 'list'] },
	'screening.phoneOwnership': {
		parameters: { phone: '+447700900123', firstName: 'Jane', lastName: 'Doe', additionalFields: { address: '221B Baker Street, London', dateOfBirth: '1990-05-17' } },
		derived: [],
		absent: ['sessionId'],
	},
	'screening.phoneTrust': { parameters: { phone: '+447700900001' }, derived: [], absent: ['sessionId'] },
	'screening.titleCheck': {
		parameters: { firstName: 'Alex', lastName: 'Morgan', email: 'alex@example.com', address: '742 Maple Avenue, Springfield, OR 97403', ...QUICK_WAIT },
		derived: ['found'],
		absent: ['message', 'availableUnits', 'properties'],
	},
	'session.get': { parameters: { sessionId: { __rl: true, mode: 'id', value: 'test_rejected' } }, derived: ['decline_reason_code', 'decline_reason'], absent: ['external_id'] },
	'workflowRunner.runWithFiles': {
		parameters: (sb) => ({
			workflowId: { __rl: true, mode: 'id', value: sb.addRunnerWorkflow({ steps: ['ID_VERIFICATION'] }).id },
			firstName: 'Ada',
			lastName: 'Lovelace',
			email: 'ada@example.com',
			phone: '+15192223333',
			documentType: 'passport-us',
		}),
		files: { id_front: imageFile({ document: PASSPORT, face: 'ada' }).file, selfie_front: imageFile({ face: 'ada' }).file },
		derived: [],
		// A session created without an External ID.
		absent: ['external_id'],
	},
	'session.getProgress': {
		parameters: { sessionId: { __rl: true, mode: 'id', value: 'test_pending' } },
		derived: ['summary', 'current_step_id', 'current_step_number', 'step_count'],
	},
};

const { properties } = new DeepIdv().description;
const shownFor = (property: INodeProperties, resource: string, operation: string) =>
	!!property.displayOptions?.show?.resource?.includes(resource) && !!property.displayOptions?.show?.operation?.includes(operation);
const resources = (properties.find((property) => property.name === 'resource')!.options as INodePropertyOptions[]).map((option) => String(option.value));
const operations = resources.flatMap((resource) =>
	(properties.find((property) => property.name === 'operation' && property.displayOptions?.show?.resource?.includes(resource))!.options as INodePropertyOptions[]).map(
		(option) => `${resource}.${String(option.value)}`,
	),
);
const withSimplify = operations.filter((key) => {
	const [resource, operation] = key.split('.');
	return properties.some((property) => property.name === 'simplify' && shownFor(property, resource, operation));
});

describe('Simplified outputs keep DeepIDV’s names and types (every operation with Simplify)', () => {
	const env = useFileChecks();

	const run = async (key: string, sample: Sample, simplify: boolean): Promise<IDataObject> => {
		const [resource, operation] = key.split('.');
		const result = await runDeepIdv({
			parameters: { resource, operation, ...(typeof sample.parameters === 'function' ? sample.parameters(env.sb) : sample.parameters), simplify },
			credential: sandboxCredential(env.sb),
			files: sample.files ? [sample.files] : undefined,
		});
		if (result.error) throw new Error(`${key} failed in the sandbox: ${result.error.message}`);
		return result.items[0].json;
	};

	it('finds the operations with Simplify from the node description', () => {
		expect(withSimplify.length).toBeGreaterThanOrEqual(Object.keys(SAMPLES).length);
		expect(Object.keys(SAMPLES).filter((key) => !operations.includes(key))).toEqual([]);
	});

	it.each(withSimplify)('%s: the simplified item is a subset of DeepIDV’s answer under its names, plus named derived fields', async (key) => {
		const sample = SAMPLES[key];
		if (!sample) {
			throw new Error(
				`${key} has a Simplify toggle but no sample in test/engine/simplifiedOutputs.test.ts. Add one: the parameters that give a full answer in the sandbox, and the names of the fields its simplified item works out (derived), so the naming rule is checked for it.`,
			);
		}
		const raw = await run(key, sample, false);
		const simplified = await run(key, sample, true);
		// A second raw answer shows which values change from call to call (IDs, times), so those are not compared.
		const volatile = volatileNames(raw, await run(key, sample, false));
		expect(namingRuleViolations(raw, simplified, { derived: sample.derived, absent: sample.absent, volatile })).toEqual([]);
		// Derived names are declared only when used, so the list says what the operation adds.
		const used = JSON.stringify(simplified);
		expect(sample.derived.filter((name) => !used.includes(`"${name}":`))).toEqual([]);
	});
});
