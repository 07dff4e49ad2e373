import type { INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { runDeepIdv } from '../helpers/engine';
import { imageFile, rawFile, useFileChecks } from '../helpers/files';
import { requestSummary, sandboxCredential, useSandbox } from '../helpers/sandbox';
import { runOperation } from '../helpers/screening';

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const JSON_TYPE = 'application/json';

/** An applicant's session in the sandbox's live data. */
const newSession = (sb: Sandbox) => sb.addSession({}).id;

describe('iGaming Check → VPN Detection and IP Jurisdiction through the n8n engine', () => {
	const env = useSandbox();
	const check = (operation: string, parameters: INodeParameters, options = {}) =>
		runOperation(env.sb, 'igamingCheck', operation, parameters, options);

	it('VPN Detection sends the session and IPv4 address, and adds action_severity to DeepIDV\'s answer', async () => {
		const { sb } = env;
		const sessionId = newSession(sb);
		const { items, error } = await check('vpnDetection', { sessionId: byId(sessionId), ipAddress: ' 203.0.113.42 ' });
		expect(error).toBeUndefined();
		expect(sb.requests.map(requestSummary)).toEqual([
			{
				method: 'POST',
				path: '/v1/igaming/vpn-detection',
				query: {},
				apiKey: sb.keys.live,
				contentType: JSON_TYPE,
				body: { session_id: sessionId, ip_address: '203.0.113.42' },
			},
		]);
		expect(items).toEqual([
			{ json: { verdict: 'CLEAR', action: 'allow', evidence: { type: 'none' }, escalation: null, action_severity: 1 }, pairedItem: { item: 0 } },
		]);
		expect(sb.getSession(sessionId)!.session_record.status).toBe('PENDING');
	});

	it('a block answer has already failed the session; Simplify off gives DeepIDV\'s answer as it is', async () => {
		const { sb } = env;
		const sessionId = newSession(sb);
		const { items } = await check('vpnDetection', { sessionId: byId(sessionId), ipAddress: '198.51.100.7', simplify: false });
		expect(items.map((item) => item.json)).toEqual([
			{ verdict: 'HIT', action: 'block', evidence: { type: 'tor', matchedRule: 'tor-exit-node' }, escalation: null },
		]);
		expect(sb.getSession(sessionId)!.session_record.status).toBe('FAILED');
	});

	it('ranks step-up and flag between allow and block', async () => {
		const { sb } = env;
		const sessionId = newSession(sb);
		const input = ['192.0.2.200', '198.51.100.200', '192.0.2.1'].map((ip) => ({ ip }));
		const { items } = await check('ipJurisdiction', { sessionId: byId(sessionId), ipAddress: '={{ $json.ip }}' }, { input });
		expect(items.map((item) => [item.json.verdict, item.json.action, item.json.action_severity, item.pairedItem])).toEqual([
			['HIT', 'step-up', 3, { item: 0 }],
			['HIT', 'flag', 2, { item: 1 }],
			['HIT', 'block', 4, { item: 2 }],
		]);
		expect(items[0].json).toEqual({
			verdict: 'HIT',
			action: 'step-up',
			evidence: { matchedRule: 'step-up', locationDetails: { countryIsoCode: 'GB' } },
			escalation: { decision: 'ESCALATE', type: 'address-verification', reason: 'jurisdiction-requires-step-up' },
			action_severity: 3,
		});
		expect(sb.requests.map((request) => [request.path, (request.json as { ip_address: string }).ip_address])).toEqual([
			['/v1/igaming/ip-jurisdiction', '192.0.2.200'],
			['/v1/igaming/ip-jurisdiction', '198.51.100.200'],
			['/v1/igaming/ip-jurisdiction', '192.0.2.1'],
		]);
	});

	it('refuses an IPv6 address instead of sending it (DeepIDV would answer UNAVAILABLE / allow unchecked), and names the parameter', async () => {
		const { sb } = env;
		const sessionId = newSession(sb);
		const ipv6 = await check('vpnDetection', { sessionId: byId(sessionId), ipAddress: '2001:db8::1' });
		expect(ipv6.error?.message).toBe('The IP Address "2001:db8::1" is an IPv6 address; DeepIDV\'s VPN detection checks IPv4 addresses only');
		expect(ipv6.error?.description).toMatch(/^DeepIDV would answer UNAVAILABLE \(action allow\) without checking it\./);
		const garbled = await check('ipJurisdiction', { sessionId: byId(sessionId), ipAddress: '203.0.113.42, 10.0.0.1' });
		expect(garbled.error?.message).toBe('The IP Address "203.0.113.42, 10.0.0.1" is not an IPv4 address');
		const octet = await check('ipJurisdiction', { sessionId: byId(sessionId), ipAddress: '203.0.113.256' });
		expect(octet.error?.message).toBe('The IP Address "203.0.113.256" is not an IPv4 address');
		const empty = await check('vpnDetection', { sessionId: byId(sessionId), ipAddress: '={{ "" }}' });
		expect(empty.error?.message).toBe('The IP Address parameter is empty');
		const noSession = await check('vpnDetection', { sessionId: byId('={{ " " }}'), ipAddress: '203.0.113.42' });
		expect(noSession.error?.message).toBe('The Session parameter is empty');
		expect(sb.requests).toEqual([]);
	});

	it("explains DeepIDV's 404 (unknown session, or another organisation's) and 400", async () => {
		const { sb } = env;
		const missing = await check('vpnDetection', { sessionId: byId('nope'), ipAddress: '203.0.113.42' });
		expect(missing.error?.message).toBe('Session "nope" was not found in DeepIDV');
		expect(missing.error?.description).toMatch(/^Check the Session parameter: DeepIDV answers the same for a session that does not exist and for one of another organisation\./);
		sb.injectFaults([{ status: 400, match: { path: '/v1/igaming/ip-jurisdiction' } }]);
		const invalid = await check('ipJurisdiction', { sessionId: byId(newSession(sb)), ipAddress: '203.0.113.42' });
		expect(invalid.error?.message).toMatch(/^DeepIDV rejected the request as invalid/);
		expect(invalid.error?.description).toBe('Check the Session and IP Address parameters.');
	});

	it('does not repeat a check DeepIDV may have run (500), and says what that means', async () => {
		const { sb } = env;
		sb.injectFaults([{ status: 500, when: 'after', match: { path: '/v1/igaming/vpn-detection' } }]);
		const { error } = await check('vpnDetection', { sessionId: byId(newSession(sb)), ipAddress: '198.51.100.7' });
		expect(sb.requests).toHaveLength(1);
		expect(error?.description).toBe(
			'DeepIDV may have run the VPN detection and recorded its result on the session (a block also marks the session failed), although its answer did not arrive. Look at the session in DeepIDV before running this item again: running it again runs the VPN detection again.',
		);
	});

	it('under Continue On Fail, an item with bad input becomes its error item and the others are checked', async () => {
		const { sb } = env;
		const sessionId = newSession(sb);
		const input = [{ ip: '203.0.113.9' }, { ip: '::1' }, { ip: '198.51.100.70' }];
		const { items, error } = await check('vpnDetection', { sessionId: byId(sessionId), ipAddress: '={{ $json.ip }}' }, { input, continueOnFail: true });
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.json.action ?? item.json.error, item.pairedItem])).toEqual([
			['allow', { item: 0 }],
			['The IP Address "::1" is an IPv6 address; DeepIDV\'s VPN detection checks IPv4 addresses only', { item: 1 }],
			['step-up', { item: 2 }],
		]);
		expect(items[2].json.escalation).toEqual({ decision: 'ESCALATE', type: 'document-verification', reason: 'vpn-detected' });
		expect(sb.requests).toHaveLength(2);
	});

	it('passes on the documented fail-soft UNAVAILABLE when the step is not on the workflow', async () => {
		const { sb } = env;
		sb.configure({ igamingStepsConfigured: false });
		const { items } = await check('ipJurisdiction', { sessionId: byId(newSession(sb)), ipAddress: '192.0.2.1' });
		expect(items.map((item) => item.json)).toEqual([{ verdict: 'UNAVAILABLE', action: 'allow', evidence: {}, escalation: null, action_severity: 1 }]);
	});
});

