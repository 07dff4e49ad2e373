// @ts-check
'use strict';

/**
 * What the examples suite puts in place of the nodes of an example that need a third-party service
 * (Slack, Google Sheets, SMTP, IMAP, PostgreSQL, a CRM): nothing here can reach one. A node that *sends*
 * becomes an Edit Fields node of the same name that evaluates the fields it would send (so the
 * run shows the exact message, row or request body); a node that *reads* (a sheet, a mailbox)
 * becomes nodes that output the rows or emails a test gives. Every other node runs as in the file.
 */

const { randomUUID } = require('node:crypto');

/** Sending nodes by type: why they cannot run here, and the fields that stand in for what they send. */
const SENDERS = {
	'n8n-nodes-base.slack': { why: 'posts to a Slack workspace', fields: (/** @type {any} */ p) => ({ text: p.text }) },
	'n8n-nodes-base.emailSend': {
		why: 'sends through an SMTP server',
		fields: (/** @type {any} */ p) => ({ toEmail: p.toEmail, subject: p.subject, text: p.text }),
	},
	'n8n-nodes-base.httpRequest': {
		why: 'calls a third-party API (the CRM)',
		fields: (/** @type {any} */ p) => ({ method: p.method, url: p.url, body: p.jsonBody }),
	},
	'n8n-nodes-base.googleSheets': {
		why: 'writes to a Google Sheet',
		// "Map automatically" sends the item as it is; "Map each column" the columns given.
		fields: (/** @type {any} */ p) => (p.columns?.mappingMode === 'defineBelow' ? p.columns.value : undefined),
	},
};

/** Reading nodes by type: why they cannot run here. Their output comes from the test. */
const READERS = {
	'n8n-nodes-base.googleSheets': 'reads a Google Sheet',
	'n8n-nodes-base.emailReadImap': 'reads an IMAP mailbox',
	'n8n-nodes-base.postgres': 'queries a PostgreSQL database',
};

const isReader = (/** @type {any} */ node) =>
	node.type in READERS &&
	(node.type !== 'n8n-nodes-base.googleSheets' || [undefined, 'read'].includes(node.parameters.operation)) &&
	(node.type !== 'n8n-nodes-base.postgres' || /^\s*select\b/i.test(node.parameters.query ?? ''));

/** @param {any} at the node replaced @param {string} name @param {string} type @param {number} typeVersion @param {Record<string, unknown>} parameters */
const nodeLike = (at, name, type, typeVersion, parameters) => ({ id: randomUUID(), name, type, typeVersion, position: at.position, parameters });

/** Edit Fields (raw JSON) → Split Out named `name`: one item per entry of `items`. @param {any} at @param {string} name @param {object[]} items */
const itemsNamed = (at, name, items) => [
	nodeLike(at, `${name} (test data)`, 'n8n-nodes-base.set', 3.4, { mode: 'raw', jsonOutput: JSON.stringify({ items }), options: {} }),
	nodeLike(at, name, 'n8n-nodes-base.splitOut', 1, { fieldToSplitOut: 'items', options: {} }),
];

/**
 * The output of a reader: rows of a sheet or a query, or emails (each `{ json, attachment: { base64, fileName,
 * mimeType } }`, the attachment as `attachment_0` like the Email Trigger's; or several, `attachments`).
 * @typedef {{ rows: object[] } | { emails: ({ json: object, attachment: { base64: string, fileName: string, mimeType: string } } | { json: object, attachments: { base64: string, fileName: string, mimeType: string }[] })[] }} ReaderData
 */

/**
 * Emails with several attachments (`attachments`, as `attachment_0`, `attachment_1`, … like the
 * Email Trigger's), keeping each email's fields: the emails, one Convert to File per attachment, and
 * a Merge by position under the reader's name that puts the email's fields and its files together.
 * @param {any} node @param {{ json: object, attachments: { base64: string, fileName: string, mimeType: string }[] }[]} emails
 * @returns {{ nodes: any[], connections: Record<string, any> }}
 */
