import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { sandboxImage } from '../../sandbox';
import { requestSummary, useSandbox } from '../helpers/sandbox';
import { runOperation } from '../helpers/screening';

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const IDENTITY = '/v1/igaming/self-exclusion/identity';

/** Calls the sandbox directly (test set-up, not through the node). */
async function api(sb: Sandbox, method: string, path: string, body?: unknown) {
	const response = await fetch(`${sb.url}${path}`, {
		method,
		headers: { 'x-api-key': sb.keys.live, 'content-type': 'application/json' },
		...(body !== undefined && { body: JSON.stringify(body) }),
	});
	return (await response.json()) as Record<string, unknown>;
}

/** A session whose applicant anti-cheat has seen with `face`; `scanned` gives it a scanned document number. */
async function enrolledSession(sb: Sandbox, face: string, scanned = false) {
	const { id } = sb.addSession({});
	if (scanned) sb.submitSession(id);
	await api(sb, 'POST', '/v1/igaming/anti-cheat', { session_id: id, image: sandboxImage({ face }).toString('base64') });
	return id;
}

/** The document number the sandbox scanned on a submitted session. */
const scannedNumber = (sb: Sandbox, id: string) =>
	(
		sb.getSession(id)!.session_record.analysis_data as { id_analysis_data: { id_extracted_text: Array<{ type: string; value: string }> } }
	).id_analysis_data.id_extracted_text.find((field) => field.type === 'DOCUMENT_NUMBER')!.value;

describe('Self-Exclusion → Add Identity through the n8n engine', () => {
	const env = useSandbox();
	const add = (input: IDataObject[], parameters: INodeParameters = {}, options = {}) =>
		runOperation(env.sb, 'selfExclusion', 'addIdentity', { documentNumber: '={{ $json.number }}', ...parameters }, { input, ...options });

	it('sends the items\' document numbers in one request and gives each item its own status, paired', async () => {
		const { sb } = env;
		const { items, error } = await add([{ number: 'p1234567' }, { number: ' X-99 ' }, { number: 'not a number!' }], { additionalFields: { reason: 'self-requested exclusion' } });
		expect(error).toBeUndefined();
		expect(sb.requests.map(requestSummary)).toEqual([
			{
				method: 'POST',
				path: IDENTITY,
				query: {},
				apiKey: sb.keys.live,
				contentType: 'application/json',
				body: { document_numbers: ['p1234567', 'X-99', 'not a number!'], reason: 'self-requested exclusion' },
			},
		]);
		expect(items).toEqual([
			{ json: { document_number: 'P1234567', status: 'added' }, pairedItem: { item: 0 } },
			{ json: { document_number: 'X-99', status: 'added' }, pairedItem: { item: 1 } },
			{ json: { document_number: 'NOT A NUMBER!', status: 'invalid' }, pairedItem: { item: 2 } },
		]);
		const again = await add([{ number: 'P1234567' }]);
		expect(again.items.map((item) => item.json)).toEqual([{ document_number: 'P1234567', status: 'already_excluded' }]);
	});

	it('sends items with different Additional Fields in separate requests, and at most 100 numbers a request', async () => {
		const { sb } = env;
		const input = Array.from({ length: 230 }, (_, index) => ({ number: `N${index}`, first: index === 5 ? 'Ada' : '' }));
		const { items } = await add(input, { additionalFields: { firstName: '={{ $json.first }}' } });
		expect(items.map((item) => [item.json.document_number, item.json.status, item.pairedItem])).toEqual(
			input.map(({ number }, index) => [number, 'added', { item: index }]),
		);
		// The requests go out side by side, so they may arrive in any order.
		const bodies = sb.requests.map((request) => request.json as { document_numbers: string[]; first_name?: string });
		const byFirstNumber = [...bodies].sort((a, b) => Number(a.document_numbers[0].slice(1)) - Number(b.document_numbers[0].slice(1)));
		expect(byFirstNumber).toEqual([
			{ document_numbers: input.slice(0, 101).filter((_, index) => index !== 5).map(({ number }) => number) },
			{ document_numbers: ['N5'], first_name: 'Ada' },
			{ document_numbers: input.slice(101, 201).map(({ number }) => number) },
			{ document_numbers: input.slice(201).map(({ number }) => number) },
		]);
	});

	it('checks every item before sending any: an empty Document Number stops the run with nothing sent', async () => {
		const { sb } = env;
		const { error } = await add([{ number: 'A1' }, { number: '  ' }, { number: 'A3' }]);
		expect(error?.message).toBe('The Document Number parameter is empty');
		expect(sb.requests).toEqual([]);
	});

	it('under Continue On Fail, the bad item gets its error item and the others still go in one request', async () => {
		const { sb } = env;
		const { items } = await add([{ number: 'A1' }, { number: '' }, { number: 'A3' }], {}, { continueOnFail: true });
		expect(items.map((item) => [item.json.status ?? item.json.error, item.pairedItem])).toEqual([
			['added', { item: 0 }],
			['The Document Number parameter is empty', { item: 1 }],
			['added', { item: 2 }],
		]);
		expect(sb.requests.map((request) => request.json)).toEqual([{ document_numbers: ['A1', 'A3'] }]);
	});

	it('a refused request fails every item it carried, and says which', async () => {
		const { sb } = env;
		sb.injectFaults([{ status: 400, match: { path: IDENTITY } }]);
		const { items } = await add([{ number: 'B1' }, { number: 'B2' }], {}, { continueOnFail: true });
		expect(items.map((item) => [item.json.error, item.json.details, item.pairedItem])).toEqual([
			[
				'DeepIDV rejected the request as invalid: Bad Request',
				'Check the Document Number parameter of the items. The request carried the document numbers of items 0, 1.',
				{ item: 0 },
			],
			[
				'DeepIDV rejected the request as invalid: Bad Request',
				'Check the Document Number parameter of the items. The request carried the document numbers of items 0, 1.',
				{ item: 1 },
			],
		]);
	});

	it('repeats a request whose answer was lost (documented idempotent): the repeat reports already_excluded for what the lost attempt added', async () => {
		const { sb } = env;
		sb.injectFaults([{ status: 500, when: 'after', match: { path: IDENTITY } }]);
		const { items, error } = await add([{ number: 'C1' }]);
		expect(error).toBeUndefined();
		expect(sb.requests).toHaveLength(2);
		expect(items.map((item) => item.json)).toEqual([{ document_number: 'C1', status: 'already_excluded' }]);
	});
});

