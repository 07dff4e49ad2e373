import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeExecutionData } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { totalBilled } from '../../sandbox';
import type { BinaryMode } from '../helpers/binaryData';
import { useBinaryDataMode } from '../helpers/binaryData';
import type { DeepIdvRun } from '../helpers/engine';
import { runDeepIdv } from '../helpers/engine';
import { imageFile, useFileChecks } from '../helpers/files';
import { requestSummary, sandboxCredential } from '../helpers/sandbox';

/** A passport whose every field the sandbox reads from the image, with Ada's photo on it. */
const PASSPORT = {
	documentType: 'passport',
	firstName: 'Ada',
	lastName: 'Lovelace',
	fullName: 'Ada Lovelace',
	dateOfBirth: '1985-12-10',
	gender: 'F',
	nationality: 'GBR',
	documentNumber: 'P12345678',
	expirationDate: '2031-05-31',
	issuingCountry: 'GB',
	mrzData: 'P<GBRLOVELACE<<ADA<<<<<<<<<<<<<<<<<<<<<<<<<<',
};

/** What Simplify keeps of that passport. */
const HEADLINES = {
	documentType: 'passport',
	fullName: 'Ada Lovelace',
	firstName: 'Ada',
	lastName: 'Lovelace',
	dateOfBirth: '1985-12-10',
	documentNumber: 'P12345678',
	expirationDate: '2031-05-31',
	issuingCountry: 'GB',
};

/** Every file under `folder`, at any depth. */
const filesIn = (folder: string): string[] =>
	readdirSync(folder, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => join(entry.parentPath, entry.name));

/** The files the trigger made, as the DeepIDV node received them. */
const triggerItems = (result: DeepIdvRun): INodeExecutionData[] =>
	result.run.data.resultData.runData['Manual Trigger'][0].data!.main[0]!;

