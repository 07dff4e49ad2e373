// @ts-check
'use strict';
// The deterministic starting data of every sandbox server (no randomness, no clock).
//
// Live organization (the one both default keys belong to):
//   - members: the key's user (Morgan Avery) and a colleague (Riley Chen);
//   - workflows: "KYC Standard", "Enhanced Due Diligence" (its ADDRESS_VERIFICATION step has settings in
//     DeepIDV's older format: PATCHing them answers 409 legacy_step_config), "Age Check" (re-verification
//     turned off) and the fixture `test_workflow`;
//   - 130 sessions `uuidFrom('session-<i>')`, created about 18.6 h apart from 2025-01-06 to 2025-04-17
//     (every tenth one shares its predecessor's created_at), all seven statuses, one in seven sent by the
//     colleague, three in four run a workflow, one in three has an external id `crm-1001` … `crm-1030`
//     (several used twice), plus writable copies of the five sandbox fixtures (sent by the key's user);
//   - three VERIFIED sessions that cannot be re-verified, one per reason, created before all others:
//     `reverify_disabled` (Age Check workflow), `reverify_no_biometric` (no selfie or liveness capture kept)
//     and `reverify_type_not_allowed` (a silent-screening record).
// Another organization owning the session `other_org_session`.
// Sandbox dataset: only the documented fixtures.
const { uuidFrom } = require('../core/ids');
const { buildUser, buildRecord } = require('./records');
const { fixtureSessions } = require('./fixtures');
const { buildWorkflow, testWorkflow } = require('../workflows/fixtures');

/** @typedef {import('./records').SessionRecord} SessionRecord */
/** @typedef {import('./records').User} User */
/** @typedef {import('../workflows/fixtures').WorkflowRecord} WorkflowRecord */
/** @typedef {{ users: User[], workflows: WorkflowRecord[], sessions: SessionRecord[] }} SeedDataset */

const SEEDED_SESSIONS = 130;
const SEED_START = Date.UTC(2025, 0, 6, 9, 0, 0);
const SPACING_MS = 1117 * 60e3;

/** [status, session_progress], cycled by index. */
const STATES = [
	['PENDING', 'PENDING'],
	['VERIFIED', 'COMPLETED'],
	['SUBMITTED', 'COMPLETED'],
	['REJECTED', 'COMPLETED'],
	['VERIFIED', 'COMPLETED'],
	['PENDING', 'STARTED'],
	['EXPIRED', 'PENDING'],
	['VERIFIED', 'COMPLETED'],
	['FAILED', 'COMPLETED'],
	['VOIDED', 'COMPLETED'],
];

const FIRST_NAMES = ['Olivia', 'Liam', 'Emma', 'Noah', 'Amelia', 'Oliver', 'Sophia', 'Elijah', 'Mia', 'Lucas', 'Chloe', 'Mateo', 'Aria', 'Ethan', 'Zoe', 'Aiden', 'Nora', 'Leo', 'Maya', 'Jack'];
const LAST_NAMES = ['Smith', 'Tremblay', 'Garcia', 'Nguyen', 'Patel', 'Roy', 'Kim', 'Martin', 'Singh', 'Brown', 'Lee', 'Wilson', 'Gagnon', 'Lopez', 'Taylor', 'Chen', 'Wong', 'Clark', 'Walker', 'Young'];

