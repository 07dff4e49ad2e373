// @ts-check
'use strict';

/**
 * DeepIDV's iGaming onboarding-gate recipe in a real n8n, against the local sandbox, run with
 * `n8n execute`: applicants → Session → Create → their selfie as a file → iGaming Check →
 * Anti-Cheat, VPN Detection, IP Jurisdiction → the worst action (Set, from action_severity) →
 * If blocked / If review / allow. The sandbox picks each check's verdict from the IP range and the
 * face in the photo (sandbox/igaming/fixtures.js), so every branch is taken once or more.
 */

const { randomUUID } = require('node:crypto');
const { sandboxImage, startSandbox } = require('../../sandbox');
const { deepIdvNode } = require('../../scripts/lib/workflows');
const { credential, instanceWithPackage, nodeOutput } = require('./fixtures');

/** @type {import('../../sandbox').Sandbox} */
let sandbox;
/** @type {import('../../scripts/lib/n8n-instance').N8nInstance} */
let n8n;

const WORKFLOW_ID = 'e2eIgamingGate';
const CREDENTIAL = { id: 'deepIdvLive', name: 'DeepIDV deepIdvLive' };

/** Who signs up: the IP address and face pick the sandbox's answers. */
const APPLICANTS = [
	{ first: 'Ada', ip: '203.0.113.42', face: 'ada' }, // everything clear → allow
	{ first: 'Grace', ip: '198.51.100.70', face: 'grace' }, // a VPN range → step-up → review
	{ first: 'Alan', ip: '192.0.2.10', face: 'alan' }, // a blocked jurisdiction → block (session failed)
	{ first: 'Mary', ip: '198.51.100.200', face: 'mary' }, // a datacenter → flag → allowed, flagged
	{ first: 'Jean', ip: '2001:db8::1', face: 'jean' }, // IPv6: refused by the node → counts as review
].map((applicant) => ({
	...applicant,
	last: 'Tester',
	email: `${applicant.first.toLowerCase()}@example.com`,
	device: `device-${applicant.first.toLowerCase()}`,
	selfie: sandboxImage({ format: 'jpeg', face: applicant.face }).toString('base64'),
}));

const rl = (/** @type {string} */ value) => ({ __rl: true, mode: 'id', value });
const session = "={{ $('Create Session').item.json.id }}";
const applicant = "$('One per Applicant').item.json";
const checks = "[['anti_cheat', $('Anti-Cheat').item.json], ['vpn_detection', $('VPN Detection').item.json], ['ip_jurisdiction', $json]]";

/** @param {string} name @param {string} type @param {number} typeVersion @param {Record<string, unknown>} parameters @param {object} [extra] */
const node = (name, type, typeVersion, parameters, extra = {}) => ({ id: randomUUID(), name, type, typeVersion, position: [0, 0], parameters, ...extra });
/** @param {string} name @param {Record<string, unknown>} parameters */
const deepIdv = (name, parameters) => ({ ...deepIdvNode({ credential: CREDENTIAL, parameters }), name, onError: 'continueRegularOutput' });
/** @param {string} name @param {number} atLeast */
const severityAtLeast = (name, atLeast) =>
	node(name, 'n8n-nodes-base.if', 2.2, {
		conditions: {
			options: { caseSensitive: true, leftValue: '', typeValidation: 'loose', version: 2 },
			conditions: [{ id: randomUUID(), leftValue: '={{ $json.worst_severity }}', rightValue: atLeast, operator: { type: 'number', operation: 'gte' } }],
			combinator: 'and',
		},
		options: {},
	});

