import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { imageField } from '../../files/descriptions';
import { deepIdvApiRequest } from '../../transport/request';
import type { TransportSettings } from '../../transport/settings';
import { ItemInput } from '../itemInput';
import { describeWrites } from '../operation';
import { LOGO_PARAMETER, readLogo, uploadLogo } from './logo';

const MAYBE_CREATED =
	'DeepIDV may have created the profile anyway. Before running this item again, look for it with Profile → Get Many so it is not created twice.';

export const description: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Acme Branding',
		description: 'The name of the branding profile, as your team sees it in DeepIDV',
	},
	{
		displayName: 'Add Logo',
		name: 'addLogo',
		type: 'boolean',
		default: false,
		description: 'Whether to upload a logo from a file of the input item, shown to applicants',
	},
	{ ...imageField(LOGO_PARAMETER, 'data', 'the logo'), displayOptions: { show: { addLogo: [true] } } },
];

/**
 * POST /v1/profiles (201), after uploading the logo when one is given. The logo is checked before
 * any request; the create is never repeated once DeepIDV may have received it.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, settings: TransportSettings): Promise<IDataObject[]> {
	const input = new ItemInput(this, itemIndex);
	const name = input.text('name');
	if (!name) input.fail('The Name parameter is empty', 'Enter a name for the branding profile, e.g. Acme Branding.');
	const logo = input.raw('addLogo', false) === true ? await readLogo(this, itemIndex) : undefined;
	const body: IDataObject = { name };
	if (logo) body.logoUrl = await uploadLogo(this, logo, settings, itemIndex);
	const response = await deepIdvApiRequest.call(
		this,
		{
			method: 'POST',
			path: '/v1/profiles',
			body,
			retry: 'notIfReceived',
			failure: { invalidHint: 'Check Name and the logo.', maybeActedHint: MAYBE_CREATED },
		},
		settings,
		itemIndex,
	);
	if (typeof response.id !== 'string' || !response.id) {
		throw new NodeApiError(this.getNode(), response as JsonObject, {
			message: 'DeepIDV answered without the new profile',
			description: MAYBE_CREATED,
			itemIndex,
		});
	}
	return [response];
}

/** For the error that stops a run: which items had already created profiles. */
export const describeCompleted = describeWrites(() => true, 'profile', 'created a profile', 'Running the workflow again creates them again.');
