import { diffWords } from '../../core/amendments/words';
import type { AmendmentInput } from '../../core/amendments/schemas';
import { ActionFailure } from '../actions/perform';
import type { UnitRow } from '../repositories/versions';

/** The fields of an amendment row that follow from a validated proposal and its version. */
export interface CheckedAmendment {
	kind: AmendmentInput['kind'];
	targetKey: string;
	targetNumber: string | null;
	afterKey: string | null;
	deletedText: string;
	insertedText: string;
	resultText: string;
	covers: string[];
}

/**
 * Checks a proposal against the units of the version it targets and computes what the form never
 * supplies: the target's number, the words removed and added. A key the version does not have, a
 * place that is the unit itself, or a replacement that changes no word → `invalid {field}`.
 */
export function checkAmendment(input: Pick<AmendmentInput, 'kind' | 'targetKey' | 'afterKey' | 'resultText' | 'newNumber'> & { covers?: string[] }, units: readonly UnitRow[]): CheckedAmendment {
	const byKey = new Map(units.filter((u) => u.kind !== 'blank').map((u) => [u.key, u]));
	const target = input.targetKey ? byKey.get(input.targetKey) : undefined;
	if (input.kind !== 'insert' && !target) throw new ActionFailure('invalid', { field: 'targetKey' });
	if ((input.kind === 'insert' || input.kind === 'move') && input.afterKey !== null) {
		if (!byKey.has(input.afterKey) || input.afterKey === input.targetKey) throw new ActionFailure('invalid', { field: 'afterKey' });
	}
	const covers = input.kind === 'delete' ? (input.covers ?? []).filter((k) => k !== input.targetKey) : [];
	for (const k of covers) if (!byKey.has(k)) throw new ActionFailure('invalid', { field: 'covers' });

	switch (input.kind) {
		case 'replace':
		case 'move': {
			const resultText = input.resultText || target!.text;
			const change = diffWords(target!.text, resultText);
			if (input.kind === 'replace' && !change.changed) throw new ActionFailure('invalid', { field: 'resultText', reason: 'unchanged' });
			return { kind: input.kind, targetKey: target!.key, targetNumber: target!.number, afterKey: input.kind === 'move' ? input.afterKey : null, deletedText: change.deletedText, insertedText: change.insertedText, resultText: change.resultText, covers };
		}
		case 'insert': {
			const change = diffWords('', input.resultText);
			return { kind: 'insert', targetKey: '', targetNumber: input.newNumber, afterKey: input.afterKey, deletedText: '', insertedText: change.insertedText, resultText: change.resultText, covers };
		}
		case 'delete': {
			const deleted = [target!, ...covers.map((k) => byKey.get(k)!)].map((u) => u.text).join('\n');
			return { kind: 'delete', targetKey: target!.key, targetNumber: target!.number, afterKey: null, deletedText: deleted, insertedText: '', resultText: '', covers };
		}
	}
}
