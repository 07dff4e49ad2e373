import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';

import type { Sandbox } from '../../sandbox';
import { factsOf, totalBilled } from '../../sandbox';
import type { BinaryMode } from '../helpers/binaryData';
import { useBinaryDataMode } from '../helpers/binaryData';
import { imageFile, useFileChecks, useTempFiles } from '../helpers/files';

const MIB = 1024 * 1024;

describe('large images go through a presigned upload', () => {
	const env = useFileChecks();
	const temp = useTempFiles();
	const { run } = env;
	let sb: Sandbox;
	beforeEach(() => {
		sb = env.sb;
	});

	describe.each<BinaryMode>(['memory', 'filesystem', 'database'])('with n8n binary data in %s mode', (mode) => {
		useBinaryDataMode(mode);

		it('presigns, PUTs the exact bytes with the declared type and length and no API key, then scans the fileKey', async () => {
			// Above the default limit of 4 MB for sending inline.
			const scan = temp.image(`scan-${mode}.jpg`, { format: 'jpeg', document: { lastName: 'Hopper' }, size: 4 * MIB + 1 });
			const service = Container.get(BinaryDataService);
			const readWhole = jest.spyOn(service, 'getAsBuffer');
			const readStream = jest.spyOn(service, 'getAsStream');
			const result = await run({ resource: 'document', operation: 'scan' }, [{ data: scan.file }]);
			expect(result.error).toBeUndefined();
			// Stored outside memory, the file is streamed to the upload host, never read whole by the node.
			expect(readWhole).toHaveBeenCalledTimes(mode === 'memory' ? 1 : 0);
			expect(readStream).toHaveBeenCalledTimes(mode === 'memory' ? 0 : 1);
			readWhole.mockRestore();
			readStream.mockRestore();

			const [presign, check] = sb.requests;
			expect(sb.requests).toHaveLength(2);
			expect(presign).toMatchObject({
				method: 'POST',
				path: '/v1/upload/presign',
				headers: expect.objectContaining({ 'x-api-key': sb.keys.live }),
				json: { files: [{ contentType: 'image/jpeg', byteLength: 4 * MIB + 1 }] },
			});
			expect(sb.uploads).toHaveLength(1);
			const [put] = sb.uploads;
			expect(put).toMatchObject({ method: 'PUT', bytes: 4 * MIB + 1, status: 200 });
			expect(put.headers).toMatchObject({ 'content-type': 'image/jpeg', 'content-length': String(4 * MIB + 1) });
			expect(put.headers['x-api-key']).toBeUndefined();
			expect(JSON.stringify(put)).not.toContain(sb.keys.live);

			const fileKey = put.path.slice(1);
			expect(sb.uploadedFile(fileKey)).toEqual(factsOf(scan.bytes));
			expect(check).toMatchObject({ path: '/v1/document/scan', json: { image: fileKey, documentType: 'auto' } });
			expect(totalBilled(sb.stats)).toBe(1);
			expect(result.items[0].json.lastName).toBe('Hopper');
		});
	});

	it('uploads only the image above the limit; the other one of the pair goes inline', async () => {
		const document = temp.image('id-card.png', { document: { lastName: 'Turing' }, face: 'alan', size: 5 * MIB });
		const selfie = imageFile({ face: 'alan' });
		const result = await run({ resource: 'identity', operation: 'verify' }, [{ idPhoto: document.file, selfie: selfie.file }]);
		expect(sb.requests.map((request) => request.path)).toEqual(['/v1/upload/presign', '/v1/identity/verify']);
		expect(sb.requests[0].json).toEqual({ files: [{ contentType: 'image/png', byteLength: 5 * MIB }] });
		expect(sb.requests[1].json).toEqual({
			documentImage: sb.uploads[0].path.slice(1),
			faceImage: selfie.bytes.toString('base64'),
			documentType: 'auto',
		});
		expect(result.items[0].json).toMatchObject({ verified: true, document: { lastName: 'Turing' } });
	});

	it('presigns both images of a pair in one request when both are above the limit (here: 0, upload everything)', async () => {
		const idPhoto = imageFile({ face: 'ada' });
		const selfie = imageFile({ format: 'webp', face: 'ada' });
		const result = await run({ resource: 'face', operation: 'compare', fileOptions: { inlineLimitMb: 0 } }, [{ idPhoto: idPhoto.file, selfie: selfie.file }]);
		expect(sb.requests[0].json).toEqual({
			files: [
				{ contentType: 'image/png', byteLength: idPhoto.bytes.length },
				{ contentType: 'image/webp', byteLength: selfie.bytes.length },
			],
		});
		const keys = sb.uploads.map((upload) => upload.path.slice(1));
		expect(sb.uploads.map((upload) => upload.headers['content-type']).sort()).toEqual(['image/png', 'image/webp']);
		const body = sb.requests[1].json as { source: string; target: string };
		expect([body.source, body.target].sort()).toEqual([...keys].sort());
		expect(sb.uploadedFile(body.source)?.sha256).toBe(factsOf(idPhoto.bytes).sha256);
		expect(sb.uploadedFile(body.target)?.sha256).toBe(factsOf(selfie.bytes).sha256);
		expect(result.items[0].json.isMatch).toBe(true);
	});

	it('sends a file of exactly the limit inline', async () => {
		const selfie = temp.image('at-limit.png', { face: 'ada', size: 1 * MIB });
		await run({ resource: 'face', operation: 'detect', fileOptions: { inlineLimitMb: 1 } }, [{ data: selfie.file }]);
		expect(sb.requests.map((request) => request.path)).toEqual(['/v1/face/detect']);
		expect(sb.requests[0].json).toEqual({ image: selfie.bytes.toString('base64') });
	});

	it('explains an expired upload link (403), does not repeat the PUT and runs no billed check', async () => {
		sb.configure({ uploadUrlTtlSeconds: 0 });
		const { items } = await run(
			{ resource: 'face', operation: 'detect', fileOptions: { inlineLimitMb: 0 } },
			[{ data: imageFile({ face: 'ada' }, 'selfie.png').file }],
			{ continueOnFail: true },
		);
		expect(sb.uploads.map((upload) => upload.status)).toEqual([403]);
		expect(sb.requests.map((request) => request.path)).toEqual(['/v1/upload/presign']);
		expect(totalBilled(sb.stats)).toBe(0);
		expect(items[0].json).toEqual({
			error: `DeepIDV's file storage refused the upload of "data" (selfie.png) (HTTP 403): Request has expired (AccessDenied)`,
			details: expect.stringMatching(/^The upload link has expired, or the file did not match the size \(\d+ bytes\) and type \(image\/png\) announced to DeepIDV\. The check was not run, so nothing was billed\./),
		});
	});

	it('repeats a PUT that failed with a server error or a dropped connection, then checks once', async () => {
		sb.injectFaults([
			{ status: 503, match: { method: 'PUT' } },
			{ reset: true, match: { method: 'PUT' } },
		]);
		const { items, error } = await run(
			{ resource: 'face', operation: 'estimateAge', fileOptions: { inlineLimitMb: 0 }, requestOptions: { maxRetries: 3 } },
			[{ data: imageFile({ face: 'ada', age: 40 }).file }],
		);
		expect(error).toBeUndefined();
		expect(sb.uploads.map((upload) => upload.status)).toEqual([503, 0, 200]);
		expect(sb.requests.map((request) => request.path)).toEqual(['/v1/upload/presign', '/v1/face/estimate-age']);
		expect(totalBilled(sb.stats)).toBe(1);
		expect(items[0].json.estimatedAge).toBe(40);
	});

	it('repeats the presign after a server error: it is not billed', async () => {
		sb.injectFaults([{ status: 500, when: 'after', match: { path: '/v1/upload/presign' } }]);
		const { error } = await run({ resource: 'face', operation: 'detect', fileOptions: { inlineLimitMb: 0 } }, [{ data: imageFile({ face: 'ada' }).file }]);
		expect(error).toBeUndefined();
		expect(sb.requests.map((request) => request.path)).toEqual(['/v1/upload/presign', '/v1/upload/presign', '/v1/face/detect']);
		expect(totalBilled(sb.stats)).toBe(1);
	});
});
