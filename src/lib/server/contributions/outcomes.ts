import { error, fail } from '@sveltejs/kit';
import type { MessageKey } from '../../i18n/translate';
import type { ActionError } from '../actions/perform';
import { withoutSecrets, type FieldProblem } from '../forms';

/** Why a command refused, as the command names it, and the sentence that explains it. */
const FORBIDDEN: Record<string, MessageKey> = {
	sign_in: 'contributions.refused.signIn',
	not_member: 'contributions.refused.notMember',
	not_member_or_observer: 'contributions.refused.notMemberOrObserver',
	not_open: 'contributions.refused.notOpen',
	closed: 'contributions.refused.closed',
	no_identity: 'contributions.refused.noIdentity',
	not_submitter: 'contributions.refused.notSubmitter',
	not_named: 'contributions.refused.notNamed'
};

const INVALID: Record<string, MessageKey> = {
	'text:no_items': 'contributions.error.noItems',
	'text:unchanged': 'contributions.error.unchanged',
	'itemCategory:preview_again': 'contributions.error.previewAgain',
	'itemCategory:': 'contributions.error.category',
	'lang:': 'contributions.error.lang',
	'call:': 'contributions.error.noCall',
	'into:cycle': 'contributions.error.cycle',
	'into:': 'contributions.error.mergeTarget',
	'direction:': 'contributions.error.cannotMove',
	'submitters:': 'contributions.error.organisation',
	'coSubmitters:': 'contributions.error.organisation',
	'category:': 'contributions.error.category'
};

/** Fields whose problem is the whole form's (the message names what to do, not one input). */
const FORM_WIDE = new Set(['itemCategory:preview_again', 'call:', 'direction:']);

/** A command's refusal as a field's problem and the status to answer with; 404 and unexplained 403 are thrown. */
export function contributionProblem(outcome: { error: ActionError; detail?: Record<string, unknown> }): { status: number; field: string; problem: FieldProblem } {
	const field = typeof outcome.detail?.field === 'string' ? outcome.detail.field : '_form';
	const reason = typeof outcome.detail?.reason === 'string' ? outcome.detail.reason : '';
	switch (outcome.error) {
		case 'not_found':
			error(404, 'Not found');
		case 'forbidden': {
			const key = FORBIDDEN[reason];
			if (!key) error(403, 'Forbidden');
			return { status: 403, field: '_form', problem: { key } };
		}
		case 'conflict': {
			if (reason === 'withdrawn') return { status: 409, field: '_form', problem: { key: 'contributions.error.withdrawn' } };
			if (field === 'framework') {
				const codes = Array.isArray(outcome.detail?.codes) ? (outcome.detail.codes as string[]).join(', ') : '';
				return { status: 409, field, problem: { key: 'contributions.error.frameworkInUse', values: { codes } } };
			}
			return { status: 409, field, problem: { key: 'common.conflict' } };
		}
		default: {
			const id = `${field}:${reason}`;
			const key = INVALID[id] ?? INVALID[`${field}:`] ?? 'common.invalid';
			return { status: 400, field: FORM_WIDE.has(id) || FORM_WIDE.has(`${field}:`) ? '_form' : field, problem: { key } };
		}
	}
}

/**
 * A command that did not happen, as the form again: its problem next to its field (or at the top),
 * the values typed, and anything else the page needs to show the form as it was (`extra`).
 */
export function contributionFailure(outcome: { error: ActionError; detail?: Record<string, unknown> }, values: Record<string, string | string[]> = {}, extra: Record<string, unknown> = {}) {
	const { status, field, problem } = contributionProblem(outcome);
	return fail(status, { problems: { [field]: problem }, values: withoutSecrets(values), ...extra });
}
