import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { requestOptions } from './actions/requestOptions';
import { router } from './actions/router';
import * as ageVerification from './actions/ageVerification';
import * as bankStatement from './actions/bankStatement';
import * as creditCheck from './actions/creditCheck';
import * as creditTerms from './actions/creditTerms';
import * as document from './actions/document';
import * as face from './actions/face';
import * as identity from './actions/identity';
import * as igamingCheck from './actions/igamingCheck';
import * as monitoredUser from './actions/monitoredUser';
import * as profile from './actions/profile';
import * as selfExclusion from './actions/selfExclusion';
import * as screening from './actions/screening';
import * as session from './actions/session';
import * as transaction from './actions/transaction';
import * as workflow from './actions/workflow';
import * as workflowRunner from './actions/workflowRunner';
import * as listSearch from './methods/listSearch';
import * as loadOptions from './methods/loadOptions';

export class DeepIdv implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'DeepIDV',
		name: 'deepIdv',
		icon: { light: 'file:../../icons/deepidv.svg', dark: 'file:../../icons/deepidv.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		// n8n's node panel shows the trigger's description for the pair; this one is seen where the node
		// stands alone, e.g. as an AI agent's tool.
		description:
			'Verify identities with DeepIDV: send, follow, decide and re-verify verification sessions, manage verification workflows and run them on an applicant’s files without the hosted pages, screen people and phones (PEP and sanctions, adverse media, phone checks, property title), run credit checks and age verification with parental consent, ask applicants for bank statements and businesses for credit terms, manage branding profiles, save transactions for AML monitoring, check ID documents and faces in image files, and run iGaming checks (VPN, jurisdiction, anti-cheat, injection) with a self-exclusion registry',
		defaults: { name: 'DeepIDV' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'deepIdvApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Age Verification', value: 'ageVerification', description: "Prove an applicant's age, or get a parent's consent and boundaries for a minor" },
					{ name: 'Bank Statement', value: 'bankStatement', description: 'Ask an applicant for their bank statements (income, affordability)' },
					{ name: 'Credit Check', value: 'creditCheck', description: 'Equifax hard and soft credit checks that applicants complete (billed)' },
					{ name: 'Credit Terms Request', value: 'creditTerms', description: "Trade credit terms: a business applies for 30, 60 or 90 days' credit" },
					{ name: 'Document', value: 'document', description: 'Read an identity document from an image file' },
					{ name: 'Face', value: 'face', description: 'Detect, compare or estimate the age of faces in image files' },
					{ name: 'Identity', value: 'identity', description: 'Match an identity document against a selfie, from image files' },
					{ name: 'iGaming Check', value: 'igamingCheck', description: 'VPN, jurisdiction, anti-cheat and injection checks on a session, each answering an action (allow to block)' },
					{ name: 'Monitored User', value: 'monitoredUser', description: 'AML: place a customer under ongoing monitoring by a bot' },
					{ name: 'Profile', value: 'profile', description: 'Branding profiles: the name and logo applicants see' },
					{ name: 'Screening', value: 'screening', description: 'Screen a person or a phone number (billed per check)' },
					{ name: 'Self-Exclusion', value: 'selfExclusion', description: "The organisation's iGaming self-exclusion registry, and purging enrolled faces" },
					{ name: 'Session', value: 'session', description: 'Verification sessions that applicants complete' },
					{ name: 'Transaction', value: 'transaction', description: 'AML: store transactions for transaction-risk monitoring' },
					{ name: 'Workflow', value: 'workflow', description: 'Verification workflows: the steps an applicant goes through' },
					{ name: 'Workflow Runner', value: 'workflowRunner', description: "Run a workflow's steps from n8n, with files, instead of DeepIDV's hosted pages" },
				],
				// Session stays the default: saved workflows that never stored the resource keep working.
				default: 'session',
			},
			...ageVerification.description,
			...bankStatement.description,
			...creditCheck.description,
			...creditTerms.description,
			...document.description,
			...face.description,
			...identity.description,
			...igamingCheck.description,
			...monitoredUser.description,
			...profile.description,
			...screening.description,
			...selfExclusion.description,
			...session.description,
			...transaction.description,
			...workflow.description,
			...workflowRunner.description,
			requestOptions,
		],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
