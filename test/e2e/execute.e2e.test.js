// @ts-check
'use strict';

/**
 * The packed package installed into a real n8n, run headless with `n8n execute` against the local
 * DeepIDV sandbox: what n8n outputs and what actually went over the wire, for every operation, for
 * Continue On Fail and for a refused key. All workflows are imported at once, then executed one
 * after another (each `n8n execute` starts n8n anew, a few seconds each).
 */

const { startSandbox } = require('../../sandbox');
const { byId, chainWorkflow, deepIdvNode, itemsFrom, manualTrigger } = require('../../scripts/lib/workflows');
const { credential, deepIdvWorkflow, instanceWithPackage, nodeOutput } = require('./fixtures');

/** @type {import('../../sandbox').Sandbox} */
let sandbox;
/** @type {import('../../scripts/lib/n8n-instance').N8nInstance} */
let n8n;
/** Every execution's data, to look for the keys in. @type {unknown[]} */
const executions = [];

const WRONG_KEY = 'e2e-wrong-api-key-0123456789';
const LISTED_EXTERNAL_ID = 'crm-e2e-list';
const LIVE_CREDENTIAL = { id: 'deepIdvLive', name: 'DeepIDV deepIdvLive' };
const PEP_PATH = '/v1/screening/pep-sanctions';
const MEDIA_PATH = '/v1/screening/adverse-media';
const SCREENED = [
	{ first: 'Boris', last: 'Sanctioned', dob: '1971-08-23' },
	{ first: 'Martin', last: 'Headlines', dob: '1969-02-11' },
];
/** The sandbox's adverse-media jobs are ready on their second poll (0.5 s apart here). */
const QUICK_WAIT = { waitForResult: true, pollIntervalSeconds: 0.5, maxWaitSeconds: 30 };
const screenedItem = (/** @type {string} */ field) => `={{ $('One Item Each').item.json.${field} }}`;
/** A session stuck on its second step, added before the run, for Get Progress. */
const PROGRESS_SESSION = 'e2e-progress';
const PROGRESS_STEPS = ['ID_VERIFICATION', 'FACE_LIVENESS', 'PEP_SANCTIONS'];