describe('Self-Exclusion → Exclude Applicant, Exclude Face, Clear Face, Remove Identity, Purge Face Enrollment, Get Many', () => {
	const env = useSandbox();
	const run = (operation: string, parameters: INodeParameters, options = {}) => runOperation(env.sb, 'selfExclusion', operation, parameters, options);

	it('Exclude Applicant excludes the face and the scanned document number in one call; matched_session_id is always there', async () => {
		const { sb } = env;
		const sessionId = await enrolledSession(sb, 'ada', true);
		sb.clearRequests();
		const { items } = await run('excludeApplicant', { sessionId: byId(sessionId), additionalFields: { reason: 'asked on the phone' } });
		expect(sb.requests.map(requestSummary)).toEqual([
			{
				method: 'POST',
				path: '/v1/igaming/self-exclusion/applicant',
				query: {},
				apiKey: sb.keys.live,
				contentType: 'application/json',
				body: { session_id: sessionId, reason: 'asked on the phone' },
			},
		]);
		expect(items).toEqual([
			{ json: { face_attached: true, document_number: scannedNumber(sb, sessionId), identity_status: 'added', matched_session_id: null }, pairedItem: { item: 0 } },
		]);
	});

	it('Exclude Applicant on a DUPLICATE session excludes the original enrollment and names it; with nothing to exclude says so', async () => {
		const { sb } = env;
		const original = await enrolledSession(sb, 'grace');
		const duplicate = await enrolledSession(sb, 'grace');
		const { items } = await run('excludeApplicant', { sessionId: byId(duplicate) });
		expect(items.map((item) => item.json)).toEqual([{ face_attached: true, document_number: null, matched_session_id: original }]);
		const { id: bare } = sb.addSession({});
		const nothing = await run('excludeApplicant', { sessionId: byId(bare) });
		expect(nothing.items.map((item) => item.json)).toEqual([
			{ face_attached: false, document_number: null, message: 'nothing to exclude for this session', matched_session_id: null },
		]);
		const missing = await run('excludeApplicant', { sessionId: byId('nope') });
		expect(missing.error?.message).toBe('Session "nope" was not found in DeepIDV');
	});

	it('Exclude Applicant is not repeated once DeepIDV may have acted, and says how to find out', async () => {
		const { sb } = env;
		const sessionId = await enrolledSession(sb, 'alan');
		sb.clearRequests();
		sb.injectFaults([{ status: 500, when: 'after', match: { path: '/v1/igaming/self-exclusion/applicant' } }]);
		const { error } = await run('excludeApplicant', { sessionId: byId(sessionId) });
		expect(sb.requests).toHaveLength(1);
		expect(error?.message).toMatch(/^DeepIDV had a server error \(HTTP 500\)/);
		expect(error?.description).toBe('DeepIDV may have excluded the applicant although its answer did not arrive. Look at Self-Exclusion → Get Many before running this item again.');
	});

	it('Exclude Face and Clear Face: a session without an enrolled face, then one with', async () => {
		const { sb } = env;
		const { id: bare } = sb.addSession({});
		const none = await run('excludeFace', { sessionId: byId(bare) });
		expect(none.items.map((item) => item.json)).toEqual([{ excluded: false, reason: 'no_enrolled_face', matched_session_id: null }]);
		const sessionId = await enrolledSession(sb, 'mary');
		sb.clearRequests();
		const excluded = await run('excludeFace', { sessionId: byId(sessionId) });
		expect(excluded.items.map((item) => item.json)).toEqual([{ excluded: true, session_id: sessionId, matched_session_id: null }]);
		const cleared = await run('clearFace', { sessionId: byId(sessionId) });
		const again = await run('clearFace', { sessionId: byId(sessionId) });
		expect([cleared, again].map(({ items }) => items[0].json)).toEqual([
			{ unexcluded: true, matched_session_id: null },
			{ unexcluded: false, matched_session_id: null },
		]);
		expect(sb.requests.map(({ method, path, json }) => [method, path, json])).toEqual([
			['POST', '/v1/igaming/self-exclusion/face', { session_id: sessionId }],
			['DELETE', `/v1/igaming/self-exclusion/face/${sessionId}`, undefined],
			['DELETE', `/v1/igaming/self-exclusion/face/${sessionId}`, undefined],
		]);
	});

	it('Remove Identity URL-encodes the number, clears the linked face, and answers removed: false when it is not there', async () => {
		const { sb } = env;
		const sessionId = await enrolledSession(sb, 'jean', true);
		await api(sb, 'POST', '/v1/igaming/self-exclusion/applicant', { session_id: sessionId });
		const number = scannedNumber(sb, sessionId);
		sb.clearRequests();
		const { items } = await run('removeIdentity', { documentNumber: number });
		expect(items.map((item) => item.json)).toEqual([{ removed: true, face_unexcluded: true }]);
		const odd = await run('removeIdentity', { documentNumber: 'AB/12 3' });
		expect(odd.items.map((item) => item.json)).toEqual([{ removed: false, face_unexcluded: false }]);
		expect(sb.requests.map(({ method, path }) => `${method} ${path}`)).toEqual([`DELETE ${IDENTITY}/${number}`, `DELETE ${IDENTITY}/AB%2F12%203`]);
		const empty = await run('removeIdentity', { documentNumber: '={{ "" }}' });
		expect(empty.error?.message).toBe('The Document Number parameter is empty');
		expect(sb.requests).toHaveLength(2);
	});

	it('Purge Face Enrollment deletes the session\'s own enrollment only ({ deleted, face_id }), and is safe to repeat', async () => {
		const { sb } = env;
		const original = await enrolledSession(sb, 'ravi');
		const duplicate = await enrolledSession(sb, 'ravi');
		const first = await run('purgeEnrollment', { sessionId: byId(original) });
		expect(first.items[0].json).toEqual({ deleted: true, face_id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
		const repeat = await run('purgeEnrollment', { sessionId: byId(original) });
		const ofDuplicate = await run('purgeEnrollment', { sessionId: byId(duplicate) });
		expect([repeat, ofDuplicate].map(({ items }) => items[0].json)).toEqual([
			{ deleted: false, face_id: null },
			{ deleted: false, face_id: null },
		]);
		sb.clearRequests();
		sb.injectFaults([{ status: 500, match: { path: `/v1/igaming/anti-cheat/${original}` } }]);
		const retried = await run('purgeEnrollment', { sessionId: byId(original) });
		expect(retried.error).toBeUndefined();
		expect(sb.requests.map(({ method, path }) => `${method} ${path}`)).toEqual([`DELETE /v1/igaming/anti-cheat/${original}`, `DELETE /v1/igaming/anti-cheat/${original}`]);
	});

	it('Get Many outputs one item per registry entry, with registry_truncated when DeepIDV cut the list at Max Entries', async () => {
		const { sb } = env;
		await api(sb, 'POST', IDENTITY, { document_numbers: ['G1', 'G2'], first_name: 'Ada' });
		const faceSession = await enrolledSession(sb, 'mei');
		await api(sb, 'POST', '/v1/igaming/self-exclusion/face', { session_id: faceSession, reason: 'by email' });
		sb.clearRequests();
		const all = await run('getMany', {});
		expect(all.items.map((item) => [item.json, item.pairedItem])).toEqual([
			[{ type: 'identity', document_number: 'G1', reason: null, added_by: expect.any(String), added_at: expect.any(String), first_name: 'Ada', registry_truncated: false }, { item: 0 }],
			[{ type: 'identity', document_number: 'G2', reason: null, added_by: expect.any(String), added_at: expect.any(String), first_name: 'Ada', registry_truncated: false }, { item: 0 }],
			[{ type: 'face', session_id: faceSession, reason: 'by email', excluded_at: expect.any(String), registry_truncated: false }, { item: 0 }],
		]);
		const one = await run('getMany', { maxEntries: 1 });
		expect(one.items.map((item) => [item.json.document_number, item.json.registry_truncated])).toEqual([['G1', true]]);
		expect(sb.requests.map(({ method, path, query }) => [method, path, query])).toEqual([
			['GET', '/v1/igaming/self-exclusion', { limit: '200' }],
			['GET', '/v1/igaming/self-exclusion', { limit: '1' }],
		]);
		const tooMany = await run('getMany', { maxEntries: '={{ 1001 }}' });
		expect(tooMany.error?.message).toBe('The Max Entries "1001" is not a whole number from 1 to 1000');
		expect(sb.requests).toHaveLength(2);
	});
});
