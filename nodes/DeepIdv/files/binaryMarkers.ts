import type { IBinaryData } from 'n8n-workflow';

/*
 * How n8n marks binary data, defined here instead of imported from n8n-workflow: these exports exist
 * only in n8n-workflow 2.x, and n8n 1.x (still maintained) hands the node its own n8n-workflow, where
 * they are undefined — the file checks then failed with "isBinaryValue is not a function". Same values
 * as n8n-workflow 2.x (test/unit/binaryMarkers.test.ts compares them). n8n 1.x has no combined mode,
 * so there files are always in the item's `binary`.
 */

/** The JSON key under which the "combined" binary mode keeps an item's files. */
export const BINARY_IN_JSON_PROPERTY = '_files';

/** The workflow setting `binaryMode` that keeps files in the item's JSON. */
export const BINARY_MODE_COMBINED = 'combined';

/** Whether a value is n8n binary data: a MIME type and either the data itself or a stored file's ID. */
export function isBinaryValue(value: unknown): value is IBinaryData {
	return typeof value === 'object' && value !== null && 'mimeType' in value && ('data' in value || 'id' in value);
}
