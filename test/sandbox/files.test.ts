import { request } from 'node:http';

import { factsOf, sandboxImage, startSandbox, totalBilled, type Sandbox } from '../../sandbox';
import { call } from './helpers';

const b64 = (bytes: Buffer) => bytes.toString('base64');
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

describe('sandbox server: document, face and identity checks', () => {
	let sb: Sandbox;
	beforeEach(async () => {
		sb = await startSandbox();
	});
	afterEach(() => sb.close());

	describe('test images', () => {
		it.each(['png', 'jpeg', 'webp'] as const)('builds a %s that starts like one and carries its marker, at an exact size', (format) => {
			const image = sandboxImage({ format, face: 'ada', size: 20_000 });
			expect(image.length).toBe(20_000);
			expect(factsOf(image)).toMatchObject({ bytes: 20_000, format: `image/${format}`, marker: { face: 'ada' } });
			expect(sandboxImage({ format, face: 'ada', size: 20_000 }).equals(image)).toBe(true);
			expect(sandboxImage({ format, face: 'ada', seed: 'other' }).equals(sandboxImage({ format, face: 'ada' }))).toBe(false);
		});
	});

	describe('Document Scan', () => {
		it('reads the document fields from the image, with the requested type, and counts one billed check', async () => {
			const image = sandboxImage({ document: { firstName: 'Jane', lastName: 'Doe', documentNumber: 'P1234567' } });
			const answer = await call(sb, 'POST', '/v1/document/scan', { body: { image: b64(image), documentType: 'passport' } });
			expect(answer.status).toBe(200);
			expect(answer.json).toEqual({
				documentType: 'passport',
				fullName: 'Jane Doe',
				firstName: 'Jane',
				lastName: 'Doe',
				dateOfBirth: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
				gender: expect.stringMatching(/^[FM]$/),
				nationality: expect.any(String),
				documentNumber: 'P1234567',
				expirationDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
				issuingCountry: expect.stringMatching(/^[A-Z]{2}$/),
				mrzData: expect.stringMatching(/^P<[A-Z]{3}DOE<<JANE<*$/),
				rawFields: expect.objectContaining({ FIRST_NAME: 'Jane', LAST_NAME: 'Doe', DOCUMENT_NUMBER: 'P1234567' }),
				confidence: expect.any(Number),
			});
			expect(answer.json.confidence).toBeGreaterThanOrEqual(0.9);
			expect(answer.json.confidence).toBeLessThanOrEqual(1);
			expect(totalBilled(sb.stats)).toBe(1);
		});

		it('answers the same for the same bytes, also without a marker and in base64url', async () => {
			const image = Buffer.concat([sandboxImage({ format: 'jpeg' }), Buffer.from('no marker, other bytes')]);
			const first = await call(sb, 'POST', '/v1/document/scan', { body: { image: image.toString('base64url') } });
			const second = await call(sb, 'POST', '/v1/document/scan', { body: { image: b64(image) } });
			expect(first.status).toBe(200);
			expect(second.json).toEqual(first.json);
		});

		it('refuses an unreadable document with 400 {error}', async () => {
			const answer = await call(sb, 'POST', '/v1/document/scan', { body: { image: b64(sandboxImage({ document: 'unreadable' })) } });
			expect(answer).toMatchObject({ status: 400, json: { error: 'Could not read an identity document in the image.' } });
		});

		it('refuses a PDF, a non-base64 string, missing fields and an unknown document type, billing none of them', async () => {
			expect(await call(sb, 'POST', '/v1/document/scan', { body: { image: b64(PDF) } })).toMatchObject({
				status: 400,
				json: { error: 'Unsupported image format. Accepted formats: JPEG, PNG, WebP.' },
			});
			expect((await call(sb, 'POST', '/v1/document/scan', { body: { image: 'not base64!' } })).json.error).toMatch(/neither a base64 string/);
			const missing = await call(sb, 'POST', '/v1/document/scan', { body: { documentType: 'visa' } });
			expect(missing.status).toBe(400);
			expect(missing.json.hints.map((hint: { path: string[] }) => hint.path)).toEqual([['image'], ['documentType']]);
			expect(totalBilled(sb.stats)).toBe(0);
		});
	});

	describe('Face checks', () => {
		const ada = sandboxImage({ face: 'ada', age: 36, gender: 'female' });
		const adaAgain = sandboxImage({ face: 'ada', format: 'webp' });
		const grace = sandboxImage({ face: 'grace' });
		const nobody = sandboxImage({ face: null });

		it('detects a face, or answers the documented shape for none', async () => {
			const found = await call(sb, 'POST', '/v1/face/detect', { body: { image: b64(ada) } });
			expect(found.json).toMatchObject({ faceDetected: true, boundingBox: { top: 0.2, left: 0.3, width: 0.4, height: 0.5 } });
			expect(found.json.confidence).toBeGreaterThan(0.9);
			expect((await call(sb, 'POST', '/v1/face/detect', { body: { image: b64(nobody) } })).json).toEqual({ faceDetected: false, confidence: 0 });
		});

		it('estimates age and gender, or only faceDetected: false', async () => {
			expect((await call(sb, 'POST', '/v1/face/estimate-age', { body: { image: b64(ada) } })).json).toEqual({
				faceDetected: true,
				estimatedAge: 36,
				ageRange: { low: 32, high: 40 },
				gender: 'female',
				genderConfidence: expect.any(Number),
			});
			expect((await call(sb, 'POST', '/v1/face/estimate-age', { body: { image: b64(nobody) } })).json).toEqual({ faceDetected: false });
		});

		it('matches the same person, not another one, and answers all false / 0 when a face is missing', async () => {
			const match = await call(sb, 'POST', '/v1/face/compare', { body: { source: b64(ada), target: b64(adaAgain) } });
			expect(match.json).toMatchObject({ isMatch: true, threshold: 80, sourceFaceDetected: true, targetFaceDetected: true });
			expect(match.json.confidence).toBeGreaterThanOrEqual(95);
			const mismatch = await call(sb, 'POST', '/v1/face/compare', { body: { source: b64(ada), target: b64(grace) } });
			expect(mismatch.json).toMatchObject({ isMatch: false, threshold: 80 });
			expect(mismatch.json.confidence).toBeLessThan(80);
			expect((await call(sb, 'POST', '/v1/face/compare', { body: { source: b64(ada), target: b64(nobody) } })).json).toEqual({
				isMatch: false,
				confidence: 0,
				threshold: 0,
				sourceFaceDetected: false,
				targetFaceDetected: false,
			});
			sb.configure({ faceMatchThreshold: 99.9 });
			expect((await call(sb, 'POST', '/v1/face/compare', { body: { source: b64(ada), target: b64(adaAgain) } })).json).toMatchObject({ isMatch: false, threshold: 99.9 });
			expect(totalBilled(sb.stats)).toBe(4);
		});
	});

	describe('Identity Verify', () => {
		const idCard = sandboxImage({ document: { firstName: 'Ada', lastName: 'Lovelace' }, face: 'ada' });

		it('verifies a document whose photo matches the selfie, with 0–100 confidences', async () => {
			const answer = await call(sb, 'POST', '/v1/identity/verify', {
				body: { documentImage: b64(idCard), faceImage: b64(sandboxImage({ face: 'ada' })), documentType: 'national_id' },
			});
			expect(answer.status).toBe(200);
			expect(answer.json).toEqual({
				verified: true,
				document: expect.objectContaining({ documentType: 'national_id', fullName: 'Ada Lovelace', confidence: expect.any(Number) }),
				faceDetection: { faceDetected: true, confidence: expect.any(Number) },
				faceMatch: { isMatch: true, confidence: expect.any(Number), threshold: 80 },
				overallConfidence: expect.any(Number),
			});
			expect(answer.json.document).not.toHaveProperty('rawFields');
			expect(answer.json.document.confidence).toBeGreaterThan(50);
			expect(answer.json.overallConfidence).toBeGreaterThan(50);
		});

		it('does not verify another person or a selfie without a face', async () => {
			const other = await call(sb, 'POST', '/v1/identity/verify', { body: { documentImage: b64(idCard), faceImage: b64(sandboxImage({ face: 'eve' })) } });
			expect(other.json).toMatchObject({ verified: false, faceDetection: { faceDetected: true }, faceMatch: { isMatch: false } });
			const none = await call(sb, 'POST', '/v1/identity/verify', { body: { documentImage: b64(idCard), faceImage: b64(sandboxImage({ face: null })) } });
			expect(none.json).toMatchObject({ verified: false, faceDetection: { faceDetected: false, confidence: 0 }, faceMatch: { isMatch: false, confidence: 0 } });
		});
	});

	describe('presigned uploads', () => {
		const selfie = sandboxImage({ face: 'ada', size: 4000 });

		async function presign(files: Array<{ contentType: string; byteLength: number }>) {
			return await call(sb, 'POST', '/v1/upload/presign', { body: { files } });
		}

		it('hands out one URL on the upload host and a fileKey per file; a PUT with the exact type and length stores it', async () => {
			const answer = await presign([
				{ contentType: 'image/png', byteLength: selfie.length },
				{ contentType: 'image/jpeg', byteLength: 10 },
			]);
			expect(answer.status).toBe(200);
			const [upload, second] = answer.json.uploads;
			expect(upload.uploadUrl.startsWith(`${sb.uploadUrl}/${upload.fileKey}?`)).toBe(true);
			expect(new URL(upload.uploadUrl).searchParams.get('X-Amz-Expires')).toBe('900');
			expect(second.fileKey).not.toBe(upload.fileKey);

			const put = await fetch(upload.uploadUrl, { method: 'PUT', headers: { 'content-type': 'image/png' }, body: selfie });
			expect(put.status).toBe(200);
			expect(sb.uploadedFile(upload.fileKey)).toEqual(factsOf(selfie));
			expect(sb.uploads).toEqual([expect.objectContaining({ method: 'PUT', path: `/${upload.fileKey}`, bytes: selfie.length, status: 200 })]);
			expect(sb.stats.uploads).toBe(1);

			const check = await call(sb, 'POST', '/v1/face/detect', { body: { image: upload.fileKey } });
			expect(check.json.faceDetected).toBe(true);
			expect((await call(sb, 'POST', '/v1/face/detect', { body: { image: second.fileKey } })).json.error).toMatch(/never uploaded/);
			expect((await call(sb, 'POST', '/v1/face/detect', { body: { image: 'uploads/other/key' } })).json.error).toMatch(/No uploaded file/);
		});

		it('refuses a PUT with another Content-Type, another length, a bad signature or after expiry, like S3 (403, XML)', async () => {
			const { uploads } = (await presign([{ contentType: 'image/png', byteLength: selfie.length }])).json;
			const url: string = uploads[0].uploadUrl;
			const put = async (target: string, contentType: string, body: Buffer) => {
				const res = await fetch(target, { method: 'PUT', headers: { 'content-type': contentType }, body });
				return { status: res.status, text: await res.text() };
			};
			expect(await put(url, 'image/jpeg', selfie)).toEqual({ status: 403, text: expect.stringContaining('<Code>SignatureDoesNotMatch</Code>') });
			expect((await put(url, 'image/png', selfie.subarray(1))).status).toBe(403);
			expect((await put(url.replace(/Signature=[0-9a-f]+/, 'Signature=00'), 'image/png', selfie)).status).toBe(403);
			expect(sb.uploadedFile(uploads[0].fileKey)).toBeUndefined();

			sb.configure({ uploadUrlTtlSeconds: 0 });
			const expired = (await presign([{ contentType: 'image/png', byteLength: selfie.length }])).json.uploads[0].uploadUrl;
			await new Promise((resolve) => setTimeout(resolve, 5));
			expect(await put(expired, 'image/png', selfie)).toEqual({ status: 403, text: expect.stringContaining('<Message>Request has expired</Message>') });
		});

		it('lists and clears the upload host\'s requests over the control routes, never rate-limited', async () => {
			sb.configure({ rateLimit: { perSecond: 1, burst: 1 } });
			const { uploads } = (await presign([{ contentType: 'image/png', byteLength: selfie.length }])).json;
			for (let i = 0; i < 3; i++) await fetch(uploads[0].uploadUrl, { method: 'PUT', headers: { 'content-type': 'image/png' }, body: selfie });
			const listed = (await (await fetch(`${sb.url}/__sandbox/uploads`)).json()) as { uploads: Array<{ status: number }> };
			expect(listed.uploads.map((upload) => upload.status)).toEqual([200, 200, 200]);
			expect((await fetch(`${sb.url}/__sandbox/uploads`, { method: 'DELETE' })).status).toBe(204);
			expect(sb.uploads).toHaveLength(0);
		});

		it('refuses a PUT without Content-Length with 411', async () => {
			const { uploads } = (await presign([{ contentType: 'image/png', byteLength: selfie.length }])).json;
			const target = new URL(uploads[0].uploadUrl);
			const status = await new Promise<number>((resolve, reject) => {
				const req = request(target, { method: 'PUT', headers: { 'content-type': 'image/png', 'transfer-encoding': 'chunked' } }, (res) => {
					res.resume();
					resolve(res.statusCode ?? 0);
				});
				req.on('error', reject);
				req.end(selfie);
			});
			expect(status).toBe(411);
		});

		it('validates the presign body: at least one file, a content type and 1 to 15728640 bytes', async () => {
			expect((await presign([])).json.hints[0]).toMatchObject({ code: 'too_small', path: ['files'] });
			const answer = await presign([
				{ contentType: '', byteLength: 10 },
				{ contentType: 'image/png', byteLength: 15728641 },
				{ contentType: 'image/png', byteLength: 0 },
			]);
			expect(answer.status).toBe(400);
			expect(answer.json.hints.map((hint: { code: string; path: string[] }) => [hint.code, hint.path.join('.')])).toEqual([
				['too_small', 'files.0.contentType'],
				['too_big', 'files.1.byteLength'],
				['too_small', 'files.2.byteLength'],
			]);
			expect((await presign([{ contentType: 'image/png', byteLength: 15728640 }])).status).toBe(200);
		});
	});
});
