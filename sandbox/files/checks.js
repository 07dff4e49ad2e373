// @ts-check
'use strict';
// Answers of DeepIDV's server-to-server checks, derived from what is in the images (see images.js): the
// marker a test wrote, or else the image's SHA-256, so the same bytes always give the same answer. Field
// names, scales (0–1 here, 0–100 there) and the "no face" shapes follow DeepIDV's OpenAPI file; the values
// themselves are made up.

/** @typedef {import('./images').ImageFacts} ImageFacts */

const FIRST_NAMES = ['Ada', 'Grace', 'Alan', 'Mary', 'Jean', 'Ravi', 'Mei', 'Omar'];
const LAST_NAMES = ['Lovelace', 'Hopper', 'Turing', 'Somerville', 'Bartik', 'Kannan', 'Chen', 'Haddad'];
const COUNTRIES = [
	{ code: 'CA', nationality: 'CAN' },
	{ code: 'US', nationality: 'USA' },
	{ code: 'GB', nationality: 'GBR' },
	{ code: 'FR', nationality: 'FRA' },
];
const DOCUMENT_TYPES = ['passport', 'drivers_license', 'national_id'];

/**
 * A number from the image's hash (a different slice for each use).
 * @param {ImageFacts} image @param {number} slot
 */
const hashInt = (image, slot) => parseInt(image.sha256.slice(slot * 8, slot * 8 + 8), 16);
/** @param {number} value */
const round1 = (value) => Math.round(value * 10) / 10;
/** @param {number} value */
const round2 = (value) => Math.round(value * 100) / 100;
/** @param {number} n */
const pad2 = (n) => String(n).padStart(2, '0');

/**
 * The person whose face the image shows, or null when it shows none.
 * @param {ImageFacts} image
 * @returns {string | null}
 */
function faceOf(image) {
	const face = image.marker?.face;
	if (face === null) return null;
	if (typeof face === 'string') return face;
	return `person-${image.sha256.slice(0, 12)}`;
}

/**
 * The identity document an image shows: 'unreadable', or its fields (marker values win over derived ones).
 * @param {ImageFacts} image
 * @param {string | undefined} requestedType
 * @returns {'unreadable' | Record<string, unknown>}
 */
function documentOf(image, requestedType) {
	const given = image.marker?.document;
	if (given === 'unreadable') return 'unreadable';
	const n = hashInt(image, 1);
	const firstName = FIRST_NAMES[n % FIRST_NAMES.length];
	const lastName = LAST_NAMES[(n >>> 3) % LAST_NAMES.length];
	const country = COUNTRIES[(n >>> 6) % COUNTRIES.length];
	const documentType = requestedType && requestedType !== 'auto' ? requestedType : DOCUMENT_TYPES[(n >>> 8) % DOCUMENT_TYPES.length];
	const derived = {
		documentType,
		fullName: `${firstName} ${lastName}`,
		firstName,
		lastName,
		dateOfBirth: `${1950 + (n % 50)}-${pad2(1 + ((n >>> 4) % 12))}-${pad2(1 + ((n >>> 9) % 28))}`,
		gender: n % 2 ? 'F' : 'M',
		nationality: country.nationality,
		documentNumber: `${documentType === 'passport' ? 'P' : 'D'}${String(hashInt(image, 2) % 1e8).padStart(8, '0')}`,
		expirationDate: `${2027 + (n % 8)}-${pad2(1 + ((n >>> 12) % 12))}-${pad2(1 + ((n >>> 16) % 28))}`,
		issuingCountry: country.code,
	};
	const fields = { ...derived, ...(given && typeof given === 'object' ? given : {}) };
	if (!(given && typeof given === 'object' && 'fullName' in given)) fields.fullName = `${fields.firstName} ${fields.lastName}`;
	return fields;
}

/**
 * @param {ImageFacts} image
 * @param {string | undefined} requestedType
 * @returns {{ status: 400, error: string } | { status: 200, body: Record<string, unknown> }}
 */
function scanDocument(image, requestedType) {
	const document = documentOf(image, requestedType);
	if (document === 'unreadable') return UNREADABLE;
	const { address, mrzData, ...fields } = document;
	const rawFields = {
		FIRST_NAME: String(fields.firstName),
		LAST_NAME: String(fields.lastName),
		DATE_OF_BIRTH: String(fields.dateOfBirth),
		DOCUMENT_NUMBER: String(fields.documentNumber),
		EXPIRATION_DATE: String(fields.expirationDate),
	};
	return {
		status: 200,
		body: {
			...fields,
			...(address !== undefined && { address }),
			...(mrzData !== undefined ? { mrzData } : fields.documentType === 'passport' && { mrzData: mrzOf(fields) }),
			rawFields,
			confidence: round2(0.9 + (hashInt(image, 3) % 10) / 100),
		},
	};
}

