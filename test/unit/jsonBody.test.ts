import { randomBytes } from 'node:crypto';

import { jsonBody } from '../../dist/nodes/DeepIdv/files/jsonBody';

describe('jsonBody', () => {
	it.each([0, 1, 2, 3, 3 * 64 * 1024 - 1, 3 * 64 * 1024, 3 * 64 * 1024 + 1, 1_000_003])(
		'writes a %i-byte file as the base64 Buffer#toString gives, inside valid JSON',
		(size) => {
			const file = randomBytes(size);
			const body = jsonBody([
				['image', file],
				['documentType', 'passport'],
			]);
			expect(JSON.parse(body.toString('utf8'))).toEqual({ image: file.toString('base64'), documentType: 'passport' });
		},
	);

	it('escapes strings and keeps the field order', () => {
		const body = jsonBody([
			['source', 'uploads/org/"quoted" \\ ü'],
			['target', Buffer.from('hi')],
		]);
		expect(body.toString('utf8')).toBe('{"source":"uploads/org/\\"quoted\\" \\\\ ü","target":"aGk="}');
		expect(jsonBody([]).toString()).toBe('{}');
	});
});
