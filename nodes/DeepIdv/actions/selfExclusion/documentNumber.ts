import type { ItemInput } from '../itemInput';

/** The Document Number parameter, trimmed; refused when empty. DeepIDV upper-cases it itself. */
export function readDocumentNumber(input: ItemInput): string {
	const value = input.text('documentNumber');
	if (value) return value;
	return input.fail(
		'The Document Number parameter is empty',
		"Enter the document number (e.g. a passport number), or map it from an earlier node, e.g. the 'documentNumber' of Document → Scan.",
	);
}
