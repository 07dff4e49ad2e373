// @ts-check
'use strict';

/**
 * Every example workflow in examples/ in a real n8n, against the local DeepIDV sandbox: each file is
 * imported as it is (n8n knows every node, and finds the DeepIDV credentials by the names the file
 * gives), then each one runs the way a user starts it — Manual Trigger ("Run now" next to a
 * schedule) with `n8n execute`, a Form Trigger by posting the form, a DeepIDV Trigger by a signed
 * delivery from the sandbox — and its output is checked. Nodes that need a third-party service
 * (Slack, Google Sheets, SMTP, IMAP, a CRM) run as stand-ins (example-stand-ins.js): the message,
 * row or request they would send is checked instead. A new example is run by default.
 */

const { randomUUID } = require('node:crypto');
const { sandboxImage, startSandbox, totalBilled } = require('../../sandbox');
const { API_CREDENTIAL_REF, WEBHOOK_CREDENTIAL_REF, importable, readExamples, workflowIdOf } = require('../../scripts/lib/example-files');
const { DEEPIDV_NODE, DEEPIDV_TRIGGER_NODE, triggerWebhookPath } = require('../../scripts/lib/workflows');
const { CREDENTIAL_TYPE, PASSPORT, instanceWithPackage, nodeOutput, waitFor } = require('./fixtures');
const { withStandIns } = require('./example-stand-ins');
const { DEFAULT_N8N_VERSION } = require('../../scripts/lib/toolchain');
const { e2eN8nVersion } = require('./n8n-version');

/** @type {import('../../sandbox').Sandbox} */
let sandbox;
/** @type {import('../../scripts/lib/n8n-instance').N8nInstance} */
let n8n;
/** @type {Awaited<ReturnType<import('../../scripts/lib/n8n-instance').N8nInstance['setupOwner']>>} */
let rest;

const SIGNING_SECRET = 'whsec_e2e_examples_7b1d4c2a9e8f40c6b3a5d1e2f9c8b7a6';
/** Credentials with other ids than the files name: n8n must find them by name. */
const API_CREDENTIAL_ID = 'e2eExamplesApi';
const WEBHOOK_CREDENTIAL_ID = 'e2eExamplesHook';
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const DAY = 24 * 3600e3;

const examples = readExamples();

/**
 * The examples that are not run, with the reason. In n8n 2.x none: every example runs, its
 * third-party nodes as stand-ins. An example added to examples/ runs by default; list it here only
 * if it truly cannot.
 * @type {Record<string, string>}
 */
const NOT_RUN =
	e2eN8nVersion() === DEFAULT_N8N_VERSION
		? {}
		: {
				// n8n 1.x sends an item to the error output only when its JSON is `error` alone; DeepIDV's
				// error items also carry `details` (docs/errors.md says so and what to do instead).
				'sheet-pep-sanctions-screening.json': 'n8n 1.x routes no DeepIDV error item to the error output',
			};

/** What the reading nodes (a sheet, a mailbox) of an example output in the run, by file and node. */
const READERS = {
	'sheet-pep-sanctions-screening.json': {
		Customers: {
			rows: [
				{ first_name: 'Boris', last_name: 'Sanctioned', date_of_birth: '1971-08-23', session_id: 'test_submitted' },
				{ first_name: 'Ada', last_name: 'Clean', date_of_birth: '1985-12-10', session_id: 'test_verified' },
				{ first_name: 'Carl', last_name: 'Typo', date_of_birth: '12/04/1985', session_id: 'test_rejected' },
			],
		},
	},
	'email-runner-liveness-reminder.json': {
		'Verification Inbox': {
			emails: [
				{
					json: { from: 'jane.doe@example.com', subject: 'Jane Doe +15192223333' },
					attachments: [
						{ base64: sandboxImage({ format: 'jpeg', document: { documentType: 'passport', firstName: 'Jane', lastName: 'Doe' }, face: 'jane' }).toString('base64'), fileName: 'passport.jpg', mimeType: 'image/jpeg' },
						{ base64: sandboxImage({ format: 'jpeg', face: 'jane' }).toString('base64'), fileName: 'selfie.jpg', mimeType: 'image/jpeg' },
					],
				},
			],
		},
	},
	'postgres-transactions-aml.json': {
		// As PostgreSQL's driver gives them: NUMERIC as text, timestamps as dates (ISO text in JSON).
		'New Transactions': {
			rows: [
				{ id: 'txn-1', customer_id: 'cust-1', created_at: '2026-08-01T09:00:00.000Z', direction: 'outbound', amount: '12500.00', currency: 'USD', rail: 'wire', first_name: 'Jane', last_name: 'Chen' },
				{ id: 'txn-2', customer_id: 'cust-2', created_at: '2026-08-01T09:05:00.000Z', direction: 'inbound', amount: '80.10', currency: 'ZZZ', rail: 'card', first_name: 'Omar', last_name: 'Haddad' },
				{ id: 'txn-3', customer_id: 'cust-1', created_at: '2026-08-01T09:10:00.000Z', direction: 'inbound', amount: '4200.50', currency: 'CAD', rail: 'eft', first_name: 'Jane', last_name: 'Chen' },
			],
		},
	},
	'email-document-scan-sheet.json': {
		'Email With Attachment': {
			emails: [
				{
					json: { from: 'applicant@example.com', subject: 'My passport' },
					attachment: {
						base64: sandboxImage({ format: 'jpeg', document: { documentType: 'passport', firstName: 'Ada', lastName: 'Lovelace', fullName: 'Ada Lovelace', dateOfBirth: '1985-12-10', documentNumber: 'P12345678', expirationDate: '2031-05-31', issuingCountry: 'GB' } }).toString('base64'),
						fileName: 'passport.jpg',
						mimeType: 'image/jpeg',
					},
				},
				{
					json: { from: 'applicant@example.com', subject: 'My ID as a PDF' },
					attachment: { base64: Buffer.from('%PDF-1.4 not an image').toString('base64'), fileName: 'id.pdf', mimeType: 'application/pdf' },
				},
			],
		},
	},
};

/** @param {any} workflow */
const startsWith = (workflow, /** @type {string} */ type) => workflow.nodes.some((/** @type {any} */ node) => node.type === type);

/** The run of each example: the example as run (stand-ins in), its id in n8n and how it starts. */
const runs = examples
	.filter(({ file }) => !(file in NOT_RUN))
	.map((example) => {
		const { workflow, replaced } = withStandIns(example.workflow, READERS[/** @type {keyof READERS} */ (example.file)]);
		const id = replaced.length ? `${workflowIdOf(example.file).slice(0, 17)}-run` : workflowIdOf(example.file);
		const how = startsWith(workflow, 'n8n-nodes-base.manualTrigger')
			? 'execute'
			: startsWith(workflow, 'n8n-nodes-base.formTrigger')
				? 'form'
				: startsWith(workflow, DEEPIDV_TRIGGER_NODE)
					? 'delivery'
					: startsWith(workflow, 'n8n-nodes-base.webhook')
						? 'webhook'
						: 'unknown';
		return { file: example.file, id, how, replaced, workflow: { ...importable({ file: example.file, workflow }), id } };
	});
/**
 * The tests of one example, named by its file: registered only where the example is run (see
 * NOT_RUN; the first test of 'Every example' checks every file is run or listed there).
 * @param {string} title starts with the file name @param {() => void} body
 */