describe('iGaming Check → Injection Check through the n8n engine', () => {
	const env = useSandbox();
	const inject = (parameters: INodeParameters, options = {}) => runOperation(env.sb, 'igamingCheck', 'injectionCheck', parameters, options);

	it('sends only the signal groups set, signals split at commas, and ranks the action', async () => {
		const { sb } = env;
		const sessionId = newSession(sb);
		const { items, error } = await inject({
			sessionId: byId(sessionId),
			signalGroups: {
				deviceIntegrity: { pass: true, score: 8, signals: '' },
				mediaSource: { pass: false, score: 74, signals: 'virtual-camera, obs ' },
			},
		});
		expect(error).toBeUndefined();
		expect(sb.requests.map(requestSummary)).toEqual([
			{
				method: 'POST',
				path: '/v1/igaming/injection',
				query: {},
				apiKey: sb.keys.live,
				contentType: JSON_TYPE,
				body: {
					session_id: sessionId,
					device_integrity: { pass: true, score: 8, signals: [] },
					media_source: { pass: false, score: 74, signals: ['virtual-camera', 'obs'] },
				},
			},
		]);
		expect(items).toEqual([{ json: { verdict: 'HIT', action: 'block', confidence: 74, escalation: null, action_severity: 4 }, pairedItem: { item: 0 } }]);
		expect(sb.getSession(sessionId)!.session_record.status).toBe('FAILED');
	});

	it('takes an array of signals from an expression; a step-up carries its escalation', async () => {
		const { sb } = env;
		const { items } = await inject(
			{ sessionId: byId(newSession(sb)), signalGroups: { frameTiming: { pass: false, score: '={{ $json.score }}', signals: '={{ $json.signals }}' } } },
			{ input: [{ score: 30, signals: ['dropped-frames'] }] },
		);
		expect((sb.requests[0].json as Record<string, unknown>).frame_timing).toEqual({ pass: false, score: 30, signals: ['dropped-frames'] });
		expect(items[0].json).toEqual({ verdict: 'HIT', action: 'step-up', confidence: 30, escalation: { type: 'liveness-retry', check: 'injection-detection' }, action_severity: 3 });
	});

	it('refuses to send without a signal group (DeepIDV would answer UNAVAILABLE), or with a score outside 0–100', async () => {
		const { sb } = env;
		const sessionId = newSession(sb);
		const none = await inject({ sessionId: byId(sessionId), signalGroups: {} });
		expect(none.error?.message).toBe('No signal group is set in Signal Groups');
		expect(none.error?.description).toBe(
			'Add at least one of Device Integrity, Media Source or Frame Timing with the values your capture client reported: without signals DeepIDV answers UNAVAILABLE (action allow) without checking anything.',
		);
		const score = await inject({ sessionId: byId(sessionId), signalGroups: { mediaSource: { pass: false, score: '={{ 120 }}', signals: '' } } });
		expect(score.error?.message).toBe('The Media Source → Score "120" is not a number from 0 to 100');
		const signals = await inject({ sessionId: byId(sessionId), signalGroups: { mediaSource: { pass: false, score: 5, signals: '={{ [1, 2] }}' } } });
		expect(signals.error?.message).toBe('The Media Source → Signals list holds something other than text');
		expect(sb.requests).toEqual([]);
	});
});

