import { defineResource } from '../resource';
import * as addIdentity from './addIdentity.operation';
import * as clearFace from './clearFace.operation';
import * as excludeApplicant from './excludeApplicant.operation';
import * as excludeFace from './excludeFace.operation';
import * as getMany from './getMany.operation';
import * as purgeEnrollment from './purgeEnrollment.operation';
import * as removeIdentity from './removeIdentity.operation';

export const { operations, description } = defineResource(
	'selfExclusion',
	[
		{
			name: 'Add Identity',
			value: 'addIdentity',
			description: 'Put document numbers on the registry (many items in one request)',
			action: 'Add identity to self-exclusion registry',
			run: addIdentity,
		},
		{
			name: 'Clear Face',
			value: 'clearFace',
			description: "Take a session's face off the registry",
			action: 'Clear face exclusion',
			run: clearFace,
		},
		{
			name: 'Exclude Applicant',
			value: 'excludeApplicant',
			description: "Exclude a session's face and scanned document number in one call (DeepIDV's preferred path)",
			action: 'Exclude applicant',
			run: excludeApplicant,
		},
		{
			name: 'Exclude Face',
			value: 'excludeFace',
			description: "Put the face enrolled for a session on the registry, without its document number",
			action: 'Exclude face',
			run: excludeFace,
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List the registry: identity and face entries (at most 1000)',
			action: 'Get many self-exclusion entries',
			run: getMany,
		},
		{
			name: 'Purge Face Enrollment',
			value: 'purgeEnrollment',
			description: "Delete the face anti-cheat enrolled for a session, e.g. for a data deletion request (registry entries stay)",
			action: 'Purge face enrollment',
			run: purgeEnrollment,
		},
		{
			name: 'Remove Identity',
			value: 'removeIdentity',
			description: 'Take a document number off the registry',
			action: 'Remove identity from self-exclusion registry',
			run: removeIdentity,
		},
	],
	'excludeApplicant',
);
