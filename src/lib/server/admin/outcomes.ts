import { error, fail } from '@sveltejs/kit';
import type { Actor } from '../../core/shared/actor';
import type { MessageKey } from '../../i18n/translate';
import type { ActionError } from '../actions/perform';
import { withoutSecrets, type FormFailure } from '../forms';

/**
 * What the administrative pages share: who may be there, and how a command's named outcome
 * becomes an answer (403, 404, or the form again with the problem next to its field).
 */

/**
 * The signed-in actor. A visitor who is not signed in gets 403 like anyone else not allowed; the
 * error page offers to sign in and come back to this address.
 */
export function signedInActor(locals: App.Locals, _url?: URL): Actor {
	if (!locals.actor.userId) error(403, 'Forbidden');
	return locals.actor;
}

/** The actor of a form post: a post without a session is refused outright. */
export function postingActor(locals: App.Locals): Actor {
	if (!locals.actor.userId) error(403, 'Forbidden');
	return locals.actor;
}

const CONFLICT_KEYS: Record<string, MessageKey> = {
	slug: 'admin.error.slugTaken',
	number: 'admin.error.meetingNumberTaken',
	iso2: 'admin.error.iso2Taken',
	last_admin: 'admin.error.lastAdmin'
};

/**
 * The answer to a command that did not happen: 403 and 404 as errors; a conflict or an invalid
 * reference as the form again, with the message on the field it concerns and the values typed.
 */
export function failedOutcome(outcome: { error: ActionError; detail?: Record<string, unknown> }, values: Record<string, string | string[]> = {}) {
	const field = typeof outcome.detail?.field === 'string' ? outcome.detail.field : '_form';
	switch (outcome.error) {
		case 'forbidden':
			error(403, 'Forbidden');
		case 'not_found':
			error(404, 'Not found');
		case 'conflict': {
			const reason = typeof outcome.detail?.reason === 'string' ? outcome.detail.reason : field;
			const key = CONFLICT_KEYS[reason] ?? 'common.conflict';
			return fail(409, { problems: { [field]: { key } }, values: withoutSecrets(values) } satisfies FormFailure);
		}
		default: {
			const key = (typeof outcome.detail?.key === 'string' ? outcome.detail.key : 'common.invalid') as MessageKey;
			return fail(400, { problems: { [field]: { key } }, values: withoutSecrets(values) } satisfies FormFailure);
		}
	}
}
