import { defineResource } from '../resource';
import * as antiCheat from './antiCheat.operation';
import * as injectionCheck from './injectionCheck.operation';
import * as ipJurisdiction from './ipJurisdiction.operation';
import * as vpnDetection from './vpnDetection.operation';

const BLOCK = 'a block answer has already marked the session failed';

export const { operations, description } = defineResource(
	'igamingCheck',
	[
		{
			name: 'Anti-Cheat',
			value: 'antiCheat',
			description: `Check a face photo for duplicate accounts and self-exclusion (enrolls new faces); ${BLOCK}`,
			action: 'Run an anti-cheat check',
			run: antiCheat,
		},
		{
			name: 'Injection Check',
			value: 'injectionCheck',
			description: `Score liveness capture signals for virtual cameras, emulators and injected media; ${BLOCK}`,
			action: 'Run an injection check',
			run: injectionCheck,
		},
		{
			name: 'IP Jurisdiction',
			value: 'ipJurisdiction',
			description: `Check that an IPv4 address is in a jurisdiction the workflow allows; ${BLOCK}`,
			action: 'Check IP jurisdiction',
			run: ipJurisdiction,
		},
		{
			name: 'VPN Detection',
			value: 'vpnDetection',
			description: `Check an IPv4 address for a VPN, proxy, Tor exit node or datacenter; ${BLOCK}`,
			action: 'Detect a VPN',
			run: vpnDetection,
		},
	],
	'vpnDetection',
);
