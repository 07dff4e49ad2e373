// @ts-check
'use strict';

/**
 * Files through a real n8n: a published workflow "n8n Form Trigger (a file field) → DeepIDV
 * Document → Scan", submitted over HTTP as multipart/form-data the way the form page in a browser
 * does. n8n keeps the files on disk (`N8N_DEFAULT_BINARY_DATA_MODE=filesystem`, set explicitly: the
 * default of n8n 2.x in regular mode and, with the in-memory mode gone, the fallback of n8n 3.0;
 * n8n 1.x defaults to keeping files in the item). A small photo goes to DeepIDV inline (base64); a
 * large one through a presigned upload to the sandbox's upload host.
 */

const fs = require('node:fs');
const path = require('node:path');

const { factsOf, sandboxImage, startSandbox, totalBilled } = require('../../sandbox');
const { chainWorkflow, deepIdvNode } = require('../../scripts/lib/workflows');
const { PASSPORT, credential, instanceWithPackage, nodeOutput, waitFor } = require('./fixtures');
const { e2eN8nVersion } = require('./n8n-version');

/** @type {import('../../sandbox').Sandbox} */
let sandbox;
/** @type {import('../../scripts/lib/n8n-instance').N8nInstance} */
let n8n;
/** @type {Awaited<ReturnType<import('../../scripts/lib/n8n-instance').N8nInstance['setupOwner']>>} */
let rest;

const WORKFLOW_ID = 'e2eFormDocumentScan';
const FORM_WEBHOOK_ID = '3f0b6c8e-2d7a-4e51-9c84-6a1d0e5b7f92';
// Form Trigger 2.2 serves a published form at /form/<webhookId> (its own default path).
const FORM_PATH = FORM_WEBHOOK_ID;
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
/** Form Trigger 2.2 names the file of a field after its label, non-word characters as "_". */
const FILE_FIELD = 'ID_document';

const formTrigger = {
	name: 'On form submission',
	type: 'n8n-nodes-base.formTrigger',
	typeVersion: 2.2,
	webhookId: FORM_WEBHOOK_ID,
	parameters: {
		path: FORM_PATH,
		formTitle: 'Verify your identity',
		formDescription: 'Upload a photo of your passport',
		formFields: {
			values: [
				{ fieldLabel: 'Full name', requiredField: true },
				{ fieldLabel: 'ID document', fieldType: 'file', multipleFiles: false, acceptFileTypes: '.jpg,.jpeg,.png,.webp', requiredField: true },
			],
		},
		responseMode: 'onReceived',
		options: {},
	},
};

