import type { IDataObject } from 'n8n-workflow';

// Simplified screening answers follow the package's rule (docs/development.md, "Simplified
// outputs"): DeepIDV's own camelCase names and types, plus derived fields that are named apart.

/** How many matches or findings a simplified item keeps: the strongest first. */
export const TOP_COUNT = 5;

const asObject = (value: unknown): IDataObject =>
	value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};
const asList = (value: unknown): IDataObject[] => (Array.isArray(value) ? value.map(asObject) : []);
const orNull = (value: unknown) => (value === undefined ? null : value);
const byConfidence = (a: IDataObject, b: IDataObject) => Number(b.confidence ?? 0) - Number(a.confidence ?? 0);

/**
 * PEP & sanctions, for an IF node: `match`, the counts (a person on both lists counts in both
 * pepMatches and sanctionsMatches) and the strongest matches (`topMatches`) with the list they are on.
 */
export function simplifyPepSanctions(answer: IDataObject): IDataObject {
	const lists: Array<[string, IDataObject[]]> = [
		['sanctions', asList(answer.sanctions)],
		['pep', asList(answer.peps)],
		['pep_and_sanctions', asList(answer.both)],
	];
	const [sanctions, peps, both] = lists.map(([, entries]) => entries.length);
	const total = typeof answer.totalMatches === 'number' ? answer.totalMatches : sanctions + peps + both;
	const matches = lists.flatMap(([list, entries]) =>
		entries.map((entry) => ({
			list,
			name: orNull(entry.name),
			country: orNull(entry.country),
			dateOfBirth: orNull(entry.dateOfBirth),
			confidence: orNull(entry.confidence),
			datasets: Array.isArray(entry.datasets) ? entry.datasets : [],
		})),
	);
	return {
		match: total > 0,
		totalMatches: total,
		pepMatches: peps + both,
		sanctionsMatches: sanctions + both,
		topMatches: matches.sort(byConfidence).slice(0, TOP_COUNT),
		searchedSources: Array.isArray(answer.searchedSources) ? answer.searchedSources : [],
	};
}

const SEVERITY_RANK: Record<string, number> = { CRITICAL: 3, HIGH: 2, MEDIUM: 1 };

/** A ready adverse-media job: the risk, the hits per category, and the most severe findings first (`topFindings`). */
export function simplifyAdverseMedia(job: IDataObject): IDataObject {
	const result = asObject(job.result);
	const findings = asList(result.findings)
		.sort((a, b) => (SEVERITY_RANK[String(b.severity)] ?? 0) - (SEVERITY_RANK[String(a.severity)] ?? 0) || byConfidence(a, b))
		.slice(0, TOP_COUNT)
		.map((finding) => ({
			severity: orNull(finding.severity),
			category: orNull(finding.category),
			title: orNull(finding.title),
			detail: orNull(finding.detail),
			sourceName: orNull(finding.sourceName),
			sourceUrl: orNull(finding.sourceUrl),
			articleDate: orNull(finding.articleDate),
			confidence: orNull(finding.confidence),
		}));
	const exposuresByCategory = Object.fromEntries(
		Object.entries(asObject(result.exposuresByCategory)).map(([category, exposure]) => [category, { hits: orNull(asObject(exposure).hits) }]),
	);
	return {
		jobId: orNull(job.jobId),
		riskLevel: orNull(result.riskLevel),
		riskScore: orNull(result.riskScore),
		totalHits: orNull(result.totalHits),
		summary: orNull(result.summary),
		topFindings: findings,
		exposuresByCategory,
	};
}

/**
 * A title check, the same whichever way DeepIDV answered: the result itself (synchronous) or a
 * ready job holding it. `found` is true only for a single property found.
 */
export function simplifyTitleCheck(answer: IDataObject): IDataObject {
	const isJob = typeof answer.jobId === 'string';
	const result = isJob ? asObject(answer.result) : answer;
	return {
		...(isJob ? { jobId: answer.jobId } : {}),
		status: orNull(result.status),
		found: result.status === 'found',
		message: orNull(result.message),
		subjectProperty: orNull(result.subjectProperty),
		ownerInformation: orNull(result.ownerInformation),
		locationInformation: orNull(result.locationInformation),
		ownerTransferInformation: orNull(result.ownerTransferInformation),
		lastMarketSaleInformation: orNull(result.lastMarketSaleInformation),
		availableUnits: orNull(result.availableUnits),
		properties: orNull(result.properties),
	};
}

/** A job DeepIDV accepted, when the node was told not to wait for it. */
export function simplifyAcceptedJob(answer: IDataObject): IDataObject {
	return { jobId: orNull(answer.jobId), status: orNull(answer.status), message: orNull(answer.message) };
}

/** Phone trust: whether it tripped and why, and the underlying risks. */
export function simplifyPhoneTrust(answer: IDataObject): IDataObject {
	return {
		tripped: answer.tripped === true,
		tripReasons: Array.isArray(answer.tripReasons) ? answer.tripReasons : [],
		simSwappedRisk: orNull(answer.simSwappedRisk),
		simChangedDate: orNull(answer.simChangedDate),
		forwardingRisk: orNull(answer.forwardingRisk),
		sensitivity: orNull(answer.sensitivity),
		...carrierCommon(answer),
	};
}

/** Carrier age gate: PASS, FAIL or NO_DATA and what the carrier said about the age. */
export function simplifyCarrierAgeGate(answer: IDataObject): IDataObject {
	return {
		outcome: orNull(answer.outcome),
		ageVerified: orNull(answer.ageVerified),
		requiredAge: orNull(answer.requiredAge),
		carrierThreshold: orNull(answer.carrierThreshold),
		...carrierCommon(answer),
	};
}

/** Phone ownership: MATCH, NO_MATCH or NO_DATA, and the scores behind it (-1: not compared). */
export function simplifyPhoneOwnership(answer: IDataObject): IDataObject {
	return {
		outcome: orNull(answer.outcome),
		nameScore: orNull(answer.nameScore),
		firstNameScore: orNull(answer.firstNameScore),
		lastNameScore: orNull(answer.lastNameScore),
		dobScore: orNull(answer.dobScore),
		addressScore: orNull(answer.addressScore),
		threshold: orNull(answer.threshold),
		strictness: orNull(answer.strictness),
		...carrierCommon(answer),
	};
}

function carrierCommon(answer: IDataObject): IDataObject {
	return {
		statusMessage: orNull(answer.statusMessage),
		checkedAt: orNull(answer.checkedAt),
		sessionId: orNull(answer.sessionId),
	};
}
