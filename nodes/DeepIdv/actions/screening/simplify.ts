import type { IDataObject } from 'n8n-workflow';

/** How many matches or findings a simplified item keeps: the strongest first. */
export const TOP_COUNT = 5;

const asObject = (value: unknown): IDataObject =>
	value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};
const asList = (value: unknown): IDataObject[] => (Array.isArray(value) ? value.map(asObject) : []);
const orNull = (value: unknown) => (value === undefined ? null : value);
const byConfidence = (a: IDataObject, b: IDataObject) => Number(b.confidence ?? 0) - Number(a.confidence ?? 0);

/**
 * PEP & sanctions, for an IF node: `match`, the counts (a person on both lists counts in both
 * pep_matches and sanctions_matches) and the strongest matches with the list they are on.
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
			date_of_birth: orNull(entry.dateOfBirth),
			confidence: orNull(entry.confidence),
			datasets: Array.isArray(entry.datasets) ? entry.datasets : [],
		})),
	);
	return {
		match: total > 0,
		total_matches: total,
		pep_matches: peps + both,
		sanctions_matches: sanctions + both,
		top_matches: matches.sort(byConfidence).slice(0, TOP_COUNT),
		searched_sources: Array.isArray(answer.searchedSources) ? answer.searchedSources : [],
	};
}

const SEVERITY_RANK: Record<string, number> = { CRITICAL: 3, HIGH: 2, MEDIUM: 1 };

/** A ready adverse-media job: the risk, the hits, and the most severe findings first. */
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
			source_name: orNull(finding.sourceName),
			source_url: orNull(finding.sourceUrl),
			article_date: orNull(finding.articleDate),
			confidence: orNull(finding.confidence),
		}));
	const hitsByCategory = Object.fromEntries(
		Object.entries(asObject(result.exposuresByCategory)).map(([category, exposure]) => [category, orNull(asObject(exposure).hits)]),
	);
	return {
		job_id: orNull(job.jobId),
		risk_level: orNull(result.riskLevel),
		risk_score: orNull(result.riskScore),
		total_hits: orNull(result.totalHits),
		summary: orNull(result.summary),
		top_findings: findings,
		hits_by_category: hitsByCategory,
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
		job_id: isJob ? answer.jobId : null,
		status: orNull(result.status),
		found: result.status === 'found',
		message: orNull(result.message),
		subject_property: orNull(result.subjectProperty),
		owner_information: orNull(result.ownerInformation),
		location_information: orNull(result.locationInformation),
		owner_transfer_information: orNull(result.ownerTransferInformation),
		last_market_sale_information: orNull(result.lastMarketSaleInformation),
		available_units: orNull(result.availableUnits),
		properties: orNull(result.properties),
	};
}

/** A job DeepIDV accepted, when the node was told not to wait for it. */
export function simplifyAcceptedJob(answer: IDataObject): IDataObject {
	return { job_id: orNull(answer.jobId), status: orNull(answer.status), message: orNull(answer.message) };
}

/** Phone trust: whether it tripped and why, and the underlying risks. */
export function simplifyPhoneTrust(answer: IDataObject): IDataObject {
	return {
		tripped: answer.tripped === true,
		trip_reasons: Array.isArray(answer.tripReasons) ? answer.tripReasons : [],
		sim_swap_risk: orNull(answer.simSwappedRisk),
		sim_changed_date: orNull(answer.simChangedDate),
		call_forwarding_risk: orNull(answer.forwardingRisk),
		sensitivity: orNull(answer.sensitivity),
		...carrierCommon(answer),
	};
}

/** Carrier age gate: PASS, FAIL or NO_DATA and what the carrier said about the age. */
export function simplifyCarrierAgeGate(answer: IDataObject): IDataObject {
	return {
		outcome: orNull(answer.outcome),
		age_verified: orNull(answer.ageVerified),
		required_age: orNull(answer.requiredAge),
		carrier_threshold: orNull(answer.carrierThreshold),
		...carrierCommon(answer),
	};
}

/** Phone ownership: MATCH, NO_MATCH or NO_DATA, and the scores behind it (-1: not compared). */
export function simplifyPhoneOwnership(answer: IDataObject): IDataObject {
	return {
		outcome: orNull(answer.outcome),
		name_score: orNull(answer.nameScore),
		first_name_score: orNull(answer.firstNameScore),
		last_name_score: orNull(answer.lastNameScore),
		dob_score: orNull(answer.dobScore),
		address_score: orNull(answer.addressScore),
		threshold: orNull(answer.threshold),
		strictness: orNull(answer.strictness),
		...carrierCommon(answer),
	};
}

function carrierCommon(answer: IDataObject): IDataObject {
	return {
		status_message: orNull(answer.statusMessage),
		checked_at: orNull(answer.checkedAt),
		session_id: orNull(answer.sessionId),
	};
}
