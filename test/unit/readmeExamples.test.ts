import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ACCEPTED_IMAGE_LABELS, MAX_IMAGE_BYTES } from '../../dist/nodes/DeepIdv/files/imageTypes';

const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');

describe('README', () => {
	it('states the image types and the size limit the node enforces', () => {
		expect(ACCEPTED_IMAGE_LABELS).toBe('JPEG, PNG or WebP');
		expect(readme).toContain(`It is a **${ACCEPTED_IMAGE_LABELS}** image`);
		expect(readme).toContain(`It is at most **15 MiB** (${MAX_IMAGE_BYTES.toLocaleString('en-US')} bytes)`);
	});
});
