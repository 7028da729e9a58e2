import { parseDocument } from '../../core/documents/parse';
import type { ParsedUnit } from '../../core/documents/types';
import { carryKeys, composeVersion, ConflictingAmendments, renumberText, versionUnits, type VersionText } from '../../core/drafting';
import type { AmendmentWithProposers } from '../repositories/amendments';
import { toDraftAmendment } from './draft-amendment';

/** The next version as it would be published: its text, units with stable keys, and the renumbering. */
export interface NextVersion {
	text: string;
	units: ParsedUnit[];
	keys: string[];
	renumbering: { key: string; from: string; to: string }[];
	/** The accepted amendments it takes in (source `amendments`). */
	applied: AmendmentWithProposers[];
}

export class NextVersionProblem extends Error {
	constructor(
		readonly reason: 'no_accepted' | 'conflicts' | 'empty',
		readonly numbers: number[] = []
	) {
		super(reason);
	}
}

/**
 * Computes the next version of a draft from its latest version: with its accepted amendments
 * applied, or from a full new text (typed or uploaded). Pure apart from its inputs; nothing is
 * written. Throws `NextVersionProblem` when there is nothing to apply or the accepted set conflicts.
 */
export function computeNextVersion(base: VersionText, input: { source: 'amendments'; accepted: AmendmentWithProposers[]; renumber: boolean } | { source: 'text'; text: string; renumber: boolean }): NextVersion {
	if (input.source === 'amendments') {
		if (input.accepted.length === 0) throw new NextVersionProblem('no_accepted');
		try {
			const out = composeVersion(base, input.accepted.map(toDraftAmendment), { renumber: input.renumber });
			return { text: out.text, units: parseDocument(out.text).units, keys: out.keys, renumbering: out.renumbering, applied: input.accepted };
		} catch (e) {
			if (e instanceof ConflictingAmendments) {
				const ids = new Set(e.conflicts.flatMap((c) => [c.a, c.b]));
				throw new NextVersionProblem('conflicts', input.accepted.filter((a) => ids.has(a.id)).map((a) => a.number));
			}
			throw e;
		}
	}
	const typed = input.text.replace(/\r\n?/g, '\n');
	if (typed.trim() === '') throw new NextVersionProblem('empty');
	const renumbered = input.renumber ? renumberText(typed) : { text: typed, changes: [] };
	const units = parseDocument(renumbered.text).units;
	const previous = versionUnits(base);
	const keys = carryKeys(previous, units);
	const renumbering = renumbered.changes.map((c) => ({ key: keys[c.index], from: c.from, to: c.to }));
	return { text: renumbered.text, units, keys, renumbering, applied: [] };
}
