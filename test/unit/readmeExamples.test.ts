import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { DeepIdv } from '../../dist/nodes/DeepIdv/DeepIdv.node';
import { ACCEPTED_IMAGE_LABELS, MAX_IMAGE_BYTES } from '../../dist/nodes/DeepIdv/files/imageTypes';

interface ExampleNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
}

const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');

/** Every workflow JSON in the README, with its DeepIDV nodes. */
const examples = [...readme.matchAll(/```json\n([\s\S]*?)```/g)]
	.map((match) => JSON.parse(match[1]) as { name?: string; nodes?: ExampleNode[] })
	.filter((workflow) => Array.isArray(workflow.nodes));

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

const cases = examples.flatMap((workflow) =>
	(workflow.nodes ?? [])
		.filter((node) => node.type === 'n8n-nodes-deepidv-api.deepIdv')
		.map((node): [string, ExampleNode] => [`${workflow.name} → ${node.name}`, node]),
);

describe('README', () => {
	it('states the image types and the size limit the node enforces', () => {
		expect(ACCEPTED_IMAGE_LABELS).toBe('JPEG, PNG or WebP');
		expect(readme).toContain(`It is a **${ACCEPTED_IMAGE_LABELS}** image`);
		expect(readme).toContain(`It is at most **15 MiB** (${MAX_IMAGE_BYTES.toLocaleString('en-US')} bytes)`);
	});
});

describe('README example workflows', () => {
	it('include the file-check and re-verification examples', () => {
		expect(cases.map(([name]) => name)).toEqual(
			expect.arrayContaining([
				'Verify applicants from ID photo and selfie → Verify identity',
				'Scan emailed ID documents into a sheet → Scan document',
				'Re-verify customers verified a year ago → Re-verify',
			]),
		);
	});

	it.each(cases)('%s only sets parameters the DeepIDV node has, with valid options', (_name, node) => {
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
