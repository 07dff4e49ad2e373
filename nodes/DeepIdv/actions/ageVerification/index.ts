import { defineResource } from '../resource';
import * as create from './create.operation';
import * as getBoundaries from './getBoundaries.operation';
import * as getManyParentConnects from './getManyParentConnects.operation';
import * as getParentConnect from './getParentConnect.operation';

// One resource for DeepIDV's /v1/age-verification family: a parent connect request and its
// boundaries only exist through an age verification, so they are operations that name them.
export const { operations, description } = defineResource('ageVerification', [
	{
		name: 'Create',
		value: 'create',
		description: "Send an applicant a link to prove their age: a quiz, a credit card, or a parent's consent (billed)",
		action: 'Create age verification',
		run: create,
	},
	{
		name: 'Get Boundaries',
		value: 'getBoundaries',
		description: 'Get the settings a parent chose for a child, by the child attestation ID',
		action: 'Get parental boundaries',
		run: getBoundaries,
	},
	{
		name: 'Get Many Parent Connects',
		value: 'getManyParentConnects',
		description: 'List parental consent requests, newest first, e.g. those with consent given',
		action: 'Get many parent connect requests',
		run: getManyParentConnects,
	},
	{
		name: 'Get Parent Connect',
		value: 'getParentConnect',
		description: "Get a parental consent request: its status, the parent's choices and the attestation",
		action: 'Get parent connect request',
		run: getParentConnect,
	},
]);