const workflows = [
	deepIdvWorkflow({
		id: 'e2eUpdateStatus',
		credentialId: 'deepIdvLive',
		parameters: { operation: 'updateStatus', sessionId: byId('test_pending'), status: 'VERIFIED' },
	}),
	deepIdvWorkflow({
		id: 'e2eWrongKey',
		credentialId: 'deepIdvWrong',
		parameters: { operation: 'updateStatus', sessionId: byId('test_submitted'), status: 'VERIFIED' },
	}),
	deepIdvWorkflow({
		id: 'e2eCreate',
		credentialId: 'deepIdvLive',
		parameters: {
			operation: 'create',
			firstName: 'Ada',
			lastName: 'Lovelace',
			email: 'ada@example.com',
			phone: '+1 (519) 222-3333',
			additionalFields: {
				externalId: 'crm-e2e-create',
				workflowId: 'test_workflow',
				redirectUrl: 'https://example.com/verification-complete',
				expiresInHours: 48,
				sendEmailInvite: false,
			},
		},
	}),
	deepIdvWorkflow({
		id: 'e2eGet',
		credentialId: 'deepIdvLive',
		parameters: { operation: 'get', sessionId: byId('test_verified'), simplify: true },
	}),
	deepIdvWorkflow({
		id: 'e2eGetMany',
		credentialId: 'deepIdvLive',
		parameters: { operation: 'getMany', returnAll: false, limit: 3, filters: { externalId: LISTED_EXTERNAL_ID } },
	}),
	chainWorkflow({
		id: 'e2eContinueOnFail',
		nodes: [
			manualTrigger(),
			...itemsFrom([{ id: 'test_rejected' }, { id: 'no-such-session' }, { id: 'test_voided' }]),
			deepIdvNode({
				credential: { id: 'deepIdvLive', name: 'DeepIDV deepIdvLive' },
				parameters: { operation: 'updateStatus', sessionId: byId('={{ $json.id }}'), status: 'VERIFIED' },
				settings: { onError: 'continueRegularOutput' },
			}),
		],
	}),
	chainWorkflow({
		id: 'e2eScreening',
		nodes: [
			manualTrigger(),
			...itemsFrom(SCREENED),
			deepIdvNode({
				name: 'PEP & Sanctions',
				credential: LIVE_CREDENTIAL,
				parameters: {
					resource: 'screening',
					operation: 'pepSanctions',
					firstName: '={{ $json.first }}',
					lastName: '={{ $json.last }}',
					dateOfBirth: '={{ $json.dob }}',
				},
			}),
			deepIdvNode({
				name: 'Adverse Media',
				credential: LIVE_CREDENTIAL,
				parameters: {
					resource: 'screening',
					operation: 'adverseMedia',
					firstName: screenedItem('first'),
					lastName: screenedItem('last'),
					dateOfBirth: screenedItem('dob'),
					additionalFields: { country: 'gb' },
					...QUICK_WAIT,
				},
			}),
		],
	}),
	chainWorkflow({
		id: 'e2eJobResult',
		nodes: [
			manualTrigger(),
			deepIdvNode({
				name: 'Start Adverse Media',
				credential: LIVE_CREDENTIAL,
				parameters: {
					resource: 'screening',
					operation: 'adverseMedia',
					firstName: 'Jane',
					lastName: 'Doe',
					dateOfBirth: '1990-05-17T00:00:00',
					waitForResult: false,
				},
			}),
			deepIdvNode({
				name: 'Get Job',
				credential: LIVE_CREDENTIAL,
				parameters: { resource: 'screening', operation: 'getJobResult', jobId: '={{ $json.jobId }}' },
			}),
			deepIdvNode({
				name: 'Get Job Again',
				credential: LIVE_CREDENTIAL,
				parameters: { resource: 'screening', operation: 'getJobResult', jobId: '={{ $json.jobId }}' },
			}),
		],
	}),
	// n8n's own Retry On Fail on Adverse Media; the node's retries off, so n8n does the repeating.
	chainWorkflow({
		id: 'e2eRetryOnFail',
		nodes: [
			manualTrigger(),
			deepIdvNode({
				name: 'Adverse Media',
				credential: LIVE_CREDENTIAL,
				parameters: {
					resource: 'screening',
					operation: 'adverseMedia',
					firstName: 'Martin',
					lastName: 'Headlines',
					dateOfBirth: '1969-02-11',
					requestOptions: { maxRetries: 0 },
					...QUICK_WAIT,
				},
				settings: { retryOnFail: true, maxTries: 2, waitBetweenTries: 0 },
			}),
		],
	}),
	deepIdvWorkflow({
		id: 'e2eWorkflowGetMany',
		credentialId: 'deepIdvLive',
		parameters: { resource: 'workflow', operation: 'getMany', returnAll: false, limit: 2 },
	}),
	deepIdvWorkflow({
		id: 'e2eWorkflowGet',
		credentialId: 'deepIdvLive',
		parameters: { resource: 'workflow', operation: 'get', workflowId: { __rl: true, mode: 'list', value: 'test_workflow', cachedResultName: 'Sandbox Test Workflow' } },
	}),
	deepIdvWorkflow({
		id: 'e2eWorkflowCreate',
		credentialId: 'deepIdvLive',
		parameters: {
			resource: 'workflow',
			operation: 'create',
			name: 'E2E Onboarding',
			steps: ['ID_VERIFICATION', 'FACE_LIVENESS'],
			stepSettings: { idMinimumAge: 21, faceLivenessConfidenceThreshold: 90 },
			stepSettingsJson: '{"ID_VERIFICATION": {"expiry_date_years": 2}}',
		},
	}),
	deepIdvWorkflow({
		id: 'e2eWorkflowUpdateStep',
		credentialId: 'deepIdvLive',
		parameters: {
			resource: 'workflow',
			operation: 'updateStepConfig',
			workflowId: byId('test_workflow'),
			stepId: 'FACE_LIVENESS',
			stepSettings: { faceLivenessConfidenceThreshold: 92 },
		},
	}),
	deepIdvWorkflow({
		id: 'e2eGetProgress',
		credentialId: 'deepIdvLive',
		parameters: { operation: 'getProgress', sessionId: byId(PROGRESS_SESSION), simplify: true },
	}),
	deepIdvWorkflow({
		id: 'e2eReVerify',
		credentialId: 'deepIdvLive',
		parameters: { operation: 'reVerify', sessionId: byId('test_verified') },
	}),
];

