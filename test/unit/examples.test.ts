import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { DeepIdv } from '../../dist/nodes/DeepIdv/DeepIdv.node';
import { DeepIdvTrigger } from '../../dist/nodes/DeepIdvTrigger/DeepIdvTrigger.node';
import { DEFAULT_KEYS } from '../../sandbox';
import {
	API_CREDENTIAL_REF,
	EXAMPLES_DIR,
	WEBHOOK_CREDENTIAL_REF,
	readExamples,
	type ExampleNode,
	type ExampleWorkflow,
} from '../../scripts/lib/example-files';

const { name: PACKAGE_NAME } = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { name: string };
const DEEPIDV_NODE = `${PACKAGE_NAME}.deepIdv`;
const DEEPIDV_TRIGGER_NODE = `${PACKAGE_NAME}.deepIdvTrigger`;
const STICKY_NOTE = 'n8n-nodes-base.stickyNote';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const examples = readExamples();
const byFile = examples.map(({ file, workflow }): [string, ExampleWorkflow] => [file, workflow]);
const nodesOf = (workflow: ExampleWorkflow, type: string) => workflow.nodes.filter((node) => node.type === type);

const properties = new DeepIdv().description.properties;

/** The properties shown for a resource and operation (the displayOptions the node uses). */
function shownFor(resource: string, operation: string): INodeProperties[] {
	return properties.filter((property) => {
		const show = property.displayOptions?.show ?? {};
		const resources = show.resource as string[] | undefined;
		const operations = show.operation as string[] | undefined;
		return (!resources || resources.includes(resource)) && (!operations || operations.includes(operation));
	});
}

const deepIdvNodes = examples.flatMap(({ file, workflow }) =>
	nodesOf(workflow, DEEPIDV_NODE).map((node): [string, ExampleNode] => [`${file} → ${node.name}`, node]),
);

describe('examples/', () => {
	it('holds the examples the README links to, and nothing else', () => {
		expect(examples.map(({ file }) => file)).toEqual([
			'age-verification-parent-connect.json',
			'create-session.json',
			'credit-check-soft-test-mode.json',
			'credit-terms-request.json',
			'email-document-scan-sheet.json',
			'email-runner-liveness-reminder.json',
			'form-create-session.json',
			'form-identity-verify-crm.json',
			'form-runner-verify-crm.json',
			'get-many-sessions.json',
			'get-session.json',
			'igaming-self-exclusion-form.json',
			'igaming-signup-gate.json',
			'loan-form-bank-statement.json',
			'parent-consent-boundaries.json',
			'postgres-transactions-aml.json',
			'profile-create.json',
			'schedule-verify-pending-sessions.json',
			'sheet-pep-sanctions-screening.json',
			'submitted-adverse-media-review.json',
			'trigger-auto-decide.json',
			'trigger-notify-reviewer.json',
			'trigger-verify-submitted.json',
			'update-session-status.json',
			'yearly-re-verification.json',
		]);
	});

	it('gives every webhook-started node a webhook id of its own, so examples can be published side by side', () => {
		const webhookIds = examples.flatMap(({ workflow }) => workflow.nodes.flatMap((node) => (node.webhookId ? [node.webhookId] : [])));
		expect(webhookIds.length).toBeGreaterThanOrEqual(6);
		expect(new Set(webhookIds).size).toBe(webhookIds.length);
		for (const id of webhookIds) expect(id).toMatch(UUID);
	});
});

