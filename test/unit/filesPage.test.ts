import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ACCEPTED_IMAGE_LABELS, MAX_IMAGE_BYTES } from '../../dist/nodes/DeepIdv/files/imageTypes';

/** The file checks' reference page, where the accepted images are stated. */
const filesPage = readFileSync(join(__dirname, '../../docs/files.md'), 'utf8');

describe('docs/files.md', () => {
	it('states the image types and the size limit the node enforces', () => {
		expect(ACCEPTED_IMAGE_LABELS).toBe('JPEG, PNG or WebP');
		expect(filesPage).toContain(`It is a **${ACCEPTED_IMAGE_LABELS}** image`);
		expect(filesPage).toContain(`It is at most **15 MiB** (${MAX_IMAGE_BYTES.toLocaleString('en-US')} bytes)`);
	});
});