describe('Document, Face and Identity checks through the n8n engine', () => {
	const env = useFileChecks();
	const { run } = env;
	let sb: Sandbox;
	beforeEach(() => {
		sb = env.sb;
	});

	it('keeps the files on disk by default, as n8n 2.x and 3.0 do: stored in the temp storage folder, read from there', async () => {
		const id = imageFile({ format: 'jpeg', document: PASSPORT }, 'passport.jpg');
		const result = await run({ resource: 'document', operation: 'scan' }, [{ data: id.file }]);
		expect(result.error).toBeUndefined();
		const stored = triggerItems(result)[0].binary!.data;
		expect(env.binaryStore.mode).toBe('filesystem');
		expect(stored).toMatchObject({ id: expect.stringMatching(/^filesystem-v2:/), data: 'filesystem-v2', bytes: id.bytes.length });
		// The one copy of the image is a file in the storage folder; the item holds no bytes.
		expect(filesIn(env.binaryStore.folder).filter((file) => readFileSync(file).equals(id.bytes))).toHaveLength(1);
		expect(sb.requests[0].json).toEqual({ image: id.bytes.toString('base64'), documentType: 'auto' });
		expect(result.items[0].binary).toEqual({ data: stored });
	});

	describe.each<BinaryMode>(['memory', 'filesystem', 'database'])('with n8n binary data in %s mode', (mode) => {
		useBinaryDataMode(mode);

		it('Document → Scan sends the file as base64 in one POST and outputs the decision fields, keeping the file', async () => {
			const id = imageFile({ format: 'jpeg', document: PASSPORT, face: 'ada' }, 'passport.jpg');
			const result = await run({ resource: 'document', operation: 'scan', documentType: 'passport' }, [{ data: id.file }]);
			expect(result.error).toBeUndefined();

			expect(sb.requests.map(requestSummary)).toEqual([
				{
					method: 'POST',
					path: '/v1/document/scan',
					query: {},
					apiKey: sb.keys.live,
					contentType: 'application/json',
					body: { image: id.bytes.toString('base64'), documentType: 'passport' },
				},
			]);
			expect(sb.uploads).toEqual([]);
			expect(totalBilled(sb.stats)).toBe(1);

			const input = triggerItems(result)[0];
			if (mode === 'memory') expect(input.binary!.data.id).toBeUndefined();
			else expect(input.binary!.data.id).toMatch(mode === 'database' ? /^database:/ : /^filesystem/);
			expect(result.items).toEqual([
				{
					json: { ...HEADLINES, confidence: expect.any(Number) },
					binary: input.binary,
					pairedItem: { item: 0 },
				},
			]);
			expect(result.items[0].binary!.data).toMatchObject({ mimeType: 'image/jpeg', fileName: 'passport.jpg' });
		});

		it('Face → Compare sends both files under source and target', async () => {
			const idPhoto = imageFile({ face: 'ada' });
			const selfie = imageFile({ format: 'webp', face: 'ada' });
			const result = await run({ resource: 'face', operation: 'compare' }, [{ idPhoto: idPhoto.file, selfie: selfie.file }]);
			expect(sb.requests.map((request) => [request.path, request.json])).toEqual([
				['/v1/face/compare', { source: idPhoto.bytes.toString('base64'), target: selfie.bytes.toString('base64') }],
			]);
			expect(result.items[0].json).toEqual({
				isMatch: true,
				confidence: expect.any(Number),
				threshold: 80,
				sourceFaceDetected: true,
				targetFaceDetected: true,
			});
		});
	});

	describe('Document → Scan', () => {
		it('sends Document Type Auto by default and, with Simplify off, outputs DeepIDV\'s whole answer', async () => {
			const id = imageFile({ document: PASSPORT });
			const { items } = await run({ resource: 'document', operation: 'scan', simplify: false }, [{ data: id.file }]);
			expect(sb.requests[0].json).toEqual({ image: id.bytes.toString('base64'), documentType: 'auto' });
			expect(items[0].json).toEqual({
				...PASSPORT,
				rawFields: {
					FIRST_NAME: 'Ada',
					LAST_NAME: 'Lovelace',
					DATE_OF_BIRTH: '1985-12-10',
					DOCUMENT_NUMBER: 'P12345678',
					EXPIRATION_DATE: '2031-05-31',
				},
				confidence: expect.any(Number),
			});
		});

		it('reads the file from the field named in Input Binary Field, and takes Document Type from an expression', async () => {
			const licence = imageFile({ document: { ...PASSPORT, documentType: undefined } });
			await runDeepIdv({
				parameters: { resource: 'document', operation: 'scan', binaryPropertyName: 'scan', documentType: '={{ $json.kind }}' },
				input: [{ kind: 'DRIVERS_LICENSE' }],
				files: [{ scan: licence.file }],
				credential: sandboxCredential(sb),
			});
			expect(sb.requests[0].json).toEqual({ image: licence.bytes.toString('base64'), documentType: 'drivers_license' });
		});

		it('explains an unreadable document (DeepIDV answers 400) without sending it again', async () => {
			const { error } = await run({ resource: 'document', operation: 'scan' }, [{ data: imageFile({ document: 'unreadable' }).file }]);
			expect(error?.message).toBe('DeepIDV rejected the request as invalid: Could not read an identity document in the image.');
			expect(error?.description).toBe(
				'DeepIDV could not use the image. Check that it is a clear, uncropped photo of the identity document, and that Document Type matches it (or is Auto).',
			);
			expect(sb.requests).toHaveLength(1);
		});
	});

	describe('Face → Detect and Estimate Age', () => {
		it('Detect outputs DeepIDV\'s answer for a face, and faceDetected false for none', async () => {
			const face = imageFile({ face: 'grace' });
			const { items } = await run({ resource: 'face', operation: 'detect' }, [{ data: face.file }, { data: imageFile({ face: null }).file }]);
			expect(sb.requests.map((request) => [request.path, request.json])).toEqual(
				expect.arrayContaining([['/v1/face/detect', { image: face.bytes.toString('base64') }]]),
			);
			expect(items.map((item) => [item.json, item.pairedItem])).toEqual([
				[
					{
						faceDetected: true,
						confidence: expect.any(Number),
						boundingBox: { top: 0.2, left: 0.3, width: 0.4, height: 0.5 },
						landmarks: [
							{ type: 'eyeLeft', x: 0.42, y: 0.38 },
							{ type: 'eyeRight', x: 0.58, y: 0.38 },
							{ type: 'nose', x: 0.5, y: 0.5 },
							{ type: 'mouthLeft', x: 0.44, y: 0.6 },
							{ type: 'mouthRight', x: 0.56, y: 0.6 },
						],
					},
					{ item: 0 },
				],
				[{ faceDetected: false, confidence: 0 }, { item: 1 }],
			]);
		});

		it('Estimate Age outputs age, range and gender', async () => {
			const face = imageFile({ format: 'jpeg', face: 'mei', age: 29, gender: 'female' });
			const { items } = await run({ resource: 'face', operation: 'estimateAge', binaryPropertyName: 'selfie' }, [{ selfie: face.file }]);
			expect(sb.requests.map((request) => [request.path, request.json])).toEqual([['/v1/face/estimate-age', { image: face.bytes.toString('base64') }]]);
			expect(items[0].json).toEqual({
				faceDetected: true,
				estimatedAge: 29,
				ageRange: { low: 25, high: 33 },
				gender: 'female',
				genderConfidence: expect.any(Number),
			});
		});
	});

	describe('Face → Compare', () => {
		it('tells a mismatch and a missing face from a match', async () => {
			const { items } = await run({ resource: 'face', operation: 'compare', sourceBinaryPropertyName: 'a', targetBinaryPropertyName: 'b' }, [
				{ a: imageFile({ face: 'ada' }).file, b: imageFile({ face: 'grace' }).file },
				{ a: imageFile({ face: 'ada' }).file, b: imageFile({ face: null }).file },
			]);
			expect(items[0].json).toMatchObject({ isMatch: false, threshold: 80, sourceFaceDetected: true, targetFaceDetected: true });
			expect(items[0].json.confidence as number).toBeLessThan(80);
			expect(items[1].json).toEqual({ isMatch: false, confidence: 0, threshold: 0, sourceFaceDetected: false, targetFaceDetected: false });
		});
	});

	describe('Identity → Verify', () => {
		const idPhoto = imageFile({ document: PASSPORT, face: 'ada' });

		it('sends the document and the face image with the type, and outputs the decision fields', async () => {
			const selfie = imageFile({ format: 'jpeg', face: 'ada' });
			const { items } = await run({ resource: 'identity', operation: 'verify', documentType: 'passport' }, [{ idPhoto: idPhoto.file, selfie: selfie.file }]);
			expect(sb.requests.map(requestSummary)).toEqual([
				expect.objectContaining({
					method: 'POST',
					path: '/v1/identity/verify',
					contentType: 'application/json',
					body: { documentImage: idPhoto.bytes.toString('base64'), faceImage: selfie.bytes.toString('base64'), documentType: 'passport' },
				}),
			]);
			expect(items[0].json).toEqual({
				verified: true,
				overallConfidence: expect.any(Number),
				faceMatch: { isMatch: true, confidence: expect.any(Number) },
				faceDetection: { faceDetected: true, confidence: expect.any(Number) },
				document: { ...HEADLINES, confidence: expect.any(Number) },
			});
			expect((items[0].json.faceMatch as { confidence: number }).confidence).toBeGreaterThanOrEqual(95);
		});

		it('does not verify someone else; with Simplify off, outputs the nested answer', async () => {
			const { items } = await run(
				{ resource: 'identity', operation: 'verify', simplify: false, documentBinaryPropertyName: 'doc', faceBinaryPropertyName: 'face' },
				[{ doc: idPhoto.file, face: imageFile({ face: 'eve' }).file }],
			);
			expect(items[0].json).toEqual({
				verified: false,
				document: { ...Object.fromEntries(Object.entries(PASSPORT).filter(([key]) => key !== 'mrzData')), confidence: expect.any(Number) },
				faceDetection: { faceDetected: true, confidence: expect.any(Number) },
				faceMatch: { isMatch: false, confidence: expect.any(Number), threshold: 80 },
				overallConfidence: expect.any(Number),
			});
		});
	});

	describe('billed calls are never repeated once DeepIDV may have acted', () => {
		const maybeBilled =
			'DeepIDV may have run the identity verification, and billed it, although its answer did not arrive. Running this item again runs and bills the identity verification again.';
		const verify = (extra: { continueOnFail?: boolean } = {}) =>
			run(
				{ resource: 'identity', operation: 'verify' },
				[{ idPhoto: imageFile({ document: PASSPORT, face: 'ada' }).file, selfie: imageFile({ face: 'ada' }).file }],
				extra,
			);

		it('does not repeat a check that failed with a server error after DeepIDV ran it', async () => {
			sb.injectFaults([{ when: 'after', status: 500, match: { path: '/v1/identity/verify' } }]);
			const { items } = await verify({ continueOnFail: true });
			expect(sb.requests).toHaveLength(1);
			expect(totalBilled(sb.stats)).toBe(1);
			expect(items).toEqual([
				{
					json: { error: 'DeepIDV had a server error (HTTP 500): Internal Server Error', details: maybeBilled },
					binary: expect.objectContaining({ idPhoto: expect.any(Object), selfie: expect.any(Object) }),
					pairedItem: { item: 0 },
				},
			]);
		});

		it('does not repeat a check whose connection dropped after DeepIDV received it', async () => {
			sb.injectFaults([{ when: 'after', reset: true, match: { path: '/v1/identity/verify' } }]);
			const { error } = await verify();
			expect(sb.requests).toHaveLength(1);
			expect(totalBilled(sb.stats)).toBe(1);
			expect(error?.message).toBe('The connection to DeepIDV was interrupted before it answered');
			expect(error?.description).toBe(maybeBilled);
		});

		it('repeats a check DeepIDV refused with 429 (it did not run), and bills it once', async () => {
			sb.injectFaults([{ status: 429, retryAfter: '0', match: { path: '/v1/identity/verify' } }]);
			const { items, error } = await verify();
			expect(error).toBeUndefined();
			expect(sb.requests.map((request) => request.path)).toEqual(['/v1/identity/verify', '/v1/identity/verify']);
			expect(totalBilled(sb.stats)).toBe(1);
			expect(items[0].json.verified).toBe(true);
		});
	});
});
