import type { Sandbox } from '../../sandbox';
import { deepIdvNodeType, loadOptionsContext } from '../helpers/loadOptions';
import { sandboxCredential, useSandbox } from '../helpers/sandbox';

/** The editor's dropdowns: called as n8n calls them, with n8n-core's LoadOptionsContext. */
describe('Session and workflow pickers', () => {
	const env = useSandbox();
	let sb: Sandbox;
	beforeEach(() => {
		sb = env.sb;
	});

	const { methods } = deepIdvNodeType();
	const context = (path: string, apiKey = sb.keys.live) => loadOptionsContext(sandboxCredential(sb, apiKey), path);

	describe('Workflow Name or ID (loadOptions getWorkflows)', () => {
		it('lists the workflows DeepIDV holds, by name, with their steps', async () => {
			const options = await methods!.loadOptions!.getWorkflows.call(context('parameters.additionalFields.workflowId'));
			expect(sb.requests.map((request) => [request.method, request.path, request.query])).toEqual([['GET', '/v1/workflows', {}]]);
			expect(sb.requests[0].headers['x-api-key']).toBe(sb.keys.live);

			const held = (await (await fetch(`${sb.url}/v1/workflows`, { headers: { 'x-api-key': sb.keys.live } })).json()) as {
				workflows: Array<{ id: string; name: string; steps: string[] }>;
			};
			expect(held.workflows).toHaveLength(4);
			expect(options).toEqual(
				held.workflows
					.map((workflow) => ({ name: workflow.name, value: workflow.id, description: `Steps: ${workflow.steps.join(', ')}` }))
					.sort((a, b) => a.name.localeCompare(b.name)),
			);
			expect(options.map((option) => option.name)).toEqual([
				'Age Check',
				'Enhanced Due Diligence',
				'KYC Standard',
				'Sandbox Test Workflow',
			]);
			expect(options.find((option) => option.value === 'test_workflow')?.description).toBe(
				'Steps: ID_VERIFICATION, FACE_LIVENESS, AGE_ESTIMATION, DEEPFAKE_DETECTION, ADDRESS_VERIFICATION, PEP_SANCTIONS, ADVERSE_MEDIA, CONSENT, DOCUMENT_UPLOAD, CUSTOM_FORM, PHONE_VERIFICATION',
			);
		});

		it('shows a DeepIDV refusal as an error an ops person can act on', async () => {
			await expect(
				methods!.loadOptions!.getWorkflows.call(context('parameters.additionalFields.workflowId', 'sk_wrong_key')),
			).rejects.toMatchObject({ message: 'DeepIDV did not accept the API key' });
		});
	});

	describe('Session "From List" (listSearch searchSessions)', () => {
		const search = (filter?: string, token?: string) =>
			methods!.listSearch!.searchSessions.call(context('parameters.sessionId'), filter, token);
		const organisationSessions = () => sb.listSessions().filter((s) => s.session_record.organization_id === sb.getSession('test_verified')!.session_record.organization_id);

		it("pages through the organisation's sessions, newest first, naming each by external ID, status and creation time", async () => {
			const first = await search();
			expect(sb.requests[0].query).toEqual({ by_organization: 'true', limit: '100' });
			expect(first.results).toHaveLength(100);
			expect(first.paginationToken).toEqual(expect.any(String));

			const second = await search(undefined, first.paginationToken);
			expect(sb.requests[1].query).toEqual({ by_organization: 'true', limit: '100', next_token: first.paginationToken });
			expect(second.paginationToken).toBeUndefined();

			const held = organisationSessions().map((s) => s.session_record);
			expect(held).toHaveLength(138);
			expect([...first.results, ...second.results].map((result) => result.value)).toEqual(held.map((record) => record.id));

			const withExternalId = held.find((record) => record.external_id)!;
			expect([...first.results, ...second.results].find((result) => result.value === withExternalId.id)?.name).toBe(
				`${withExternalId.external_id} · ${withExternalId.status} · created ${withExternalId.created_at.slice(0, 16).replace('T', ' ')} UTC · ${withExternalId.id.slice(0, 8)}`,
			);
			expect(first.results.find((result) => result.value === 'test_voided')).toEqual({
				name: 'VOIDED · created 2025-03-07 15:00 UTC · test_voided',
				value: 'test_voided',
			});
		});

		it('looks up what the user types as an external ID', async () => {
			const found = await search(' crm-1001 ');
			expect(sb.requests[0].query).toEqual({ external_id: 'crm-1001', limit: '100' });
			const held = organisationSessions().filter((s) => s.session_record.external_id === 'crm-1001');
			expect(held).toHaveLength(2);
			expect(new Set(found.results.map((result) => result.name)).size).toBe(2);
			expect(found).toEqual({
				results: held.map(({ session_record: record }) => ({
					// Same external ID and status: the short session ID tells them apart.
					name: `crm-1001 · ${record.status} · created ${record.created_at.slice(0, 16).replace('T', ' ')} UTC · ${record.id.slice(0, 8)}`,
					value: record.id,
				})),
				paginationToken: undefined,
			});
		});

		it('shows the documented fixtures to a sandbox API key', async () => {
			const found = await methods!.listSearch!.searchSessions.call(context('parameters.sessionId', sb.keys.sandbox));
			expect(found.results.map((result) => result.value)).toEqual([
				'test_voided',
				'test_pending',
				'test_submitted',
				'test_rejected',
				'test_verified',
			]);
		});
	});
});
