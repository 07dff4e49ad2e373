import { ipCheckOperation } from './ipCheck';

export const { description, execute } = ipCheckOperation(
	'/v1/igaming/vpn-detection',
	'VPN detection',
	'The verification session of the applicant whose IP address to check for a VPN, proxy, Tor exit node or datacenter.',
);