const gate = {
	id: WORKFLOW_ID,
	name: 'iGaming onboarding gate',
	active: false,
	settings: { executionOrder: 'v1' },
	nodes: [
		node('Run', 'n8n-nodes-base.manualTrigger', 1, {}),
		node('Applicants', 'n8n-nodes-base.set', 3.4, { mode: 'raw', jsonOutput: JSON.stringify({ applicants: APPLICANTS }), options: {} }),
		node('One per Applicant', 'n8n-nodes-base.splitOut', 1, { fieldToSplitOut: 'applicants', options: {} }),
		deepIdv('Create Session', {
			resource: 'session',
			operation: 'create',
			firstName: `={{ ${applicant}.first }}`,
			lastName: `={{ ${applicant}.last }}`,
			email: `={{ ${applicant}.email }}`,
			phone: '+14165550123',
			additionalFields: { sendEmailInvite: false, sendPhoneInvite: false },
		}),
		node('Selfie Text', 'n8n-nodes-base.set', 3.4, {
			assignments: { assignments: [{ id: 'selfie', name: 'selfie', value: `={{ ${applicant}.selfie }}`, type: 'string' }] },
			includeOtherFields: false,
			options: {},
		}),
		node('Selfie', 'n8n-nodes-base.convertToFile', 1.1, {
			operation: 'toBinary',
			sourceProperty: 'selfie',
			binaryPropertyName: 'selfie',
			options: { fileName: 'selfie.jpg', mimeType: 'image/jpeg' },
		}),
		deepIdv('Anti-Cheat', {
			resource: 'igamingCheck',
			operation: 'antiCheat',
			sessionId: rl(session),
			binaryPropertyName: 'selfie',
			deviceFingerprint: `={{ ${applicant}.device }}`,
			fileOptions: { keepInputFiles: false },
		}),
		deepIdv('VPN Detection', { resource: 'igamingCheck', operation: 'vpnDetection', sessionId: rl(session), ipAddress: `={{ ${applicant}.ip }}` }),
		deepIdv('IP Jurisdiction', { resource: 'igamingCheck', operation: 'ipJurisdiction', sessionId: rl(session), ipAddress: `={{ ${applicant}.ip }}` }),
		node('Worst Action', 'n8n-nodes-base.set', 3.4, {
			assignments: {
				assignments: [
					{ id: 'session', name: 'session_id', value: session, type: 'string' },
					{ id: 'worst', name: 'worst_severity', value: `={{ Math.max(...${checks}.map(([, check]) => check.action_severity ?? 3)) }}`, type: 'number' },
					{ id: 'checks', name: 'checks', value: `={{ Object.fromEntries(${checks}.map(([name, check]) => [name, check.action ?? 'error'])) }}`, type: 'object' },
				],
			},
			includeOtherFields: false,
			options: {},
		}),
		severityAtLeast('Blocked?', 4),
		severityAtLeast('Needs Review?', 3),
		node('Blocked', 'n8n-nodes-base.noOp', 1, {}),
		node('Review', 'n8n-nodes-base.noOp', 1, {}),
		node('Allow', 'n8n-nodes-base.noOp', 1, {}),
	],
	connections: {},
};
/** @param {string} from @param {string[][]} to one list of nodes per output */
const connect = (from, to) => {
	/** @type {any} */ (gate.connections)[from] = { main: to.map((targets) => targets.map((target) => ({ node: target, type: 'main', index: 0 }))) };
};
['Run', 'Applicants', 'One per Applicant', 'Create Session', 'Selfie Text', 'Selfie', 'Anti-Cheat', 'VPN Detection', 'IP Jurisdiction', 'Worst Action'].forEach((name, i, chain) => {
	if (i < chain.length - 1) connect(name, [[chain[i + 1]]]);
});
connect('Worst Action', [['Blocked?']]);
connect('Blocked?', [['Blocked'], ['Needs Review?']]);
connect('Needs Review?', [['Review'], ['Allow']]);
gate.nodes.forEach((each, i) => (each.position = [i * 220, 0]));

/** @type {any} */
let execution;
/** @type {import('../../sandbox').RecordedRequest[]} */
let requests;

beforeAll(async () => {
	sandbox = await startSandbox();
	n8n = await instanceWithPackage();
	await n8n.importCredentials([credential(CREDENTIAL.id, sandbox.keys.live, sandbox.url)]);
	await n8n.importWorkflows([gate]);
	execution = await n8n.execute(WORKFLOW_ID);
	requests = [...sandbox.requests];
});

afterAll(async () => {
	await n8n?.dispose();
	await sandbox?.close();
});