beforeAll(async () => {
	sandbox = await startSandbox({ asyncJobReadyAfterPolls: 2 });
	// Four sessions with the same external ID, an hour apart, for Get Many's Limit and filter.
	for (let hour = 0; hour < 4; hour++) {
		sandbox.addSession({ external_id: LISTED_EXTERNAL_ID, created_at: new Date(Date.UTC(2025, 4, 1, 9 + hour)).toISOString() });
	}
	sandbox.addSession({ id: PROGRESS_SESSION, type: 'session', session_progress: 'STARTED', workflow_id: 'test_workflow', workflow_steps: PROGRESS_STEPS });
	n8n = await instanceWithPackage();
	await n8n.importCredentials([
		credential('deepIdvLive', sandbox.keys.live, sandbox.url),
		credential('deepIdvWrong', WRONG_KEY, sandbox.url),
	]);
	await n8n.importWorkflows(workflows);
});

afterAll(async () => {
	await n8n?.dispose();
	await sandbox?.close();
});

/**
 * Executes an imported workflow; returns n8n's execution data and the DeepIDV requests it caused.
 * @param {string} workflowId
 */
async function run(workflowId) {
	sandbox.clearRequests();
	const execution = await n8n.execute(workflowId);
	executions.push(execution);
	const recorded = [...sandbox.requests];
	return { execution, recorded, requests: recorded.map(summary) };
}

/** @param {import('../../sandbox').RecordedRequest} request */
function summary({ method, path, query, headers, json }) {
	return { method, path, query, apiKey: headers['x-api-key'], contentType: headers['content-type'], body: json };
}

const record = (/** @type {string} */ id) => sandbox.getSession(id)?.session_record;

describe('Session → Update Status', () => {
	/** @type {Awaited<ReturnType<typeof run>>} */
	let result;
	beforeAll(async () => {
		result = await run('e2eUpdateStatus');
	});

	it('sends exactly one authenticated PATCH with the new status', () => {
		expect(result.requests).toEqual([
			{
				method: 'PATCH',
				path: '/v1/sessions/test_pending/update-status',
				query: {},
				apiKey: sandbox.keys.live,
				contentType: 'application/json',
				body: { new_status: 'VERIFIED' },
			},
		]);
	});

	it('outputs the session record DeepIDV returned', () => {
		expect(result.execution.data.resultData.error).toBeUndefined();
		expect(record('test_pending')?.status).toBe('VERIFIED');
		expect(nodeOutput(result.execution, 'DeepIDV')).toEqual([{ json: record('test_pending'), pairedItem: { item: 0 } }]);
	});
});

