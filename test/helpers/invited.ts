import type { Sandbox } from '../../sandbox';

const BODIES = {
	'/v1/financial': { email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace', phone: '+15192223333' },
	'/v1/credit-terms': { firstName: 'Ada', lastName: 'Lovelace', businessName: 'Acme Co.', businessEmail: 'ap@acme.example', businessAddress: '1 Main St', requestedCreditAmount: 25000 },
};

/**
 * Creates bank statement or credit terms requests straight through the sandbox's API (not the node),
 * one per External ID given (undefined: none), in order, and returns their IDs; clears the recorded requests.
 */
export async function createInvited(sb: Sandbox, path: keyof typeof BODIES, externalIds: Array<string | undefined>): Promise<string[]> {
	const ids: string[] = [];
	for (const externalId of externalIds) {
		const response = await fetch(`${sb.url}${path}`, {
			method: 'POST',
			headers: { 'x-api-key': sb.keys.live, 'content-type': 'application/json' },
			body: JSON.stringify({ ...BODIES[path], ...(externalId && { externalId }) }),
		});
		const body = (await response.json()) as Record<string, string>;
		ids.push(body.bankStatementId ?? body.creditTermsId);
		// Distinct creation times, so "newest first" is one order.
		await new Promise((resolve) => setTimeout(resolve, 3));
	}
	sb.clearRequests();
	return ids;
}
