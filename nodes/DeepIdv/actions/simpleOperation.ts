/**
 * Most DeepIDV operations are "read the fields, check them, send one request, maybe simplify the
 * answer". `simpleOperation` builds such an Operation from data; the transport (pacing, retries,
 * error words) stays `deepIdvApiRequest`. To add an operation:
 *
 * 1. Write `actions/<resource>/<operation>.operation.ts` with
 *    `export const { description, execute } = simpleOperation({ properties, request, ... })`:
 *    - `properties`: the parameters, without display options (the resource attaches them). Reuse
 *      sessionLocator, workflowLocator and the screening personFields where they fit.
 *    - `request(input)`: reads and checks the parameters (`input.text`, `input.fail`…; pass
 *      `input: ScreeningInput` for the screening checks) and returns the request as data: method,
 *      `path: apiPath\`/v1/things/${id}\`` (values URL-encoded), `body` or `qs`, `retry`
 *      (`idempotent` for reads and repeat-safe writes, `notIfReceived` for writes that must not
 *      happen twice, `notIfBilled` for billed checks), `failure` (404 words, how to fix a 400,
 *      `maybeActedHint` for writes) and `refusals` for documented 403/409/422 answers.
 *    - `answer`: the field every good answer has, e.g. `{ field: 'session_record', is: 'object',
 *      missing: 'the session record' }`; an answer without it fails the item.
 *    - `output(response, input)`: the output item (default: the answer as it is).
 *    - `simplify: { shows, apply }`: adds the Simplify toggle (last parameter) and its function.
 *    A write that must not happen twice also exports `describeCompleted` (see operation.ts). A list
 *    is `getManyOperation` (getMany.ts: Return All, Limit, and `fetchTokenPages` for paged lists).
 * 2. List it in the resource's `index.ts` (`defineResource`): `{ name, value, description, action,
 *    run }`, in alphabetical order of `name`; Title Case name, sentence-case description and action.
 *    A new resource also goes into router.ts and the Resource options of DeepIdv.node.ts.
 * 3. Test it through the engine (test/engine/<resource>-<operation>.test.ts) against the sandbox:
 *    the exact request, the exact output item, and each error message a user can meet.
 * Operations that do more (several requests, files, waiting for a job) write `execute` themselves
 * and may still use the same pieces.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { ApiRequest } from '../transport/request';
import { deepIdvApiRequest } from '../transport/request';
import type { TransportSettings } from '../transport/settings';
import type { Refusal, RefusalText } from './apiErrors';
import { explainRefusals } from './apiErrors';
import { ItemInput } from './itemInput';
import type { Operation } from './operation';
import { simplifyField } from './simplifyField';

/** The one request of a simple operation, as data. */
export interface SimpleRequest extends ApiRequest {
	/**
	 * Better words for DeepIDV's documented refusals (e.g. a sandbox key's 403); undefined keeps the
	 * transport's. May look further first (a read, with the same settings), e.g. which of two things a 404 means.
	 */
	refusals?: (refusal: Refusal, settings: TransportSettings) => RefusalText | undefined | Promise<RefusalText | undefined>;
}

/** A field every good answer has; an answer without it becomes the item's error. */
export interface AnswerCheck {
	field: string;
	is: 'object' | 'array' | 'text' | 'boolean';
	/** Completes "DeepIDV answered without …", e.g. 'the session record'. */
	missing: string;
	/** How to go on; by default "run it again". Say here when the request may have changed something. */
	advice?: string;
}

export interface SimpleOperationSpec<I extends ItemInput> {
	properties: INodeProperties[];
	/** Reads the item's parameters; ItemInput unless given (e.g. ScreeningInput for its checks). */
	input?: new (context: IExecuteFunctions, itemIndex: number) => I;
	request(input: I): SimpleRequest;
	answer?: AnswerCheck;
	output?(response: IDataObject, input: I): IDataObject;
	simplify?: { shows: string; apply(output: IDataObject): IDataObject };
}

const RUN_AGAIN = 'Run the workflow again; if it keeps happening, contact DeepIDV support.';

/** A request path with every interpolated value URL-encoded, e.g. apiPath`/v1/sessions/${id}`. */
export function apiPath(parts: TemplateStringsArray, ...values: string[]): string {
	return parts.reduce((path, part, index) => path + encodeURIComponent(values[index - 1]) + part);
}

/** An Operation that sends one request per item and outputs one item. */
export function simpleOperation<I extends ItemInput = ItemInput>(spec: SimpleOperationSpec<I>): Operation {
	const Input = spec.input ?? (ItemInput as unknown as new (context: IExecuteFunctions, itemIndex: number) => I);
	return {
		description: spec.simplify ? [...spec.properties, simplifyField(spec.simplify.shows)] : spec.properties,
		async execute(this: IExecuteFunctions, itemIndex: number, settings: TransportSettings): Promise<IDataObject[]> {
			const input = new Input(this, itemIndex);
			const { refusals, ...request } = spec.request(input);
			// Read before sending, so a mistake in it cannot fail an item DeepIDV has already acted on.
			const simplify = spec.simplify && input.simplify() ? spec.simplify.apply : undefined;
			const send = async () => await deepIdvApiRequest.call(this, request, settings, itemIndex);
			const response = refusals ? await explainRefusals(this, itemIndex, settings, send, (refusal) => refusals(refusal, settings)) : await send();
			if (spec.answer && !has(response[spec.answer.field], spec.answer.is)) {
				throw new NodeApiError(this.getNode(), response as JsonObject, {
					message: `DeepIDV answered without ${spec.answer.missing}`,
					description: spec.answer.advice ?? RUN_AGAIN,
					itemIndex,
				});
			}
			const output = spec.output ? spec.output(response, input) : response;
			return [simplify ? simplify(output) : output];
		},
	};
}

function has(value: unknown, is: AnswerCheck['is']): boolean {
	if (is === 'array') return Array.isArray(value);
	if (is === 'text') return typeof value === 'string' && value !== '';
	if (is === 'boolean') return typeof value === 'boolean';
	return !!value && typeof value === 'object' && !Array.isArray(value);
}