/** The sandbox's own wording: DeepIDV's documents name the 400 but not its text. */
const UNREADABLE = /** @type {const} */ ({ status: 400, error: 'Could not read an identity document in the image.' });

/** @param {Record<string, unknown>} fields */
function mrzOf(fields) {
	const name = `${String(fields.lastName).toUpperCase()}<<${String(fields.firstName).toUpperCase()}`;
	return `P<${String(fields.nationality)}${name}`.padEnd(44, '<');
}

/** @param {ImageFacts} image */
function detectFace(image) {
	if (faceOf(image) === null) return { faceDetected: false, confidence: 0 };
	const n = hashInt(image, 4);
	return {
		faceDetected: true,
		confidence: round2(0.95 + (n % 5) / 100),
		boundingBox: { top: 0.2, left: 0.3, width: 0.4, height: 0.5 },
		landmarks: [
			{ type: 'eyeLeft', x: 0.42, y: 0.38 },
			{ type: 'eyeRight', x: 0.58, y: 0.38 },
			{ type: 'nose', x: 0.5, y: 0.5 },
			{ type: 'mouthLeft', x: 0.44, y: 0.6 },
			{ type: 'mouthRight', x: 0.56, y: 0.6 },
		],
	};
}

/** @param {ImageFacts} image */
function estimateAge(image) {
	if (faceOf(image) === null) return { faceDetected: false };
	const n = hashInt(image, 5);
	const marked = image.marker?.age;
	const age = typeof marked === 'number' ? marked : 18 + (n % 60);
	const gender = image.marker?.gender === 'male' || image.marker?.gender === 'female' ? image.marker.gender : n % 2 ? 'female' : 'male';
	return { faceDetected: true, estimatedAge: age, ageRange: { low: Math.max(0, age - 4), high: age + 4 }, gender, genderConfidence: round2(0.9 + (n % 10) / 100) };
}

/**
 * Similarity (0–100) of the faces in two images: high for the same person, low otherwise.
 * @param {ImageFacts} source @param {ImageFacts} target
 */
function similarity(source, target) {
	const n = hashInt(source, 6) ^ hashInt(target, 6);
	return faceOf(source) === faceOf(target) ? round1(95 + (Math.abs(n) % 45) / 10) : round1(5 + (Math.abs(n) % 300) / 10);
}

/**
 * @param {ImageFacts} source @param {ImageFacts} target @param {number} threshold
 */
function compareFaces(source, target, threshold) {
	// DeepIDV: "Returned with all fields set to false / 0 when either image contains no detectable face."
	if (faceOf(source) === null || faceOf(target) === null) {
		return { isMatch: false, confidence: 0, threshold: 0, sourceFaceDetected: false, targetFaceDetected: false };
	}
	const confidence = similarity(source, target);
	return { isMatch: confidence >= threshold, confidence, threshold, sourceFaceDetected: true, targetFaceDetected: true };
}

/**
 * Document scan + face detection + comparison of the document's photo with the face image.
 * @param {ImageFacts} documentImage @param {ImageFacts} faceImage @param {string | undefined} requestedType @param {number} threshold
 * @returns {{ status: 400, error: string } | { status: 200, body: Record<string, unknown> }}
 */
function verifyIdentity(documentImage, faceImage, requestedType, threshold) {
	const scan = scanDocument(documentImage, requestedType);
	if (scan.status !== 200) return scan;
	// The verify answer embeds a subset of the scan answer, without mrzData and rawFields (OAS IdentityVerifyDocument).
	const { confidence, ...document } = scan.body;
	delete document.mrzData;
	delete document.rawFields;
	const documentConfidence = round1(Number(confidence) * 100);
	const detected = detectFace(faceImage);
	const faceDetection = { faceDetected: detected.faceDetected, confidence: round1(detected.confidence * 100) };
	const faceMatch =
		detected.faceDetected && faceOf(documentImage) !== null
			? (() => {
					const similar = similarity(documentImage, faceImage);
					return { isMatch: similar >= threshold, confidence: similar, threshold };
				})()
			: { isMatch: false, confidence: 0, threshold };
	return {
		status: 200,
		body: {
			verified: faceDetection.faceDetected && faceMatch.isMatch && documentConfidence >= 50,
			document: { ...document, confidence: documentConfidence },
			faceDetection,
			faceMatch,
			overallConfidence: round1((documentConfidence + faceDetection.confidence + faceMatch.confidence) / 3),
		},
	};
}

module.exports = { faceOf, scanDocument, detectFace, estimateAge, compareFaces, verifyIdentity };
