import {
	backoffDelayMs,
	isRetryable,
	mayHaveActed,
	parseRetryAfterMs,
} from '../../dist/nodes/DeepIdv/transport/retryPolicy';

describe('retry policy', () => {
	it.each([
		// [mode, failure, retried?]
		['idempotent', { kind: 'http', status: 429 }, true],
		['idempotent', { kind: 'http', status: 500 }, true],
		['idempotent', { kind: 'http', status: 503 }, true],
		['idempotent', { kind: 'http', status: 501 }, false],
		['idempotent', { kind: 'http', status: 404 }, false],
		['idempotent', { kind: 'http', status: 402 }, false],
		['idempotent', { kind: 'network', network: 'timeout' }, true],
		['idempotent', { kind: 'network', network: 'reset' }, true],
		['idempotent', { kind: 'network', network: 'refused' }, true],
		['idempotent', { kind: 'network', network: 'dns' }, false],
		['notIfReceived', { kind: 'http', status: 429 }, true],
		['notIfReceived', { kind: 'http', status: 500 }, false],
		['notIfReceived', { kind: 'http', status: 503 }, false],
		['notIfReceived', { kind: 'network', network: 'timeout' }, false],
		['notIfReceived', { kind: 'network', network: 'reset' }, false],
		['notIfReceived', { kind: 'network', network: 'refused' }, true],
		['notIfBilled', { kind: 'http', status: 429 }, true],
		['notIfBilled', { kind: 'http', status: 503 }, true],
		['notIfBilled', { kind: 'http', status: 500 }, false],
		['notIfBilled', { kind: 'http', status: 502 }, false],
		['notIfBilled', { kind: 'http', status: 504 }, false],
		['notIfBilled', { kind: 'http', status: 400 }, false],
		['notIfBilled', { kind: 'network', network: 'timeout' }, false],
		['notIfBilled', { kind: 'network', network: 'reset' }, false],
		['notIfBilled', { kind: 'network', network: 'refused' }, true],
	] as const)('%s after %j: retried=%s', (mode, failure, expected) => {
		expect(isRetryable(mode, failure)).toBe(expected);
	});

	it.each([
		// [mode, status, DeepIDV may have acted?]
		['notIfReceived', 500, true],
		['notIfReceived', 503, true],
		['notIfReceived', 501, false],
		['notIfBilled', 500, true],
		['notIfBilled', 503, false],
		['notIfBilled', 429, false],
		['notIfBilled', 400, false],
	] as const)('%s after HTTP %d: may have acted=%s', (mode, status, expected) => {
		expect(mayHaveActed(mode, status)).toBe(expected);
	});

	it('backs off exponentially with full jitter, capped', () => {
		expect(backoffDelayMs(0, 500, 30000, () => 0.999)).toBe(499);
		expect(backoffDelayMs(3, 500, 30000, () => 0.5)).toBe(2000);
		expect(backoffDelayMs(10, 500, 30000, () => 0.5)).toBe(15000);
		expect(backoffDelayMs(2, 500, 30000, () => 0)).toBe(0);
	});

	it('reads Retry-After as seconds or as an HTTP date', () => {
		const now = Date.parse('2026-11-27T12:00:00Z');
		expect(parseRetryAfterMs('2', now)).toBe(2000);
		expect(parseRetryAfterMs(' 0.5 ', now)).toBe(500);
		expect(parseRetryAfterMs(['3'], now)).toBe(3000);
		expect(parseRetryAfterMs('Fri, 27 Nov 2026 12:00:30 GMT', now)).toBe(30000);
		expect(parseRetryAfterMs('Fri, 27 Nov 2026 11:00:00 GMT', now)).toBe(0);
		expect(parseRetryAfterMs('soon', now)).toBeUndefined();
		expect(parseRetryAfterMs(undefined, now)).toBeUndefined();
	});
});