describe('Session → Create', () => {
	/** @type {Awaited<ReturnType<typeof run>>} */
	let result;
	beforeAll(async () => {
		result = await run('e2eCreate');
	});

	it('sends one POST with every field, the phone number cleaned up', () => {
		expect(result.requests).toEqual([
			{
				method: 'POST',
				path: '/v1/sessions',
				query: {},
				apiKey: sandbox.keys.live,
				contentType: 'application/json',
				body: {
					firstName: 'Ada',
					lastName: 'Lovelace',
					email: 'ada@example.com',
					phone: '+15192223333',
					sendEmailInvite: false,
					sendPhoneInvite: true,
					externalId: 'crm-e2e-create',
					workflowId: 'test_workflow',
					redirectUrl: 'https://example.com/verification-complete',
					expiresInHours: 48,
				},
			},
		]);
	});

	it('outputs the new session: ID, link, external ID, expiry and links', () => {
		const [created] = sandbox.listSessions().filter((stored) => stored.session_record.external_id === 'crm-e2e-create');
		const { id, expires_at: expiresAt } = created.session_record;
		const sessionUrl = `https://verify.deepidv.invalid/session/${id}`;
		expect(nodeOutput(result.execution, 'DeepIDV')).toEqual([
			{
				json: {
					id,
					created: true,
					session_url: sessionUrl,
					external_id: 'crm-e2e-create',
					expires_at: expiresAt,
					links: [
						{ rel: 'self', href: `${sandbox.url}/v1/sessions/${id}`, description: 'Retrieve this session' },
						{ rel: 'session_url', href: sessionUrl, description: 'Verification link for the applicant' },
					],
					created: true,
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(created.invites).toEqual({ send_email_invite: false, send_phone_invite: true });
	});
});

describe('Session → Get, simplified', () => {
	/** @type {Awaited<ReturnType<typeof run>>} */
	let result;
	beforeAll(async () => {
		result = await run('e2eGet');
	});

	it('sends one authenticated GET', () => {
		expect(result.requests).toEqual([
			{ method: 'GET', path: '/v1/sessions/test_verified', query: {}, apiKey: sandbox.keys.live, contentType: undefined, body: undefined },
		]);
	});

	it('outputs what an ops person decides on', () => {
		expect(nodeOutput(result.execution, 'DeepIDV')).toEqual([
			{
				json: {
					id: 'test_verified',
					status: 'VERIFIED',
					session_progress: 'COMPLETED',
					type: 'session',
					external_id: null,
					workflow_id: 'test_workflow',
					created_at: '2025-03-03T15:00:00.000Z',
					updated_at: '2025-03-04T13:00:00.000Z',
					submitted_at: '2025-03-03T17:00:00.000Z',
					first_name: 'Ada',
					last_name: 'Lovelace',
					email: 'ada.lovelace@example.com',
					face_match_confidence: 96,
					id_matches_selfie: true,
					faceliveness_score: 90,
					id_matches_liveness: true,
					expiry_date_pass: true,
					valid_state_pass: true,
					age_restriction_pass: true,
				},
				pairedItem: { item: 0 },
			},
		]);
	});
});

describe('Session → Get Many with a Limit and a filter', () => {
	/** @type {Awaited<ReturnType<typeof run>>} */
	let result;
	beforeAll(async () => {
		result = await run('e2eGetMany');
	});

	it('asks for exactly the Limit, with the filter as a query parameter', () => {
		expect(result.requests).toEqual([
			{
				method: 'GET',
				path: '/v1/sessions',
				query: { limit: '3', external_id: LISTED_EXTERNAL_ID },
				apiKey: sandbox.keys.live,
				contentType: undefined,
				body: undefined,
			},
		]);
	});

	it('outputs the three newest of the four matching sessions, one item each', () => {
		const newestFirst = sandbox
			.listSessions()
			.map((stored) => stored.session_record)
			.filter((session) => session.external_id === LISTED_EXTERNAL_ID);
		expect(newestFirst.map((session) => session.created_at)).toEqual([
			'2025-05-01T12:00:00.000Z',
			'2025-05-01T11:00:00.000Z',
			'2025-05-01T10:00:00.000Z',
			'2025-05-01T09:00:00.000Z',
		]);
		expect(nodeOutput(result.execution, 'DeepIDV')).toEqual(
			newestFirst.slice(0, 3).map((session) => ({ json: session, pairedItem: { item: 0 } })),
		);
	});
});

describe('Session → Update Status on three items, the middle one failing, with Continue On Fail', () => {
	/** @type {Awaited<ReturnType<typeof run>>} */
	let result;
	beforeAll(async () => {
		result = await run('e2eContinueOnFail');
	});

	it('sends all three items', () => {
		expect(result.requests.map((request) => request.path).sort()).toEqual([
			'/v1/sessions/no-such-session/update-status',
			'/v1/sessions/test_rejected/update-status',
			'/v1/sessions/test_voided/update-status',
		]);
	});

	it('outputs three items in input order, the failed one as an error item paired to its input', () => {
		expect(result.execution.status).toBe('success');
		expect(nodeOutput(result.execution, 'DeepIDV')).toEqual([
			{ json: record('test_rejected'), pairedItem: { item: 0 } },
			{
				json: {
					error: 'Session "no-such-session" was not found in DeepIDV',
					details:
						'Check the Session parameter: the ID must belong to a session of the organisation that owns the API key.',
				},
				pairedItem: { item: 1 },
			},
			{ json: record('test_voided'), pairedItem: { item: 2 } },
		]);
		expect([record('test_rejected')?.status, record('test_voided')?.status]).toEqual(['VERIFIED', 'VERIFIED']);
	});
});

describe('Session → Update Status with a key DeepIDV refuses', () => {
	/** @type {Awaited<ReturnType<typeof run>>} */
	let result;
	/** @type {import('../../sandbox').StoredSession | undefined} */
	let sessionBefore;
	beforeAll(async () => {
		sessionBefore = sandbox.getSession('test_submitted');
		result = await run('e2eWrongKey');
	});

	it('fails the node with the API error and leaves the session as it was', () => {
		expect(result.execution.status).toBe('error');
		expect(result.execution.data.resultData.error).toMatchObject({ name: 'NodeApiError', httpCode: '401' });
		expect(result.requests).toHaveLength(1);
		expect(sandbox.getSession('test_submitted')).toEqual(sessionBefore);
	});
});

describe('Screening: PEP & Sanctions, then Adverse Media waited for, on two people', () => {
	/** @type {Awaited<ReturnType<typeof run>>} */
	let result;
	beforeAll(async () => {
		result = await run('e2eScreening');
	});

	it('sends one PEP & sanctions POST and one adverse-media POST per person, each billed once', () => {
		expect(result.execution.data.resultData.error).toBeUndefined();
		const bodies = (/** @type {string} */ path) =>
			result.requests.filter((request) => request.path === path).map((request) => request.body);
		const people = SCREENED.map(({ first, last, dob }) => ({ firstName: first, lastName: last, dateOfBirth: dob }));
		expect(bodies(PEP_PATH)).toEqual(expect.arrayContaining(people));
		expect(bodies(PEP_PATH)).toHaveLength(2);
		expect(bodies(MEDIA_PATH)).toEqual(expect.arrayContaining(people.map((person) => ({ ...person, country: 'GB' }))));
		expect(bodies(MEDIA_PATH)).toHaveLength(2);
		const billed = result.recorded.filter((request) => request.billed).map((request) => request.path).sort();
		expect(billed).toEqual([MEDIA_PATH, MEDIA_PATH, PEP_PATH, PEP_PATH]);
		const keys = result.recorded.filter((request) => request.path === MEDIA_PATH).map((request) => request.headers['idempotency-key']);
		expect(new Set(keys).size).toBe(2);
		for (const request of result.requests) expect(request.apiKey).toBe(sandbox.keys.live);
	});

	it('polls each job until it is ready', () => {
		const polls = result.requests.filter((request) => request.path.startsWith('/v1/async-jobs/'));
		expect(polls).toHaveLength(4);
		for (const poll of polls) expect(poll.method).toBe('GET');
	});

	it('outputs PEP & Sanctions simplified, paired to the people', () => {
		const sources = ['OFAC SDN List', 'UN Security Council Consolidated List', 'EU Consolidated Financial Sanctions', 'UK HMT Consolidated List', 'Global PEP Database'];
		expect(nodeOutput(result.execution, 'PEP & Sanctions')).toEqual([
			{
				json: {
					match: true,
					totalMatches: 2,
					pepMatches: 0,
					sanctionsMatches: 2,
					topMatches: [
						{ list: 'sanctions', name: 'Boris Sanctioned', country: 'RU', dateOfBirth: '1971-08-23', confidence: 0.97, datasets: ['OFAC SDN List', 'EU Consolidated Financial Sanctions'] },
						{ list: 'sanctions', name: 'B. Sanctioned', country: null, dateOfBirth: null, confidence: 0.71, datasets: ['UN Security Council Consolidated List'] },
					],
					searchedSources: sources,
				},
				pairedItem: { item: 0 },
			},
			{
				json: { match: false, totalMatches: 0, pepMatches: 0, sanctionsMatches: 0, topMatches: [], searchedSources: sources },
				pairedItem: { item: 1 },
			},
		]);
	});

	it('outputs the adverse-media risk of each person, found through the pairing to the input items', () => {
		const output = nodeOutput(result.execution, 'Adverse Media');
		expect(output.map((/** @type {any} */ item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(output[0].json).toEqual({
			jobId: expect.stringMatching(/^[0-9a-f-]{36}$/),
			riskLevel: 'LOW',
			riskScore: 3,
			totalHits: 0,
			summary: 'No adverse media found for Boris Sanctioned.',
			topFindings: [],
			exposuresByCategory: {},
		});
		expect(output[1].json).toMatchObject({
			riskLevel: 'HIGH',
			riskScore: 78,
			totalHits: 5,
			topFindings: [
				expect.objectContaining({ severity: 'HIGH', category: 'financial_crime', sourceName: 'Reuters' }),
				expect.objectContaining({ severity: 'HIGH', category: 'court_records' }),
				expect.objectContaining({ severity: 'MEDIUM', category: 'regulatory' }),
			],
			exposuresByCategory: { financial_crime: { hits: 3 }, regulatory: { hits: 1 }, court_records: { hits: 1 } },
		});
	});
});

describe("Screening → Adverse Media with n8n's Retry On Fail, the first answer a 500 after the job was started", () => {
	/** @type {Awaited<ReturnType<typeof run>>} */
	let result;
	/** @type {Record<string, number>} */
	let billedBefore;
	beforeAll(async () => {
		billedBefore = { ...sandbox.stats.billed };
		sandbox.injectFaults([{ when: 'after', status: 500, match: { method: 'POST', path: MEDIA_PATH } }]);
		result = await run('e2eRetryOnFail');
	});

	it('sends both attempts with one Idempotency-Key, and DeepIDV bills one job', () => {
		const posts = result.recorded.filter((request) => request.path === MEDIA_PATH);
		expect(posts).toHaveLength(2);
		expect(posts.map((post) => post.headers['idempotency-key'])).toEqual([
			expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
			posts[0].headers['idempotency-key'],
		]);
		expect(posts.map((post) => post.billed)).toEqual([true, undefined]);
		expect((sandbox.stats.billed[MEDIA_PATH] ?? 0) - (billedBefore[MEDIA_PATH] ?? 0)).toBe(1);
	});

	it("outputs the one job's result, waited for", () => {
		expect(result.execution.status).toBe('success');
		const jobs = new Set(
			result.recorded.filter((request) => request.path.startsWith('/v1/async-jobs/')).map((request) => request.path),
		);
		expect(jobs.size).toBe(1);
		expect(nodeOutput(result.execution, 'Adverse Media')).toEqual([
			{ json: expect.objectContaining({ jobId: [...jobs][0].split('/').pop(), riskLevel: 'HIGH', totalHits: 5 }), pairedItem: { item: 0 } },
		]);
	});
});

describe('Screening → Get Job Result: a job started without waiting, fetched twice', () => {
	/** @type {Awaited<ReturnType<typeof run>>} */
	let result;
	beforeAll(async () => {
		result = await run('e2eJobResult');
	});

	it('starts one job and reads it with two GETs, nothing billed but the start', () => {
		expect(result.execution.data.resultData.error).toBeUndefined();
		const [start, ...gets] = result.requests;
		expect(start).toMatchObject({ method: 'POST', path: MEDIA_PATH, body: { firstName: 'Jane', lastName: 'Doe', dateOfBirth: '1990-05-17' } });
		const jobId = nodeOutput(result.execution, 'Start Adverse Media')[0].json.jobId;
		expect(gets).toEqual(
			[1, 2].map(() => ({ method: 'GET', path: `/v1/async-jobs/${jobId}`, query: {}, apiKey: sandbox.keys.live, contentType: undefined, body: undefined })),
		);
		expect(result.recorded.filter((request) => request.billed).map((request) => request.path)).toEqual([MEDIA_PATH]);
	});

	it('outputs the job: started, then still processing, then ready with its result', () => {
		const jobId = nodeOutput(result.execution, 'Start Adverse Media')[0].json.jobId;
		expect(nodeOutput(result.execution, 'Start Adverse Media')).toEqual([
			{ json: { jobId: jobId, status: 'pending', message: expect.stringContaining('started') }, pairedItem: { item: 0 } },
		]);
		expect(nodeOutput(result.execution, 'Get Job')).toEqual([
			{ json: { jobId, createdAt: expect.any(Number), updatedAt: expect.any(String), status: 'processing' }, pairedItem: { item: 0 } },
		]);
		expect(nodeOutput(result.execution, 'Get Job Again')).toEqual([
			{
				json: {
					jobId,
					createdAt: expect.any(Number),
					updatedAt: expect.any(String),
					status: 'ready',
					result: { totalHits: 0, riskLevel: 'LOW', riskScore: 3, summary: 'No adverse media found for Jane Doe.', findings: [], exposuresByCategory: {} },
				},
				pairedItem: { item: 0 },
			},
		]);
	});
});

describe('Workflow → Get Many with a Limit', () => {
	/** @type {Awaited<ReturnType<typeof run>>} */
	let result;
	beforeAll(async () => {
		result = await run('e2eWorkflowGetMany');
	});

	it('sends one GET and outputs the two newest workflows as DeepIDV lists them', async () => {
		expect(result.requests).toEqual([
			{ method: 'GET', path: '/v1/workflows', query: {}, apiKey: sandbox.keys.live, contentType: undefined, body: undefined },
		]);
		const { workflows } = await (await fetch(`${sandbox.url}/v1/workflows`, { headers: { 'x-api-key': sandbox.keys.live } })).json();
		expect(workflows.slice(0, 2).map((/** @type {any} */ workflow) => workflow.name)).toEqual(['Age Check', 'Enhanced Due Diligence']);
		expect(nodeOutput(result.execution, 'DeepIDV')).toEqual(workflows.slice(0, 2).map((/** @type {any} */ json) => ({ json, pairedItem: { item: 0 } })));
	});
});

describe('Workflow → Get, picked from the list', () => {
	/** @type {Awaited<ReturnType<typeof run>>} */
	let result;
	beforeAll(async () => {
		result = await run('e2eWorkflowGet');
	});

	it('sends one GET and outputs the workflow with its steps and settings', async () => {
		expect(result.requests).toEqual([
			{ method: 'GET', path: '/v1/workflows/test_workflow', query: {}, apiKey: sandbox.keys.live, contentType: undefined, body: undefined },
		]);
		const { workflow } = await (await fetch(`${sandbox.url}/v1/workflows/test_workflow`, { headers: { 'x-api-key': sandbox.keys.live } })).json();
		expect(workflow.steps).toHaveLength(11);
		expect(nodeOutput(result.execution, 'DeepIDV')).toEqual([{ json: workflow, pairedItem: { item: 0 } }]);
	});
});

describe('Workflow → Create with step settings', () => {
	/** @type {Awaited<ReturnType<typeof run>>} */
	let result;
	beforeAll(async () => {
		result = await run('e2eWorkflowCreate');
	});

	it('sends one POST with the steps in order and their settings, and outputs the new workflow', () => {
		const config = { minimum_age: 21, expiry_date_years: 2 };
		expect(result.requests).toEqual([
			{
				method: 'POST',
				path: '/v1/workflows',
				query: {},
				apiKey: sandbox.keys.live,
				contentType: 'application/json',
				body: { name: 'E2E Onboarding', steps: [{ id: 'ID_VERIFICATION', config }, { id: 'FACE_LIVENESS', config: { confidence_threshold: 90 } }] },
			},
		]);
		expect(nodeOutput(result.execution, 'DeepIDV')).toEqual([
			{
				json: {
					id: expect.stringMatching(/^[0-9a-f-]{36}$/),
					name: 'E2E Onboarding',
					status: 'active',
					organization_id: expect.any(String),
					created_at: expect.any(String),
					updated_at: expect.any(String),
					steps: [{ id: 'id-verification', config }, { id: 'face-liveness', config: { confidence_threshold: 90 } }],
				},
				pairedItem: { item: 0 },
			},
		]);
	});
});

describe('Workflow → Update Step Config', () => {
	/** @type {Awaited<ReturnType<typeof run>>} */
	let result;
	beforeAll(async () => {
		result = await run('e2eWorkflowUpdateStep');
	});

	it('sends one PATCH with only the changed setting and outputs the updated workflow', async () => {
		expect(result.requests).toEqual([
			{
				method: 'PATCH',
				path: '/v1/workflows/test_workflow/steps/FACE_LIVENESS/config',
				query: {},
				apiKey: sandbox.keys.live,
				contentType: 'application/json',
				body: { config: { confidence_threshold: 92 } },
			},
		]);
		const { workflow } = await (await fetch(`${sandbox.url}/v1/workflows/test_workflow`, { headers: { 'x-api-key': sandbox.keys.live } })).json();
		expect(workflow.steps[1]).toEqual({ id: 'face-liveness', config: { confidence_threshold: 92 } });
		expect(nodeOutput(result.execution, 'DeepIDV')).toEqual([{ json: workflow, pairedItem: { item: 0 } }]);
	});
});

describe('Session → Get Progress, simplified', () => {
	/** @type {Awaited<ReturnType<typeof run>>} */
	let result;
	beforeAll(async () => {
		result = await run('e2eGetProgress');
	});

	it('sends one GET and says in one field where the applicant is', () => {
		expect(result.requests).toEqual([
			{ method: 'GET', path: `/v1/sessions/${PROGRESS_SESSION}/workflow`, query: {}, apiKey: sandbox.keys.live, contentType: undefined, body: undefined },
		]);
		expect(nodeOutput(result.execution, 'DeepIDV')).toEqual([
			{
				json: {
					session_id: PROGRESS_SESSION,
					status: 'PENDING',
					session_progress: 'STARTED',
					summary: 'At step 2 of 3 (Face Liveness), in progress: 1 attempt so far (last failure: NO_FACE_DETECTED), 2 attempts remaining',
					current_step_id: 'FACE_LIVENESS',
					current_step_number: 2,
					step_count: 3,
					attempts_remaining: 2,
					steps: [
						{ step_id: 'ID_VERIFICATION', status: 'COMPLETED', attempts: 1, failure_reason: null },
						{ step_id: 'FACE_LIVENESS', status: 'IN_PROGRESS', attempts: 1, failure_reason: 'NO_FACE_DETECTED' },
						{ step_id: 'PEP_SANCTIONS', status: 'PENDING', attempts: 0, failure_reason: null },
					],
				},
				pairedItem: { item: 0 },
			},
		]);
	});
});

describe('Session → Re-Verify', () => {
	/** @type {Awaited<ReturnType<typeof run>>} */
	let result;
	beforeAll(async () => {
		result = await run('e2eReVerify');
	});

	it('sends one POST and outputs the new re-verification, marked created', () => {
		expect(result.requests).toEqual([
			{ method: 'POST', path: '/v1/re-verifications', query: {}, apiKey: sandbox.keys.live, contentType: 'application/json', body: { session_id: 'test_verified' } },
		]);
		expect(nodeOutput(result.execution, 'DeepIDV')).toEqual([
			{
				json: {
					re_verification_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
					original_session_id: 'test_verified',
					status: 'PENDING',
					expires_at: expect.any(String),
					reused: false,
					consent_required: true,
					liveness: { challenge_type: 'FaceMovementChallenge' },
					created: true,
				},
				pairedItem: { item: 0 },
			},
		]);
	});
});

describe('Every execution above', () => {
	it('ran', () => {
		expect(executions).toHaveLength(workflows.length);
	});

	it('never shows an API key in the execution data', () => {
		const data = JSON.stringify(executions);
		expect(data).not.toContain(sandbox.keys.live);
		expect(data).not.toContain(WRONG_KEY);
	});

	it('reached nothing outside this computer', () => {
		expect(n8n.outboundConnections()).toEqual([]);
	});
});
