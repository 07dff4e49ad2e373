// @ts-check
'use strict';
// Deterministic screening answers, chosen by the input so that a test picks the outcome it needs. The shapes
// are DeepIDV's documented ones (§5.6 of the API notes); the people, numbers and addresses are made up.
//
// By last name (any case), for pep-sanctions and adverse-media:
//   Sanctioned → two sanctions matches            Politician → one PEP match, MEDIUM political media
//   Listed     → one match on both lists          Headlines  → HIGH adverse media with three findings
//   Failing    → the adverse-media job fails      Unavailable → 503 upstream unavailable (not billed)
//   anyone else → no match, LOW adverse media with no hits
// Carrier checks, by phone (UK data is live; US/Canada and elsewhere answer NO_DATA, as documented):
//   +447700900001 SIM swapped (high risk)   +447700900002 SIM swapped (medium risk)
//   +447700900003 call forwarding active    +447700900010 carrier says under 18
//   +447700900099 503 upstream unavailable  other +44 numbers: clean, over 18
//   Phone ownership: +447700900021 belongs to John Smith, every other +44 number to Jane Doe
//   (born 1990-05-17, 221B Baker Street, London).
// Title check, by address: '742 Maple Avenue, Springfield, OR 97403' found;
//   '1200 Harbor View Dr, Miami, FL 33131' multiple properties; '500 Records Offline Rd, Denver, CO 80202'
//   fails (job failed, or 503 when synchronous); other addresses ending in a US state and ZIP not found;
//   anything else unsupported region.

const SEARCHED_SOURCES = ['OFAC SDN List', 'UN Security Council Consolidated List', 'EU Consolidated Financial Sanctions', 'UK HMT Consolidated List', 'Global PEP Database'];

/** @typedef {{ firstName: string, lastName: string, dateOfBirth: string }} Person */

/** @param {Person} person */
const surname = (person) => person.lastName.trim().toLowerCase();

/** Whether the input asks for DeepIDV's documented 503 (upstream deadline, not billed). @param {Person} person */
const upstreamUnavailable = (person) => surname(person) === 'unavailable';

/** @param {Person} person */
function pepSanctionsResult(person) {
	const name = `${person.firstName} ${person.lastName}`;
	/** @type {Record<string, unknown>[]} */
	let peps = [];
	/** @type {Record<string, unknown>[]} */
	let sanctions = [];
	/** @type {Record<string, unknown>[]} */
	let both = [];
	switch (surname(person)) {
		case 'sanctioned':
			sanctions = [
				{ name: `${person.firstName[0]}. ${person.lastName}`, country: null, dateOfBirth: null, confidence: 0.71, datasets: ['UN Security Council Consolidated List'] },
				{ name, country: 'RU', dateOfBirth: person.dateOfBirth, confidence: 0.97, datasets: ['OFAC SDN List', 'EU Consolidated Financial Sanctions'] },
			];
			break;
		case 'politician':
			peps = [{ name, country: 'GB', dateOfBirth: person.dateOfBirth, confidence: 0.93, datasets: ['Global PEP Database'] }];
			break;
		case 'listed':
			both = [{ name, country: 'VE', dateOfBirth: person.dateOfBirth, confidence: 0.95, datasets: ['OFAC SDN List', 'Global PEP Database'] }];
			break;
		default:
	}
	return { totalMatches: peps.length + sanctions.length + both.length, peps, sanctions, both, searchedSources: SEARCHED_SOURCES };
}

