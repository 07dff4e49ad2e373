import type { IExecuteFunctions } from 'n8n-workflow';

import { idempotencyKey } from '../../dist/nodes/DeepIdv/actions/screening/idempotencyKey';
import { ScreeningInput } from '../../dist/nodes/DeepIdv/actions/screening/validation';

const PATH = '/v1/screening/adverse-media';
const jane = { firstName: 'Jane', lastName: 'Doe', dateOfBirth: '1990-05-17' };
const MORNING = new Date('2026-12-04T00:00:01Z');
const EVENING = new Date('2026-12-04T23:59:59Z');
const NEXT_DAY = new Date('2026-12-05T00:00:00Z');

/** The item's input as n8n would give it to the node: only what the key is made from. */
function input({ workflow = 'wf-kyc', node = 'node-1', fields = {} }: { workflow?: string; node?: string; fields?: object } = {}) {
	const context = {
		getWorkflow: () => ({ id: workflow, name: 'KYC', active: true }),
		getNode: () => ({ id: node, name: 'Adverse Media' }),
		getNodeParameter: (name: string) => (name === 'additionalFields' ? fields : ''),
	} as unknown as IExecuteFunctions;
	return new ScreeningInput(context, 0);
}

describe('the Idempotency-Key of a screening job', () => {
	it('is the same for the same workflow, node, request and UTC day, shaped as a UUID (version 8)', () => {
		const key = idempotencyKey(input(), PATH, jane, MORNING);
		expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		expect(idempotencyKey(input(), PATH, { ...jane }, EVENING)).toBe(key);
	});

	it('changes with the day, the person, the workflow, the node and the call', () => {
		const key = idempotencyKey(input(), PATH, jane, EVENING);
		const others = [
			idempotencyKey(input(), PATH, jane, NEXT_DAY),
			idempotencyKey(input(), PATH, { ...jane, dateOfBirth: '1990-05-18' }, EVENING),
			idempotencyKey(input(), PATH, { ...jane, email: 'jane@example.com' }, EVENING),
			idempotencyKey(input({ workflow: 'wf-other' }), PATH, jane, EVENING),
			idempotencyKey(input({ node: 'node-2' }), PATH, jane, EVENING),
			idempotencyKey(input(), '/v1/screening/title-check', jane, EVENING),
		];
		expect(new Set([key, ...others]).size).toBe(others.length + 1);
	});

	it('is the one set in Additional Fields when there is one, trimmed, whatever the day', () => {
		const chosen = input({ fields: { idempotencyKey: '  CASE-2026-0042 ' } });
		expect(idempotencyKey(chosen, PATH, jane, MORNING)).toBe('CASE-2026-0042');
		expect(idempotencyKey(chosen, PATH, jane, NEXT_DAY)).toBe('CASE-2026-0042');
	});

	it('refuses a key longer than 255 characters, naming the field', () => {
		const long = input({ fields: { idempotencyKey: 'x'.repeat(256) } });
		expect(() => idempotencyKey(long, PATH, jane)).toThrow(`The Idempotency Key "${'x'.repeat(40)}…" cannot be sent`);
		expect(idempotencyKey(input({ fields: { idempotencyKey: 'x'.repeat(255) } }), PATH, jane)).toBe('x'.repeat(255));
	});
});
