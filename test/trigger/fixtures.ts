import type { IDataObject } from 'n8n-workflow';

/**
 * Webhook bodies shaped like DeepIDV's event docs: `{ type, data }` with `data` the session record
 * (snake_case). Created has no analysis; submitted carries analysis_data; failed carries
 * meta_data.failureData.
 */
const base = {
	id: '9b2f6d1e-7c4a-4e21-8a57-3f0c2b9d6e14',
	organization_id: 'org_7f3a',
	user_id: 'c81d4f2a-5b6e-4d3c-9a1f-2e7b8c0d5a63',
	sender_user_id: 'usr_2b9c',
	external_id: 'applicant-1042',
	type: 'session',
	workflow_id: 'wf_kyc_standard',
	workflow_steps: ['ID_VERIFICATION', 'FACE_LIVENESS'],
	created_at: '2025-03-03T15:00:00.000Z',
};

const analysis = {
	created_at: '2025-03-03T17:12:00.000Z',
	id_matches_selfie: true,
	id_matches_face_capture: true,
	id_matches_liveness: true,
	faceliveness_score: 97,
	compare_faces_data: { face_match_confidence: 98.4, face_match_result: { similarity: 98.4 } },
};

export const EVENT_BODIES: Record<string, { type: string; data: IDataObject }> = {
	'session.created': {
		type: 'session.created',
		data: { ...base, updated_at: base.created_at, status: 'PENDING', session_progress: 'PENDING' },
	},
	'session.status.submitted': {
		type: 'session.status.submitted',
		data: {
			...base,
			updated_at: '2025-03-03T17:12:00.000Z',
			submitted_at: '2025-03-03T17:12:00.000Z',
			status: 'SUBMITTED',
			session_progress: 'COMPLETED',
			uploads: { id_front: true, selfie_front: true },
			analysis_data: analysis,
		},
	},
	'session.status.verified': {
		type: 'session.status.verified',
		data: {
			...base,
			updated_at: '2025-03-04T09:30:00.000Z',
			submitted_at: '2025-03-03T17:12:00.000Z',
			status: 'VERIFIED',
			session_progress: 'COMPLETED',
			analysis_data: analysis,
		},
	},
	'session.status.rejected': {
		type: 'session.status.rejected',
		data: {
			...base,
			updated_at: '2025-03-04T09:31:00.000Z',
			submitted_at: '2025-03-03T17:12:00.000Z',
			status: 'REJECTED',
			session_progress: 'COMPLETED',
			analysis_data: { ...analysis, id_matches_selfie: false, faceliveness_score: 41 },
		},
	},
	'session.status.failed': {
		type: 'session.status.failed',
		data: {
			...base,
			updated_at: '2025-03-03T16:00:00.000Z',
			status: 'FAILED',
			session_progress: 'COMPLETED',
			meta_data: {
				failureData: {
					failedAttempts: 3,
					attempts: [{ reason: 'FACE_MISMATCH', slot: 'PRIMARY', failedAt: '2025-03-03T16:00:00.000Z' }],
				},
			},
		},
	},
};

/** The time each fixture event happened, as the trigger should report it. */
export const EVENT_TIMES: Record<string, string> = {
	'session.created': '2025-03-03T15:00:00.000Z',
	'session.status.submitted': '2025-03-03T17:12:00.000Z',
	'session.status.verified': '2025-03-04T09:30:00.000Z',
	'session.status.rejected': '2025-03-04T09:31:00.000Z',
	'session.status.failed': '2025-03-03T16:00:00.000Z',
};

export const EVENT_TYPES = Object.keys(EVENT_BODIES);
