import type { INodeParameters } from 'n8n-workflow';

import { factsOf } from '../../sandbox';
import { imageFile, rawFile, useFileChecks } from '../helpers/files';

const MIB = 1024 * 1024;
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

describe('Profile → Create through the n8n engine', () => {
	const env = useFileChecks();
	const create = (parameters: INodeParameters, files: Parameters<typeof env.run>[1] = [undefined]) =>
		env.run({ resource: 'profile', operation: 'create', ...parameters }, files);

	it('sends POST /v1/profiles with the name only when no logo is added, and outputs the 201 profile', async () => {
		const { sb } = env;
		const { items, error } = await create({ name: ' Acme Branding ' });
		expect(error).toBeUndefined();
		expect(sb.requests.map(({ method, path, json }) => ({ method, path, json }))).toEqual([{ method: 'POST', path: '/v1/profiles', json: { name: 'Acme Branding' } }]);
		const id = items[0].json.id as string;
		expect(items).toEqual([
			{
				json: { id: expect.stringMatching(/^[0-9a-f-]{36}$/), name: 'Acme Branding', organizationId: expect.any(String), logoUrl: null, createdAt: expect.any(String), updatedAt: expect.any(String) },
				pairedItem: { item: 0 },
			},
		]);
		expect(sb.getProfile(id)).toEqual(items[0].json);
	});

	it('asks for a logo upload URL, PUTs the exact bytes there without the API key, then creates the profile with the fileKey', async () => {
		const { sb } = env;
		const logo = imageFile({ format: 'png' }, 'logo.png');
		const { items, error } = await create({ name: 'Acme', addLogo: true, logoBinaryField: 'logo' }, [{ logo: logo.file }]);
		expect(error).toBeUndefined();
		const [uploadUrl, createProfile] = sb.requests;
		expect(sb.requests).toHaveLength(2);
		expect(uploadUrl).toMatchObject({
			method: 'POST',
			path: '/v1/profiles/logo-upload-url',
			headers: expect.objectContaining({ 'x-api-key': sb.keys.live }),
			json: { contentType: 'image/png', byteLength: logo.bytes.length },
		});
		expect(sb.uploads).toHaveLength(1);
		const [put] = sb.uploads;
		expect(put).toMatchObject({ method: 'PUT', bytes: logo.bytes.length, status: 200 });
		expect(put.headers).toMatchObject({ 'content-type': 'image/png', 'content-length': String(logo.bytes.length) });
		expect(put.headers['x-api-key']).toBeUndefined();
		expect(JSON.stringify(put)).not.toContain(sb.keys.live);
		const fileKey = decodeURIComponent(put.path.slice(1));
		expect(fileKey).toMatch(/\/profiles\/logos\/[0-9a-f-]{36}$/);
		expect(sb.uploadedFile(fileKey)).toEqual(factsOf(logo.bytes));
		expect(createProfile).toMatchObject({ method: 'POST', path: '/v1/profiles', json: { name: 'Acme', logoUrl: fileKey } });
		expect(items[0].json).toMatchObject({ name: 'Acme', logoUrl: fileKey });
	});

	it('takes a GIF logo, which profiles allow and the file checks do not', async () => {
		const { sb } = env;
		const { error } = await create({ name: 'Acme', addLogo: true, logoBinaryField: 'data' }, [{ data: rawFile(GIF, 'image/gif', 'logo.gif').file }]);
		expect(error).toBeUndefined();
		expect(sb.requests[0].json).toEqual({ contentType: 'image/gif', byteLength: GIF.length });
	});

	it.each<[string, INodeParameters, Parameters<typeof env.run>[1], string, string]>([
		['an empty Name', { name: ' ' }, [undefined], 'The Name parameter is empty', 'Enter a name for the branding profile, e.g. Acme Branding.'],
		[
			'a logo field the item does not have',
			{ name: 'Acme', addLogo: true, logoBinaryField: 'logo' },
			[{ data: imageFile().file }],
			'The item has no file in the field "logo" (Logo Binary Field)',
			'This item\'s files are in: "data". Enter one of them in Logo Binary Field.',
		],
		[
			'a logo that is not an image',
			{ name: 'Acme', addLogo: true, logoBinaryField: 'data' },
			[{ data: rawFile(Buffer.from('%PDF-1.7'), 'application/pdf', 'logo.pdf').file }],
			'The file in "data" (logo.pdf) is of type application/pdf, not a JPEG, PNG, WebP or GIF image',
			'DeepIDV takes profile logos as JPEG, PNG, WebP or GIF images. Convert the file first (for a PDF, export the page as an image), or map another field in Logo Binary Field.',
		],
		[
			'a logo over 15 MiB',
			{ name: 'Acme', addLogo: true, logoBinaryField: 'data' },
			[{ data: rawFile(Buffer.alloc(15 * MIB + 1), 'image/png', 'big.png').file }],
			'The file in "data" (big.png) is 15.0 MiB (15,728,641 bytes), more than DeepIDV\'s limit of 15 MiB (15,728,640 bytes)',
			'Make the image smaller first, e.g. with the Edit Image node (Resize), or ask for a lower resolution.',
		],
	])('refuses %s before sending anything', async (_case, parameters, files, message, description) => {
		const { error } = await create(parameters, files);
		expect({ message: error?.message, description: error?.description }).toEqual({ message, description });
		expect(env.sb.requests).toEqual([]);
		expect(env.sb.uploads).toEqual([]);
	});

	it('says the profile was not created when the upload host refuses the logo, and sends no create', async () => {
		const { sb } = env;
		sb.injectFaults([{ status: 403, match: { method: 'PUT' } }]);
		const { error } = await create({ name: 'Acme', addLogo: true, logoBinaryField: 'data' }, [{ data: imageFile({}, 'logo.png').file }]);
		expect(error?.message).toBe('DeepIDV\'s file storage refused the upload of "data" (logo.png) (HTTP 403): We encountered an internal error. Please try again. (InternalError)');
		expect(error?.description).toMatch(/ The profile was not created\. Run the item again to get a new link;/);
		expect(sb.requests.map((request) => request.path)).toEqual(['/v1/profiles/logo-upload-url']);
	});

	it('never repeats the create after a lost answer, and says how to check', async () => {
		const { sb } = env;
		sb.injectFaults([{ status: 500, when: 'after', match: { method: 'POST', path: '/v1/profiles' } }]);
		const { error } = await create({ name: 'Acme' });
		expect(error?.message).toBe('DeepIDV had a server error (HTTP 500): Internal Server Error');
		expect(error?.description).toBe(
			'DeepIDV may have created the profile anyway. Before running this item again, look for it with Profile → Get Many so it is not created twice.',
		);
		expect(sb.requests.map((request) => request.path)).toEqual(['/v1/profiles']);
	});
});
