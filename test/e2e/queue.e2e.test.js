// @ts-check
'use strict';

/**
 * n8n in queue mode, as teams scale it: main (PostgreSQL, Redis) and two `n8n worker` processes,
 * each with the packed package installed in its own user folder. Three executions on one API key
 * are fired at the same moment through a production webhook, against a sandbox enforcing
 * DeepIDV's limit (25/s, burst 35) with 100 ms answers; every item must come back exactly once,
 * decided. The DeepIDV Trigger's webhook is received by main and run on a worker. Files are kept in
 * PostgreSQL (`N8N_DEFAULT_BINARY_DATA_MODE=database`, set explicitly: the default in queue mode,
 * as main and the workers share no disk): an identity verification whose two photos are posted to
 * main as a multipart form runs on a worker, which reads them from the database.
 */

const fs = require('node:fs');
const { factsOf, sandboxImage, startSandbox, totalBilled } = require('../../sandbox');
const { createInstance } = require('../../scripts/lib/n8n-instance');
const { startQueueServices } = require('../../scripts/lib/services');
const { bulkVerifyWorkflow, byId, chainWorkflow, deepIdvNode, deepIdvTrigger, triggerWebhookPath } = require('../../scripts/lib/workflows');
const { PASSPORT, credential, nodeOutput, waitFor } = require('./fixtures');

const EXECUTIONS = 3;
const ITEMS = 100;
const BULK_PATH = 'deepidv-e2e-bulk-verify';
const TRIGGER_WEBHOOK_ID = '0b7d4c2e-5a61-4f3e-8c9d-2e4f6a8b1c3d';
const SIGNING_SECRET = 'whsec_e2e_queue_3b8e2d71c9f04a6e8d5c1b7a9e2f4c60';
const VERIFY_PATH = 'deepidv-e2e-verify-upload';
const live = { id: 'deepIdvLive', name: 'DeepIDV deepIdvLive' };
const hook = { id: 'deepIdvHook', name: 'DeepIDV webhook' };

/** @type {import('../../sandbox').Sandbox} */
let sandbox;
/** @type {import('../../scripts/lib/n8n-instance').N8nInstance} */
let n8n;
/** @type {Awaited<ReturnType<typeof startQueueServices>>} */
let services;

const bulkWorkflow = bulkVerifyWorkflow({
	id: 'e2eQueueBulk',
	webhookId: '9a3e5c7f-1b2d-4e6f-8a0b-c2d4e6f8a0b1',
	path: BULK_PATH,
	credential: live,
});

/** DeepIDV Trigger (Session Submitted) → Update Status Verified. */
const triggerWorkflow = chainWorkflow({
	id: 'e2eQueueTrigger',
	nodes: [
		deepIdvTrigger({ webhookId: TRIGGER_WEBHOOK_ID, events: ['session.status.submitted'], credential: hook }),
		deepIdvNode({
			credential: live,
			parameters: { operation: 'updateStatus', sessionId: byId('={{ $json.id }}'), status: 'VERIFIED' },
		}),
	],
});

/**
 * Webhook (POST multipart/form-data with the files idPhoto and selfie, answered with the last node's
 * items) → DeepIDV Identity → Verify, Document Type Passport.
 */
