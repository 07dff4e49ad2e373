import { ipCheckOperation } from './ipCheck';

export const { description, execute } = ipCheckOperation(
	'/v1/igaming/ip-jurisdiction',
	'IP jurisdiction check',
	"The verification session of the applicant whose IP address to check against the jurisdictions of the session's workflow.",
);
