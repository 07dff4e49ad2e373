import type { Sandbox } from '../../sandbox';
import { sandboxImage } from '../../sandbox';
import { useSandbox } from '../helpers/sandbox';
import { call, startReceiver, waitFor } from './helpers';

const hintsOf = (json: { hints: Array<{ path: Array<string | number>; code: string }> }) => json.hints.map((hint) => `${hint.path.join('.')} ${hint.code}`);
const photo = (face: string | null, format: 'png' | 'jpeg' | 'webp' = 'png') => sandboxImage({ face, format }).toString('base64');

describe('sandbox: iGaming checks', () => {
	const env = useSandbox();
	const session = (sb: Sandbox) => sb.addSession({}).id;

	it('validates the bodies as the OAS does (snake_case, a syntactically valid IP, signal group shape) and answers 404 for an unknown session', async () => {
		const { sb } = env;
		const id = session(sb);
		const camel = await call(sb, 'POST', '/v1/igaming/vpn-detection', { body: { sessionId: id, ipAddress: '203.0.113.1' } });
		expect([camel.status, hintsOf(camel.json)]).toEqual([400, ['session_id invalid_type', 'ip_address invalid_type']]);
		const notIp = await call(sb, 'POST', '/v1/igaming/ip-jurisdiction', { body: { session_id: id, ip_address: '999.1.1.1' } });
		expect(hintsOf(notIp.json)).toEqual(['ip_address invalid_string']);
		const signals = await call(sb, 'POST', '/v1/igaming/injection', { body: { session_id: id, media_source: { pass: 'no', score: 101, signals: [1] }, frame_timing: [] } });
		expect(hintsOf(signals.json)).toEqual(['media_source.pass invalid_type', 'media_source.score too_big', 'media_source.signals.0 invalid_type', 'frame_timing invalid_type']);
		const noImage = await call(sb, 'POST', '/v1/igaming/anti-cheat', { body: { session_id: id, image: '' } });
		expect(hintsOf(noImage.json)).toEqual(['image too_small']);
		const unknown = await call(sb, 'POST', '/v1/igaming/vpn-detection', { body: { session_id: 'nope', ip_address: '203.0.113.1' } });
		expect([unknown.status, unknown.json]).toEqual([404, { error: 'Session not found' }]);
	});

	it('VPN detection and IP jurisdiction answer by IP range; IPv6 fails soft to UNAVAILABLE / allow', async () => {
		const { sb } = env;
		const answers: Record<string, unknown[]> = {};
		for (const ip of ['203.0.113.42', '10.1.2.3', '198.51.100.1', '198.51.100.100', '198.51.100.200', '192.0.2.5', '192.0.2.130', '2001:db8::1']) {
			const id = session(sb);
			const vpn = await call(sb, 'POST', '/v1/igaming/vpn-detection', { body: { session_id: id, ip_address: ip } });
			const place = await call(sb, 'POST', '/v1/igaming/ip-jurisdiction', { body: { session_id: session(sb), ip_address: ip } });
			answers[ip] = [vpn.json.verdict, vpn.json.action, place.json.verdict, place.json.action, place.json.evidence.locationDetails?.countryIsoCode ?? null];
		}
		expect(answers).toEqual({
			'203.0.113.42': ['CLEAR', 'allow', 'CLEAR', 'allow', 'US'],
			'10.1.2.3': ['CLEAR', 'allow', 'CLEAR', 'allow', 'CA'],
			'198.51.100.1': ['HIT', 'block', 'CLEAR', 'allow', 'CA'],
			'198.51.100.100': ['HIT', 'step-up', 'CLEAR', 'allow', 'CA'],
			'198.51.100.200': ['HIT', 'flag', 'HIT', 'flag', 'US'],
			'192.0.2.5': ['CLEAR', 'allow', 'HIT', 'block', 'FR'],
			'192.0.2.130': ['CLEAR', 'allow', 'HIT', 'step-up', 'GB'],
			'2001:db8::1': ['UNAVAILABLE', 'allow', 'UNAVAILABLE', 'allow', null],
		});
	});

	it('block marks the session FAILED/COMPLETED and sends session.status.failed; other actions leave it', async () => {
		const { sb } = env;
		const receiver = await startReceiver();
		try {
			sb.addWebhook({ url: receiver.url, secret: 'whsec_test' });
			const flagged = session(sb);
			await call(sb, 'POST', '/v1/igaming/vpn-detection', { body: { session_id: flagged, ip_address: '198.51.100.200' } });
			expect(sb.getSession(flagged)!.session_record.status).toBe('PENDING');
			const blocked = session(sb);
			await call(sb, 'POST', '/v1/igaming/ip-jurisdiction', { body: { session_id: blocked, ip_address: '192.0.2.1' } });
			const record = sb.getSession(blocked)!.session_record;
			expect([record.status, record.session_progress]).toEqual(['FAILED', 'COMPLETED']);
			await waitFor(() => receiver.received.length === 1);
			expect(receiver.received.map((delivery) => [delivery.body.type, delivery.body.data.id, delivery.body.data.status])).toEqual([['session.status.failed', blocked, 'FAILED']]);
		} finally {
			await receiver.close();
		}
	});

	it('injection scores only the supplied groups', async () => {
		const { sb } = env;
		const id = session(sb);
		const inject = async (groups: object) => (await call(sb, 'POST', '/v1/igaming/injection', { body: { session_id: id, ...groups } })).json;
		expect(await inject({})).toEqual({ verdict: 'UNAVAILABLE', action: 'allow', confidence: null, escalation: null });
		expect(await inject({ device_integrity: { pass: true, score: 8 } })).toEqual({ verdict: 'CLEAR', action: 'allow', confidence: 8, escalation: null });
		expect(await inject({ device_integrity: { pass: true, score: 8 }, media_source: { pass: false, score: 40, signals: ['virtual-camera'] } })).toEqual({
			verdict: 'HIT',
			action: 'step-up',
			confidence: 40,
			escalation: { type: 'liveness-retry', check: 'injection-detection' },
		});
		expect((await inject({ frame_timing: { pass: false, score: 90 } })).action).toBe('block');
	});

	it('every check answers UNAVAILABLE / allow when its step is not configured (option igamingStepsConfigured)', async () => {
		const { sb } = env;
		sb.configure({ igamingStepsConfigured: false });
		const id = session(sb);
		const vpn = await call(sb, 'POST', '/v1/igaming/vpn-detection', { body: { session_id: id, ip_address: '198.51.100.1' } });
		const cheat = await call(sb, 'POST', '/v1/igaming/anti-cheat', { body: { session_id: id, image: photo('ada') } });
		expect([vpn.json, cheat.json]).toEqual([
			{ verdict: 'UNAVAILABLE', action: 'allow', evidence: {}, escalation: null },
			{ verdict: 'UNAVAILABLE', action: 'allow' },
		]);
		expect(sb.getSession(id)!.session_record.status).toBe('PENDING');
	});
});

