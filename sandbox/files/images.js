// @ts-check
'use strict';
// Tiny test images for DeepIDV's file checks, and how the sandbox reads them. DeepIDV decides from what is
// in a photo; the sandbox decides from a marker a test writes into the image's metadata (a PNG tEXt chunk,
// a JPEG comment, a WebP XMP chunk), so a test picks an outcome without shipping real ID photos:
//   sandboxImage({ face: 'ada' })                    a selfie of "ada"
//   sandboxImage({ face: null })                     no face in the picture
//   sandboxImage({ document: { lastName: 'Doe' }, face: 'ada' })   an ID with ada's photo
//   sandboxImage({ document: 'unreadable' })         not a readable identity document
// An image without a marker still gets a deterministic answer, derived from its SHA-256.
const { createHash } = require('node:crypto');
const zlib = require('node:zlib');

const MARKER = 'deepidv-sandbox:';
/** The sandbox looks for the marker this far into a file (metadata sits at the start). */
const HEAD_BYTES = 64 * 1024;

/**
 * @typedef {object} ImageSpec
 * @property {'png' | 'jpeg' | 'webp'} [format] default 'png'
 * @property {string | null} [face] the person shown; null for no face; omitted: derived from the bytes
 * @property {Record<string, unknown> | 'unreadable'} [document] fields of the ID document shown, or 'unreadable'
 * @property {number} [age] apparent age of the face
 * @property {'male' | 'female'} [gender]
 * @property {number} [size] exact size of the file in bytes (padded with deterministic filler)
 * @property {string} [seed] any text: makes two otherwise equal images differ
 */

/**
 * Builds a small, structurally valid image carrying the marker.
 * @param {ImageSpec} [spec]
 * @returns {Buffer}
 */
function sandboxImage(spec = {}) {
	const { format = 'png', size, ...facts } = spec;
	const build = FORMATS[format];
	if (!build) throw new TypeError(`format must be one of ${Object.keys(FORMATS).join(', ')}`);
	const text = Buffer.from(`${MARKER}${Buffer.from(JSON.stringify(facts)).toString('base64url')}.`, 'latin1');
	const bare = build(text, 0);
	if (size === undefined) return bare;
	if (!Number.isInteger(size) || size < bare.length) throw new TypeError(`size must be an integer of at least ${bare.length} bytes for this ${format}`);
	const image = build(text, size - bare.length);
	if (image.length !== size) throw new Error(`internal: built ${image.length} bytes instead of ${size}`);
	return image;
}

/**
 * Deterministic filler bytes.
 * @param {number} length
 * @param {Buffer} text
 */
function filler(length, text) {
	const out = Buffer.alloc(Math.max(0, length));
	const block = createHash('sha256').update(text).digest();
	for (let offset = 0; offset < out.length; offset += block.length) block.copy(out, offset, 0, Math.min(block.length, out.length - offset));
	return out;
}

/** @param {number} value */
const be32 = (value) => {
	const b = Buffer.alloc(4);
	b.writeUInt32BE(value);
	return b;
};
/** @param {number} value */
const le32 = (value) => {
	const b = Buffer.alloc(4);
	b.writeUInt32LE(value);
	return b;
};

/**
 * @param {string} type
 * @param {Buffer} data
 */
function pngChunk(type, data) {
	const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
	return Buffer.concat([be32(data.length), typed, be32(zlib.crc32(typed))]);
}

/**
 * A 1×1 grey PNG; `extra` bytes of padding form a private ancillary chunk (12 bytes at least).
 * @param {Buffer} text @param {number} extra
 */
function png(text, extra) {
	if (extra > 0 && extra < 12) throw new TypeError('a padded PNG is at least 12 bytes larger than the bare one');
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		pngChunk('IHDR', Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0])),
		pngChunk('tEXt', Buffer.concat([Buffer.from('Comment\0', 'latin1'), text])),
		pngChunk('IDAT', zlib.deflateSync(Buffer.from([0, 0x80]))),
		...(extra > 0 ? [pngChunk('sbPd', filler(extra - 12, text))] : []),
		pngChunk('IEND', Buffer.alloc(0)),
	]);
}

/**
 * A JPEG container: start of image, comment segments (the marker, then `extra` bytes of padding
 * segments, 4 bytes at least), end of image.
 * @param {Buffer} text @param {number} extra
 */
