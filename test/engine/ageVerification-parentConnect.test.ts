import type { Sandbox } from '../../sandbox';
import { runDeepIdv } from '../helpers/engine';
import { sandboxCredential, useSandbox } from '../helpers/sandbox';

const SIMPLIFIED_KEYS = [
	'id',
	'child_session_id',
	'parent_session_id',
	'status',
	'age_band',
	'boundaries',
	'child_attestation_id',
	'consent_given_at',
	'consent_expires_at',
	'updated_at',
];

describe('Age Verification → Parent Connect operations through the n8n engine', () => {
	const env = useSandbox();
	let sb: Sandbox;
	beforeEach(() => {
		sb = env.sb;
	});

	const run = (parameters: Record<string, unknown>) =>
		runDeepIdv({ parameters: { resource: 'ageVerification', ...parameters }, credential: sandboxCredential(sb) });
	const consented = () => sb.listParentConnects().filter((request) => request.status === 'CONSENT_GIVEN');

	describe('Get Many Parent Connects', () => {
		it('with a status, follows next_token through a short page and an empty one, asking for full pages, and finds every match', async () => {
			const { items, error } = await run({ operation: 'getManyParentConnects', returnAll: true, filters: { status: 'CONSENT_GIVEN' }, simplify: false });
			expect(error).toBeUndefined();
			expect(items.map((item) => item.json)).toEqual(consented());
			expect(items).toHaveLength(3);
			const pages = sb.requests.map((request) => request.query);
			expect(pages).toEqual([
				{ status: 'CONSENT_GIVEN', limit: '100' },
				{ status: 'CONSENT_GIVEN', limit: '100', next_token: expect.any(String) },
				{ status: 'CONSENT_GIVEN', limit: '100', next_token: expect.any(String) },
			]);
			expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);
		});

		it('makes Limit mean matches: it keeps paging past an empty page until it has them', async () => {
			const three = await run({ operation: 'getManyParentConnects', limit: 3, filters: { status: 'CONSENT_GIVEN' } });
			expect(three.items.map((item) => item.json.id)).toEqual(consented().map((request) => request.id));
			expect(sb.requests).toHaveLength(3);
			sb.clearRequests();
			const two = await run({ operation: 'getManyParentConnects', limit: 2, filters: { status: 'CONSENT_GIVEN' } });
			expect(two.items).toHaveLength(2);
			expect(sb.requests).toHaveLength(1);
		});

		it('without a status, asks for no more than Limit, newest first, simplified by default', async () => {
			const { items } = await run({ operation: 'getManyParentConnects', limit: 5 });
			expect(sb.requests.map((request) => request.query)).toEqual([{ limit: '5' }]);
			const newest = sb.listParentConnects().slice(0, 5);
			expect(items.map((item) => item.json)).toEqual(newest.map((request) => Object.fromEntries(SIMPLIFIED_KEYS.map((key) => [key, request[key as keyof typeof request]]))));
		});

		it('finds the request behind an age verification by Child Session ID', async () => {
			const created = await run({ operation: 'create', method: 'parent-connect', firstName: 'Sam', lastName: 'Lee', email: 'sam@example.com', phone: '+447700900123' });
			const childSessionId = created.items[0].json.id as string;
			sb.clearRequests();
			const { items } = await run({ operation: 'getManyParentConnects', returnAll: true, filters: { childSessionId } });
			expect(sb.requests.map((request) => request.query)).toEqual([{ child_session_id: childSessionId, limit: '100' }]);
			expect(items.map((item) => [item.json.child_session_id, item.json.status, item.json.id])).toEqual([[childSessionId, 'PENDING', null]]);
		});

		it('refuses a status that is not one of DeepIDV’s without a request', async () => {
			const { error } = await run({ operation: 'getManyParentConnects', filters: { status: '={{ "GRANTED" }}' } });
			expect(error?.message).toBe('The Status filter "GRANTED" is not a parent connect status');
			expect(error?.description).toBe('Choose one of PENDING, PARENT_INVITED, PARENT_VERIFIED, CONSENT_GIVEN, EXPIRED, DECLINED.');
			expect(sb.requests).toEqual([]);
		});
	});

	describe('Get Parent Connect', () => {
		it('outputs the request, simplified by default and whole with Simplify off', async () => {
			const [request] = consented();
			const simple = await run({ operation: 'getParentConnect', parentConnectId: request.id });
			expect(sb.requests[0].path).toBe(`/v1/age-verification/parent-connect/${request.id}`);
			expect(Object.keys(simple.items[0].json)).toEqual(SIMPLIFIED_KEYS);
			expect(simple.items[0].json).toMatchObject({ status: 'CONSENT_GIVEN', child_attestation_id: request.child_attestation_id, boundaries: request.boundaries });
			const whole = await run({ operation: 'getParentConnect', parentConnectId: request.id, simplify: false });
			expect(whole.items).toEqual([{ json: request, pairedItem: { item: 0 } }]);
		});

		it('names the unknown ID and how to find the request', async () => {
			const { error } = await run({ operation: 'getParentConnect', parentConnectId: 'pc 1' });
			expect(sb.requests[0].path).toBe('/v1/age-verification/parent-connect/pc%201');
			expect(error?.message).toBe('Parent connect request "pc 1" was not found in DeepIDV');
			expect(error?.description).toBe(
				'Check the Parent Connect ID. To find the request behind an age verification you created, use Get Many Parent Connects with its ID as Child Session ID.',
			);
		});

		it('refuses an empty ID without a request', async () => {
			const { error } = await run({ operation: 'getParentConnect', parentConnectId: '={{ "" }}' });
			expect(error?.message).toBe('The Parent Connect ID parameter is empty');
			expect(sb.requests).toEqual([]);
		});
	});

	describe('Get Boundaries', () => {
		it("outputs the parent's choices for the child attestation of a consent", async () => {
			const created = await run({
				operation: 'create',
				method: 'parent-connect',
				firstName: 'Sam',
				lastName: 'Lee',
				email: 'sam@example.com',
				phone: '+447700900123',
				eulaUrl: 'https://example.com/terms',
				platformRestrictions: { restriction: [{ key: 'daily', label: 'Daily play time', type: 'minutes', defaultValue: '60' }] },
			});
			const request = sb.consentParentConnect(created.items[0].json.id as string, { daily: 30 })!;
			sb.clearRequests();
			const { items } = await run({ operation: 'getBoundaries', childAttestationId: request.child_attestation_id });
			expect(sb.requests.map((r) => r.path)).toEqual([`/v1/age-verification/boundaries/${request.child_attestation_id}`]);
			expect(items).toEqual([
				{
					json: {
						child_attestation_id: request.child_attestation_id,
						parent_attestation_id: request.parent_attestation_id,
						parent_connect_id: request.id,
						age_band: null,
						parental_consent: true,
						eula_accepted: true,
						boundaries: { daily: 30 },
						boundaries_revision: 1,
						boundaries_match_attestation: true,
						consent_expires_at: request.consent_expires_at,
						updated_at: request.updated_at,
					},
					pairedItem: { item: 0 },
				},
			]);
		});

		it('shows when a parent has changed the boundaries since consenting', async () => {
			const edited = consented().find((request) => request.boundaries_revision === 2)!;
			const { items } = await run({ operation: 'getBoundaries', childAttestationId: edited.child_attestation_id });
			expect(items[0].json).toMatchObject({ boundaries: { chat_enabled: true, daily_minutes: 45 }, boundaries_revision: 2, boundaries_match_attestation: false });
		});

		it('names the unknown attestation and when DeepIDV mints it', async () => {
			const { error } = await run({ operation: 'getBoundaries', childAttestationId: 'att_unknown' });
			expect(error?.message).toBe('No boundaries were found in DeepIDV for the child attestation "att_unknown"');
			expect(error?.description).toBe(
				'Check the Child Attestation ID. DeepIDV mints it shortly after the parent consents; until then, Get Parent Connect shows child_attestation_id as null.',
			);
		});
	});
});
