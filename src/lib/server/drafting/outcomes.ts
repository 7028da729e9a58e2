import { error, fail } from '@sveltejs/kit';
import type { MessageKey } from '../../i18n/translate';
import type { ActionError } from '../actions/perform';
import { withoutSecrets, type FormFailure } from '../forms';

const REASONS: Record<string, MessageKey> = {
	stale: 'drafting.error.stale',
	conflicts: 'drafting.error.conflicts',
	status: 'drafting.error.status',
	outdated: 'drafting.error.outdated',
	unchanged: 'drafting.error.unchanged',
	no_accepted: 'drafting.error.noAccepted',
	empty: 'drafting.error.empty',
	resolved: 'drafting.error.resolved'
};

/**
 * A drafting command that did not happen, as an answer: 403/404 as errors; anything else as the
 * form again with a message saying why (a newer version, conflicting amendments…) and what was typed.
 */
export function draftingFailure(outcome: { error: ActionError; detail?: Record<string, unknown> }, values: Record<string, string | string[]> = {}) {
	if (outcome.error === 'forbidden') error(403, 'Forbidden');
	if (outcome.error === 'not_found') error(404, 'Not found');
	const reason = typeof outcome.detail?.reason === 'string' ? outcome.detail.reason : '';
	const field = typeof outcome.detail?.field === 'string' && !REASONS[reason] ? outcome.detail.field : '_form';
	const key = REASONS[reason] ?? (outcome.error === 'conflict' ? 'common.conflict' : 'common.invalid');
	const numbers = Array.isArray(outcome.detail?.numbers) ? (outcome.detail.numbers as number[]).join(', ') : '';
	const latest = typeof outcome.detail?.latest === 'number' ? outcome.detail.latest : 0;
	const item = typeof outcome.detail?.item === 'number' ? outcome.detail.item : 0;
	return fail(outcome.error === 'conflict' ? 409 : 400, {
		problems: { [field]: { key, values: { numbers, latest, item } } },
		values: withoutSecrets(values)
	} satisfies FormFailure);
}