function buildSeed() {
	const organization = { id: uuidFrom('org-live'), name: 'Northwind Lending (sandbox)', status: 'active' };
	const otherOrganization = { id: uuidFrom('org-other'), name: 'Contoso Rentals', status: 'active' };
	const joined = Date.UTC(2024, 8, 2, 10);
	const keyUser = buildUser(uuidFrom('user-key-owner'), 'Morgan', 'Avery', 'morgan.avery@northwind.example', '+14165550100', joined);
	const colleague = buildUser(uuidFrom('user-colleague'), 'Riley', 'Chen', 'riley.chen@northwind.example', '+14165550101', joined);
	const outsider = buildUser(uuidFrom('user-other-org'), 'Pat', 'Quinn', 'pat.quinn@contoso.example', '+13125550102', joined);

	const orgId = organization.id;
	const kyc = buildWorkflow({ id: uuidFrom('workflow-kyc'), name: 'KYC Standard', organizationId: orgId, createdAt: Date.UTC(2024, 10, 4, 14), steps: ['ID_VERIFICATION', 'FACE_LIVENESS', 'PEP_SANCTIONS'] });
	const edd = buildWorkflow({ id: uuidFrom('workflow-edd'), name: 'Enhanced Due Diligence', organizationId: orgId, createdAt: Date.UTC(2024, 11, 2, 16), steps: ['ID_VERIFICATION', 'FACE_LIVENESS', 'PEP_SANCTIONS', 'ADVERSE_MEDIA', 'ADDRESS_VERIFICATION'], legacySteps: ['ADDRESS_VERIFICATION'] });
	const age = buildWorkflow({ id: uuidFrom('workflow-age'), name: 'Age Check', organizationId: orgId, createdAt: Date.UTC(2025, 1, 10, 9), steps: ['AGE_ESTIMATION', 'FACE_LIVENESS'], reverifyDisabled: true });
	const liveTestWorkflow = testWorkflow(orgId);

	/** @type {SeedDataset} */
	const live = { users: [keyUser, colleague, outsider], workflows: [kyc, edd, age, liveTestWorkflow], sessions: [] };
	for (let i = 0; i < SEEDED_SESSIONS; i++) {
		const [status, progress] = STATES[i % STATES.length];
		const createdAt = SEED_START + (i % 10 === 9 ? i - 1 : i) * SPACING_MS;
		const first = FIRST_NAMES[i % FIRST_NAMES.length];
		const last = LAST_NAMES[(i * 7) % LAST_NAMES.length];
		const applicant = buildUser(uuidFrom(`applicant-${i}`), first, last, `${first}.${last}.${i}@example.com`.toLowerCase(), `+1416555${1000 + i}`, createdAt);
		live.users.push(applicant);
		live.sessions.push(
			buildRecord({
				id: uuidFrom(`session-${i}`),
				organizationId: orgId,
				applicant,
				senderId: (i % 7 === 3 ? colleague : keyUser).id,
				createdAt,
				status,
				progress,
				n: i,
				workflow: [kyc, edd, i >= 60 ? age : kyc, undefined][i % 4],
				externalId: i % 3 === 0 ? `crm-${1001 + ((i / 3) % 30)}` : undefined,
				redirectUrl: i % 8 === 2 ? 'https://example.com/kyc/complete' : undefined,
			}),
		);
	}
	for (const { record, applicant } of reVerificationRefusals(orgId, keyUser.id, age)) {
		live.users.push(applicant);
		live.sessions.push(record);
	}
	for (const { record, applicant } of fixtureSessions(orgId, keyUser.id, liveTestWorkflow)) {
		live.users.push(applicant);
		live.sessions.push(record);
	}
	const foreignApplicant = buildUser(uuidFrom('applicant-other-org'), 'Quinn', 'Foster', 'quinn.foster@example.com', '+13125550177', Date.UTC(2025, 1, 14, 11));
	live.users.push(foreignApplicant);
	live.sessions.push(
		buildRecord({ id: 'other_org_session', organizationId: otherOrganization.id, applicant: foreignApplicant, senderId: outsider.id, createdAt: Date.UTC(2025, 1, 14, 11), status: 'VERIFIED', progress: 'COMPLETED', n: 7 }),
	);

	const sandboxWorkflow = testWorkflow(orgId);
	const fixtures = fixtureSessions(orgId, keyUser.id, sandboxWorkflow);
	/** @type {SeedDataset} */
	const sandbox = {
		users: [keyUser, ...fixtures.map((f) => f.applicant)],
		workflows: [sandboxWorkflow],
		sessions: fixtures.map((f) => f.record),
	};

	return { organization, keyUser, colleague, live, sandbox };
}

/**
 * The sessions whose re-verification DeepIDV refuses, one per documented 422 reason (but not_verified,
 * which any session not VERIFIED gives).
 * @param {string} organizationId @param {string} senderId @param {WorkflowRecord} reverifyOff
 * @returns {{ record: SessionRecord, applicant: User }[]}
 */
function reVerificationRefusals(organizationId, senderId, reverifyOff) {
	const specs = /** @type {const} */ ([
		['reverify_disabled', ['Gale', 'Moreau'], reverifyOff],
		['reverify_no_biometric', ['Hugo', 'Lindqvist'], undefined],
		['reverify_type_not_allowed', ['Ines', 'Duarte'], undefined],
	]);
	return specs.map(([id, [first, last], workflow], n) => {
		const createdAt = Date.UTC(2024, 11, 2 + n, 10);
		const applicant = buildUser(uuidFrom(`applicant-${id}`), first, last, `${first}.${last}@example.com`.toLowerCase(), `+1416555090${n}`, createdAt);
		const record = buildRecord({ id, organizationId, applicant, senderId, createdAt, status: 'VERIFIED', progress: 'COMPLETED', n, workflow });
		if (id === 'reverify_no_biometric') record.uploads = { id_front: true, id_back: true, pdf_summary: true };
		if (id === 'reverify_type_not_allowed') record.type = 'silent-screening';
		return { record, applicant };
	});
}

module.exports = { buildSeed };
