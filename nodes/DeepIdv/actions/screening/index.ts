import { defineResource } from '../resource';
import * as adverseMedia from './adverseMedia.operation';
import * as carrierAgeGate from './carrierAgeGate.operation';
import * as getJobResult from './getJobResult.operation';
import * as pepSanctions from './pepSanctions.operation';
import * as phoneOwnership from './phoneOwnership.operation';
import * as phoneTrust from './phoneTrust.operation';
import * as titleCheck from './titleCheck.operation';

// Descriptions are written for people and for AI agents choosing a check: what it finds, what it needs.
export const { operations, description } = defineResource(
	'screening',
	[
		{
			name: 'Adverse Media',
			value: 'adverseMedia',
			description:
				'Search news, court records and watchlists for negative reports about a person (fraud, crime, terrorism, regulatory action). Needs first name, last name and date of birth; country optional. Waits for the result.',
			action: 'Screen a person for adverse media',
			run: adverseMedia,
		},
		{
			name: 'Carrier Age Gate',
			value: 'carrierAgeGate',
			description:
				"Ask the mobile carrier whether the phone's subscriber is 18 or over. Needs a phone number in international format, or a session.",
			action: 'Check age with the mobile carrier',
			run: carrierAgeGate,
		},
		{
			name: 'Get Job Result',
			value: 'getJobResult',
			description:
				'Get the status of an Adverse Media or Title Check screening started without waiting, and its result once ready, by job ID. Free: it does not screen again.',
			action: 'Get the result of a screening job',
			run: getJobResult,
		},
		{
			name: 'PEP & Sanctions',
			value: 'pepSanctions',
			description:
				'Check whether a person is on sanctions lists or is a politically exposed person (PEP). Needs first name, last name and date of birth. Answers at once.',
			action: 'Screen a person against PEP and sanctions lists',
			run: pepSanctions,
		},
		{
			name: 'Phone Ownership',
			value: 'phoneOwnership',
			description:
				"Check that a phone number belongs to the person named, by comparing name, date of birth and address with the carrier's records. Needs a phone number or a session.",
			action: 'Check who owns a phone number',
			run: phoneOwnership,
		},
		{
			name: 'Phone Trust',
			value: 'phoneTrust',
			description:
				'Check a mobile number for signs of account takeover: a recent SIM swap or active call forwarding. Needs a phone number in international format, or a session.',
			action: 'Check a phone number for SIM swap and call forwarding',
			run: phoneTrust,
		},
		{
			name: 'Title Check',
			value: 'titleCheck',
			description:
				'Look up the owner records of a US property address, e.g. to confirm a person owns it. Needs first name, last name, email and the address.',
			action: 'Check the title of a US property',
			run: titleCheck,
		},
	],
	'pepSanctions',
);
