import type { INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { requestSummary, useSandbox } from '../helpers/sandbox';
import { QUICK_WAIT, runOperation } from '../helpers/screening';

const PATH = '/v1/screening/title-check';
const owner = { firstName: 'Alex', lastName: 'Morgan', email: 'alex@example.com', address: '742 Maple Avenue, Springfield, OR 97403' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const FOUND = {
	status: 'found',
	found: true,
	message: null,
	subjectProperty: { address: '742 Maple Avenue', city: 'Springfield', state: 'OR', zip: '97403', apn: '17-03-24-31-00400' },
	ownerInformation: { owners: ['ALEX MORGAN', 'SAM MORGAN'], ownerOccupied: true },
	locationInformation: { county: 'Lane', subdivision: 'Maple Heights' },
	ownerTransferInformation: { recordingDate: '1989-12-17', documentType: 'Grant Deed' },
	lastMarketSaleInformation: { saleDate: '1989-12-17', salePrice: 120000 },
	availableUnits: null,
	properties: null,
};

describe('Screening → Title Check through the n8n engine', () => {
	const env = useSandbox({ asyncJobReadyAfterPolls: 1 });
	let sb: Sandbox;
	beforeEach(() => {
		sb = env.sb;
	});

	const check = (parameters: INodeParameters = {}, options = {}) =>
		runOperation(sb, 'screening', 'titleCheck', { ...owner, ...QUICK_WAIT, ...parameters }, options);

	it('as a job (DeepIDV\'s OpenAPI): sends one POST, waits, and outputs the property record', async () => {
		const { items, error } = await check();
		expect(error).toBeUndefined();
		const [post, poll] = sb.requests;
		expect(requestSummary(post)).toEqual({
			method: 'POST',
			path: PATH,
			query: {},
			apiKey: sb.keys.live,
			contentType: 'application/json',
			body: { email: 'alex@example.com', firstName: 'Alex', lastName: 'Morgan', address: '742 Maple Avenue, Springfield, OR 97403' },
		});
		expect(poll.path).toMatch(/^\/v1\/async-jobs\/[0-9a-f-]{36}$/);
		expect(sb.requests).toHaveLength(2);
		expect(items).toEqual([{ json: { jobId: expect.stringMatching(UUID), ...FOUND }, pairedItem: { item: 0 } }]);
		expect(sb.stats.billed).toEqual({ [PATH]: 1 });
	});

	it('synchronously (DeepIDV\'s SDK): outputs the same simplified item, with no job', async () => {
		sb.configure({ titleCheckMode: 'sync' });
		const { items } = await check();
		expect(sb.requests).toHaveLength(1);
		expect(items.map((item) => item.json)).toEqual([FOUND]);
	});

	it('outputs DeepIDV\'s answer with Simplify off, in either mode', async () => {
		const job = await check({ simplify: false });
		expect(job.items[0].json).toEqual({
			jobId: expect.stringMatching(UUID),
			createdAt: expect.any(Number),
			updatedAt: expect.any(String),
			status: 'ready',
			result: expect.objectContaining({ status: 'found', ownerInformation: { owners: ['ALEX MORGAN', 'SAM MORGAN'], ownerOccupied: true } }),
		});
		sb.configure({ titleCheckMode: 'sync' });
		const direct = await check({ simplify: false });
		expect(direct.items[0].json).toEqual((job.items[0].json as { result: object }).result);
	});

	it('outputs several properties, and the regions and addresses DeepIDV cannot find', async () => {
		sb.configure({ titleCheckMode: 'sync' });
		const { items } = await check(
			{ address: '={{ $json.address }}' },
			{ input: [{ address: '1200 Harbor View Dr, Miami, FL 33131' }, { address: '10 Downing Street, London SW1A 2AA' }, { address: '404 Nowhere Ln, Austin, TX 78701' }] },
		);
		expect(items.map(({ json }) => [json.status, json.found, json.message])).toEqual([
			['multiple_properties', false, 'The address matches several units. Add the unit number to the address.'],
			['unsupported_region', false, 'Title checks are available for US addresses only.'],
			['not_found', false, 'No property record was found for this address.'],
		]);
		expect(items[0].json).toMatchObject({ availableUnits: ['101', '102', '2204'], properties: expect.arrayContaining([{ owner: 'MARIA LOPEZ', apartmentOrUnit: '102' }]) });
	});

	it('outputs the job with Wait for Result off', async () => {
		const { items } = await check({ waitForResult: false });
		expect(sb.requests).toHaveLength(1);
		expect(items[0].json).toEqual({ jobId: expect.stringMatching(UUID), status: 'pending', message: expect.stringContaining('Title check started') });
	});

	it('turns a failed title job into an item error', async () => {
		const { error } = await check({ address: '500 Records Offline Rd, Denver, CO 80202' });
		expect(error?.message).toBe('DeepIDV could not complete the title check: The county records service did not respond');
	});

	it('never repeats the POST once DeepIDV may have acted, but repeats after its 503', async () => {
		sb.injectFaults([{ when: 'after', status: 500, match: { method: 'POST' } }]);
		const failed = await check();
		expect(failed.error?.description).toBe(
			'DeepIDV may have started the title check and billed it anyway, so the node did not repeat it. Running the item again today with the same details sends the same Idempotency Key, which DeepIDV documents as answering with the job it already started; another day, or changed details, start and bill a new one.',
		);
		expect(sb.requests).toHaveLength(1);
		sb.clearRequests();
		sb.injectFaults([{ status: 503, match: { method: 'POST' } }]);
		const retried = await check({ address: '1 Other Street, Springfield, OR 97403' });
		expect(retried.error).toBeUndefined();
		expect(sb.requests.filter((request) => request.path === PATH)).toHaveLength(2);
		expect(sb.stats.billed).toEqual({ [PATH]: 2 });
	});

	it('running the failed item again the same day replays the job DeepIDV started: billed once', async () => {
		sb.injectFaults([{ when: 'after', status: 500, match: { method: 'POST' } }]);
		expect((await check()).error).toBeDefined();
		const again = await check();
		expect(again.error).toBeUndefined();
		const [first, second] = sb.requests.filter((request) => request.path === PATH);
		expect(second.headers['idempotency-key']).toBe(first.headers['idempotency-key']);
		expect(sb.stats.billed).toEqual({ [PATH]: 1 });
		expect(again.items[0].json).toMatchObject({ status: 'found', found: true });
	});
});
