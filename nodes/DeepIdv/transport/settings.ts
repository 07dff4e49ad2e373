import type { ICredentialDataDecryptedObject, IExecuteFunctions } from 'n8n-workflow';

/** How requests are sent for one node execution; read once from the node's Options. */
export interface TransportSettings {
	timeoutMs: number;
	maxRetries: number;
	maxRetryWaitMs: number;
	initialRetryDelayMs: number;
	maxBackoffMs: number;
	maxConcurrency: number;
	/** Max Requests per Second, and the burst that goes with it. */
	perSecond: number;
	burst: number;
	/**
	 * Which of the process's shared pacers this execution takes its permits from (see
	 * organisationPacers.ts), set at the first request, once the credential is read. The settings
	 * object itself is the execution's place in the pacer's turns.
	 */
	pacerEntry?: string;
	/** The credential, read once per execution and shared by every request of it. */
	credentials?: Promise<ICredentialDataDecryptedObject>;
}

/** DeepIDV's documented limits: 25 requests per second with bursts of 35. */
export const DOCUMENTED_RATE = { perSecond: 25, burst: 35 } as const;

export const DEFAULTS = {
	timeoutSeconds: 30,
	maxRetries: 5,
	maxRetryWaitSeconds: 60,
	maxRequestsPerSecond: DOCUMENTED_RATE.perSecond,
	maxConcurrentRequests: 25,
} as const;

interface RequestOptionsParameter {
	timeoutSeconds?: number;
	maxRetries?: number;
	maxRetryWaitSeconds?: number;
	maxRequestsPerSecond?: number;
	maxConcurrentRequests?: number;
}

export function readTransportSettings(context: IExecuteFunctions): TransportSettings {
	return transportSettings(context.getNodeParameter('requestOptions', 0, {}) as RequestOptionsParameter);
}

/**
 * Settings for requests made while the editor fills a dropdown or a list search: there is no
 * execution and no Options parameter then, so the documented defaults apply.
 */
export function defaultTransportSettings(): TransportSettings {
	return transportSettings({});
}

function transportSettings(options: RequestOptionsParameter): TransportSettings {
	const perSecond = options.maxRequestsPerSecond ?? DEFAULTS.maxRequestsPerSecond;
	// Keep DeepIDV's burst-to-rate proportion when the user lowers the rate.
	const burst = Math.max(1, Math.floor((perSecond * DOCUMENTED_RATE.burst) / DOCUMENTED_RATE.perSecond));
	return {
		timeoutMs: (options.timeoutSeconds ?? DEFAULTS.timeoutSeconds) * 1000,
		maxRetries: options.maxRetries ?? DEFAULTS.maxRetries,
		maxRetryWaitMs: (options.maxRetryWaitSeconds ?? DEFAULTS.maxRetryWaitSeconds) * 1000,
		initialRetryDelayMs: 500,
		maxBackoffMs: 30_000,
		maxConcurrency: options.maxConcurrentRequests ?? DEFAULTS.maxConcurrentRequests,
		perSecond,
		burst,
	};
}
