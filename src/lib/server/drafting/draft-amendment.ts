import type { DraftAmendment } from '../../core/drafting';
import type { AmendmentRow } from '../repositories/amendments';

/**
 * The amendment as the drafting core composes it: the Chair's modified text, when accepted as
 * modified, stands in for the proposal's.
 */
export function toDraftAmendment(a: AmendmentRow): DraftAmendment {
	return {
		id: a.id,
		number: a.number,
		kind: a.kind,
		targetKey: a.targetKey,
		afterKey: a.afterKey,
		resultText: a.status === 'accepted_modified' && a.modifiedText !== null ? a.modifiedText : a.resultText,
		covers: a.covers,
		newNumber: a.kind === 'insert' ? a.targetNumber : null
	};
}

/** Statuses of an amendment the Chair has taken (to be applied by the next version). */
export const ACCEPTED = ['accepted', 'accepted_modified'] as const;
