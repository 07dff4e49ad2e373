/** Bytes of a file encoded per step (a multiple of 3, so no padding falls inside the text). */
const CHUNK_BYTES = 3 * 64 * 1024;

/**
 * A JSON object body, serialised once into one buffer: strings as JSON strings, files as base64
 * strings. The base64 text is written straight into the buffer in small steps, so a 5 MB photo
 * costs its 6.7 MB of base64 once, not three times over (string, JSON text, request bytes), and a
 * retry sends the same buffer again.
 */
export function jsonBody(fields: Array<[name: string, value: string | Buffer]>): Buffer {
	const parts = fields.map(([name, value], index) => ({
		head: `${index === 0 ? '{' : ','}${JSON.stringify(name)}:${Buffer.isBuffer(value) ? '"' : JSON.stringify(value)}`,
		file: Buffer.isBuffer(value) ? value : undefined,
	}));
	const size =
		parts.reduce((total, { head, file }) => total + Buffer.byteLength(head) + (file ? 4 * Math.ceil(file.length / 3) + 1 : 0), 0) +
		(fields.length === 0 ? 2 : 1);
	const body = Buffer.allocUnsafe(size);
	let offset = 0;
	for (const { head, file } of parts) {
		offset += body.write(head, offset, 'utf8');
		if (!file) continue;
		for (let start = 0; start < file.length; start += CHUNK_BYTES) {
			offset += body.write(file.subarray(start, start + CHUNK_BYTES).toString('base64'), offset, 'latin1');
		}
		offset += body.write('"', offset, 'latin1');
	}
	offset += body.write(fields.length === 0 ? '{}' : '}', offset, 'latin1');
	if (offset !== size) throw new Error(`internal: JSON body of ${offset} bytes instead of ${size}`);
	return body;
}