/** @param {Person} person @returns {{ result: Record<string, unknown> } | { error: string }} */
function adverseMediaOutcome(person) {
	const name = `${person.firstName} ${person.lastName}`;
	switch (surname(person)) {
		case 'failing':
			return { error: 'The media search provider could not complete the screening' };
		case 'headlines':
			return {
				result: {
					totalHits: 5,
					riskLevel: 'HIGH',
					riskScore: 78,
					summary: `${name} appears in reports of a fraud investigation and a regulatory fine.`,
					findings: [
						finding('f-1', 'MEDIUM', 'regulatory', `Regulator fines firm directed by ${name}`, 'Financial Times', '2024-06-02', 0.74),
						finding('f-2', 'HIGH', 'financial_crime', `${name} questioned in investment fraud probe`, 'Reuters', '2024-11-18', 0.91),
						finding('f-3', 'HIGH', 'court_records', `${name} named in civil fraud claim`, 'Court records', '2025-01-09', 0.83),
					],
					exposuresByCategory: {
						financial_crime: { hits: 3, articles: [article('2024-11-18', `${name} questioned in investment fraud probe`, 'news')] },
						regulatory: { hits: 1, articles: [article('2024-06-02', `Regulator fines firm directed by ${name}`, 'news')] },
						court_records: { hits: 1, articles: [article('2025-01-09', `${name} named in civil fraud claim`, 'court-records')] },
					},
				},
			};
		case 'politician':
			return {
				result: {
					totalHits: 1,
					riskLevel: 'MEDIUM',
					riskScore: 42,
					summary: `${name} is a serving politician; one report concerns undeclared donations.`,
					findings: [finding('f-1', 'MEDIUM', 'political', `Questions over donations to ${name}`, 'The Guardian', '2024-09-30', 0.8)],
					exposuresByCategory: { political: { hits: 1, articles: [article('2024-09-30', `Questions over donations to ${name}`, 'news')] } },
				},
			};
		default:
			return { result: { totalHits: 0, riskLevel: 'LOW', riskScore: 3, summary: `No adverse media found for ${name}.`, findings: [], exposuresByCategory: {} } };
	}
}

/**
 * @param {string} findingId @param {string} severity @param {string} category @param {string} title
 * @param {string} sourceName @param {string} articleDate @param {number} confidence
 */
function finding(findingId, severity, category, title, sourceName, articleDate, confidence) {
	const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
	return {
		findingId,
		severity,
		category,
		title,
		detail: `${title}.`,
		sourceUrl: `https://news.example/${slug}`,
		sourceName,
		articleDate,
		confidence,
		confirmedBy: [sourceName],
	};
}

/** @param {string} timestamp @param {string} headline @param {string} source */
function article(timestamp, headline, source) {
	return { timestamp, headline, sourceLink: `https://news.example/${headline.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`, source };
}

const normalizeAddress = (/** @type {string} */ address) => address.trim().toLowerCase().replace(/[\s,]+/g, ' ');
const US_STATE_AND_ZIP = /\b[a-z]{2} \d{5}(-\d{4})?$/;

/** @param {string} address @returns {{ result: Record<string, unknown> } | { error: string }} */
function titleCheckOutcome(address) {
	const key = normalizeAddress(address);
	if (key === normalizeAddress('500 Records Offline Rd, Denver, CO 80202')) return { error: 'The county records service did not respond' };
	if (key === normalizeAddress('742 Maple Avenue, Springfield, OR 97403')) {
		return {
			result: {
				status: 'found',
				subjectProperty: { address: '742 Maple Avenue', city: 'Springfield', state: 'OR', zip: '97403', apn: '17-03-24-31-00400' },
				ownerInformation: { owners: ['ALEX MORGAN', 'SAM MORGAN'], ownerOccupied: true },
				locationInformation: { county: 'Lane', subdivision: 'Maple Heights' },
				ownerTransferInformation: { recordingDate: '1989-12-17', documentType: 'Grant Deed' },
				lastMarketSaleInformation: { saleDate: '1989-12-17', salePrice: 120000 },
			},
		};
	}
	if (key === normalizeAddress('1200 Harbor View Dr, Miami, FL 33131')) {
		return {
			result: {
				status: 'multiple_properties',
				message: 'The address matches several units. Add the unit number to the address.',
				availableUnits: ['101', '102', '2204'],
				properties: [
					{ owner: 'HARBOR VIEW HOLDINGS LLC', apartmentOrUnit: '101' },
					{ owner: 'MARIA LOPEZ', apartmentOrUnit: '102' },
					{ owner: 'DAVID CHEN', apartmentOrUnit: '2204' },
				],
			},
		};
	}
	if (US_STATE_AND_ZIP.test(key)) return { result: { status: 'not_found', message: 'No property record was found for this address.' } };
	return { result: { status: 'unsupported_region', message: 'Title checks are available for US addresses only.' } };
}

/** @param {string} phone E.164 */
const hasCarrierData = (phone) => phone.startsWith('+44');

/** Whether the number asks for DeepIDV's documented 503. @param {string} phone */
const carrierUnavailable = (phone) => phone === '+447700900099';

const CHECKED_STATUS = 'Carrier data checked';
const NO_DATA_STATUS = 'No carrier data is available for this number';

