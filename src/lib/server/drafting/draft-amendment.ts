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
