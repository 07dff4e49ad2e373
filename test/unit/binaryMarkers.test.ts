import * as workflow from 'n8n-workflow';

import { BINARY_IN_JSON_PROPERTY, BINARY_MODE_COMBINED, isBinaryValue } from '../../nodes/DeepIdv/files/binaryMarkers';

/**
 * The node keeps its own copies of n8n-workflow 2.x's binary-data markers, because n8n 1.x's
 * n8n-workflow has none of them. They must mean exactly what n8n 2.x means.
 */
describe('binary data markers', () => {
	it('have the values of n8n-workflow 2.x', () => {
		expect(BINARY_IN_JSON_PROPERTY).toBe(workflow.BINARY_IN_JSON_PROPERTY);
		expect(BINARY_MODE_COMBINED).toBe(workflow.BINARY_MODE_COMBINED);
	});

	it('recognise binary data as n8n-workflow 2.x does', () => {
		const values: unknown[] = [
			{ mimeType: 'image/jpeg', data: 'AAAA' },
			{ mimeType: 'image/png', id: 'filesystem-v2:workflows/1/executions/2/binary_data/3' },
			{ mimeType: 'image/png' },
			{ data: 'AAAA' },
			{ id: 'x' },
			null,
			undefined,
			'image/jpeg',
			42,
			[],
		];
		expect(values.map(isBinaryValue)).toEqual(values.map(workflow.isBinaryValue));
		expect(values.map(isBinaryValue)).toEqual([true, true, false, false, false, false, false, false, false, false]);
	});
});
