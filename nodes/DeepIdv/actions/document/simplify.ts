import type { IDataObject } from 'n8n-workflow';

/** The fields of a scanned document an ops person decides on; null where DeepIDV gave none. */
export function documentHeadlines(document: IDataObject): IDataObject {
	const pick = (key: string) => document[key] ?? null;
	return {
		documentType: pick('documentType'),
		fullName: pick('fullName'),
		firstName: pick('firstName'),
		lastName: pick('lastName'),
		dateOfBirth: pick('dateOfBirth'),
		documentNumber: pick('documentNumber'),
		expirationDate: pick('expirationDate'),
		issuingCountry: pick('issuingCountry'),
	};
}

/** Document → Scan, simplified: the document's headline fields and DeepIDV's confidence (0–1). */
export function simplifyDocumentScan(response: IDataObject): IDataObject {
	return { ...documentHeadlines(response), confidence: response.confidence ?? null };
}