describe('sandbox: anti-cheat and the self-exclusion registry', () => {
	const env = useSandbox();
	const session = (sb: Sandbox) => sb.addSession({}).id;
	const cheat = async (sb: Sandbox, id: string, image: string, device_fingerprint?: string) =>
		(await call(sb, 'POST', '/v1/igaming/anti-cheat', { body: { session_id: id, image, ...(device_fingerprint && { device_fingerprint }) } })).json;

	it('enroll → dedup → exclude → purge, with the matched-session fallback', async () => {
		const { sb } = env;
		const first = session(sb);
		expect(await cheat(sb, first, photo('ada'), 'phone-1')).toEqual({ verdict: 'UNIQUE', action: 'allow' });
		expect(await cheat(sb, first, photo('ada', 'jpeg'))).toEqual({ verdict: 'UNIQUE', action: 'allow' });
		const second = session(sb);
		expect(await cheat(sb, second, photo('ada', 'jpeg'))).toEqual({ verdict: 'DUPLICATE', action: 'manual-review' });
		const third = session(sb);
		expect(await cheat(sb, third, photo('grace'), 'phone-1')).toEqual({ verdict: 'UNIQUE', action: 'flag' });

		const excluded = await call(sb, 'POST', '/v1/igaming/self-exclusion/face', { body: { session_id: second, reason: 'asked' } });
		expect(excluded.json).toEqual({ excluded: true, session_id: second, matched_session_id: first });
		const returning = session(sb);
		expect(await cheat(sb, returning, photo('ada'))).toEqual({ verdict: 'SELF_EXCLUSION', action: 'block' });
		expect(sb.getSession(returning)!.session_record.status).toBe('FAILED');

		// Purge deletes the enrollment (own only, idempotent) but not the registry entry.
		expect((await call(sb, 'DELETE', `/v1/igaming/anti-cheat/${second}`)).json).toEqual({ deleted: false, face_id: null });
		const purged = await call(sb, 'DELETE', `/v1/igaming/anti-cheat/${first}`);
		expect(purged.json).toEqual({ deleted: true, face_id: expect.any(String) });
		expect((await call(sb, 'DELETE', `/v1/igaming/anti-cheat/${first}`)).json).toEqual({ deleted: false, face_id: null });
		expect((await call(sb, 'GET', '/v1/igaming/self-exclusion')).json).toEqual({
			entries: [{ type: 'face', session_id: first, reason: 'asked', excluded_at: expect.any(String) }],
			truncated: false,
		});
		expect(await cheat(sb, session(sb), photo('ada'))).toEqual({ verdict: 'SELF_EXCLUSION', action: 'block' });
		expect((await call(sb, 'DELETE', `/v1/igaming/self-exclusion/face/${first}`)).json).toEqual({ unexcluded: true });
		expect((await call(sb, 'DELETE', `/v1/igaming/self-exclusion/face/${first}`)).json).toEqual({ unexcluded: false });
	});

	it('an image that is not base64 JPEG/PNG, or shows no face, fails soft', async () => {
		const { sb } = env;
		const id = session(sb);
		for (const image of [photo(null), photo('ada', 'webp'), `data:image/png;base64,${photo('ada')}`, 'not base64!']) {
			expect(await cheat(sb, id, image)).toEqual({ verdict: 'UNAVAILABLE', action: 'allow' });
		}
	});

	it('identity entries: normalized, added / already_excluded / invalid in request order; the scanned number blocks anti-cheat', async () => {
		const { sb } = env;
		const add = (body: object) => call(sb, 'POST', '/v1/igaming/self-exclusion/identity', { body });
		expect((await add({ document_numbers: [' p1 ', 'P1', 'A B'], reason: 'self' })).json).toEqual({
			excluded: [
				{ document_number: 'P1', status: 'added' },
				{ document_number: 'P1', status: 'already_excluded' },
				{ document_number: 'A B', status: 'invalid' },
			],
		});
		expect(hintsOf((await add({})).json)).toEqual([' custom']);
		expect(hintsOf((await add({ document_numbers: [] })).json)).toEqual(['document_numbers too_small']);
		expect(hintsOf((await add({ document_number: 'X', document_numbers: ['Y'] })).json)).toEqual([' custom']);

		const { id } = sb.addSession({});
		const record = sb.submitSession(id)!;
		const scanned = (record.analysis_data as { id_analysis_data: { id_extracted_text: Array<{ type: string; value: string }> } }).id_analysis_data.id_extracted_text.find(
			(field) => field.type === 'DOCUMENT_NUMBER',
		)!.value;
		expect((await add({ document_number: scanned.toLowerCase(), first_name: 'Ada' })).json).toEqual({ excluded: [{ document_number: scanned, status: 'added' }] });
		expect(await cheat(sb, id, photo('someone new'))).toEqual({ verdict: 'SELF_EXCLUSION', action: 'block' });
		expect((await call(sb, 'DELETE', `/v1/igaming/self-exclusion/identity/${scanned.toLowerCase()}`)).json).toEqual({ removed: true, face_unexcluded: false });
		expect((await call(sb, 'DELETE', `/v1/igaming/self-exclusion/identity/${scanned}`)).json).toEqual({ removed: false, face_unexcluded: false });
	});

	it('exclude applicant: face and scanned number linked (listed once), removing the identity clears the face; 404 and nothing to exclude', async () => {
		const { sb } = env;
		const { id } = sb.addSession({});
		sb.submitSession(id);
		await cheat(sb, id, photo('mei'));
		const applicant = await call(sb, 'POST', '/v1/igaming/self-exclusion/applicant', { body: { session_id: id } });
		expect(applicant.json).toEqual({ face_attached: true, document_number: expect.stringMatching(/^D\d{7}$/), identity_status: 'added' });
		const listed = (await call(sb, 'GET', '/v1/igaming/self-exclusion')).json;
		expect(listed.entries.map((entry: { type: string }) => entry.type)).toEqual(['identity']);
		expect((await call(sb, 'POST', '/v1/igaming/self-exclusion/applicant', { body: { session_id: id } })).json.identity_status).toBe('already_excluded');
		expect((await call(sb, 'DELETE', `/v1/igaming/self-exclusion/identity/${applicant.json.document_number}`)).json).toEqual({ removed: true, face_unexcluded: true });
		expect((await call(sb, 'GET', '/v1/igaming/self-exclusion')).json).toEqual({ entries: [], truncated: false });

		const bare = sb.addSession({}).id;
		expect((await call(sb, 'POST', '/v1/igaming/self-exclusion/applicant', { body: { session_id: bare } })).json).toEqual({
			face_attached: false,
			document_number: null,
			message: 'nothing to exclude for this session',
		});
		expect((await call(sb, 'POST', '/v1/igaming/self-exclusion/applicant', { body: { session_id: 'nope' } })).status).toBe(404);
		expect((await call(sb, 'POST', '/v1/igaming/self-exclusion/face', { body: { session_id: 'nope' } })).json).toEqual({ excluded: false, reason: 'no_enrolled_face' });
	});

	it('lists at most `limit` entries (1–1000, default 200) and says when it cut the list', async () => {
		const { sb } = env;
		await call(sb, 'POST', '/v1/igaming/self-exclusion/identity', { body: { document_numbers: Array.from({ length: 201 }, (_, index) => `N${index}`) } });
		const byDefault = (await call(sb, 'GET', '/v1/igaming/self-exclusion')).json;
		expect([byDefault.entries.length, byDefault.truncated]).toEqual([200, true]);
		const all = (await call(sb, 'GET', '/v1/igaming/self-exclusion', { query: { limit: '1000' } })).json;
		expect([all.entries.length, all.truncated]).toEqual([201, false]);
		for (const limit of ['0', '1001', '2.5', 'ten']) {
			expect((await call(sb, 'GET', '/v1/igaming/self-exclusion', { query: { limit } })).status).toBe(400);
		}
	});

	it('keeps each organization\'s registry to itself', async () => {
		const { sb } = env;
		await call(sb, 'POST', '/v1/igaming/self-exclusion/identity', { body: { document_number: 'LIVE1' } });
		expect((await call(sb, 'GET', '/v1/igaming/self-exclusion', { key: sb.keys.sandbox })).json).toEqual({ entries: [], truncated: false });
	});
});
