import type { INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import type { FileFixture } from './files';
import { imageFile } from './files';

/** The applicant of the Workflow Runner tests, as the node's parameters take them. */
export const PERSON = { firstName: 'Jane', lastName: 'Doe', email: 'jane.doe@example.com', phone: '+15192223333' };

/** Jane's passport (a front-only document) and her selfie: a pair that passes ID Verification. */
export const PASSPORT: FileFixture = imageFile({ face: 'jane', document: { documentType: 'passport', firstName: 'Jane', lastName: 'Doe' } }, 'passport.png');
export const SELFIE: FileFixture = imageFile({ face: 'jane' }, 'selfie.png');
/** Jane's driver's licence, front and back. */
export const LICENCE_FRONT: FileFixture = imageFile({ face: 'jane', document: { documentType: 'drivers_license', firstName: 'Jane', lastName: 'Doe' } }, 'licence-front.png');
export const LICENCE_BACK: FileFixture = imageFile({ seed: 'back' }, 'licence-back.png');

/** The runner's requests in order, as `METHOD path` (query strings left out). */
export const calls = (sb: Sandbox) => sb.requests.map(({ method, path }) => `${method} ${path}`);

/** The parameters that point a Workflow Runner operation at a workflow by ID. */
export const byWorkflowId = (workflowId: string): INodeParameters => ({ workflowId: { mode: 'id', value: workflowId } });

/** The parameters that point a Workflow Runner operation at a session by ID. */
export const bySessionId = (sessionId: string): INodeParameters => ({ sessionId: { mode: 'id', value: sessionId } });
