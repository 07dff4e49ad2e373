import type { IDataObject, INode, INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { runDeepIdv } from './engine';
import { sandboxCredential } from './sandbox';

export interface ScreeningRunOptions {
	input?: IDataObject[];
	continueOnFail?: boolean;
	onError?: INode['onError'];
	apiKey?: string;
}

/** Manual Trigger → DeepIDV with the given resource, operation and parameters, against the sandbox. */
export function runOperation(
	sb: Sandbox,
	resource: string,
	operation: string,
	parameters: INodeParameters,
	{ input, continueOnFail, onError, apiKey }: ScreeningRunOptions = {},
) {
	return runDeepIdv({
		parameters: { resource, operation, ...parameters },
		credential: sandboxCredential(sb, apiKey),
		input,
		continueOnFail,
		onError,
	});
}

/** The requests the sandbox received for one route. */
export const requestsTo = (sb: Sandbox, path: string) => sb.requests.filter((request) => request.path === path);

/** Fast polling for engine tests: the smallest interval the node allows. */
export const QUICK_WAIT: INodeParameters = { waitForResult: true, pollIntervalSeconds: 0.5, maxWaitSeconds: 30 };