const describeExample = (title, body) => {
	if (!(title.split(' ')[0] in NOT_RUN)) describe(title, body);
};

const runOf = (/** @type {string} */ file) => {
	const found = runs.find((run) => run.file === file);
	if (!found) throw new Error(`${file} is not run`);
	return found;
};

/** Every execution's data, to look for the keys in. @type {unknown[]} */
const seen = [];

/** `n8n execute` of an example, with the DeepIDV requests it made. @param {string} file */
async function execute(file) {
	sandbox.clearRequests();
	const execution = await n8n.execute(runOf(file).id);
	seen.push(execution);
	return { execution, requests: [...sandbox.requests] };
}

/** The finished executions of an example's workflow, oldest first, once there are `count`. @param {string} file @param {number} count */
async function finished(file, count) {
	const { id } = runOf(file);
	try {
		const list = await waitFor(`${count} finished execution(s) of ${file}`, async () => {
			const done = (await rest.executions(id)).filter((entry) => entry.status !== 'new' && entry.status !== 'running');
			return done.length >= count ? done : undefined;
		}, { timeoutMs: 60_000 });
		const executions = await Promise.all([...list].reverse().map((entry) => rest.execution(entry.id)));
		seen.push(...executions);
		return executions;
	} catch (error) {
		throw new Error(`${/** @type {Error} */ (error).message}\nn8n log tail:\n${n8n.logTail()}`);
	}
}

/** The webhook id of the example's trigger node (form or DeepIDV). @param {string} file */
const webhookIdOf = (file) => runOf(file).workflow.nodes.find((/** @type {any} */ node) => node.webhookId).webhookId;

/**
 * Registers the example's DeepIDV Trigger in the sandbox (alone), makes `sessionIds` submit one
 * after another, and returns the example's executions, one per submission.
 * @param {string} file @param {string[]} sessionIds
 */
async function deliver(file, sessionIds) {
	sandbox.clearWebhooks();
	sandbox.clearRequests();
	const path = triggerWebhookPath(webhookIdOf(file));
	await n8n.waitForWebhook(path);
	sandbox.addWebhook({ url: `${n8n.baseUrl}${path}`, secret: SIGNING_SECRET, events: ['session.status.submitted'] });
	/** @type {any[]} */
	let executions = [];
	for (const [i, id] of sessionIds.entries()) {
		sandbox.submitSession(id);
		executions = await finished(file, i + 1);
	}
	sandbox.clearWebhooks();
	return { executions, requests: [...sandbox.requests], deliveries: sandbox.deliveries.filter((d) => d.url.endsWith(path)) };
}

/**
 * Registers the example's DeepIDV Trigger in the sandbox for parent_connect.consent_given, creates a
 * Parent Connect age verification through the API and makes its parent consent with `boundaries`.
 * @param {string} file @param {Record<string, unknown>} boundaries
 */
async function deliverConsent(file, boundaries) {
	sandbox.clearWebhooks();
	const path = triggerWebhookPath(webhookIdOf(file));
	await n8n.waitForWebhook(path);
	sandbox.addWebhook({ url: `${n8n.baseUrl}${path}`, secret: SIGNING_SECRET, events: ['parent_connect.consent_given'] });
	const response = await fetch(`${sandbox.url}/v1/age-verification`, {
		method: 'POST',
		headers: { 'x-api-key': sandbox.keys.live, 'content-type': 'application/json' },
		body: JSON.stringify({
			email: 'sam.lee@example.com',
			firstName: 'Sam',
			lastName: 'Lee',
			phone: '+447700900123',
			method: 'parent-connect',
			platformRestrictions: [{ key: 'chat_enabled', label: 'Allow chat', type: 'toggle', default: false }],
		}),
	});
	const { id } = /** @type {{ id: string }} */ (await response.json());
	sandbox.clearRequests();
	const request = /** @type {import('../../sandbox').ParentConnectRecord} */ (sandbox.consentParentConnect(id, boundaries));
	const executions = await finished(file, 1);
	sandbox.clearWebhooks();
	return { request, executions, requests: [...sandbox.requests] };
}

/**
 * Posts an example's published form as the browser's form page does (multipart, field-<index>).
 * @param {string} file @param {(string | { bytes: Buffer, fileName: string, type: string })[]} values
 */
async function submitForm(file, values) {
	const path = runOf(file).workflow.nodes.find((/** @type {any} */ node) => node.type === 'n8n-nodes-base.formTrigger').parameters.path;
	// The form page answers once the published workflow's form is live.
	await waitFor(`the form of ${file}`, async () => {
		const page = await fetch(`${n8n.baseUrl}/form/${path}`, { headers: { 'user-agent': BROWSER } });
		return page.status === 200 ? true : undefined;
	}, { timeoutMs: 30_000, intervalMs: 250 }).catch((error) => {
		throw new Error(`${error.message}\nn8n log:\n${n8n.logTail()}`);
	});
	const form = new FormData();
	values.forEach((value, i) =>
		typeof value === 'string'
			? form.append(`field-${i}`, value)
			: form.append(`field-${i}`, new Blob([new Uint8Array(value.bytes)], { type: value.type }), value.fileName),
	);
	const response = await fetch(`${n8n.baseUrl}/form/${path}`, { method: 'POST', body: form, headers: { 'user-agent': BROWSER, accept: 'application/json' } });
	return response.status;
}

/**
 * Posts multipart form data to an example's published Webhook node, as a backend would, and returns
 * the answer the workflow gave (Respond to Webhook).
 * @param {string} file @param {Record<string, string | { bytes: Buffer, fileName: string, type: string }>} fields
 */
async function postWebhook(file, fields) {
	const webhookPath = runOf(file).workflow.nodes.find((/** @type {any} */ node) => node.type === 'n8n-nodes-base.webhook').parameters.path;
	const form = new FormData();
	for (const [name, value] of Object.entries(fields)) {
		if (typeof value === 'string') form.append(name, value);
		else form.append(name, new Blob([new Uint8Array(value.bytes)], { type: value.type }), value.fileName);
	}
	const url = `${n8n.baseUrl}/webhook/${webhookPath}`;
	// The production webhook answers once the published workflow is live.
	const response = await waitFor(`the webhook of ${file}`, async () => {
		const answer = await fetch(url, { method: 'POST', body: form });
		return answer.status === 404 ? undefined : answer;
	}, { timeoutMs: 30_000, intervalMs: 250 });
	return { status: response.status, body: await response.json() };
}

/** A session of the key's user as the sandbox's live API creates it (invites off). @param {string} first @param {string} last */
async function createSession(first, last) {
	const response = await fetch(`${sandbox.url}/v1/sessions`, {
		method: 'POST',
		headers: { 'x-api-key': sandbox.keys.live, 'content-type': 'application/json' },
		body: JSON.stringify({ first_name: first, last_name: last, email: `${first}.${last}@example.com`.toLowerCase(), phone: '+14165550123', send_email_invite: false, send_phone_invite: false }),
	});
	return /** @type {{ id: string }} */ (await response.json()).id;
}

