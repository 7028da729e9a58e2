/** What an amendment does to its target unit. */
export type AmendmentKind = 'replace' | 'insert' | 'delete' | 'move';

/**
 * One piece of the copy's exact text, placed in the base version: `after` names the base piece it
 * follows (a unit key, or `key@2`, `key@3`… for the second, third piece of a unit that a footnote
 * block or page break splits; null for the start of the document), `order` is its position in the
 * copy, which decides between pieces placed after the same base piece.
 */
export interface EditedPiece {
	after: string | null;
	order: number;
	text: string;
}

/**
 * An amendment to one unit of a base version, as derived from an edited copy.
 *
 * Example (a copy that strikes one word and adds another in list item 7 of recommendation 1):
 *   { targetNumber: null, targetId: 'rec-p1-li7', kind: 'replace', deletedText: 'dimension.',
 *     insertedText: 'extent', resultText: 'International -extent', wholePart: false, … }
 */
export interface Amendment {
	/** The target unit's number as written ('2', '2 bis'); for an insertion, the new unit's number; null when unnumbered. */
	targetNumber: string | null;
	/** The base unit's key; for an insertion, the new unit's key in the copy. */
	targetId: string;
	kind: AmendmentKind;
	/** Only the words removed, runs joined by a space ('' when none). */
	deletedText: string;
	/** Only the words added, runs joined by a space ('' when none). */
	insertedText: string;
	/** The unit's full new clean text; '' for a deletion. */
	resultText: string;
	/** A deletion because the copy leaves out a whole part (executive summary, an annex, the footnotes): a review leaves it unticked. */
	wholePart: boolean;
	/** For an insertion or a move: the base unit it now follows in the copy (null: at the start). */
	afterId?: string | null;
	/**
	 * True when the unit differs only in typography (bullet glyphs, quotes, line breaks, spacing,
	 * hyphens at line wraps). Such differences normally ride on a real amendment (`covers`); a
	 * `layout` item remains only when the copy changes nothing else. It is not an amendment to
	 * review: it carries the copy's exact bytes so that applying everything gives back the copy.
	 */
	layout?: boolean;
	/**
	 * Other base units this item also takes out when applied: for a whole-part deletion, the rest of
	 * the part (the item's `deletedText` has their words, one unit a line); otherwise units that
	 * differ in the copy only in typography, whose exact text this item carries in `editedSource`
	 * so that the round trip is byte for byte (their words do not change).
	 */
	covers?: string[];
	/**
	 * The copy's exact text for this unit (struck spans removed), with the whitespace up to the next
	 * unit, and where each piece goes in the base. Absent on deletions. `applyAmendments` uses it;
	 * without it, an amendment is applied from `resultText`.
	 */
	editedSource?: EditedPiece[];
	/**
	 * Who made the change, when the copy came with Word tracked changes: the authors of the tracked
	 * insertions and deletions whose text falls in this unit of the copy, in order of appearance.
	 * Absent when the copy had no tracked changes there.
	 */
	authors?: string[];
}

/** A tracked change in an edited copy (Word's `w:ins`/`w:del`): its character range and its author. */
export interface TrackedSpan {
	start: number;
	end: number;
	author: string;
}
