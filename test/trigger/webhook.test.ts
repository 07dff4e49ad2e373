// The module object itself (not a namespace copy), so jest can spy on the node's calls into it.
import crypto from 'crypto';

import { EVENT_BODIES, EVENT_TIMES, EVENT_TYPES } from './fixtures';
import { SECRET, callTrigger, deepIdvRequest } from './harness';

const submitted = EVENT_BODIES['session.status.submitted'];
const NOT_STARTED = { items: undefined };

describe('DeepIDV Trigger: signature', () => {
	it('starts the workflow when deepidv-signature is the signing secret', async () => {
		const outcome = await callTrigger({ request: deepIdvRequest(submitted) });
		expect(outcome).toMatchObject({ status: 200, body: { message: 'Workflow was started' } });
		expect(outcome.items).toHaveLength(1);
	});

	it.each([
		['another secret', 'whsec_0000000000000000000000000000000000000000000000'],
		['the secret in other letter case', SECRET.toUpperCase()],
		['the secret cut short', SECRET.slice(0, -1)],
		['the secret with more after it', `${SECRET}0`],
		['an empty header', ''],
		['the API key', 'sk_live_4f9a2c'],
	])('answers 401 and starts nothing for %s', async (_case, signature) => {
		const outcome = await callTrigger({ request: deepIdvRequest(submitted, signature) });
		expect(outcome).toEqual({
			status: 401,
			body: { message: 'The deepidv-signature header is missing or wrong' },
			...NOT_STARTED,
		});
	});

	it('answers 401 and starts nothing without the header', async () => {
		const outcome = await callTrigger({ request: deepIdvRequest(submitted, null) });
		expect(outcome).toMatchObject({ status: 401, ...NOT_STARTED });
	});

	it('checks the signature before anything else: a malformed or unselected event is still a 401', async () => {
		const malformed = await callTrigger({ request: deepIdvRequest('not json', 'wrong') });
		const unselected = await callTrigger({
			parameters: { events: ['session.created'] },
			request: deepIdvRequest(submitted, 'wrong'),
		});
		expect([malformed.status, unselected.status]).toEqual([401, 401]);
	});

	it('refuses every request when the credential has no signing secret, even one with an empty header', async () => {
		for (const signature of ['', null, 'anything']) {
			const outcome = await callTrigger({
				credential: { signingSecret: '' },
				request: deepIdvRequest(submitted, signature),
			});
			expect(outcome).toMatchObject({ status: 401, ...NOT_STARTED });
		}
	});

	it('ignores spaces pasted around the secret in the credential', async () => {
		const outcome = await callTrigger({
			credential: { signingSecret: `  ${SECRET}\n` },
			request: deepIdvRequest(submitted),
		});
		expect(outcome.status).toBe(200);
		expect(outcome.items).toHaveLength(1);
	});

	it('compares in constant time, also when the lengths differ', async () => {
		const compare = jest.spyOn(crypto, 'timingSafeEqual');
		try {
			await callTrigger({ request: deepIdvRequest(submitted, 'short') });
			expect(compare).toHaveBeenCalledTimes(1);
			const [a, b] = compare.mock.calls[0] as [Buffer, Buffer];
			expect(a.length).toBe(b.length);
		} finally {
			compare.mockRestore();
		}
	});
});

describe('DeepIDV Trigger: which events start the workflow', () => {
	it.each(EVENT_TYPES)('starts on %s when it is selected', async (type) => {
		const outcome = await callTrigger({ parameters: { events: [type] }, request: deepIdvRequest(EVENT_BODIES[type]) });
		expect(outcome.status).toBe(200);
		expect(outcome.items?.map((item) => item.json.event_type)).toEqual([type]);
	});

	it.each(EVENT_TYPES)('starts on %s with Any Event', async (type) => {
		const outcome = await callTrigger({ parameters: { events: ['*'] }, request: deepIdvRequest(EVENT_BODIES[type]) });
		expect(outcome.items).toHaveLength(1);
	});

	it('acknowledges an event that is not selected with 200 and starts nothing', async () => {
		const outcome = await callTrigger({
			parameters: { events: ['session.status.verified', 'session.status.rejected'] },
			request: deepIdvRequest(submitted),
		});
		expect(outcome).toEqual({
			status: 200,
			body: { message: 'Event not selected in this trigger; ignored' },
			...NOT_STARTED,
		});
	});

	it('starts on an event type DeepIDV adds later only with Any Event', async () => {
		const future = { type: 'parent_connect.consent_given', data: { id: 'pc_1', child_attestation_id: 'att_9' } };
		const any = await callTrigger({ parameters: { events: ['*'] }, request: deepIdvRequest(future) });
		const specific = await callTrigger({ parameters: { events: ['session.created'] }, request: deepIdvRequest(future) });
		expect(any.items?.[0].json).toEqual({ event_type: future.type, event_time: null, ...future.data });
		expect(specific).toMatchObject({ status: 200, ...NOT_STARTED });
	});
});