function jpeg(text, extra) {
	if (extra > 0 && extra < 4) throw new TypeError('a padded JPEG is at least 4 bytes larger than the bare one');
	/** @param {Buffer} data */
	const comment = (data) => Buffer.concat([Buffer.from([0xff, 0xfe, (data.length + 2) >> 8, (data.length + 2) & 0xff]), data]);
	const segments = [comment(text)];
	const stream = filler(extra, text);
	let used = 0;
	while (used < extra) {
		let payload = Math.min(65533, extra - used - 4);
		// Never leave fewer than the 4 bytes a segment needs.
		const rest = extra - used - 4 - payload;
		if (rest > 0 && rest < 4) payload -= 4;
		segments.push(comment(stream.subarray(used, used + payload)));
		used += payload + 4;
	}
	return Buffer.concat([Buffer.from([0xff, 0xd8]), ...segments, Buffer.from([0xff, 0xd9])]);
}

/**
 * A RIFF/WEBP container: an XMP chunk with the marker, then a padding chunk (RIFF chunks have even
 * sizes, so `extra` must be even and at least 8).
 * @param {Buffer} text @param {number} extra
 */
function webp(text, extra) {
	if (extra % 2 || (extra > 0 && extra < 8)) throw new TypeError('a padded WebP is an even number of bytes, at least 8, larger than the bare one');
	/** @param {string} type @param {Buffer} data */
	const chunk = (type, data) => Buffer.concat([Buffer.from(type, 'latin1'), le32(data.length), data, Buffer.alloc(data.length % 2)]);
	const body = Buffer.concat([Buffer.from('WEBP', 'latin1'), chunk('XMP ', text), ...(extra > 0 ? [chunk('PADD', filler(extra - 8, text))] : [])]);
	return Buffer.concat([Buffer.from('RIFF', 'latin1'), le32(body.length), body]);
}

/** @type {Record<string, (text: Buffer, extra: number) => Buffer>} */
const FORMATS = { png, jpeg, webp };

/**
 * The image format from the first bytes (what DeepIDV accepts: JPEG, PNG, WebP), or null.
 * @param {Buffer} head
 * @returns {'image/jpeg' | 'image/png' | 'image/webp' | null}
 */
function formatOf(head) {
	if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
	if (head.length >= 4 && head.readUInt32BE(0) === 0x89504e47) return 'image/png';
	if (head.length >= 12 && head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
	return null;
}

/**
 * The facts a test wrote into an image, from its first bytes; null when there are none.
 * @param {Buffer} head
 * @returns {Record<string, unknown> | null}
 */
function markerOf(head) {
	const view = head.subarray(0, HEAD_BYTES);
	const at = view.indexOf(MARKER, 0, 'latin1');
	if (at === -1) return null;
	const end = view.indexOf('.', at + MARKER.length, 'latin1');
	if (end === -1) return null;
	try {
		const facts = JSON.parse(Buffer.from(view.toString('latin1', at + MARKER.length, end), 'base64url').toString('utf8'));
		return facts && typeof facts === 'object' && !Array.isArray(facts) ? facts : null;
	} catch {
		return null;
	}
}

/**
 * What the sandbox knows about an image: enough to answer every check, without keeping the bytes.
 * @typedef {object} ImageFacts
 * @property {number} bytes
 * @property {string} sha256 hex
 * @property {'image/jpeg' | 'image/png' | 'image/webp' | null} format
 * @property {Record<string, unknown> | null} marker
 */

/**
 * @param {Buffer} bytes
 * @returns {ImageFacts}
 */
function factsOf(bytes) {
	return { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), format: formatOf(bytes), marker: markerOf(bytes) };
}

/** Collects ImageFacts from a stream of chunks (an upload), keeping only the first HEAD_BYTES. */
function factsCollector() {
	const hash = createHash('sha256');
	/** @type {Buffer[]} */
	const head = [];
	let headBytes = 0;
	let bytes = 0;
	return {
		/** @param {Buffer} chunk */
		add(chunk) {
			hash.update(chunk);
			bytes += chunk.length;
			if (headBytes < HEAD_BYTES) {
				const part = chunk.subarray(0, HEAD_BYTES - headBytes);
				head.push(part);
				headBytes += part.length;
			}
		},
		/** @returns {ImageFacts} */
		done() {
			const start = Buffer.concat(head);
			return { bytes, sha256: hash.digest('hex'), format: formatOf(start), marker: markerOf(start) };
		},
	};
}

module.exports = { sandboxImage, factsOf, factsCollector, formatOf };