describe.each(byFile)('examples/%s', (file, workflow) => {
	const names = workflow.nodes.map((node) => node.name);

	it('is an n8n workflow to import: a name, nodes, connections, and no id or active flag of its own', () => {
		expect(Object.keys(workflow).sort()).toEqual(['connections', 'name', 'nodes', 'settings']);
		expect(workflow.name).toEqual(expect.stringMatching(/\S/));
		expect(workflow.settings).toEqual({ executionOrder: 'v1' });
		for (const node of workflow.nodes) {
			expect({ name: node.name, id: node.id, type: node.type }).toEqual({
				name: expect.stringMatching(/\S/),
				id: expect.stringMatching(UUID),
				type: expect.stringMatching(/^[\w@/-]+\.\w+$/),
			});
			expect(node.typeVersion).toBeGreaterThan(0);
			expect(node.position).toEqual([expect.any(Number), expect.any(Number)]);
			expect(node.parameters).toEqual(expect.any(Object));
		}
	});

	it('has unique node names and ids', () => {
		expect(new Set(names).size).toBe(names.length);
		expect(new Set(workflow.nodes.map((node) => node.id)).size).toBe(names.length);
	});

	it('connects only nodes it has, and every node but the sticky notes', () => {
		const connected = new Set<string>();
		for (const [source, outputs] of Object.entries(workflow.connections)) {
			expect(names).toContain(source);
			connected.add(source);
			for (const [type, branches] of Object.entries(outputs)) {
				expect(type).toBe('main');
				for (const target of branches.flat()) {
					if (!target) continue;
					expect(target).toEqual({ node: expect.any(String), type: 'main', index: 0 });
					expect(names).toContain(target.node);
					connected.add(target.node);
				}
			}
		}
		const loose = workflow.nodes.filter((node) => node.type !== STICKY_NOTE && !connected.has(node.name)).map((node) => node.name);
		expect(loose).toEqual([]);
	});

	it('names the agreed DeepIDV credentials, and no other credential', () => {
		for (const node of workflow.nodes) {
			const expected =
				node.type === DEEPIDV_NODE
					? { deepIdvApi: API_CREDENTIAL_REF }
					: node.type === DEEPIDV_TRIGGER_NODE
						? { deepIdvWebhookApi: WEBHOOK_CREDENTIAL_REF }
						: undefined;
			expect({ node: node.name, credentials: node.credentials }).toEqual({ node: node.name, credentials: expected });
		}
		expect(nodesOf(workflow, DEEPIDV_NODE).length + nodesOf(workflow, DEEPIDV_TRIGGER_NODE).length).toBeGreaterThan(0);
	});

	it('holds no secret: no API key, signing secret or key of the sandbox', () => {
		const text = readFileSync(join(EXAMPLES_DIR, file), 'utf8');
		for (const secret of [...Object.values(DEFAULT_KEYS), 'whsec_', 'x-api-key', '"apiKey"', '"signingSecret"']) {
			expect(text).not.toContain(secret);
		}
	});

	it('explains what to set in a sticky note', () => {
		const [note] = nodesOf(workflow, STICKY_NOTE);
		expect(note?.parameters.content).toEqual(expect.stringMatching(/^## .+\n/));
	});

	const triggers = nodesOf(workflow, DEEPIDV_TRIGGER_NODE);
	if (triggers.length > 0) {
		it('starts its DeepIDV Trigger on events the trigger offers', () => {
			const trigger = new DeepIdvTrigger().description.properties.find((property) => property.name === 'events');
			const offered = (trigger?.options as INodePropertyOptions[]).map((option) => option.value);
			for (const node of triggers) {
				expect(node.parameters.events).toEqual(expect.arrayContaining([expect.anything()]));
				for (const event of node.parameters.events as string[]) expect(offered).toContain(event);
			}
		});
	}
});

describe('DeepIDV nodes of the examples', () => {
	it.each(deepIdvNodes)('%s only sets parameters the DeepIDV node has, with valid options', (_name, node) => {
		const { resource, operation, ...rest } = node.parameters as Record<string, unknown> & { resource: string; operation: string };
		const shown = shownFor(resource, operation);
		const operations = shown.find((property) => property.name === 'operation')?.options as INodePropertyOptions[];
		expect(operations.map((option) => option.value)).toContain(operation);
		for (const [name, value] of Object.entries(rest)) {
			const property = shown.find((candidate) => candidate.name === name);
			expect({ name, found: property !== undefined }).toEqual({ name, found: true });
			if (property?.type === 'options' && typeof value === 'string' && !value.startsWith('=')) {
				expect((property.options as INodePropertyOptions[]).map((option) => option.value)).toContain(value);
			}
			if (property?.type === 'collection' && value && typeof value === 'object') {
				const names = (property.options as INodeProperties[]).map((option) => option.name);
				for (const key of Object.keys(value)) expect(names).toContain(key);
			}
		}
	});
});
