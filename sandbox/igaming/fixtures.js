// @ts-check
'use strict';
// What the sandbox's iGaming checks find, chosen by fixture so a test picks the outcome. DeepIDV resolves the
// action from the session's workflow step config, which the docs do not detail; the sandbox behaves as if
// every step were configured as below. The IP ranges are the documentation ranges of RFC 5737.
//
// VPN detection (anonymizer feed):
//   198.51.100.0–63    Tor exit node        HIT   block
//   198.51.100.64–127  VPN range            HIT   step-up (escalation)
//   198.51.100.128–255 datacenter range     HIT   flag
//   any other IPv4                          CLEAR allow       evidence { type: 'none' }
// IP jurisdiction (country; blocked: FR; GB must step up; datacenter IPs flagged):
//   192.0.2.0–127      FR, blocked          HIT   block      matchedRule 'blocked'
//   192.0.2.128–255    GB                   HIT   step-up    matchedRule 'step-up' (escalation)
//   198.51.100.128–255 US, datacenter       HIT   flag       matchedRule 'datacenter'
//   203.0.113.0–255    US                   CLEAR allow      matchedRule 'allowed'
//   any other IPv4     CA                   CLEAR allow      matchedRule 'allowed'
// Both: an IPv6 address (valid, not IPv4) → UNAVAILABLE / allow, as documented.
// Injection (only the supplied signal groups count; none supplied → UNAVAILABLE / allow):
//   a group that did not pass with score ≥ 70 → HIT block; one that did not pass below 70 → HIT step-up
//   (escalation { type: 'liveness-retry', check: 'injection-detection' }); all passed → CLEAR allow.
//   confidence: the highest score supplied.
// Anti-cheat: see routes.js (it needs the registry).
const { isIPv4 } = require('node:net');

/** @param {string} ip an IPv4 address */
const ipv4Number = (ip) => ip.split('.').reduce((total, part) => total * 256 + Number(part), 0);

/** @param {string} from @param {string} to @returns {(ip: number) => boolean} */
const range = (from, to) => (ip) => ip >= ipv4Number(from) && ip <= ipv4Number(to);

const TOR = range('198.51.100.0', '198.51.100.63');
const VPN = range('198.51.100.64', '198.51.100.127');
const DATACENTER = range('198.51.100.128', '198.51.100.255');
const FRANCE = range('192.0.2.0', '192.0.2.127');
const BRITAIN = range('192.0.2.128', '192.0.2.255');
const US_DOCS = range('203.0.113.0', '203.0.113.255');

/**
 * An IP check's answer (OAS IpCheckResponse).
 * @typedef {{ verdict: 'HIT' | 'CLEAR' | 'UNAVAILABLE', action: string, evidence: Record<string, unknown>, escalation: { decision: 'ESCALATE', type: string, reason: string } | null }} IpCheckAnswer
 */

/** @type {IpCheckAnswer} */
const UNAVAILABLE_IP = Object.freeze({ verdict: 'UNAVAILABLE', action: 'allow', evidence: {}, escalation: null });

/**
 * @param {string} address
 * @returns {IpCheckAnswer}
 */
function vpnDetection(address) {
	if (!isIPv4(address)) return { ...UNAVAILABLE_IP, evidence: {} };
	const ip = ipv4Number(address);
	if (TOR(ip)) return { verdict: 'HIT', action: 'block', evidence: { type: 'tor', matchedRule: 'tor-exit-node' }, escalation: null };
	if (VPN(ip)) {
		return { verdict: 'HIT', action: 'step-up', evidence: { type: 'vpn', matchedRule: 'vpn-range' }, escalation: { decision: 'ESCALATE', type: 'document-verification', reason: 'vpn-detected' } };
	}
	if (DATACENTER(ip)) return { verdict: 'HIT', action: 'flag', evidence: { type: 'datacenter', matchedRule: 'datacenter-range' }, escalation: null };
	return { verdict: 'CLEAR', action: 'allow', evidence: { type: 'none' }, escalation: null };
}

/**
 * @param {string} address
 * @returns {IpCheckAnswer}
 */
function ipJurisdiction(address) {
	if (!isIPv4(address)) return { ...UNAVAILABLE_IP, evidence: {} };
	const ip = ipv4Number(address);
	/** @param {string} country */
	const located = (country) => ({ countryIsoCode: country });
	if (FRANCE(ip)) return { verdict: 'HIT', action: 'block', evidence: { matchedRule: 'blocked', locationDetails: located('FR') }, escalation: null };
	if (BRITAIN(ip)) {
		return { verdict: 'HIT', action: 'step-up', evidence: { matchedRule: 'step-up', locationDetails: located('GB') }, escalation: { decision: 'ESCALATE', type: 'address-verification', reason: 'jurisdiction-requires-step-up' } };
	}
	if (DATACENTER(ip)) return { verdict: 'HIT', action: 'flag', evidence: { matchedRule: 'datacenter', locationDetails: located('US') }, escalation: null };
	return { verdict: 'CLEAR', action: 'allow', evidence: { matchedRule: 'allowed', locationDetails: located(US_DOCS(ip) ? 'US' : 'CA') }, escalation: null };
}

/**
 * @param {Partial<Record<string, import('./validation').InjectionSignal>>} groups
 * @returns {{ verdict: 'HIT' | 'CLEAR' | 'UNAVAILABLE', action: string, confidence: number | null, escalation: { type: string, check: 'injection-detection' } | null }}
 */
function injection(groups) {
	const supplied = Object.values(groups).filter((group) => group !== undefined);
	if (supplied.length === 0) return { verdict: 'UNAVAILABLE', action: 'allow', confidence: null, escalation: null };
	const confidence = Math.max(...supplied.map((group) => group.score));
	const failed = supplied.filter((group) => !group.pass);
	if (failed.some((group) => group.score >= 70)) return { verdict: 'HIT', action: 'block', confidence, escalation: null };
	if (failed.length > 0) return { verdict: 'HIT', action: 'step-up', confidence, escalation: { type: 'liveness-retry', check: 'injection-detection' } };
	return { verdict: 'CLEAR', action: 'allow', confidence, escalation: null };
}

module.exports = { vpnDetection, ipJurisdiction, injection, UNAVAILABLE_IP };
