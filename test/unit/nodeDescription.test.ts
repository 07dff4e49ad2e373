import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { DeepIdv } from '../../dist/nodes/DeepIdv/DeepIdv.node';

const { properties } = new DeepIdv().description;
const resourceProperty = properties.find((property) => property.name === 'resource')!;
const resources = (resourceProperty.options as INodePropertyOptions[]).map((option) => String(option.value));
const operationsOf = (resource: string) =>
	(
		properties.find((property) => property.name === 'operation' && property.displayOptions?.show?.resource?.includes(resource))!
			.options as INodePropertyOptions[]
	).map((option) => option);

describe('DeepIDV node description', () => {
	it('lists the resources alphabetically, keeping Session the default', () => {
		expect((resourceProperty.options as INodePropertyOptions[]).map((option) => option.name)).toEqual([
			'Age Verification',
			'Bank Statement',
			'Credit Check',
			'Credit Terms Request',
			'Document',
			'Face',
			'Identity',
			'iGaming Check',
			'Monitored User',
			'Profile',
			'Screening',
			'Self-Exclusion',
			'Session',
			'Transaction',
			'Workflow',
			'Workflow Runner',
		]);
		expect(resourceProperty.default).toBe('session');
	});

	it.each(resources)('lists the %s operations alphabetically, each with an action and a description', (resource) => {
		const options = operationsOf(resource);
		const names = options.map((option) => option.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		for (const option of options) {
			expect(option.action).toEqual(expect.any(String));
			expect(option.description).toEqual(expect.any(String));
		}
	});

	it('lists the screening checks', () => {
		expect(operationsOf('screening').map((option) => [option.name, option.value])).toEqual([
			['Adverse Media', 'adverseMedia'],
			['Carrier Age Gate', 'carrierAgeGate'],
			['Get Job Result', 'getJobResult'],
			['PEP & Sanctions', 'pepSanctions'],
			['Phone Ownership', 'phoneOwnership'],
			['Phone Trust', 'phoneTrust'],
			['Title Check', 'titleCheck'],
		]);
		expect(operationsOf('screening').find((option) => option.value === 'getJobResult')?.action).toBe('Get the result of a screening job');
	});

	it('lists the session and workflow operations, keeping Update Status the session default', () => {
		expect(operationsOf('session').map((option) => [option.name, option.value])).toEqual([
			['Create', 'create'],
			['Get', 'get'],
			['Get Many', 'getMany'],
			['Get Progress', 'getProgress'],
			['Re-Verify', 'reVerify'],
			['Update Status', 'updateStatus'],
		]);
		const sessionOperation = properties.find((property) => property.name === 'operation' && property.displayOptions?.show?.resource?.includes('session'));
		expect(sessionOperation?.default).toBe('updateStatus');
		expect(operationsOf('workflow').map((option) => [option.name, option.value])).toEqual([
			['Create', 'create'],
			['Get', 'get'],
			['Get Many', 'getMany'],
			['Update Step Config', 'updateStepConfig'],
		]);
	});

	it('lists the credit check and age verification operations, names in Title Case and actions in sentence case', () => {
		expect(operationsOf('creditCheck').map((option) => [option.name, option.value, option.action])).toEqual([
			['Create Hard', 'createHard', 'Create hard credit check'],
			['Create Soft', 'createSoft', 'Create soft credit check'],
			['Get', 'get', 'Get credit check'],
			['Get Many', 'getMany', 'Get many credit checks'],
		]);
		expect(operationsOf('ageVerification').map((option) => [option.name, option.value, option.action])).toEqual([
			['Create', 'create', 'Create age verification'],
			['Get Boundaries', 'getBoundaries', 'Get parental boundaries'],
			['Get Many Parent Connects', 'getManyParentConnects', 'Get many parent connect requests'],
			['Get Parent Connect', 'getParentConnect', 'Get parent connect request'],
		]);
	});

	/** The parameters shown for one operation, when the other parameters have their defaults. */
	const shownFor = (resource: string, operation: string) =>
		properties.filter((property: INodeProperties) => {
			const show = property.displayOptions?.show;
			if (!show) return true;
			return show.resource?.includes(resource) && (!show.operation || show.operation.includes(operation));
		});

	it.each(resources.flatMap((resource) => operationsOf(resource).map((option) => [resource, String(option.value)])))(
		'%s → %s: every parameter shown belongs to that resource, and no name is shown twice at once',
		(resource, operation) => {
			const shown = shownFor(resource, operation);
			const topLevel = shown.filter((property) => !property.displayOptions?.show || Object.keys(property.displayOptions.show).every((key) => key === 'resource' || key === 'operation'));
			const names = topLevel.map((property) => property.name);
			expect(names.length).toBe(new Set(names).size);
			for (const property of shown) {
				if (property.name === 'resource' || property.name === 'requestOptions') continue;
				expect(property.displayOptions?.show?.resource).toEqual([resource]);
			}
		},
	);
});
