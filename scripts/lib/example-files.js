// @ts-check
'use strict';

/**
 * The example workflows in examples/*.json: files users import with n8n's "Import from File",
 * that `npm start` imports and the real-n8n suite runs. Each refers to its DeepIDV credentials by
 * name with an id no n8n has: n8n's editor drops a reference whose id it does not know and fills
 * in the user's DeepIDV credential by itself (the most recently saved one); `n8n import:workflow`
 * and saving look the name up instead (exactly one credential of that type and name).
 */

const fs = require('node:fs');
const path = require('node:path');

const EXAMPLES_DIR = path.join(__dirname, '..', '..', 'examples');

/** The DeepIDV API credential every DeepIDV node of an example names. */
const API_CREDENTIAL_REF = Object.freeze({ id: 'deepidv-account', name: 'DeepIDV account' });
/** The DeepIDV Webhook API credential every DeepIDV Trigger of an example names. */
const WEBHOOK_CREDENTIAL_REF = Object.freeze({ id: 'deepidv-webhook', name: 'DeepIDV webhook' });

/** n8n's limit for a workflow id given on import. */
const MAX_WORKFLOW_ID = 21;

/** The workflow id an example gets when imported by `npm start` or the suite: its file name, cut to 21 characters. */
const workflowIdOf = (/** @type {string} */ file) => path.basename(file, '.json').slice(0, MAX_WORKFLOW_ID);

/**
 * Every example, by file name, with its workflow JSON as in the file.
 * @returns {{ file: string, workflow: any }[]}
 */
function readExamples(dir = EXAMPLES_DIR) {
	const files = fs.readdirSync(dir).filter((file) => file.endsWith('.json')).sort();
	const ids = new Map();
	return files.map((file) => {
		const id = workflowIdOf(file);
		if (ids.has(id)) throw new Error(`examples ${ids.get(id)} and ${file} would get the same workflow id "${id}": rename one`);
		ids.set(id, file);
		return { file, workflow: JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) };
	});
}

/**
 * An example as `n8n import:workflow` takes it: with its workflow id, inactive.
 * @param {{ file: string, workflow: any }} example
 */
const importable = ({ file, workflow }) => ({ ...structuredClone(workflow), id: workflowIdOf(file), active: false });

module.exports = { EXAMPLES_DIR, API_CREDENTIAL_REF, WEBHOOK_CREDENTIAL_REF, workflowIdOf, readExamples, importable };