const verifyWorkflow = chainWorkflow({
	id: 'e2eQueueVerifyFiles',
	nodes: [
		{
			name: 'Verification upload',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			webhookId: '5c8e1a3f-7b2d-4f60-9e4a-1d3c5b7e9f02',
			parameters: { httpMethod: 'POST', path: VERIFY_PATH, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
		},
		deepIdvNode({ credential: live, parameters: { resource: 'identity', operation: 'verify', documentType: 'passport' } }),
	],
});

const RUNNER_PATH = 'deepidv-e2e-run-with-files';

/**
 * Webhook (POST multipart/form-data with the files idPhoto and selfie) → Workflow Runner → Run With
 * Files on a workflow of ID Verification, Document Type passport-us: made once the sandbox holds
 * the workflow.
 * @param {string} workflowId
 */
const runnerWorkflowFor = (workflowId) =>
	chainWorkflow({
		id: 'e2eQueueRunWithFiles',
		nodes: [
			{
				name: 'Applicant upload',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				webhookId: '7e2c9a41-3b5d-4f86-a0c2-9d1e3f5a7b04',
				parameters: { httpMethod: 'POST', path: RUNNER_PATH, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
			},
			deepIdvNode({
				credential: live,
				parameters: {
					resource: 'workflowRunner',
					operation: 'runWithFiles',
					workflowId: byId(workflowId),
					firstName: 'Ada',
					lastName: 'Lovelace',
					email: 'ada@example.com',
					phone: '+15192223333',
					documentType: 'passport-us',
					idFrontField: 'idPhoto',
					selfieField: 'selfie',
				},
			}),
		],
	});
/** @type {ReturnType<typeof runnerWorkflowFor>} */
let runnerWorkflow;

/** @type {Promise<Awaited<ReturnType<import('../../scripts/lib/n8n-instance').N8nInstance['setupOwner']>>> | undefined} */
let ownerSession;
/** n8n's REST API as its owner; n8n sets the owner up once, so the session is shared by the tests. */
const owner = () => (ownerSession ??= n8n.setupOwner());

/** @param {string} file */
const read = (file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '');
/** Execution IDs a worker's log says it ran. @param {string} log */
const executionsRun = (log) => [...log.matchAll(/Worker started execution (\d+)/g)].map((match) => match[1]);

beforeAll(async () => {
	services = await startQueueServices();
	sandbox = await startSandbox({ rateLimit: true, latencyMs: 100, webhookRetry: { attempts: 1 } });
	for (let execution = 0; execution < EXECUTIONS; execution++) {
		for (let item = 0; item < ITEMS; item++) {
			sandbox.addSession({ id: `queue-${execution}-${item}`, status: 'PENDING', session_progress: 'PENDING' });
		}
	}
	sandbox.addSession({ id: 'queue-trigger', status: 'PENDING', session_progress: 'STARTED' });

	n8n = await createInstance({ queue: services, env: { N8N_DEFAULT_BINARY_DATA_MODE: 'database' } });
	const tgz = process.env.DEEPIDV_E2E_TGZ;
	if (!tgz) throw new Error('DEEPIDV_E2E_TGZ is unset: run with -c test/e2e/jest.config.js');
	await n8n.installPackage(tgz);
	// The first CLI command runs n8n's migrations on the empty PostgreSQL database.
	await n8n.importCredentials([
		credential(live.id, sandbox.keys.live, sandbox.url),
		{ ...hook, type: 'deepIdvWebhookApi', data: { signingSecret: SIGNING_SECRET } },
	]);
	runnerWorkflow = runnerWorkflowFor(sandbox.addRunnerWorkflow({ name: 'ID only', steps: ['ID_VERIFICATION'] }).id);
	await n8n.importWorkflows([bulkWorkflow, triggerWorkflow, verifyWorkflow, runnerWorkflow]);
	for (const workflow of [bulkWorkflow, triggerWorkflow, verifyWorkflow, runnerWorkflow]) await n8n.publish(workflow.id);
	await n8n.start({ timeoutMs: 120_000 });
	await Promise.all([n8n.addWorker(), n8n.addWorker()]);
	await n8n.waitForWebhook(`/webhook/${BULK_PATH}`);
	await n8n.waitForWebhook(triggerWebhookPath(TRIGGER_WEBHOOK_ID));
	await n8n.waitForWebhook(`/webhook/${VERIFY_PATH}`);
	await n8n.waitForWebhook(`/webhook/${RUNNER_PATH}`);
}, 400_000);

afterAll(async () => {
	await n8n?.dispose();
	await services?.stop();
	await sandbox?.close();
});

describe('queue mode: main + 2 workers, PostgreSQL and Redis', () => {
	/** @type {Array<{ status: number, body: any }>} */
	let answers;
	let requestsBefore = 0;

	beforeAll(async () => {
		requestsBefore = sandbox.stats.requests;
		answers = await Promise.all(
			Array.from({ length: EXECUTIONS }, async (_, execution) => {
				const sessions = Array.from({ length: ITEMS }, (__, item) => ({ id: `queue-${execution}-${item}` }));
				const response = await fetch(`${n8n.baseUrl}/webhook/${BULK_PATH}`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ sessions }),
				});
				return { status: response.status, body: await response.json() };
			}),
		);
	}, 180_000);

	it('answers every execution with all of its items, decided, none failed, none repeated', () => {
		answers.forEach(({ status, body }, execution) => {
			expect(status).toBe(200);
			expect(Array.isArray(body)).toBe(true);
			expect(body.filter((/** @type {any} */ item) => item.error)).toEqual([]);
			expect(body.map((/** @type {any} */ item) => item.id)).toEqual(
				Array.from({ length: ITEMS }, (_, item) => `queue-${execution}-${item}`),
			);
			for (const item of body) expect(item.status).toBe('VERIFIED');
		});
		for (let execution = 0; execution < EXECUTIONS; execution++) {
			for (let item = 0; item < ITEMS; item++) {
				expect(sandbox.getSession(`queue-${execution}-${item}`)?.session_record.status).toBe('VERIFIED');
			}
		}
	});

	it('shared the one key without flooding it: the 429s that came were a minority, all waited out', () => {
		const sent = sandbox.stats.requests - requestsBefore;
		expect(sent).toBeGreaterThanOrEqual(EXECUTIONS * ITEMS);
		// Three executions each free to send 25/s would offer 75/s to a 25/s limit; pacing that
		// shares keeps the refused requests well below the decided ones.
		expect(sent).toBeLessThan(EXECUTIONS * ITEMS * 2);
	});

	it('ran the executions on the workers, not on main', () => {
		const ran = n8n.workers.flatMap((worker) => executionsRun(read(worker.logFile)));
		expect(ran.length).toBeGreaterThanOrEqual(EXECUTIONS);
		expect(new Set(ran).size).toBe(ran.length);
	});

	it('runs the DeepIDV Trigger: main receives the signed webhook, a worker runs the workflow', async () => {
		const before = n8n.workers.flatMap((worker) => executionsRun(read(worker.logFile)));
		sandbox.addWebhook({
			url: `${n8n.baseUrl}${triggerWebhookPath(TRIGGER_WEBHOOK_ID)}`,
			secret: SIGNING_SECRET,
			events: ['session.status.submitted'],
		});
		const submitted = await fetch(`${sandbox.url}/__sandbox/sessions/queue-trigger/submit`, { method: 'POST' });
		expect(submitted.status).toBe(200);
		await waitFor(
			'the trigger workflow to mark queue-trigger Verified',
			async () => (sandbox.getSession('queue-trigger')?.session_record.status === 'VERIFIED' ? true : undefined),
			{ timeoutMs: 60_000, intervalMs: 250 },
		);
		const deliveries = sandbox.deliveries.filter((delivery) => delivery.type === 'session.status.submitted');
		expect(deliveries.map((delivery) => delivery.status)).toEqual([200]);
		const after = n8n.workers.flatMap((worker) => executionsRun(read(worker.logFile)));
		expect(after.length).toBe(before.length + 1);
	}, 90_000);

	describe('a file check on a worker, files in the database', () => {
		// Above the default limit of 4 MB: uploaded to DeepIDV's file storage. The selfie goes inline.
		const idPhoto = sandboxImage({ format: 'jpeg', document: PASSPORT, face: 'ada', size: 5 * 1024 * 1024 });
		const selfie = sandboxImage({ format: 'jpeg', face: 'ada' });
		/** @type {{ status: number, body: any }} */
		let answer;
		/** @type {any} */
		let execution;
		/** @type {string[]} */
		let ranBefore;
		let billedBefore = 0;
		let requestsBefore = 0;

		beforeAll(async () => {
			ranBefore = n8n.workers.flatMap((worker) => executionsRun(read(worker.logFile)));
			billedBefore = totalBilled(sandbox.stats);
			requestsBefore = sandbox.requests.length;
			const form = new FormData();
			form.append('idPhoto', new Blob([new Uint8Array(idPhoto)], { type: 'image/jpeg' }), 'passport.jpg');
			form.append('selfie', new Blob([new Uint8Array(selfie)], { type: 'image/jpeg' }), 'selfie.jpg');
			const response = await fetch(`${n8n.baseUrl}/webhook/${VERIFY_PATH}`, { method: 'POST', body: form });
			answer = { status: response.status, body: await response.json() };
			const rest = await owner();
			const [entry] = await waitFor('the saved verification execution', async () => {
				const list = await rest.executions(verifyWorkflow.id);
				return list.length === 1 && list[0].status === 'success' ? list : undefined;
			});
			execution = await rest.execution(entry.id);
		}, 120_000);

		it('answers with the decision of the verification', () => {
			expect(answer).toEqual({
				status: 200,
				body: [
					{
						verified: true,
						overallConfidence: expect.any(Number),
						faceMatch: { isMatch: true, confidence: expect.any(Number) },
						faceDetection: { faceDetected: true, confidence: expect.any(Number) },
						document: { ...PASSPORT, confidence: expect.any(Number) },
					},
				],
			});
			expect(answer.body[0].faceMatch.confidence).toBeGreaterThanOrEqual(95);
		});

		it('sent DeepIDV the ID photo through a presigned upload and the selfie inline, billed once', () => {
			const sent = sandbox.requests.slice(requestsBefore);
			expect(sent.map((request) => [request.method, request.path])).toEqual([
				['POST', '/v1/upload/presign'],
				['POST', '/v1/identity/verify'],
			]);
			expect(sent[0].json).toEqual({ files: [{ contentType: 'image/jpeg', byteLength: idPhoto.length }] });
			const put = sandbox.uploads.at(-1);
			expect(put).toMatchObject({ method: 'PUT', bytes: idPhoto.length, status: 200 });
			const fileKey = put?.path.slice(1) ?? '';
			expect(sandbox.uploadedFile(fileKey)?.sha256).toBe(factsOf(idPhoto).sha256);
			expect(sent[1].json).toEqual({ documentImage: fileKey, faceImage: selfie.toString('base64'), documentType: 'passport' });
			expect(totalBilled(sandbox.stats) - billedBefore).toBe(1);
		});

		it('ran on a worker, not on main', () => {
			const ranAfter = n8n.workers.flatMap((worker) => executionsRun(read(worker.logFile)));
			expect(ranAfter.filter((id) => !ranBefore.includes(id))).toEqual([String(execution.id)]);
			expect(execution).toMatchObject({ mode: 'webhook', status: 'success' });
		});

		it('kept both photos in PostgreSQL (binary_data), referenced by database ids, read there by the worker', () => {
			const { idPhoto: storedId, selfie: storedSelfie } = nodeOutput(execution, 'Verification upload')[0].binary;
			const ids = [storedId.id, storedSelfie.id];
			for (const id of ids) expect(id).toMatch(/^database:[0-9a-f-]{36}$/);
			const fileIds = ids.map((id) => id.slice('database:'.length));
			const rows = services.query(
				`SELECT "fileId", "fileName", "mimeType", "fileSize", encode(sha256(data), 'hex') FROM binary_data WHERE "fileId" IN ('${fileIds.join("','")}') ORDER BY "fileSize" DESC`,
			);
			expect(rows).toEqual([
				[fileIds[0], 'passport.jpg', 'image/jpeg', String(idPhoto.length), factsOf(idPhoto).sha256],
				[fileIds[1], 'selfie.jpg', 'image/jpeg', String(selfie.length), factsOf(selfie).sha256],
			]);
			// The DeepIDV node's output keeps the same references: no copy of the files in the execution data.
			expect(nodeOutput(execution, 'DeepIDV')[0].binary).toEqual({ idPhoto: storedId, selfie: storedSelfie });
		});
	});
	describe('Workflow Runner → Run With Files on a worker, files in the database', () => {
		const idPhoto = sandboxImage({ format: 'jpeg', document: PASSPORT, face: 'ada', size: 5 * 1024 * 1024 });
		const selfie = sandboxImage({ format: 'jpeg', face: 'ada', size: 5 * 1024 * 1024 });
		/** @type {{ status: number, body: any }} */
		let answer;
		/** @type {any} */
		let execution;
		/** @type {string[]} */
		let ranBefore;
		let requestsBefore = 0;
		let uploadsBefore = 0;

		beforeAll(async () => {
			// The headless session's own webhooks (it ends submitted) would start the trigger workflow above.
			sandbox.clearWebhooks();
			ranBefore = n8n.workers.flatMap((worker) => executionsRun(read(worker.logFile)));
			requestsBefore = sandbox.requests.length;
			uploadsBefore = sandbox.uploads.length;
			const form = new FormData();
			form.append('idPhoto', new Blob([new Uint8Array(idPhoto)], { type: 'image/jpeg' }), 'passport.jpg');
			form.append('selfie', new Blob([new Uint8Array(selfie)], { type: 'image/jpeg' }), 'selfie.jpg');
			const response = await fetch(`${n8n.baseUrl}/webhook/${RUNNER_PATH}`, { method: 'POST', body: form });
			answer = { status: response.status, body: await response.json() };
			const rest = await owner();
			const [entry] = await waitFor('the saved Run With Files execution', async () => {
				const list = await rest.executions(runnerWorkflow.id);
				return list.length === 1 && list[0].status === 'success' ? list : undefined;
			});
			execution = await rest.execution(entry.id);
		}, 120_000);

		it('answers with the finished run and the verified session', () => {
			expect(answer.status).toBe(200);
			expect(answer.body).toEqual([
				expect.objectContaining({
					run_outcome: 'completed',
					created: true,
					steps_submitted: [{ step_id: 'ID_VERIFICATION', step_status: 'COMPLETED', failure_reason: null }],
					session: expect.objectContaining({ status: 'VERIFIED', first_name: 'Ada', id_matches_selfie: true }),
				}),
			]);
		});

		it('uploaded both 5 MiB photos from the database to the session without the key, then submitted the step once', () => {
			const sessionId = answer.body[0].session_id;
			const sent = sandbox.requests.slice(requestsBefore);
			expect(sent.map((request) => `${request.method} ${request.path}`)).toEqual([
				expect.stringMatching(/^GET \/v1\/workflows\//),
				expect.stringMatching(/^POST \/v1\/workflows\/.+\/sessions$/),
				`POST /v1/sessions/${sessionId}/uploads`,
				`POST /v1/sessions/${sessionId}/steps/ID_VERIFICATION`,
				`GET /v1/sessions/${sessionId}`,
			]);
			const puts = sandbox.uploads.slice(uploadsBefore);
			expect(puts.map((put) => ({ method: put.method, bytes: put.bytes, status: put.status, key: put.headers['x-api-key'] }))).toEqual([
				{ method: 'PUT', bytes: idPhoto.length, status: 200, key: undefined },
				{ method: 'PUT', bytes: selfie.length, status: 200, key: undefined },
			]);
			const { uploads } = sent[3].json;
			expect(sandbox.uploadedFile(uploads.id_front)?.sha256).toBe(factsOf(idPhoto).sha256);
			expect(sandbox.uploadedFile(uploads.selfie_front)?.sha256).toBe(factsOf(selfie).sha256);
		});

		it('ran on a worker, reading the photos that main stored in PostgreSQL', () => {
			const ranAfter = n8n.workers.flatMap((worker) => executionsRun(read(worker.logFile)));
			expect(ranAfter.filter((id) => !ranBefore.includes(id))).toEqual([String(execution.id)]);
			const { idPhoto: storedId, selfie: storedSelfie } = nodeOutput(execution, 'Applicant upload')[0].binary;
			for (const stored of [storedId, storedSelfie]) expect(stored.id).toMatch(/^database:[0-9a-f-]{36}$/);
		});
	});
});