describe('DeepIDV Trigger: requests that are not DeepIDV events', () => {
	it.each([
		['a text body (not JSON)', 'type=session.created'],
		['an empty body', {}],
		['a JSON array', [submitted]],
		['no type', { data: submitted.data }],
		['an empty type', { type: ' ', data: submitted.data }],
		['a type that is not text', { type: 7, data: submitted.data }],
		['no data', { type: 'session.created' }],
		['data that is null', { type: 'session.created', data: null }],
		['data that is a list', { type: 'session.created', data: [submitted.data] }],
		['data that is text', { type: 'session.created', data: 'PENDING' }],
	])('answers 400 and starts nothing for %s', async (_case, body) => {
		const outcome = await callTrigger({ request: deepIdvRequest(body) });
		expect(outcome).toEqual({
			status: 400,
			body: { message: 'Not a DeepIDV webhook event: expected a JSON body with type and data' },
			...NOT_STARTED,
		});
	});
});

describe('DeepIDV Trigger: output item', () => {
	it.each(EVENT_TYPES)('%s: event type, event time, then the session record fields at top level', async (type) => {
		const body = EVENT_BODIES[type];
		const { items } = await callTrigger({ request: deepIdvRequest(body) });
		expect(items).toEqual([{ json: { event_type: type, event_time: EVENT_TIMES[type], ...body.data } }]);
		expect(Object.keys(items![0].json).slice(0, 2)).toEqual(['event_type', 'event_time']);
	});

	it('gives the fields a decision needs (Submitted → IF face match and liveness pass)', async () => {
		const { items } = await callTrigger({ request: deepIdvRequest(submitted) });
		expect(items![0].json).toMatchObject({
			id: submitted.data.id,
			external_id: 'applicant-1042',
			status: 'SUBMITTED',
			analysis_data: { id_matches_selfie: true, faceliveness_score: 97 },
		});
	});

	it('sets event_time to null when the record has no usable time', async () => {
		const noTime = { ...submitted.data };
		delete noTime.updated_at;
		const missing = await callTrigger({ request: deepIdvRequest({ ...submitted, data: noTime }) });
		const garbled = await callTrigger({ request: deepIdvRequest({ ...submitted, data: { ...noTime, updated_at: 'soon' } }) });
		expect(missing.items?.[0].json.event_time).toBeNull();
		expect(garbled.items?.[0].json.event_time).toBeNull();
	});

	it('keeps its own event_type and event_time when the record has fields of those names', async () => {
		const body = { ...submitted, data: { ...submitted.data, event_type: 'forged', event_time: 'forged' } };
		const { items } = await callTrigger({ request: deepIdvRequest(body) });
		expect(items![0].json).toMatchObject({ event_type: submitted.type, event_time: EVENT_TIMES[submitted.type] });
	});

	it('outputs the payload exactly as received with the Raw Payload option', async () => {
		const body = { ...submitted, extra: { delivered_by: 'deepidv' } };
		const { items } = await callTrigger({
			parameters: { events: ['*'], options: { rawPayload: true } },
			request: deepIdvRequest(body),
		});
		expect(items).toEqual([{ json: body }]);
	});

	it.each([false, true])('never carries headers, the signature or the secret (Raw Payload %s)', async (rawPayload) => {
		const request = deepIdvRequest(submitted);
		request.headers = { ...request.headers, 'x-forwarded-for': '203.0.113.9', authorization: 'Bearer t' };
		const { items } = await callTrigger({ parameters: { events: ['*'], options: { rawPayload } }, request });
		const text = JSON.stringify(items);
		expect(text).not.toContain(SECRET);
		expect(text).not.toMatch(/deepidv-signature|headers|203\.0\.113\.9|Bearer/);
	});
});

describe('DeepIDV Trigger: test and production URLs', () => {
	it.each(['manual', 'webhook'] as const)('behaves the same in %s mode', async (mode) => {
		const started = await callTrigger({ mode, request: deepIdvRequest(submitted) });
		const refused = await callTrigger({ mode, request: deepIdvRequest(submitted, 'wrong') });
		expect(started.items).toEqual([{ json: { event_type: submitted.type, event_time: EVENT_TIMES[submitted.type], ...submitted.data } }]);
		expect(refused).toMatchObject({ status: 401, ...NOT_STARTED });
	});
});