const record = (/** @type {string} */ id) => sandbox.getSession(id)?.session_record;
const jsonOf = (/** @type {any} */ execution, /** @type {string} */ node) => nodeOutput(execution, node).map((/** @type {any} */ item) => item.json);
const ran = (/** @type {any} */ execution, /** @type {string} */ node) => node in execution.data.resultData.runData;
const path = (/** @type {import('../../sandbox').RecordedRequest} */ request) => `${request.method} ${request.path}`;

/** The DeepIDV workflows the Workflow Runner examples run (users choose their own), by file. */
const RUNNER_WORKFLOWS = {
	'form-runner-verify-crm.json': ['ID_VERIFICATION'],
	'email-runner-liveness-reminder.json': ['ID_VERIFICATION', 'FACE_LIVENESS'],
};

beforeAll(async () => {
	sandbox = await startSandbox({ webhookRetry: { attempts: 1 } });
	// The Workflow Runner examples name a placeholder workflow: their runs get one of the sandbox's.
	for (const [file, steps] of Object.entries(RUNNER_WORKFLOWS)) {
		const { id } = sandbox.addRunnerWorkflow({ name: file, steps });
		for (const node of runOf(file).workflow.nodes.filter((/** @type {any} */ candidate) => candidate.type === DEEPIDV_NODE)) node.parameters.workflowId.value = id;
	}
	n8n = await instanceWithPackage();
	await n8n.importCredentials([
		{ id: API_CREDENTIAL_ID, name: API_CREDENTIAL_REF.name, type: CREDENTIAL_TYPE, data: { apiKey: sandbox.keys.live, baseUrl: sandbox.url } },
		{ id: WEBHOOK_CREDENTIAL_ID, name: WEBHOOK_CREDENTIAL_REF.name, type: 'deepIdvWebhookApi', data: { signingSecret: SIGNING_SECRET } },
	]);
	// Every file as it is, then the runs that have stand-ins under their own ids.
	await n8n.importWorkflows(examples.map(importable));
	await n8n.importWorkflows(runs.filter((run) => run.replaced.length).map((run) => run.workflow));
	for (const run of runs.filter(({ how }) => how === 'form' || how === 'delivery' || how === 'webhook')) await n8n.publish(run.id);
	await n8n.start();
	rest = await n8n.setupOwner();
});

afterAll(async () => {
	await n8n?.dispose();
	await sandbox?.close();
});

describe('Every example', () => {
	it('is run here, or listed in NOT_RUN with the reason', () => {
		const unplanned = runs.filter((run) => run.how === 'unknown').map((run) => run.file);
		expect(unplanned).toEqual([]);
		expect(examples.map(({ file }) => file).filter((file) => !(file in NOT_RUN) && !runs.some((run) => run.file === file))).toEqual([]);
	});

	it('is imported: n8n stores every node, knows its type and version, and finds the DeepIDV credentials by name', async () => {
		const { body: types } = await rest.request('GET', '/types/nodes.json');
		/** @type {Set<string>} */
		const known = new Set(
			types.flatMap((/** @type {{ name: string, version: number | number[] }} */ type) =>
				[type.version].flat().map((version) => `${type.name}@${version}`),
			),
		);
		for (const { file, workflow } of examples) {
			const { status, body } = await rest.request('GET', `/rest/workflows/${workflowIdOf(file)}`);
			expect({ file, status }).toEqual({ file, status: 200 });
			const stored = body.data;
			expect(stored.name).toBe(workflow.name);
			expect(stored.nodes.map((/** @type {any} */ node) => node.name)).toEqual(workflow.nodes.map((/** @type {any} */ node) => node.name));
			const unknown = workflow.nodes.map((/** @type {any} */ node) => `${node.type}@${node.typeVersion}`).filter((/** @type {string} */ type) => !known.has(type));
			expect({ file, unknown }).toEqual({ file, unknown: [] });
			for (const node of stored.nodes) {
				if (node.type === DEEPIDV_NODE) expect(node.credentials).toEqual({ deepIdvApi: { id: API_CREDENTIAL_ID, name: API_CREDENTIAL_REF.name } });
				if (node.type === DEEPIDV_TRIGGER_NODE) {
					expect(node.credentials).toEqual({ deepIdvWebhookApi: { id: WEBHOOK_CREDENTIAL_ID, name: WEBHOOK_CREDENTIAL_REF.name } });
				}
			}
		}
	});
});

// ---- Manual Trigger examples, with `n8n execute` ------------------------------------------------

describeExample('get-many-sessions.json', () => {
	/** @type {Awaited<ReturnType<typeof execute>>} */
	let result;
	beforeAll(async () => {
		result = await execute('get-many-sessions.json');
	});

	it('outputs the 10 newest sessions sent with the API key, as DeepIDV lists them', () => {
		const sender = record('test_pending')?.sender_user_id;
		const newest = sandbox
			.listSessions()
			.map((stored) => stored.session_record)
			.filter((session) => session.sender_user_id === sender && session.organization_id === record('test_pending')?.organization_id)
			.slice(0, 10);
		expect(jsonOf(result.execution, 'Get Many Sessions').map((session) => session.id)).toEqual(newest.map((session) => session.id));
		expect(result.requests.map(path)).toEqual(['GET /v1/sessions']);
	});
});

describeExample('get-session.json', () => {
	it('outputs test_verified, simplified', async () => {
		const { execution } = await execute('get-session.json');
		expect(jsonOf(execution, 'Get Session')).toEqual([
			expect.objectContaining({ id: 'test_verified', status: 'VERIFIED', first_name: 'Ada', last_name: 'Lovelace', email: 'ada.lovelace@example.com' }),
		]);
	});
});

describeExample('update-session-status.json', () => {
	it('marks test_pending verified and outputs the record DeepIDV returned', async () => {
		const { execution, requests } = await execute('update-session-status.json');
		expect(requests.map(({ method, path: at, json }) => ({ method, at, json }))).toEqual([
			{ method: 'PATCH', at: '/v1/sessions/test_pending/update-status', json: { new_status: 'VERIFIED' } },
		]);
		expect(record('test_pending')?.status).toBe('VERIFIED');
		expect(jsonOf(execution, 'Update Status')).toEqual([expect.objectContaining({ id: 'test_pending', status: 'VERIFIED' })]);
	});
});

