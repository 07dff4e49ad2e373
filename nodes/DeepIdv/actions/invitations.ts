import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { InviteInput } from './invitedRecords';

/**
 * The invitation switches of a Create's Additional Fields, sent only when added, so DeepIDV's own
 * default applies otherwise (its docs give none for bank statements and credit terms). `link`
 * names what is sent, e.g. 'the bank statement link'.
 */
export function inviteSwitches(link: string, channels: Array<'email' | 'sms'>): INodeProperties[] {
	const options: INodeProperties[] = [];
	if (channels.includes('email')) {
		options.push({
			displayName: 'Send Email Invite',
			name: 'sendEmailInvite',
			type: 'boolean',
			default: true,
			description: `Whether DeepIDV emails ${link} to the applicant. When not added, DeepIDV's own default applies.`,
		});
	}
	if (channels.includes('sms')) {
		options.push({
			displayName: 'Send SMS Invite',
			name: 'sendPhoneInvite',
			type: 'boolean',
			default: true,
			description: `Whether DeepIDV texts ${link} to the applicant. When not added, DeepIDV's own default applies.`,
		});
	}
	return options;
}

/** The External ID and the invitation switches that were added, as DeepIDV names them. */
export function readInviteSwitches(input: InviteInput): IDataObject {
	const fields = input.fields();
	const body: IDataObject = {};
	const externalId = input.externalId();
	if (externalId) body.externalId = externalId;
	for (const name of ['sendEmailInvite', 'sendPhoneInvite']) {
		if (fields[name] === undefined) continue;
		if (typeof fields[name] !== 'boolean') {
			input.fail(`The ${name === 'sendEmailInvite' ? 'Send Email Invite' : 'Send SMS Invite'} value "${String(fields[name])}" is not true or false`, 'Switch it on or off, or give true or false from an expression.');
		}
		body[name] = fields[name];
	}
	return body;
}
