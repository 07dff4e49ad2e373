import type { INodeParameters } from 'n8n-workflow';
import { BINARY_IN_JSON_PROPERTY } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { totalBilled } from '../../sandbox';
import { runDeepIdv } from '../helpers/engine';
import { expectFilesStoredInMode, imageFile, rawFile, useFileChecks, useTempFiles } from '../helpers/files';
import type { TestFile } from '../helpers/nodeTypes';
import { sandboxCredential } from '../helpers/sandbox';

const PDF = rawFile(Buffer.from('%PDF-1.7\n%%EOF\n'), 'application/pdf', 'invoice.pdf');

describe('file checks refuse unusable input before sending anything', () => {
	const env = useFileChecks();
	const temp = useTempFiles();
	const { run } = env;
	let sb: Sandbox;
	beforeEach(() => {
		sb = env.sb;
	});

	const scan = { resource: 'document', operation: 'scan' };
	const compare = { resource: 'face', operation: 'compare' };

	const cases: Array<[string, INodeParameters, Array<Record<string, TestFile> | undefined>, string, string]> = [
		[
			'a field the item does not have, naming the ones it has',
			scan,
			[{ idPhoto: imageFile().file, selfie: imageFile().file }],
			'The item has no file in the field "data" (Input Binary Field)',
			'This item\'s files are in: "idPhoto", "selfie". Enter one of them in Input Binary Field.',
		],
		[
			'an item without any file',
			scan,
			[undefined],
			'The item has no file in the field "data" (Input Binary Field)',
			'This item has no files at all. Check that the node before this one outputs the image as a file (binary data), e.g. the file field of a Form Trigger, an email attachment or a downloaded file.',
		],
		[
			'an empty field name',
			{ ...scan, binaryPropertyName: '={{ "" }}' },
			[{ data: imageFile().file }],
			'The Input Binary Field parameter is empty',
			'Enter the name of the binary field that holds the image, e.g. data. The input panel lists the fields under Binary.',
		],
		[
			'a PDF',
			scan,
			[{ data: PDF.file }],
			'The file in "data" (invoice.pdf) is of type application/pdf, not a JPEG, PNG or WebP image',
			"DeepIDV's document and face checks read JPEG, PNG or WebP images. Convert the file first (for a PDF, export the page as an image), or map another field in Input Binary Field.",
		],
		[
			'a HEIC photo in the second image of a pair',
			compare,
			[{ idPhoto: imageFile().file, selfie: rawFile(Buffer.from('....ftypheic'), 'image/heic', 'IMG_0042.HEIC').file }],
			'The file in "selfie" (IMG_0042.HEIC) is of type image/heic, not a JPEG, PNG or WebP image',
			"DeepIDV's document and face checks read JPEG, PNG or WebP images. Convert the file first (for a PDF, export the page as an image), or map another field in Target Image Field.",
		],
		[
			'a missing second image of a pair',
			compare,
			[{ idPhoto: imageFile().file }],
			'The item has no file in the field "selfie" (Target Image Field)',
			'This item\'s files are in: "idPhoto". Enter one of them in Target Image Field.',
		],
		[
			'a Document Type from an expression that DeepIDV does not know',
			{ ...scan, documentType: '={{ "visa" }}' },
			[{ data: imageFile().file }],
			'The Document Type "visa" is not valid',
			"Choose Auto, Driver's Licence, National ID, Passport; from an expression, auto, drivers_license, national_id, passport.",
		],
		[
			'an upload limit from an expression that is no size',
			{ ...scan, fileOptions: { inlineLimitMb: '={{ "big" }}' } },
			[{ data: imageFile().file }],
			'The Upload Files Larger Than (MB) option "big" is not a number from 0 to 15',
			'Enter a size in MB, e.g. 4, or 0 to upload every image first.',
		],
	];

	it.each(cases)('refuses %s', async (_name, parameters, files, message, description) => {
		const { error, items } = await run(parameters, files);
		expect(error?.message).toBe(message);
		expect(error?.description).toBe(description);
		expect(error?.context?.itemIndex).toBe(0);
		expect(items).toEqual([]);
		expect(sb.requests).toEqual([]);
	});

	it('refuses an image over 15 MiB, and accepts one of exactly 15 MiB', async () => {
		const tooBig = temp.image('too-big.png', { face: 'ada', size: 15 * 1024 * 1024 + 1 });
		const { error } = await run(scan, [{ data: tooBig.file }]);
		expect(error?.message).toBe(
			'The file in "data" (too-big.png) is 15.0 MiB (15,728,641 bytes), more than DeepIDV\'s limit of 15 MiB (15,728,640 bytes)',
		);
		expect(error?.description).toBe('Make the image smaller first, e.g. with the Edit Image node (Resize), or ask for a lower resolution.');
		expect(sb.requests).toEqual([]);

		const atLimit = temp.image('at-limit.png', { face: 'ada', size: 15 * 1024 * 1024 });
		const result = await run({ resource: 'face', operation: 'detect' }, [{ data: atLimit.file }]);
		expect(result.error).toBeUndefined();
		expect(sb.requests[0].json).toEqual({ files: [{ contentType: 'image/png', byteLength: 15 * 1024 * 1024 }] });
	});

	it('accepts the common alias image/jpg and declares it as image/jpeg', async () => {
		const photo = imageFile({ format: 'jpeg', face: 'ada' });
		await run({ resource: 'face', operation: 'detect', fileOptions: { inlineLimitMb: 0 } }, [
			{ data: { ...photo.file, mimeType: 'image/JPG' } },
		]);
		expect(sb.requests[0].json).toEqual({ files: [{ contentType: 'image/jpeg', byteLength: photo.bytes.length }] });
		expect(sb.uploads[0].headers['content-type']).toBe('image/jpeg');
	});

	describe('under Continue On Fail', () => {
		it('turns only the unusable items into error items, paired and with their files, and checks the others', async () => {
			const selfie = imageFile({ face: 'ada' });
			const { items } = await run({ resource: 'face', operation: 'detect' }, [{ data: selfie.file }, { data: PDF.file }, { other: selfie.file }], {
				continueOnFail: true,
			});
			expect(sb.requests).toHaveLength(1);
			expect(totalBilled(sb.stats)).toBe(1);
			expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
			expect(items[0].json.faceDetected).toBe(true);
			expect(items[1]).toEqual({
				json: {
					error: 'The file in "data" (invoice.pdf) is of type application/pdf, not a JPEG, PNG or WebP image',
					details:
						"DeepIDV's document and face checks read JPEG, PNG or WebP images. Convert the file first (for a PDF, export the page as an image), or map another field in Input Binary Field.",
				},
				binary: { data: expect.objectContaining({ mimeType: 'application/pdf', fileName: 'invoice.pdf' }) },
				pairedItem: { item: 1 },
			});
			expect(items[2].json).toEqual({
				error: 'The item has no file in the field "data" (Input Binary Field)',
				details: 'This item\'s files are in: "other". Enter one of them in Input Binary Field.',
			});
		});
	});

	describe('Keep Input Files', () => {
		it('drops the files from output and error items when turned off', async () => {
			const { items } = await run(
				{ resource: 'face', operation: 'detect', fileOptions: { keepInputFiles: false } },
				[{ data: imageFile({ face: 'ada' }).file }, { data: PDF.file }],
				{ continueOnFail: true },
			);
			expect(items.map((item) => Object.keys(item).sort())).toEqual([
				['json', 'pairedItem'],
				['json', 'pairedItem'],
			]);
			expect(items[0].json.faceDetected).toBe(true);
		});

		it('keeps every file of the item by default, not only the one checked', async () => {
			const selfie = imageFile({ face: 'ada' });
			const { items } = await run({ resource: 'face', operation: 'detect' }, [{ data: selfie.file, contract: PDF.file }]);
			expect(Object.keys(items[0].binary ?? {}).sort()).toEqual(['contract', 'data']);
		});
	});

	describe('with the workflow setting that keeps files in the JSON (binary mode "combined")', () => {
		it('finds the file under its name and keeps the files field on the output', async () => {
			const id = imageFile({ document: { lastName: 'Hopper' } });
			const result = await runDeepIdv({
				parameters: scan,
				files: [{ data: id.file }],
				credential: sandboxCredential(sb),
				settings: { binaryMode: 'combined' },
			});
			expect(result.error).toBeUndefined();
			expectFilesStoredInMode(result);
			const input = result.run.data.resultData.runData['Manual Trigger'][0].data!.main[0]![0];
			expect(input.json[BINARY_IN_JSON_PROPERTY]).toEqual({ data: expect.objectContaining({ mimeType: 'image/png' }) });
			expect(sb.requests[0].json).toEqual({ image: id.bytes.toString('base64'), documentType: 'auto' });
			expect(result.items[0].json).toMatchObject({ lastName: 'Hopper', [BINARY_IN_JSON_PROPERTY]: input.json[BINARY_IN_JSON_PROPERTY] });
		});
	});
});