describe('the iGaming onboarding gate (DeepIDV recipe) in real n8n', () => {
	const sessionIds = () => nodeOutput(execution, 'Create Session').map((/** @type {any} */ item) => item.json.id);
	const branch = (/** @type {string} */ name) =>
		name in execution.data.resultData.runData ? nodeOutput(execution, name).map((/** @type {any} */ item) => item.json) : [];

	it('runs to the end, one session per applicant', () => {
		expect(execution.data.resultData.error).toBeUndefined();
		expect(sessionIds()).toHaveLength(APPLICANTS.length);
	});

	it('sends each check once per applicant with the session, the IPv4 address and the selfie; the IPv6 address is never sent', () => {
		const ids = sessionIds();
		// The node sends several items at once, so the requests may arrive in any order.
		const bySession = (/** @type {any[]} */ list) => [...list].sort((a, b) => (a.session_id < b.session_id ? -1 : 1));
		const sent = (/** @type {string} */ path) => bySession(requests.filter((request) => request.path === path).map((request) => request.json));
		expect(sent('/v1/igaming/anti-cheat')).toEqual(
			bySession(APPLICANTS.map((person, i) => ({ session_id: ids[i], image: person.selfie, device_fingerprint: person.device }))),
		);
		const ipChecks = bySession(APPLICANTS.flatMap((person, i) => (person.ip.includes(':') ? [] : [{ session_id: ids[i], ip_address: person.ip }])));
		expect(sent('/v1/igaming/vpn-detection')).toEqual(ipChecks);
		expect(sent('/v1/igaming/ip-jurisdiction')).toEqual(ipChecks);
		for (const request of requests) expect(request.headers['x-api-key']).toBe(sandbox.keys.live);
	});

	it('ranks each check by action_severity and routes on the worst: block, review (step-up, or a check that failed), allow (flag included)', () => {
		const [ada, grace, alan, mary, jean] = sessionIds();
		expect(branch('Blocked')).toEqual([{ session_id: alan, worst_severity: 4, checks: { anti_cheat: 'allow', vpn_detection: 'allow', ip_jurisdiction: 'block' } }]);
		expect(branch('Review')).toEqual([
			{ session_id: grace, worst_severity: 3, checks: { anti_cheat: 'allow', vpn_detection: 'step-up', ip_jurisdiction: 'allow' } },
			{ session_id: jean, worst_severity: 3, checks: { anti_cheat: 'allow', vpn_detection: 'error', ip_jurisdiction: 'error' } },
		]);
		expect(branch('Allow')).toEqual([
			{ session_id: ada, worst_severity: 1, checks: { anti_cheat: 'allow', vpn_detection: 'allow', ip_jurisdiction: 'allow' } },
			{ session_id: mary, worst_severity: 2, checks: { anti_cheat: 'allow', vpn_detection: 'flag', ip_jurisdiction: 'flag' } },
		]);
	});

	it("outputs DeepIDV's answers with action_severity, and the IPv6 applicant's error item says why", () => {
		expect(nodeOutput(execution, 'VPN Detection').map((/** @type {any} */ item) => [item.json.verdict ?? null, item.json.action ?? null, item.json.action_severity ?? null])).toEqual([
			['CLEAR', 'allow', 1],
			['HIT', 'step-up', 3],
			['CLEAR', 'allow', 1],
			['HIT', 'flag', 2],
			[null, null, null],
		]);
		expect(nodeOutput(execution, 'VPN Detection')[4].json.error).toBe(
			"The IP Address \"2001:db8::1\" is an IPv6 address; DeepIDV's VPN detection checks IPv4 addresses only",
		);
	});

	it('leaves the blocked applicant\'s session failed in DeepIDV, and no other', () => {
		const statuses = sessionIds().map((id) => sandbox.getSession(id)?.session_record.status);
		expect(statuses).toEqual(['PENDING', 'PENDING', 'FAILED', 'PENDING', 'PENDING']);
	});

	it('keeps the API key out of the execution and reached nothing outside this computer', () => {
		expect(JSON.stringify(execution)).not.toContain(sandbox.keys.live);
		expect(n8n.outboundConnections()).toEqual([]);
	});
});
