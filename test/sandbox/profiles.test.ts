import { call } from './helpers';
import { useSandbox } from '../helpers/sandbox';

describe('sandbox: profiles', () => {
	const env = useSandbox();

	it('validates the logo upload request: the four logo types and 1 byte to 15 MiB', async () => {
		const { json } = await call(env.sb, 'POST', '/v1/profiles/logo-upload-url', { body: { contentType: 'image/svg+xml', byteLength: 15728641 } });
		expect(json.hints.map((hint: { path: string[]; code: string }) => `${hint.path.join('.')} ${hint.code}`)).toEqual(['contentType invalid_enum_value', 'byteLength too_big']);
	});

	it('creates a profile with a logo only once its PUT went through, answering 201', async () => {
		const { sb } = env;
		const { json: upload } = await call(sb, 'POST', '/v1/profiles/logo-upload-url', { body: { contentType: 'image/png', byteLength: 4 } });
		expect(upload.uploadUrl.startsWith(`${sb.uploadUrl}/`)).toBe(true);
		expect((await call(sb, 'POST', '/v1/profiles', { body: { name: 'Acme', logoUrl: upload.fileKey } })).json).toEqual({ error: `No uploaded logo has the fileKey "${upload.fileKey}".` });
		const put = await fetch(upload.uploadUrl, { method: 'PUT', headers: { 'content-type': 'image/png' }, body: 'abcd' });
		expect(put.status).toBe(200);
		const created = await call(sb, 'POST', '/v1/profiles', { body: { name: 'Acme', logoUrl: upload.fileKey } });
		expect(created).toMatchObject({ status: 201, json: { name: 'Acme', logoUrl: upload.fileKey } });
		expect((await call(sb, 'GET', '/v1/profiles')).json).toEqual({ profiles: [created.json] });
		expect((await call(sb, 'GET', `/v1/profiles/${created.json.id}`)).json).toEqual(created.json);
		expect((await call(sb, 'POST', '/v1/profiles', { body: { name: '' } })).status).toBe(400);
	});
});
