import { requestSummary, useSandbox } from '../helpers/sandbox';
import { runOperation, type ScreeningRunOptions } from '../helpers/screening';

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const NEW_SESSION = 'Send a new session with Session → Create';

describe('Session → Re-Verify through the n8n engine', () => {
	const env = useSandbox();
	const reVerify = (sessionId: string, options: ScreeningRunOptions = {}) =>
		runOperation(env.sb, 'session', 'reVerify', { sessionId: byId(sessionId) }, options);

	it('sends one POST and outputs the new re-verification; run again, the open one, marked reused', async () => {
		const { sb } = env;
		const first = await reVerify(' test_verified ');
		expect(first.error).toBeUndefined();
		expect(sb.requests.map(requestSummary)).toEqual([
			{ method: 'POST', path: '/v1/re-verifications', query: {}, apiKey: sb.keys.live, contentType: 'application/json', body: { session_id: 'test_verified' } },
		]);
		const created = {
			re_verification_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
			original_session_id: 'test_verified',
			status: 'PENDING',
			expires_at: expect.any(String),
			reused: false,
			consent_required: true,
			liveness: { challenge_type: 'FaceMovementChallenge' },
			created: true,
		};
		expect(first.items).toEqual([{ json: created, pairedItem: { item: 0 } }]);

		const again = await reVerify('test_verified');
		expect(again.items).toEqual([{ json: { ...first.items[0].json, reused: true, created: false }, pairedItem: { item: 0 } }]);
	});

	it('repeats the POST after a dropped connection: DeepIDV hands back the open re-verification, never a second one', async () => {
		const { sb } = env;
		sb.injectFaults([{ reset: true, when: 'after', match: { method: 'POST', path: '/v1/re-verifications' } }]);
		const { items, error } = await reVerify('test_verified');
		expect(error).toBeUndefined();
		expect(sb.requests.map((request) => request.path)).toEqual(['/v1/re-verifications', '/v1/re-verifications']);
		expect(items[0].json).toMatchObject({ original_session_id: 'test_verified', reused: true, created: false });
	});

	it.each([
		[
			'test_pending',
			'Session "test_pending" cannot be re-verified: it is not verified (DeepIDV: not_verified)',
			`DeepIDV re-verifies only sessions with the status VERIFIED. Check the status with Session → Get; for a customer who was never verified, send a new session with Session → Create.`,
		],
		[
			'reverify_type_not_allowed',
			'Session "reverify_type_not_allowed" cannot be re-verified: DeepIDV does not re-verify this kind of session (DeepIDV: type_not_allowed)',
			`Re-verification needs an identity verification session (e.g. not a screening or credit session). Choose the customer’s identity verification session, or send a new session with Session → Create.`,
		],
		[
			'reverify_disabled',
			'Session "reverify_disabled" cannot be re-verified: re-verification is turned off (DeepIDV: reverify_disabled)',
			`Re-verification is not enabled for this session’s organisation or workflow. Ask a DeepIDV admin to turn it on in the DeepIDV Admin Console, or send a new session with Session → Create.`,
		],
		[
			'reverify_no_biometric',
			'Session "reverify_no_biometric" cannot be re-verified: DeepIDV holds no face from it to compare a new selfie with (DeepIDV: no_biometric)',
			`A re-verification matches a new selfie against the selfie or liveness capture of the original session, and this session has none. ${NEW_SESSION} instead.`,
		],
	])('explains why %s cannot be re-verified (422)', async (sessionId, message, description) => {
		const { sb } = env;
		const { error } = await reVerify(sessionId);
		expect(sb.requests).toHaveLength(1);
		expect(error?.message).toBe(message);
		expect(error?.description).toBe(description);
		expect(error?.httpCode).toBe('422');
		expect(error?.context?.itemIndex).toBe(0);
	});

	it('explains a 422 with a reason DeepIDV has not documented by what re-verification needs', async () => {
		const { sb } = env;
		sb.injectFaults([{ status: 422, match: { path: '/v1/re-verifications' } }]);
		const { error } = await reVerify('test_verified');
		expect(error?.message).toBe('Session "test_verified" cannot be re-verified (DeepIDV: Unprocessable Entity)');
		expect(error?.description).toBe(
			'DeepIDV re-verifies only verified identity verification sessions with a stored face, where re-verification is turned on. Check the session with Session → Get, or send a new session with Session → Create.',
		);
	});

	it('explains the sandbox key’s 403 and an unknown session', async () => {
		const { sb } = env;
		const sandbox = await reVerify('test_verified', { apiKey: sb.keys.sandbox });
		expect(sandbox.error?.message).toBe('A sandbox API key cannot start re-verifications');
		expect(sandbox.error?.description).toBe(
			'DeepIDV sandbox keys only read test data. Put a live API key from the DeepIDV Admin Console in the DeepIDV API credential.',
		);
		expect(sandbox.error?.httpCode).toBe('403');
		const unknown = await reVerify('nope');
		expect(unknown.error?.message).toBe('Session "nope" was not found in DeepIDV');
	});

	it('with Continue On Fail gives each item its re-verification or its reason, in input order', async () => {
		const { sb } = env;
		const { items } = await runOperation(
			sb,
			'session',
			'reVerify',
			{ sessionId: byId('={{ $json.id }}') },
			{ input: [{ id: 'test_verified' }, { id: 'reverify_disabled' }, { id: '' }], continueOnFail: true },
		);
		expect(sb.requests).toHaveLength(2);
		expect(items.map((item) => [item.pairedItem, item.json.original_session_id ?? item.json.error])).toEqual([
			[{ item: 0 }, 'test_verified'],
			[{ item: 1 }, 'Session "reverify_disabled" cannot be re-verified: re-verification is turned off (DeepIDV: reverify_disabled)'],
			[{ item: 2 }, 'The Session parameter is empty'],
		]);
		expect(items[1].json.details).toEqual(expect.stringContaining('Ask a DeepIDV admin'));
	});
});
