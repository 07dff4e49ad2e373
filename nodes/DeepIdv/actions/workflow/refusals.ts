import { sandboxKeyCannot } from '../apiErrors';

/** The sandbox key's 403 on a workflow change, e.g. `what` = 'create workflows'. */
export const sandboxKeyCannotChangeWorkflows = sandboxKeyCannot;