describe('iGaming Check → Anti-Cheat through the n8n engine', () => {
	const env = useFileChecks();
	const antiCheat = (sessionId: string, files: Parameters<typeof env.run>[1], extra: INodeParameters = {}) =>
		env.run({ resource: 'igamingCheck', operation: 'antiCheat', sessionId: byId(sessionId), binaryPropertyName: 'selfie', ...extra }, files);

	it('sends the session, the photo as base64 and the device fingerprint; a first face is UNIQUE, the same face on a new session a DUPLICATE', async () => {
		const { sb } = env;
		const first = newSession(sb);
		const selfie = imageFile({ face: 'ada', format: 'jpeg' });
		const unique = await antiCheat(first, [{ selfie: selfie.file }], { deviceFingerprint: 'device-1' });
		expect(unique.error).toBeUndefined();
		expect(sb.requests.map(requestSummary)).toEqual([
			{
				method: 'POST',
				path: '/v1/igaming/anti-cheat',
				query: {},
				apiKey: sb.keys.live,
				contentType: JSON_TYPE,
				body: { session_id: first, image: selfie.bytes.toString('base64'), device_fingerprint: 'device-1' },
			},
		]);
		expect(unique.items.map((item) => [item.json, item.pairedItem, Object.keys(item.binary ?? {})])).toEqual([
			[{ verdict: 'UNIQUE', action: 'allow', action_severity: 1 }, { item: 0 }, ['selfie']],
		]);

		const second = newSession(sb);
		const duplicate = await antiCheat(second, [{ selfie: imageFile({ face: 'ada' }).file }], { simplify: false, fileOptions: { keepInputFiles: false } });
		expect(duplicate.items.map((item) => [item.json, item.binary])).toEqual([[{ verdict: 'DUPLICATE', action: 'manual-review' }, undefined]]);
		expect((sb.requests[1].json as Record<string, unknown>).device_fingerprint).toBeUndefined();
	});

	it('a face on the registry is SELF_EXCLUSION / block, and the session is failed', async () => {
		const { sb } = env;
		const original = newSession(sb);
		await antiCheat(original, [{ selfie: imageFile({ face: 'grace' }).file }]);
		await runOperation(sb, 'selfExclusion', 'excludeFace', { sessionId: byId(original) });
		const returning = newSession(sb);
		const { items } = await antiCheat(returning, [{ selfie: imageFile({ face: 'grace', seed: 'new photo' }).file }]);
		expect(items.map((item) => item.json)).toEqual([{ verdict: 'SELF_EXCLUSION', action: 'block', action_severity: 4 }]);
		expect(sb.getSession(returning)!.session_record.status).toBe('FAILED');
	});

	it('checks the photo before sending: JPEG or PNG only, a file must be there', async () => {
		const { sb } = env;
		const sessionId = newSession(sb);
		const webp = await runDeepIdv({
			parameters: { resource: 'igamingCheck', operation: 'antiCheat', sessionId: byId(sessionId), binaryPropertyName: 'selfie' },
			files: [{ selfie: imageFile({ face: 'ada', format: 'webp' }).file }, { other: rawFile(Buffer.from('x'), 'image/png', 'x.png').file }],
			input: [{}, {}],
			credential: sandboxCredential(sb),
			continueOnFail: true,
		});
		expect(webp.items.map((item) => [item.json.error, item.pairedItem])).toEqual([
			['The file in "selfie" (photo.webp) is of type image/webp, not a JPEG or PNG image', { item: 0 }],
			['The item has no file in the field "selfie" (Face Image Field)', { item: 1 }],
		]);
		expect(webp.items[0].json.details).toBe(
			"DeepIDV's anti-cheat check reads JPEG or PNG photos. Convert the file first (for a PDF, export the page as an image), or map another field in Face Image Field.",
		);
		expect(sb.requests).toEqual([]);
	});
});