/** @param {string} phone @param {string} sensitivity */
function phoneTrustResult(phone, sensitivity) {
	if (!hasCarrierData(phone)) {
		return { tripped: false, tripReasons: [], simSwappedRisk: 'NO_DATA', forwardingRisk: 'NO_DATA', sensitivity, statusMessage: NO_DATA_STATUS };
	}
	const simSwappedRisk = { '+447700900001': 'HIGH_RISK', '+447700900002': 'MEDIUM_RISK' }[phone] ?? 'LOW_RISK';
	const forwardingRisk = phone === '+447700900003' ? 'HIGH_RISK' : 'NO_RISK';
	// How sensitivity weighs the risks is not documented: here a medium-risk SIM swap trips unless it is low.
	const tripReasons = [];
	if (simSwappedRisk === 'HIGH_RISK') tripReasons.push('SIM_SWAP_HIGH_RISK');
	if (simSwappedRisk === 'MEDIUM_RISK' && sensitivity !== 'low') tripReasons.push('SIM_SWAP_MEDIUM_RISK');
	if (forwardingRisk === 'HIGH_RISK') tripReasons.push('CALL_FORWARDING_ACTIVE');
	return {
		tripped: tripReasons.length > 0,
		tripReasons,
		simSwappedRisk,
		...(simSwappedRisk !== 'LOW_RISK' && { simChangedDate: simSwappedRisk === 'HIGH_RISK' ? '2025-04-14T08:12:00.000Z' : '2025-02-02T17:40:00.000Z' }),
		forwardingRisk,
		sensitivity,
		statusMessage: CHECKED_STATUS,
	};
}

/** @param {string} phone */
function carrierAgeGateResult(phone) {
	if (!hasCarrierData(phone)) return { outcome: 'NO_DATA', ageVerified: 'NO_DATA', requiredAge: 18, statusMessage: NO_DATA_STATUS };
	const over = phone !== '+447700900010';
	return { outcome: over ? 'PASS' : 'FAIL', ageVerified: over ? 'VERIFIED' : 'NOT_VERIFIED', requiredAge: 18, carrierThreshold: 18, statusMessage: CHECKED_STATUS };
}

const OWNERS = {
	default: { firstName: 'Jane', lastName: 'Doe', dateOfBirth: '1990-05-17', street: '221b baker street' },
	'+447700900021': { firstName: 'John', lastName: 'Smith', dateOfBirth: '1978-11-02', street: '10 high street' },
};
const THRESHOLDS = { relaxed: 50, medium: 70, strict: 90 };

/** 100 for the same name, 60 for the same initial, 10 otherwise; -1 when not given. @param {string | undefined} given @param {string} actual */
function nameScore(given, actual) {
	if (given === undefined) return -1;
	const a = given.trim().toLowerCase();
	const b = actual.toLowerCase();
	return a === b ? 100 : a[0] === b[0] ? 60 : 10;
}

/**
 * @param {string} phone
 * @param {{ firstName?: string, lastName?: string, dateOfBirth?: string, address?: string }} claimed
 * @param {'relaxed' | 'medium' | 'strict'} strictness
 */
function phoneOwnershipResult(phone, claimed, strictness) {
	const threshold = THRESHOLDS[strictness];
	if (!hasCarrierData(phone)) {
		return { outcome: 'NO_DATA', nameScore: -1, firstNameScore: -1, lastNameScore: -1, dobScore: -1, addressScore: -1, strictness, threshold, statusMessage: NO_DATA_STATUS };
	}
	const owner = OWNERS[/** @type {keyof typeof OWNERS} */ (phone)] ?? OWNERS.default;
	const firstNameScore = nameScore(claimed.firstName, owner.firstName);
	const lastNameScore = nameScore(claimed.lastName, owner.lastName);
	const given = [firstNameScore, lastNameScore].filter((score) => score >= 0);
	const score = given.length === 0 ? -1 : Math.round(given.reduce((sum, s) => sum + s, 0) / given.length);
	const dobScore = claimed.dateOfBirth === undefined ? -1 : claimed.dateOfBirth === owner.dateOfBirth ? 100 : 0;
	const addressScore = claimed.address === undefined ? -1 : normalizeAddress(claimed.address).includes(owner.street) ? 100 : 20;
	return {
		outcome: score >= threshold ? 'MATCH' : 'NO_MATCH',
		nameScore: score,
		firstNameScore,
		lastNameScore,
		dobScore,
		addressScore,
		strictness,
		threshold,
		statusMessage: CHECKED_STATUS,
	};
}

module.exports = {
	upstreamUnavailable,
	carrierUnavailable,
	pepSanctionsResult,
	adverseMediaOutcome,
	titleCheckOutcome,
	phoneTrustResult,
	carrierAgeGateResult,
	phoneOwnershipResult,
};