describeExample('create-session.json', () => {
	it('invites Ada Lovelace (email and SMS) and outputs the new session', async () => {
		const { execution, requests } = await execute('create-session.json');
		const [created] = sandbox.listSessions().filter((stored) => stored.session_record.external_id === 'crm-2001');
		expect(created.invites).toEqual({ send_email_invite: true, send_phone_invite: true });
		expect(requests.map(({ method, path: at, json }) => ({ method, at, json }))).toEqual([
			{ method: 'POST', at: '/v1/sessions', json: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', phone: '+15192223333', sendEmailInvite: true, sendPhoneInvite: true, externalId: 'crm-2001' } },
		]);
		const { id } = created.session_record;
		expect(jsonOf(execution, 'Create Session')).toEqual([
			{ id, created: true, session_url: expect.stringContaining(id), external_id: 'crm-2001', expires_at: null, links: expect.any(Array) },
		]);
	});
});

describeExample('credit-check-soft-test-mode.json', () => {
	it('invites Ada Lovelace to a soft credit check in Test Mode, by email only, and bills nothing', async () => {
		const billed = totalBilled(sandbox.stats);
		const { execution, requests } = await execute('credit-check-soft-test-mode.json');
		expect(requests.map(({ method, path: at, json }) => ({ method, at, json }))).toEqual([
			{
				method: 'POST',
				at: '/v1/credit-check/soft',
				json: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada.lovelace@example.com', phone: '+15192223333', sendEmailInvite: true, sendPhoneInvite: false, externalId: 'loan-1001', uat: true },
			},
		]);
		expect(jsonOf(execution, 'Create Soft Credit Check')).toEqual([
			{ id: expect.any(String), session_url: expect.any(String), type: 'credit-check-soft', externalId: 'loan-1001', links: expect.any(Array) },
		]);
		expect(totalBilled(sandbox.stats)).toBe(billed);
	});
});

describeExample('age-verification-parent-connect.json', () => {
	it("asks Sam Lee's parent to consent, declaring chat and daily play time", async () => {
		const { execution, requests } = await execute('age-verification-parent-connect.json');
		expect(requests.map(({ method, path: at, json }) => ({ method, at, json }))).toEqual([
			{
				method: 'POST',
				at: '/v1/age-verification',
				json: {
					method: 'parent-connect',
					firstName: 'Sam',
					lastName: 'Lee',
					email: 'sam.lee@example.com',
					phone: '+447700900123',
					sendEmailInvite: true,
					sendPhoneInvite: true,
					externalId: 'player-2001',
					expiresInHours: 168,
					ageBand: '13-15',
					eulaUrl: 'https://example.com/terms',
					platformRestrictions: [
						{ key: 'chat_enabled', label: 'Allow chat', type: 'toggle', category: 'feature', default: false },
						{ key: 'daily_minutes', label: 'Daily play time', type: 'minutes', category: 'content', min: 0, max: 240, default: 60 },
					],
				},
			},
		]);
		const [created] = jsonOf(execution, 'Ask Parent Consent');
		expect(created).toEqual({ id: expect.any(String), session_url: expect.any(String), method: 'parent-connect', external_id: 'player-2001', expires_at: expect.any(String), links: expect.any(Array) });
		expect(sandbox.listParentConnects().find((request) => request.child_session_id === created.id)).toMatchObject({ status: 'PENDING', age_band: '13-15' });
	});
});

describeExample('schedule-verify-pending-sessions.json (Run now)', () => {
	/** @type {Record<string, import('../../sandbox').SessionRecord>} */
	const added = {};
	/** @type {Awaited<ReturnType<typeof execute>>} */
	let result;
	beforeAll(async () => {
		const analysis = (/** @type {number} */ face, /** @type {number} */ liveness) => ({
			analysis_data: { compare_faces_data: { face_match_confidence: face }, faceliveness_score: liveness },
		});
		const ago = (/** @type {number} */ days) => new Date(Date.now() - days * DAY).toISOString();
		added.strong = sandbox.addSession({ status: 'SUBMITTED', session_progress: 'COMPLETED', created_at: ago(1), ...analysis(97.5, 94) });
		added.weakFace = sandbox.addSession({ status: 'SUBMITTED', session_progress: 'COMPLETED', created_at: ago(2), ...analysis(80, 99) });
		added.weakLiveness = sandbox.addSession({ status: 'SUBMITTED', session_progress: 'COMPLETED', created_at: ago(2), ...analysis(99, 60) });
		added.tooOld = sandbox.addSession({ status: 'SUBMITTED', session_progress: 'COMPLETED', created_at: ago(9), ...analysis(99, 99) });
		added.decided = sandbox.addSession({ status: 'REJECTED', session_progress: 'COMPLETED', created_at: ago(1), ...analysis(99, 99) });
		result = await execute('schedule-verify-pending-sessions.json');
	});

	it('verifies only the submitted session of the last week with a strong face match and liveness', () => {
		expect(result.requests.filter((request) => request.method === 'PATCH').map((request) => [request.path, request.json])).toEqual([
			[`/v1/sessions/${added.strong.id}/update-status`, { new_status: 'VERIFIED' }],
		]);
		expect(jsonOf(result.execution, 'Mark Verified')).toEqual([expect.objectContaining({ id: added.strong.id, status: 'VERIFIED' })]);
		expect(record(added.weakFace.id)?.status).toBe('SUBMITTED');
	});

	it('lists the last week of the whole organisation, created after exactly 7 days before the run', () => {
		const [list] = result.requests;
		expect(list.method).toBe('GET');
		expect(list.query).toMatchObject({ by_organization: 'true' });
		const after = Date.parse(list.query.start_date);
		expect(Math.abs(after - (list.receivedAt - 7 * DAY))).toBeLessThan(60_000);
	});
});

describeExample('yearly-re-verification.json (Run now)', () => {
	/** @type {Awaited<ReturnType<typeof execute>>[]} */
	const results = [];
	/** @type {import('../../sandbox').SessionRecord} */
	let yearAgo;
	/** @type {string} */
	let email;
	beforeAll(async () => {
		// A customer verified 18 months ago and one verified 6 months ago, with the applicant and
		// captures of a seeded verified session.
		const [seeded] = sandbox.listSessions().filter((stored) => stored.session_record.status === 'VERIFIED' && stored.session_record.uploads?.selfie_front && !stored.session_record.workflow_id);
		const copy = (/** @type {number} */ days) => ({ ...seeded.session_record, id: randomUUID(), created_at: new Date(Date.now() - days * DAY).toISOString() });
		yearAgo = sandbox.addSession(copy(548));
		sandbox.addSession(copy(182));
		const answer = await fetch(`${sandbox.url}/v1/sessions/${seeded.session_record.id}`, { headers: { 'x-api-key': sandbox.keys.live } });
		email = (await answer.json()).user.email;
		results.push(await execute('yearly-re-verification.json'));
		results.push(await execute('yearly-re-verification.json'));
	});

	it('re-verifies every session created one to two years ago that is verified, and no other', () => {
		const [{ execution, requests }] = results;
		const [list] = requests;
		expect(list.query).toMatchObject({ by_organization: 'true' });
		const after = Date.parse(list.query.start_date);
		const before = Date.parse(list.query.end_date);
		expect(Math.abs(after - (list.receivedAt - 730 * DAY))).toBeLessThan(2 * DAY); // two calendar years
		expect(Math.abs(before - (list.receivedAt - 365 * DAY))).toBeLessThan(2 * DAY);
		const expected = sandbox
			.listSessions()
			.map((stored) => stored.session_record)
			.filter((session) => session.organization_id === yearAgo.organization_id && session.status === 'VERIFIED' && Date.parse(session.created_at) >= after && Date.parse(session.created_at) <= before)
			.map((session) => session.id);
		expect(expected).toContain(yearAgo.id);
		const reVerified = requests.filter((request) => request.path === '/v1/re-verifications').map((request) => /** @type {any} */ (request.json).session_id);
		expect(reVerified.sort()).toEqual([...expected].sort());
		expect(jsonOf(execution, 'Customer').map((customer) => customer.id).sort()).toEqual([...expected].sort());
	});

	it('emails each customer with a new re-verification the link to it, and skips those DeepIDV refused', () => {
		const [{ execution }] = results;
		const started = jsonOf(execution, 'Re-Verify').filter((answer) => answer.created === true);
		const refused = jsonOf(execution, 'Re-Verify').filter((answer) => answer.error);
		const emails = jsonOf(execution, 'Email the Link');
		expect(emails.map((sent) => sent.text.match(/re-verify\?id=(\S+)/)?.[1])).toEqual(started.map((answer) => answer.re_verification_id));
		for (const [i, sent] of emails.entries()) {
			expect(sent.toEmail).toBe(jsonOf(execution, 'Customer').find((customer) => customer.id === started[i].original_session_id)?.email);
		}
		const mine = emails[started.findIndex((answer) => answer.original_session_id === yearAgo.id)];
		const reVerification = started.find((answer) => answer.original_session_id === yearAgo.id);
		expect(mine).toEqual({
			toEmail: email,
			subject: 'Please confirm it is still you',
			text: expect.stringMatching(
				new RegExp(
					`^Hello \\w+,\\n\\nonce a year we ask our customers to confirm their identity with a quick selfie\\. Please open this link before \\d{1,2} [A-Z][a-z]+ \\d{4}:\\n\\nhttps://example\\.com/re-verify\\?id=${reVerification.re_verification_id}\\n\\nThank you\\.$`,
				),
			),
		});
		for (const failed of refused) expect(failed.error).toMatch(/cannot be re-verified/);
	});

	it('emails nobody a second time when run again: DeepIDV hands back the open re-verifications', () => {
		const [, { execution }] = results;
		expect(jsonOf(execution, 'Re-Verify').filter((answer) => !answer.error).every((answer) => answer.reused === true && answer.created === false)).toBe(true);
		expect(ran(execution, 'Email the Link')).toBe(false);
	});
});

describeExample('sheet-pep-sanctions-screening.json (Run now, the sheet and Slack as stand-ins)', () => {
	/** @type {Awaited<ReturnType<typeof execute>>} */
	let result;
	/** @type {number} */
	let billedBefore;
	beforeAll(async () => {
		billedBefore = totalBilled(sandbox.stats);
		result = await execute('sheet-pep-sanctions-screening.json');
	});

	it('posts the match to Slack and rejects that customer\'s session', () => {
		expect(jsonOf(result.execution, 'Tell Compliance')).toEqual([
			{
				text: 'PEP/sanctions match: Boris Sanctioned (1971-08-23): 2 sanctions, 0 PEP. Strongest: Boris Sanctioned, RU, confidence 0.97 (OFAC SDN List, EU Consolidated Financial Sanctions). Session test_submitted set to Rejected.',
			},
		]);
		expect(jsonOf(result.execution, 'Reject Session')).toEqual([expect.objectContaining({ id: 'test_submitted', status: 'REJECTED' })]);
		expect(record('test_submitted')?.status).toBe('REJECTED');
		expect(result.requests.filter((request) => request.method === 'PATCH').map((request) => request.path)).toEqual(['/v1/sessions/test_submitted/update-status']);
	});

	it('posts the row it could not screen to Slack, without sending it to DeepIDV', () => {
		expect(jsonOf(result.execution, 'Screening Failed')).toEqual([
			{ text: expect.stringMatching(/^Could not screen Carl Typo: The Date of Birth "12\/04\/1985" is not a date/) },
		]);
		expect(result.requests.filter((request) => request.path === '/v1/screening/pep-sanctions').map((request) => /** @type {any} */ (request.json).lastName)).toEqual([
			'Sanctioned',
			'Clean',
		]);
		expect(totalBilled(sandbox.stats) - billedBefore).toBe(2);
	});
});

describeExample('postgres-transactions-aml.json (Run now, PostgreSQL and Slack as stand-ins)', () => {
	it('saves the three rows in one request, numbers as numbers, and posts the one DeepIDV rejected to Slack', async () => {
		const { execution, requests } = await execute('postgres-transactions-aml.json');
		expect(requests.map(path)).toEqual(['POST /v1/aml/transactions']);
		const sent = /** @type {any} */ (requests[0].json).transactions;
		expect(sent.map((/** @type {any} */ record) => [record.client_txn_id, record.amount, record.timestamp])).toEqual([
			['txn-1', { value: 12500, currency: 'USD' }, '2026-08-01T09:00:00.000Z'],
			['txn-2', { value: 80.1, currency: 'ZZZ' }, '2026-08-01T09:05:00.000Z'],
			['txn-3', { value: 4200.5, currency: 'CAD' }, '2026-08-01T09:10:00.000Z'],
		]);
		expect(jsonOf(execution, 'Save Transactions').map((/** @type {any} */ json) => json.status)).toEqual(['accepted', 'rejected', 'warned']);
		expect(jsonOf(execution, 'Tell Compliance')).toEqual([
			{ text: 'DeepIDV rejected transaction txn-2 of customer cust-2, so it is not monitored: amount.currency: Unrecognized ISO 4217 currency code "ZZZ"' },
		]);
		expect(sandbox.getAmlTransaction('txn-1')?.record.direction).toBe('outbound');
	});
});

describeExample('email-document-scan-sheet.json (the mailbox and the sheet as stand-ins)', () => {
	it('logs one row per email: the scanned passport, and an error row for the PDF', async () => {
		const { execution, requests } = await execute('email-document-scan-sheet.json');
		expect(jsonOf(execution, 'Log to Sheet')).toEqual([
			{ ...PASSPORT, confidence: expect.any(Number) },
			{ error: expect.stringMatching(/^The file in "attachment_0" \(id\.pdf\) is of type application\/pdf, not a JPEG, PNG or WebP image/), details: expect.any(String) },
		]);
		expect(nodeOutput(execution, 'Log to Sheet')[0].binary).toBeUndefined(); // Keep Input Files off
		expect(requests.map(path)).toEqual(['POST /v1/document/scan']);
	});
});

// ---- Form Trigger examples: the published form, posted -------------------------------------------

describeExample('credit-terms-request.json', () => {
	it('invites Acme Co. to apply for 25,000 on 30 days, once, and reads the request back', async () => {
		const first = await execute('credit-terms-request.json');
		expect(first.requests.map(({ method, path: at, json }) => ({ method, at, json }))).toEqual([
			{ method: 'GET', at: '/v1/credit-terms/externalId/acct-1001', json: undefined },
			{
				method: 'POST',
				at: '/v1/credit-terms',
				json: { firstName: 'Ada', lastName: 'Lovelace', businessName: 'Acme Co.', businessEmail: 'ap@acme.example', businessAddress: '1 Main St, Toronto, ON', requestedCreditAmount: 25000, requestedCreditPeriod: '30', externalId: 'acct-1001' },
			},
			{ method: 'GET', at: expect.stringMatching(/^\/v1\/credit-terms\/[0-9a-f-]{36}$/), json: undefined },
		]);
		const [created] = jsonOf(first.execution, 'Create Credit Terms Request');
		expect(created).toMatchObject({ externalId: 'acct-1001', created: true, creditTermsUrl: expect.any(String) });
		expect(jsonOf(first.execution, 'Get Credit Terms Request')).toEqual([sandbox.getCreditTerms(created.creditTermsId)]);
		// Run again: the existing request is returned, nobody is invited twice.
		const second = await execute('credit-terms-request.json');
		expect(second.requests.map(path)).toEqual(['GET /v1/credit-terms/externalId/acct-1001', `GET /v1/credit-terms/${created.creditTermsId}`]);
		expect(jsonOf(second.execution, 'Create Credit Terms Request')).toEqual([expect.objectContaining({ creditTermsId: created.creditTermsId, created: false })]);
	});
});

describeExample('profile-create.json', () => {
	it('creates the Acme Branding profile and lists it', async () => {
		const { execution, requests } = await execute('profile-create.json');
		expect(requests.map(({ method, path: at, json }) => ({ method, at, json }))).toEqual([
			{ method: 'POST', at: '/v1/profiles', json: { name: 'Acme Branding' } },
			{ method: 'GET', at: '/v1/profiles', json: undefined },
		]);
		const [profile] = jsonOf(execution, 'Create Profile');
		expect(profile).toEqual(sandbox.getProfile(profile.id));
		expect(jsonOf(execution, 'Get Many Profiles')).toEqual([profile]);
	});
});

describeExample('loan-form-bank-statement.json (the form, posted)', () => {
	it('asks the applicant for 6 months of bank statements under the loan number, then waits a day', async () => {
		sandbox.clearRequests();
		expect(await submitForm('loan-form-bank-statement.json', ['Ada', 'Lovelace', 'ada@example.com', '+1 519 222 3333', 'loan-4001'])).toBe(200);
		const [execution] = await finished('loan-form-bank-statement.json', 1);
		expect(sandbox.requests.map(({ method, path: at, json }) => ({ method, at, json }))).toEqual([
			{ method: 'GET', at: '/v1/financial/externalId/loan-4001', json: undefined },
			{ method: 'POST', at: '/v1/financial', json: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', phone: '+15192223333', period: '6', externalId: 'loan-4001' } },
		]);
		const [created] = jsonOf(execution, 'Request Bank Statements');
		expect(created).toMatchObject({ externalId: 'loan-4001', created: true });
		expect(sandbox.getBankStatement(created.bankStatementId)).toMatchObject({ status: 'pending', Config: { period: '6' } });
		// The Wait node holds the execution for a day before Get and the If run.
		expect(execution.status).toBe('waiting');
		expect(ran(execution, 'Get Bank Statement')).toBe(false);
	});
});

describeExample('form-create-session.json (the form, posted)', () => {
	it('invites the applicant of the form and outputs the new session', async () => {
		sandbox.clearRequests();
		expect(await submitForm('form-create-session.json', ['Grace', 'Hopper', 'grace@example.com', '+1 (416) 555-0199', 'crm-3001'])).toBe(200);
		const [execution] = await finished('form-create-session.json', 1);
		const [created] = sandbox.listSessions().filter((stored) => stored.session_record.external_id === 'crm-3001');
		const { id, expires_at: expiresAt } = created.session_record;
		expect(sandbox.requests.map(({ method, path: at, json }) => ({ method, at, json }))).toEqual([
			{
				method: 'POST',
				at: '/v1/sessions',
				json: {
					firstName: 'Grace',
					lastName: 'Hopper',
					email: 'grace@example.com',
					phone: '+14165550199',
					sendEmailInvite: true,
					sendPhoneInvite: true,
					externalId: 'crm-3001',
					redirectUrl: 'https://example.com/verification-complete',
					expiresInHours: 72,
				},
			},
		]);
		expect(created.invites).toEqual({ send_email_invite: true, send_phone_invite: true });
		expect(jsonOf(execution, 'Create Session')).toEqual([
			{ id, created: true, session_url: expect.stringContaining(id), external_id: 'crm-3001', expires_at: expiresAt, links: expect.any(Array) },
		]);
		expect(Date.parse(/** @type {string} */ (expiresAt)) - Date.parse(created.session_record.created_at)).toBe(72 * 3600e3);
	});
});

describeExample('form-identity-verify-crm.json (the form, posted; the CRM as a stand-in)', () => {
	const PASSPORT = { documentType: 'passport', firstName: 'Ada', lastName: 'Lovelace', fullName: 'Ada Lovelace', dateOfBirth: '1985-12-10', documentNumber: 'P12345678', expirationDate: '2031-05-31', issuingCountry: 'GB' };
	const idPhoto = { bytes: sandboxImage({ format: 'jpeg', document: PASSPORT, face: 'ada' }), fileName: 'passport.jpg', type: 'image/jpeg' };
	/** @type {any[]} */
	let executions;
	beforeAll(async () => {
		sandbox.clearRequests();
		const selfie = (/** @type {string} */ face) => ({ bytes: sandboxImage({ format: 'jpeg', face }), fileName: 'selfie.jpg', type: 'image/jpeg' });
		expect(await submitForm('form-identity-verify-crm.json', ['Ada Lovelace', 'ada@example.com', idPhoto, selfie('ada')])).toBe(200);
		await finished('form-identity-verify-crm.json', 1);
		expect(await submitForm('form-identity-verify-crm.json', ['Ada Lovelace', 'ada@example.com', idPhoto, selfie('someone-else')])).toBe(200);
		executions = await finished('form-identity-verify-crm.json', 2);
	});

	it('adds the verified applicant to the CRM with what DeepIDV read from the ID', () => {
		const [crm] = jsonOf(executions[0], 'Add to CRM');
		expect({ ...crm, body: JSON.parse(crm.body) }).toEqual({
			method: 'POST',
			url: 'https://crm.example.com/api/contacts',
			body: {
				name: 'Ada Lovelace',
				email: 'ada@example.com',
				dateOfBirth: '1985-12-10',
				idNumber: 'P12345678',
				idExpires: '2031-05-31',
				idCountry: 'GB',
				verification: 'DeepIDV',
				confidence: expect.any(Number),
			},
		});
		expect(ran(executions[0], 'Manual Review')).toBe(false);
	});

	it('sends an applicant whose selfie does not match the ID to manual review, with both files', () => {
		const [review] = nodeOutput(executions[1], 'Manual Review');
		expect(review.json).toMatchObject({ verified: false, faceMatch: { isMatch: false }, document: { fullName: 'Ada Lovelace' } });
		expect(Object.keys(review.binary).sort()).toEqual(['ID_photo', 'Selfie']);
		expect(ran(executions[1], 'Add to CRM')).toBe(false);
		expect(sandbox.requests.filter((request) => request.path === '/v1/identity/verify')).toHaveLength(2);
	});
});

describeExample('igaming-self-exclusion-form.json (the form, posted)', () => {
	it('excludes the applicant of a session with an enrolled face and a scanned document, and confirms', async () => {
		const id = await createSession('Mei', 'Chen');
		sandbox.submitSession(id);
		await fetch(`${sandbox.url}/v1/igaming/anti-cheat`, {
			method: 'POST',
			headers: { 'x-api-key': sandbox.keys.live, 'content-type': 'application/json' },
			body: JSON.stringify({ session_id: id, image: sandboxImage({ face: 'mei' }).toString('base64') }),
		});
		sandbox.clearRequests();
		expect(await submitForm('igaming-self-exclusion-form.json', [id, 'Asked on the phone'])).toBe(200);
		const [execution] = await finished('igaming-self-exclusion-form.json', 1);
		expect(sandbox.requests.map(({ method, path: at, json }) => ({ method, at, json }))).toEqual([
			{ method: 'POST', at: '/v1/igaming/self-exclusion/applicant', json: { session_id: id, reason: 'Asked on the phone' } },
		]);
		expect(jsonOf(execution, 'Confirm Exclusion')).toEqual([
			{ face_attached: true, document_number: expect.stringMatching(/^D\d{7}$/), identity_status: 'added', matched_session_id: null },
		]);
		expect(ran(execution, 'Nothing to Exclude')).toBe(false);
	});

	it('sends a session with nothing to exclude to follow-up', async () => {
		const id = await createSession('Omar', 'Haddad');
		expect(await submitForm('igaming-self-exclusion-form.json', [id, ''])).toBe(200);
		const executions = await finished('igaming-self-exclusion-form.json', 2);
		expect(jsonOf(executions[1], 'Nothing to Exclude')).toEqual([
			{ face_attached: false, document_number: null, message: 'nothing to exclude for this session', matched_session_id: null },
		]);
		expect(ran(executions[1], 'Confirm Exclusion')).toBe(false);
	});
});

describeExample('igaming-signup-gate.json (the webhook, posted as a sign-up backend would)', () => {
	const selfie = (/** @type {string} */ face) => ({ bytes: sandboxImage({ format: 'jpeg', face }), fileName: 'selfie.jpg', type: 'image/jpeg' });
	const signUp = async (/** @type {string} */ first, /** @type {string} */ ip, /** @type {string} */ face) => {
		const id = await createSession(first, 'Gate');
		sandbox.clearRequests();
		const answer = await postWebhook('igaming-signup-gate.json', { session_id: id, ip, device_id: `device-${first}`, selfie: selfie(face) });
		return { id, ...answer };
	};

	it('answers 200 allow when every check allows, after sending the three checks once each', async () => {
		const { id, status, body } = await signUp('Ravi', '203.0.113.42', 'ravi');
		expect([status, body]).toEqual([200, { decision: 'allow', session_id: id, worst_action: 'allow', checks: { anti_cheat: 'allow', vpn_detection: 'allow', ip_jurisdiction: 'allow' } }]);
		expect(sandbox.requests.map(path)).toEqual(['POST /v1/igaming/anti-cheat', 'POST /v1/igaming/vpn-detection', 'POST /v1/igaming/ip-jurisdiction']);
		expect(sandbox.requests[0].json).toEqual({ session_id: id, image: selfie('ravi').bytes.toString('base64'), device_fingerprint: 'device-Ravi' });
		expect(sandbox.requests[1].json).toEqual({ session_id: id, ip_address: '203.0.113.42' });
	});

	it('answers 403 blocked for a blocked jurisdiction, and DeepIDV has failed the session', async () => {
		const { id, status, body } = await signUp('Jean', '192.0.2.9', 'jean');
		expect([status, body]).toEqual([403, { decision: 'blocked', session_id: id, worst_action: 'block', checks: { anti_cheat: 'allow', vpn_detection: 'allow', ip_jurisdiction: 'block' } }]);
		expect(record(id)?.status).toBe('FAILED');
	});

	it('answers 202 review for a duplicate face, and for an IPv6 address the checks refused', async () => {
		const duplicate = await signUp('Ravi2', '203.0.113.50', 'ravi');
		expect([duplicate.status, duplicate.body]).toEqual([
			202,
			{ decision: 'review', session_id: duplicate.id, worst_action: 'manual-review', checks: { anti_cheat: 'manual-review', vpn_detection: 'allow', ip_jurisdiction: 'allow' } },
		]);
		const ipv6 = await signUp('Lin', '2001:db8::7', 'lin');
		expect(ipv6.status).toBe(202);
		expect(ipv6.body).toMatchObject({ decision: 'review', worst_action: 'error', checks: { anti_cheat: 'allow' } });
		expect(ipv6.body.checks.vpn_detection).toMatch(/^The IP Address "2001:db8::7" is an IPv6 address/);
		expect(record(ipv6.id)?.status).toBe('PENDING');
	});
});

describeExample('form-runner-verify-crm.json (the form, posted multipart; the CRM as a stand-in)', () => {
	const passport = { bytes: sandboxImage({ format: 'jpeg', document: { documentType: 'passport', firstName: 'Jane', lastName: 'Doe' }, face: 'jane' }), fileName: 'passport.jpg', type: 'image/jpeg' };
	const back = { bytes: sandboxImage({ format: 'jpeg', seed: 'back' }), fileName: 'back.jpg', type: 'image/jpeg' };
	const selfie = (/** @type {string} */ face) => ({ bytes: sandboxImage({ format: 'jpeg', face }), fileName: 'selfie.jpg', type: 'image/jpeg' });
	const answers = (/** @type {string} */ face) => ['Jane', 'Doe', 'jane.doe@example.com', '+1 519 222 3333', 'passport-us', passport, back, selfie(face)];
	/** @type {any[]} */
	let executions;
	/** @type {import('../../sandbox').RecordedRequest[]} */
	let requests;
	beforeAll(async () => {
		sandbox.clearRequests();
		expect(await submitForm('form-runner-verify-crm.json', answers('jane'))).toBe(200);
		await finished('form-runner-verify-crm.json', 1);
		requests = [...sandbox.requests];
		expect(await submitForm('form-runner-verify-crm.json', answers('someone-else'))).toBe(200);
		executions = await finished('form-runner-verify-crm.json', 2);
	});

	it('runs the workflow on the form files: a headless session, both photos uploaded to it without the key, ID Verification submitted once', () => {
		const [, created] = requests;
		const sessionId = jsonOf(executions[0], 'Run With Files')[0].session_id;
		const workflowId = created.path.split('/')[3];
		expect(requests.map(path)).toEqual([
			`GET /v1/workflows/${workflowId}`,
			`POST /v1/workflows/${workflowId}/sessions`,
			`POST /v1/sessions/${sessionId}/uploads`,
			`POST /v1/sessions/${sessionId}/steps/ID_VERIFICATION`,
			`GET /v1/sessions/${sessionId}`,
		]);
		expect(created.json).toEqual({ firstName: 'Jane', lastName: 'Doe', email: 'jane.doe@example.com', phone: '+15192223333' });
		expect(requests[2].json).toEqual({
			files: [
				{ file_name: 'passport.jpg', content_type: 'image/jpeg', upload_type: 'id_front' },
				{ file_name: 'selfie.jpg', content_type: 'image/jpeg', upload_type: 'selfie_front' },
			],
		});
		expect(sandbox.uploads.every((upload) => upload.headers['x-api-key'] === undefined)).toBe(true);
	});

	it('adds the verified applicant to the CRM', () => {
		const [crm] = jsonOf(executions[0], 'Update CRM');
		expect({ ...crm, body: JSON.parse(crm.body) }).toEqual({
			method: 'POST',
			url: 'https://crm.example.com/api/contacts',
			body: {
				firstName: 'Jane',
				lastName: 'Doe',
				email: 'jane.doe@example.com',
				verification: 'DeepIDV',
				deepidvSessionId: jsonOf(executions[0], 'Run With Files')[0].session_id,
				status: 'VERIFIED',
				faceMatchConfidence: expect.any(Number),
			},
		});
		expect(ran(executions[0], 'Manual Review')).toBe(false);
	});

	it('sends an applicant whose selfie does not match to manual review, with the failed step and its reason', () => {
		const [review] = jsonOf(executions[1], 'Manual Review');
		expect(review).toMatchObject({
			run_outcome: 'step_failed',
			stopped_at_step: 'ID_VERIFICATION',
			failure_reason: 'FACE_MISMATCH',
			failure_explained: 'The selfie does not match the face on the document closely enough.',
			attempts_remaining: 2,
			session: null,
		});
		expect(ran(executions[1], 'Update CRM')).toBe(false);
	});
});

describeExample('email-runner-liveness-reminder.json (the mailbox and SMTP as stand-ins)', () => {
	it('runs ID Verification from the two attachments, stops before face liveness and emails the applicant', async () => {
		const { execution, requests } = await execute('email-runner-liveness-reminder.json');
		const [run] = jsonOf(execution, 'Run With Files');
		expect(run).toMatchObject({
			run_outcome: 'waiting_for_applicant',
			stopped_at_step: 'FACE_LIVENESS',
			waiting_for: 'face_liveness',
			current_step: 1,
			steps_submitted: [{ step_id: 'ID_VERIFICATION', step_status: 'COMPLETED', failure_reason: null }],
		});
		expect(requests.filter((request) => request.path.includes('/steps/')).map(path)).toEqual([`POST /v1/sessions/${run.session_id}/steps/ID_VERIFICATION`]);
		expect(jsonOf(execution, 'Email the Applicant')).toEqual([
			{
				toEmail: 'jane.doe@example.com',
				subject: 'One more step: your liveness check',
				text: `Hello Jane,\n\nThank you for your documents. To finish your verification, open our app and take the short liveness check (your face, on camera). Your verification reference is ${run.session_id}.\n`,
			},
		]);
		expect(ran(execution, 'Review the Others')).toBe(false);
	});
});

// ---- DeepIDV Trigger examples: signed deliveries from the sandbox --------------------------------

describeExample('trigger-verify-submitted.json (a signed delivery)', () => {
	it('marks the submitted session verified', async () => {
		const session = sandbox.addSession({});
		const { executions, deliveries } = await deliver('trigger-verify-submitted.json', [session.id]);
		expect(deliveries.map((delivery) => delivery.status)).toEqual([200]);
		expect(executions[0]).toMatchObject({ mode: 'webhook', status: 'success' });
		expect(jsonOf(executions[0], 'Mark Verified')).toEqual([expect.objectContaining({ id: session.id, status: 'VERIFIED' })]);
		expect(record(session.id)?.status).toBe('VERIFIED');
	});
});

describeExample("parent-consent-boundaries.json (a signed delivery; the child's account as a stand-in)", () => {
	it("reads the boundaries of the consent's child attestation and sends the parent's choices to the child's account", async () => {
		const { request, executions, requests } = await deliverConsent('parent-consent-boundaries.json', { chat_enabled: true });
		expect(executions[0]).toMatchObject({ mode: 'webhook', status: 'success' });
		expect(requests.map(path)).toEqual([`GET /v1/age-verification/boundaries/${request.child_attestation_id}`]);
		const [update] = jsonOf(executions[0], "Update the Child's Account");
		expect({ ...update, body: JSON.parse(update.body) }).toEqual({
			method: 'PATCH',
			url: `https://accounts.example.com/api/children/${request.child_session_id}`,
			body: { parentalConsent: true, settings: { chat_enabled: true }, settingsRevision: 1, consentExpires: request.consent_expires_at },
		});
	});
});

describeExample('trigger-auto-decide.json (a signed delivery)', () => {
	it('verifies a submission whose ID matches the selfie with a liveness score of 80 or more', async () => {
		const session = sandbox.addSession({});
		const { executions } = await deliver('trigger-auto-decide.json', [session.id]);
		const submitted = jsonOf(executions[0], 'DeepIDV Trigger')[0];
		expect(submitted.analysis_data).toMatchObject({ id_matches_selfie: true, faceliveness_score: expect.any(Number) });
		expect(submitted.analysis_data.faceliveness_score).toBeGreaterThanOrEqual(80);
		expect(jsonOf(executions[0], 'Mark Verified')).toEqual([expect.objectContaining({ id: session.id, status: 'VERIFIED' })]);
		expect(ran(executions[0], 'Mark Rejected')).toBe(false);
		expect(record(session.id)?.status).toBe('VERIFIED');
	});
});

describeExample('trigger-notify-reviewer.json (a signed delivery; Slack as a stand-in)', () => {
	it('posts the submission with its face match and liveness results', async () => {
		const session = sandbox.addSession({ external_id: 'crm-4001' });
		const { executions } = await deliver('trigger-notify-reviewer.json', [session.id]);
		const submitted = /** @type {import('../../sandbox').SessionRecord} */ (record(session.id));
		const analysis = /** @type {any} */ (submitted.analysis_data);
		expect(jsonOf(executions[0], 'Tell the Reviewer')).toEqual([
			{
				text: `New DeepIDV submission to review\nSession: ${session.id}\nApplicant reference: crm-4001\nSubmitted: ${submitted.updated_at}\nID matches selfie: true\nLiveness score: ${analysis.faceliveness_score}`,
			},
		]);
	});
});

describeExample('submitted-adverse-media-review.json (signed deliveries; the review queue as a stand-in)', () => {
	/** @type {Awaited<ReturnType<typeof deliver>>} */
	let result;
	/** @type {string[]} */
	let ids;
	beforeAll(async () => {
		ids = [await createSession('Martin', 'Headlines'), await createSession('Nina', 'Quiet')];
		result = await deliver('submitted-adverse-media-review.json', ids);
	});

	it('screens each submitted applicant with the name and date of birth read from the ID, once', () => {
		const starts = result.requests.filter((request) => request.path === '/v1/screening/adverse-media');
		const person = (/** @type {string} */ id) => {
			const text = /** @type {any} */ (record(id)?.analysis_data).id_analysis_data.id_extracted_text;
			const value = (/** @type {string} */ type) => text.find((/** @type {any} */ entry) => entry.type === type).value;
			return { firstName: value('FIRST_NAME'), lastName: value('LAST_NAME'), dateOfBirth: value('DATE_OF_BIRTH') };
		};
		expect(starts.map((request) => request.json)).toEqual(ids.map((id) => expect.objectContaining(person(id))));
	});

	it('puts the high-risk applicant in the review queue, with the worst finding', () => {
		const [risky, quiet] = result.executions;
		expect(jsonOf(risky, 'Add to Review Queue')).toEqual([
			{
				Session: ids[0],
				Applicant: 'MARTIN HEADLINES',
				Risk: 'HIGH (78), 5 hits',
				Summary: 'MARTIN HEADLINES appears in reports of a fraud investigation and a regulatory fine.',
				'Worst Finding': 'MARTIN HEADLINES questioned in investment fraud probe',
				Link: expect.stringMatching(/^https:\/\//),
			},
		]);
		expect(jsonOf(quiet, 'High Risk?')).toEqual([]);
		expect(ran(quiet, 'Add to Review Queue')).toBe(false);
		expect(result.executions.map((execution) => execution.status)).toEqual(['success', 'success']);
	});
});

describe('The examples', () => {
	it('keep the API key and the signing secret out of every execution', () => {
		expect(seen.length).toBeGreaterThanOrEqual(examples.length);
		const data = JSON.stringify(seen);
		expect(data).not.toContain(sandbox.keys.live);
		expect(data).not.toContain(SIGNING_SECRET);
	});

	it('reached nothing outside this computer', () => {
		expect(n8n.outboundConnections()).toEqual([]);
	});
});