function attachmentsStandIn(node, emails) {
	const count = Math.max(...emails.map((email) => email.attachments.length));
	const [set, split] = itemsNamed(node, `${node.name} (emails)`, emails.map(({ json, attachments }) => ({ ...json, attachments })));
	const files = Array.from({ length: count }, (_, i) =>
		nodeLike(node, `${node.name} (attachment ${i})`, 'n8n-nodes-base.convertToFile', 1.1, {
			operation: 'toBinary',
			sourceProperty: `attachments[${i}].base64`,
			binaryPropertyName: `attachment_${i}`,
			options: { fileName: `={{ $json.attachments[${i}].fileName }}`, mimeType: `={{ $json.attachments[${i}].mimeType }}` },
		}),
	);
	const merge = nodeLike(node, node.name, 'n8n-nodes-base.merge', 3.2, { mode: 'combine', combineBy: 'combineByPosition', numberInputs: count + 1, options: {} });
	const trigger = nodeLike(node, 'Mail Arrives (test)', 'n8n-nodes-base.manualTrigger', 1, {});
	const connections = {
		[trigger.name]: { main: [[{ node: set.name, type: 'main', index: 0 }]] },
		[set.name]: { main: [[{ node: split.name, type: 'main', index: 0 }]] },
		[split.name]: { main: [[{ node: merge.name, type: 'main', index: 0 }, ...files.map((file) => ({ node: file.name, type: 'main', index: 0 }))]] },
		...Object.fromEntries(files.map((file, i) => [file.name, { main: [[{ node: merge.name, type: 'main', index: i + 1 }]] }])),
	};
	return { nodes: [trigger, set, split, ...files, merge], connections };
}

/** @param {any} node @param {ReaderData} data @returns {{ nodes: any[], connections?: Record<string, any> }} */
function readerStandIn(node, data) {
	if ('rows' in data) return { nodes: itemsNamed(node, node.name, data.rows) };
	if (data.emails.some((email) => 'attachments' in email)) return attachmentsStandIn(node, /** @type {any} */ (data.emails));
	const emails = /** @type {any[]} */ (data.emails).map(({ json, attachment }) => ({ ...json, attachment }));
	const [set, split] = itemsNamed(node, `${node.name} (emails)`, emails);
	const toFile = nodeLike(node, node.name, 'n8n-nodes-base.convertToFile', 1.1, {
		operation: 'toBinary',
		sourceProperty: 'attachment.base64',
		binaryPropertyName: 'attachment_0',
		options: { fileName: '={{ $json.attachment.fileName }}', mimeType: '={{ $json.attachment.mimeType }}' },
	});
	const trigger = nodeLike(node, 'Mail Arrives (test)', 'n8n-nodes-base.manualTrigger', 1, {});
	return { nodes: [trigger, set, split, toFile] };
}

/**
 * The example with its third-party nodes replaced, and the list of what was replaced and why.
 * @param {any} workflow as in the file (not changed)
 * @param {Record<string, ReaderData>} [readers] the output of each reading node, by node name
 */
function withStandIns(workflow, readers = {}) {
	const copy = structuredClone(workflow);
	/** @type {{ node: string, why: string }[]} */
	const replaced = [];
	/** @type {any[]} */
	const nodes = [];
	for (const node of copy.nodes) {
		if (isReader(node)) {
			const data = readers[node.name];
			if (!data) throw new Error(`"${node.name}" ${READERS[/** @type {keyof READERS} */ (node.type)]}: give its output in the example's readers`);
			const standIn = readerStandIn(node, data);
			// What led into the original now leads into the chain's first node; the chain's last node
			// has the original's name, so what followed it still follows.
			const first = standIn.nodes[0];
			for (const outputs of Object.values(copy.connections)) {
				for (const branch of /** @type {any} */ (outputs).main) {
					for (const target of branch ?? []) if (target.node === node.name) target.node = first.name;
				}
			}
			if (standIn.connections) Object.assign(copy.connections, standIn.connections);
			else {
				for (let i = 0; i < standIn.nodes.length - 1; i++) {
					copy.connections[standIn.nodes[i].name] = { main: [[{ node: standIn.nodes[i + 1].name, type: 'main', index: 0 }]] };
				}
			}
			nodes.push(...standIn.nodes);
			replaced.push({ node: node.name, why: READERS[/** @type {keyof READERS} */ (node.type)] });
			continue;
		}
		const sender = SENDERS[/** @type {keyof SENDERS} */ (node.type)];
		if (!sender) {
			nodes.push(node);
			continue;
		}
		const fields = sender.fields(node.parameters);
		nodes.push(
			fields === undefined
				? { ...nodeLike(node, node.name, 'n8n-nodes-base.noOp', 1, {}), id: node.id }
				: {
						...nodeLike(node, node.name, 'n8n-nodes-base.set', 3.4, {
							assignments: {
								assignments: Object.entries(fields).map(([name, value], i) => ({ id: `field-${i}`, name, value, type: 'string' })),
							},
							includeOtherFields: false,
							options: {},
						}),
						id: node.id,
					},
		);
		replaced.push({ node: node.name, why: sender.why });
	}
	copy.nodes = nodes;
	return { workflow: copy, replaced };
}

module.exports = { withStandIns, SENDERS, READERS };
