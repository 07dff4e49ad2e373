/**
 * The one list of image types the file checks accept. DeepIDV does not document which types its
 * document, face and identity calls take; these are the three its official SDK detects and sends
 * (JPEG, PNG, WebP). Everything else (PDF, HEIC, GIF, …) is refused before a request is sent.
 */
export const ACCEPTED_IMAGE_TYPES = [
	{ mimeType: 'image/jpeg', label: 'JPEG', alsoKnownAs: ['image/jpg', 'image/pjpeg'] },
	{ mimeType: 'image/png', label: 'PNG', alsoKnownAs: [] },
	{ mimeType: 'image/webp', label: 'WebP', alsoKnownAs: [] },
] as const;

/** "JPEG, PNG or WebP", for messages and descriptions. */
export const ACCEPTED_IMAGE_LABELS = ((labels: string[]) => `${labels.slice(0, -1).join(', ')} or ${labels.at(-1)}`)(
	ACCEPTED_IMAGE_TYPES.map((type) => type.label),
);

/** A set of image types DeepIDV takes somewhere, and the sentence that says so in error descriptions. */
export interface AcceptedImages {
	types: ReadonlyArray<{ mimeType: string; label: string; alsoKnownAs: readonly string[] }>;
	/** E.g. "JPEG, PNG or WebP". */
	labels: string;
	/** E.g. "DeepIDV's document and face checks read JPEG, PNG or WebP images." */
	rule: string;
}

/** What the document, face and identity checks take. */
export const CHECK_IMAGES: AcceptedImages = {
	types: ACCEPTED_IMAGE_TYPES,
	labels: ACCEPTED_IMAGE_LABELS,
	rule: `DeepIDV's document and face checks read ${ACCEPTED_IMAGE_LABELS} images.`,
};

/** What a profile logo may be: the OAS of POST /v1/profiles/logo-upload-url adds GIF. */
export const LOGO_IMAGES: AcceptedImages = {
	types: [...ACCEPTED_IMAGE_TYPES, { mimeType: 'image/gif', label: 'GIF', alsoKnownAs: [] }],
	labels: 'JPEG, PNG, WebP or GIF',
	rule: 'DeepIDV takes profile logos as JPEG, PNG, WebP or GIF images.',
};

/** DeepIDV's size limit for one image: 15 MiB, the presign endpoint's byteLength maximum. */
export const MAX_IMAGE_BYTES = 15 * 1024 * 1024;

/**
 * The MIME type to declare to DeepIDV for a file n8n labelled `mimeType` (parameters such as
 * `; charset=…` and letter case ignored, common aliases mapped), or undefined when it is not one
 * of the `accepted` images (by default the checks' ones).
 */
export function acceptedImageType(mimeType: string | undefined, accepted: AcceptedImages = CHECK_IMAGES): string | undefined {
	const bare = String(mimeType ?? '')
		.split(';')[0]
		.trim()
		.toLowerCase();
	const type = accepted.types.find((candidate) => candidate.mimeType === bare || candidate.alsoKnownAs.includes(bare));
	return type?.mimeType;
}

/** A byte count as people read it: "15 MiB", "4.2 MiB", "830 KiB", "120 bytes". */
export function formatBytes(bytes: number): string {
	if (bytes < 1024) return `${bytes} bytes`;
	if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KiB`;
	const mib = bytes / (1024 * 1024);
	return `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MiB`;
}

/**
 * What the Workflow Runner's config-driven upload slots (documents, custom prompts, form files,
 * signatures) take: the images, and PDF, which DeepIDV's own slot example uploads.
 */
export const SLOT_FILES: AcceptedImages = {
	types: [...ACCEPTED_IMAGE_TYPES, { mimeType: 'application/pdf', label: 'PDF', alsoKnownAs: [] }],
	labels: 'JPEG, PNG, WebP or PDF',
	rule: "DeepIDV's Workflow Runner takes uploads as JPEG, PNG, WebP or PDF files.",
};
