import type { INodeProperties } from 'n8n-workflow';

import type { ItemInput } from '../itemInput';
import { sessionCheckOperation } from './checkOperation';
import { checkedSession } from './sessionCheck';

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
/** Roughly an IPv6 address (hex groups and colons, maybe an IPv4 tail): enough to say why it is refused. */
const IPV6_LIKE = /^[0-9a-f:]*:[0-9a-f:.]*$/i;

const ipAddressField = (check: string): INodeProperties => ({
	displayName: 'IP Address',
	name: 'ipAddress',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 203.0.113.42',
	description: `The applicant's public IPv4 address, e.g. from the sign-up request. DeepIDV's ${check} checks IPv4 addresses only.`,
});

/**
 * Reads the IP Address: an IPv4 address, or an error before anything is sent. DeepIDV takes any
 * syntactically valid IP, but answers an IPv6 address UNAVAILABLE / allow without checking it,
 * which would let an IPv6 applicant pass the gate unchecked: the node says so instead of sending.
 */
export function readIpv4(input: ItemInput, check: string): string {
	const ip = input.text('ipAddress');
	if (!ip) {
		return input.fail(
			'The IP Address parameter is empty',
			"Map the applicant's public IPv4 address, e.g. {{ $json.headers['x-forwarded-for'] }} from a Webhook node, or an IP field of your sign-up form.",
		);
	}
	if (IPV4.test(ip)) return ip;
	if (IPV6_LIKE.test(ip)) {
		return input.fail(
			`The IP Address "${ip}" is an IPv6 address; DeepIDV's ${check} checks IPv4 addresses only`,
			`DeepIDV would answer UNAVAILABLE (action allow) without checking it. Map the applicant's public IPv4 address instead; where you only have IPv6, decide in the workflow what to do (e.g. an If node before this one), or turn on Continue On Fail to let the item through as an error item.`,
		);
	}
	return input.fail(
		`The IP Address "${ip}" is not an IPv4 address`,
		'Enter four numbers from 0 to 255 separated by dots, e.g. 203.0.113.42, with nothing else around them (a forwarded-for header can hold several addresses: take the first).',
	);
}

/** VPN Detection and IP Jurisdiction: `{ session_id, ip_address }` → `{ verdict, action, evidence, escalation }`. */
export function ipCheckOperation(path: '/v1/igaming/vpn-detection' | '/v1/igaming/ip-jurisdiction', check: string, purpose: string) {
	return sessionCheckOperation({
		check,
		path,
		properties: [checkedSession(purpose), ipAddressField(check)],
		invalidHint: 'Check the Session and IP Address parameters.',
		body: (input) => ({ ip_address: readIpv4(input, check) }),
	});
}
