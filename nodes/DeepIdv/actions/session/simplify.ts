import type { IDataObject } from 'n8n-workflow';

const asObject = (value: unknown): IDataObject =>
	value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};

/**
 * What an ops person decides on, from a Get Session answer. The session fields and the
 * applicant's name and email are always there (null when DeepIDV has no value); the analysis
 * results only once the session has them.
 */
export function simplifySession(response: IDataObject): IDataObject {
	const record = asObject(response.session_record);
	const applicant = asObject(response.user);
	const pick = (source: IDataObject, key: string) => source[key] ?? null;
	return {
		id: pick(record, 'id'),
		status: pick(record, 'status'),
		session_progress: pick(record, 'session_progress'),
		type: pick(record, 'type'),
		external_id: pick(record, 'external_id'),
		workflow_id: pick(record, 'workflow_id'),
		created_at: pick(record, 'created_at'),
		updated_at: pick(record, 'updated_at'),
		submitted_at: pick(record, 'submitted_at'),
		first_name: pick(applicant, 'first_name'),
		last_name: pick(applicant, 'last_name'),
		email: pick(applicant, 'email'),
		...analysisHeadlines(record),
	};
}

function analysisHeadlines(record: IDataObject): IDataObject {
	const analysis = asObject(record.analysis_data);
	const document = asObject(analysis.id_analysis_data);
	const declineReason = asObject(asObject(asObject(record.meta_data).declinedData).reason);
	const headlines: IDataObject = {
		face_match_confidence: asObject(analysis.compare_faces_data).face_match_confidence,
		id_matches_selfie: analysis.id_matches_selfie,
		faceliveness_score: analysis.faceliveness_score,
		id_matches_liveness: analysis.id_matches_liveness,
		expiry_date_pass: document.expiry_date_pass,
		valid_state_pass: document.valid_state_pass,
		age_restriction_pass: document.age_restriction_pass,
		decline_reason_code: declineReason.code,
		decline_reason: declineReason.detail,
	};
	return Object.fromEntries(
		Object.entries(headlines).filter(([, value]) => value !== undefined && value !== null),
	);
}