beforeAll(async () => {
	sandbox = await startSandbox();
	n8n = await instanceWithPackage({ env: { N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem' } });
	await n8n.importCredentials([credential('deepIdvLive', sandbox.keys.live, sandbox.url)]);
	await n8n.importWorkflows([
		chainWorkflow({
			id: WORKFLOW_ID,
			nodes: [
				formTrigger,
				deepIdvNode({
					credential: { id: 'deepIdvLive', name: 'DeepIDV deepIdvLive' },
					parameters: { resource: 'document', operation: 'scan', binaryPropertyName: FILE_FIELD, documentType: 'passport' },
				}),
			],
		}),
	]);
	await n8n.publish(WORKFLOW_ID);
	await n8n.start();
	rest = await n8n.setupOwner();
	// The form page answers once the published workflow's form is live.
	await waitFor('the published form', async () => {
		const page = await fetch(`${n8n.baseUrl}/form/${FORM_PATH}`, { headers: { 'user-agent': BROWSER } });
		return page.status === 200 ? true : undefined;
	}, { timeoutMs: 60_000, intervalMs: 250 });
});

afterAll(async () => {
	await n8n?.dispose();
	await sandbox?.close();
});

/**
 * Every file below `folder` whose content is exactly `bytes`, relative to it.
 * @param {string} folder @param {Buffer} bytes
 */
function copiesOf(folder, bytes) {
	return fs
		.readdirSync(folder, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile() && fs.statSync(path.join(entry.parentPath, entry.name)).size === bytes.length)
		.map((entry) => path.join(entry.parentPath, entry.name))
		.filter((file) => fs.readFileSync(file).equals(bytes))
		.map((file) => path.relative(folder, file));
}

/**
 * Submits the form as the browser's form page does: multipart/form-data, one part per field,
 * named field-<index>, the file with its name and type.
 * @param {Buffer} file @param {string} fileName
 */
async function submitForm(file, fileName) {
	const form = new FormData();
	form.append('field-0', 'Ada Lovelace');
	form.append('field-1', new Blob([new Uint8Array(file)], { type: 'image/jpeg' }), fileName);
	const response = await fetch(`${n8n.baseUrl}/form/${FORM_PATH}`, {
		method: 'POST',
		body: form,
		headers: { 'user-agent': BROWSER, accept: 'application/json' },
	});
	return { status: response.status, text: await response.text() };
}

/**
 * The finished executions of the workflow, oldest first, once there are `count` of them.
 * @param {number} count
 */
async function finishedExecutions(count) {
	const list = await waitFor(`${count} finished execution(s) of the form workflow`, async () => {
		const executions = await rest.executions(WORKFLOW_ID);
		const finished = executions.filter((entry) => entry.status !== 'new' && entry.status !== 'running');
		return finished.length >= count ? finished : undefined;
	});
	return await Promise.all([...list].reverse().map((entry) => rest.execution(entry.id)));
}

describe('n8n Form Trigger with a file field → DeepIDV Document → Scan', () => {
	const small = sandboxImage({ format: 'jpeg', document: PASSPORT, face: 'ada' });
	const large = sandboxImage({ format: 'jpeg', document: { ...PASSPORT, documentNumber: 'P87654321' }, size: 5 * 1024 * 1024 });
	/** @type {any[]} */
	let executions;

	beforeAll(async () => {
		try {
			expect((await submitForm(small, 'passport.jpg')).status).toBe(200);
			await finishedExecutions(1);
			expect((await submitForm(large, 'passport-scan.jpg')).status).toBe(200);
			executions = await finishedExecutions(2);
		} catch (error) {
			throw new Error(`${/** @type {Error} */ (error).message}\nn8n log tail:\n${n8n.logTail()}`);
		}
	});

	it('runs once per submission, started by the form', () => {
		expect(executions.map((execution) => [execution.mode, execution.status])).toEqual([
			['webhook', 'success'],
			['webhook', 'success'],
		]);
	});

	it('outputs the scanned document\'s decision fields and keeps the uploaded file, a reference to n8n\'s copy on disk', () => {
		const [item] = nodeOutput(executions[0], 'DeepIDV');
		expect(item.json).toEqual({ ...PASSPORT, confidence: expect.any(Number) });
		// Stored by the filesystem mode: the item holds the mode's name and the file's id, no bytes.
		expect(item.binary[FILE_FIELD]).toMatchObject({
			mimeType: 'image/jpeg',
			fileName: 'passport.jpg',
			data: 'filesystem-v2',
			id: expect.stringMatching(/^filesystem-v2:/),
		});
		expect(nodeOutput(executions[1], 'DeepIDV')[0].json).toEqual({ ...PASSPORT, documentNumber: 'P87654321', confidence: expect.any(Number) });
	});

	it('had n8n keep each uploaded photo as one file in its storage folder (binaryData in 1.x, storage in 2.x)', () => {
		const folder = path.join(n8n.folder, '.n8n', e2eN8nVersion().startsWith('1.') ? 'binaryData' : 'storage');
		for (const photo of [small, large]) {
			expect(copiesOf(n8n.folder, photo)).toEqual([expect.stringMatching(new RegExp(`^${path.relative(n8n.folder, folder)}/`))]);
		}
	});

	it('sent the small photo inline: exactly its bytes, as base64, once, with the API key', () => {
		const scans = sandbox.requests.filter((request) => request.path === '/v1/document/scan');
		expect(scans).toHaveLength(2);
		expect(scans[0].headers['x-api-key']).toBe(sandbox.keys.live);
		expect(scans[0].json).toEqual({ image: small.toString('base64'), documentType: 'passport' });
	});

	it('sent the 5 MB scan through a presigned upload: exact type and length, no API key to the upload host', () => {
		const presigns = sandbox.requests.filter((request) => request.path === '/v1/upload/presign');
		expect(presigns.map((request) => request.json)).toEqual([{ files: [{ contentType: 'image/jpeg', byteLength: large.length }] }]);
		expect(sandbox.uploads).toHaveLength(1);
		const [put] = sandbox.uploads;
		expect(put).toMatchObject({ method: 'PUT', bytes: large.length, status: 200 });
		expect(put.headers).toMatchObject({ 'content-type': 'image/jpeg', 'content-length': String(large.length) });
		expect(put.headers['x-api-key']).toBeUndefined();
		const fileKey = put.path.slice(1);
		expect(sandbox.uploadedFile(fileKey)?.sha256).toBe(factsOf(large).sha256);
		const scans = sandbox.requests.filter((request) => request.path === '/v1/document/scan');
		expect(scans[1].json).toEqual({ image: fileKey, documentType: 'passport' });
		expect(totalBilled(sandbox.stats)).toBe(2);
	});

	it('keeps the API key out of the executions', () => {
		expect(JSON.stringify(executions)).not.toContain(sandbox.keys.live);
	});

	it('reached nothing outside this computer', () => {
		expect(n8n.outboundConnections()).toEqual([]);
	});
});
