import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { signingSecretOf } from './signature';

/** DeepIDV signing secrets read `whsec_` followed by the secret itself, without spaces. */
const SIGNING_SECRET_FORM = /^whsec_\S+$/;

const WHERE_TO_FIND_IT =
	'Copy it from DeepIDV: Admin Console → Integrations → Webhooks, on the webhook that sends to n8n. DeepIDV shows it only once; if it is lost, reset it there and paste the new one.';

/**
 * DeepIDV has no API that could confirm a signing secret, so the credential test checks what can be
 * checked without one: that the value has the form of a DeepIDV signing secret (and is not, say, the
 * API key). Whether it is the right webhook's secret shows when the first event arrives.
 */
export async function testSigningSecret(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const secret = signingSecretOf(credential.data ?? {});
	if (!secret) {
		return { status: 'Error', message: `The Signing Secret is empty. ${WHERE_TO_FIND_IT}` };
	}
	if (!SIGNING_SECRET_FORM.test(secret)) {
		return {
			status: 'Error',
			message: `This is not a DeepIDV signing secret: those start with whsec_ and contain no spaces. ${WHERE_TO_FIND_IT}`,
		};
	}
	return {
		status: 'OK',
		message:
			"The signing secret looks right. n8n cannot confirm it with DeepIDV: if it is another webhook's secret, DeepIDV's events are refused, so check that the first event starts the workflow.",
	};
}
