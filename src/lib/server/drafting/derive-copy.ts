import { deriveAmendments } from '../../core/amendments/derive';
import type { TrackedSpan } from '../../core/amendments/types';
import { parseDocument } from '../../core/documents/parse';
import type { UnitRow } from '../repositories/versions';
import { versionTextOf } from '../repositories/versions';
import { ActionFailure } from '../actions/perform';
import { checkAmendment } from './validate-amendment';

/** One item of the review list: a derived amendment in the version's stable keys. */
export interface ReviewItem {
	kind: 'replace' | 'insert' | 'delete' | 'move';
	targetKey: string;
	/** The base unit's number, or for an insertion the number the copy gave it. */
	targetNumber: string | null;
	afterKey: string | null;
	deletedText: string;
	insertedText: string;
	resultText: string;
	covers: string[];
	wholePart: boolean;
	authors: string[];
	/** Ticked on the review screen: everything but a part the copy leaves out. */
	ticked: boolean;
}

/**
 * The amendments a delegation's edited copy makes to a version, ready for review: derived against
 * the version's exact text, typography-only items dropped, and each unit named by its stable key
 * (the parser's keys of the version's text map one to one onto the stored units).
 */
export function deriveForReview(units: readonly UnitRow[], copy: { text: string; changes: TrackedSpan[] }): ReviewItem[] {
	const base = versionTextOf(units);
	const parsed = parseDocument(base.text).units;
	const stable = new Map(parsed.map((u, i) => [u.key, parsed.length === base.keys.length ? base.keys[i] : u.key]));
	const key = (k: string | null | undefined) => (k == null ? null : (stable.get(k.split('@')[0]) ?? k));
	const items: ReviewItem[] = deriveAmendments(base.text, copy.text, copy.changes)
		.filter((a) => !a.layout)
		.map((a) => ({
			kind: a.kind,
			targetKey: a.kind === 'insert' ? '' : key(a.targetId)!,
			targetNumber: a.targetNumber,
			afterKey: a.kind === 'insert' || a.kind === 'move' ? key(a.afterId ?? null) : null,
			deletedText: a.deletedText,
			insertedText: a.insertedText,
			resultText: a.resultText,
			covers: a.kind === 'delete' ? (a.covers ?? []).map((k) => key(k)!) : [],
			wholePart: a.wholePart,
			authors: a.authors ?? [],
			ticked: !a.wholePart
		}));
	// What the stored units show as no change of words (typography only) is not offered for review.
	return items.filter((item) => {
		try {
			checkAmendment({ ...item, newNumber: item.kind === 'insert' ? item.targetNumber : null }, units);
			return true;
		} catch (e) {
			if (e instanceof ActionFailure) return false;
			throw e;
		}
	});
}
