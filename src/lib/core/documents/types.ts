import type { UnitKind } from '../shared/vocabulary';

/** A footnote reference inside a unit's clean text: the marker as printed and where it stood. */
export interface NoteRef {
	/** The footnote's marker as printed in the source, in plain digits: '9' (also for '⁹' or '<sup>9</sup>'). */
	marker: string;
	/** Character offset in the unit's `text` where the marker stood ("Transparency9:" → 12). */
	offset: number;
}

/**
 * One structural piece of a document: a title, heading, paragraph, list item, footnote, annex
 * heading, table row, or the noise between them ("blank"). Units keep their exact source text so
 * the original can be reproduced; `text` is the cleaned form for rendering and search.
 */
export interface ParsedUnit {
	/** Stable id derived from structure, unique in the document: 'intro-p2', 'rec-p1-li3', 'fn-9', 'annex-3-h1'. */
	key: string;
	kind: UnitKind;
	/** 0 for top level; list items under a paragraph are 1, their sub-items 2; sub-headings 1 or more. */
	depth: number;
	/** The unit this one belongs to: a list item's paragraph, a paragraph's heading, a sub-heading's heading. */
	parentKey: string | null;
	/** 'front' (title page, summary, contents), 'body', or 'annex-1', 'annex-2'… */
	part: string;
	/** The unit's own number as written, normalised: '1', '2 bis', '2 tres', '(1)', 'a', '1.1', 'III'; null when unnumbered. */
	number: string | null;
	/** Clean text: no private-use glyphs, soft wraps joined, no emphasis marks, no footnote markers, no leading number or bullet. */
	text: string;
	/** The exact source of the unit: its spans' text joined. */
	source: string;
	/** Character ranges [start, end) of the input that belong to this unit, in order. */
	spans: [number, number][];
	/** Footnote references in `text`, in order. */
	notes: NoteRef[];
}

export interface ParsedDocument {
	/** All units in document order (by the start of their first span); their spans partition the input. */
	units: ParsedUnit[];
}

export interface ParseOptions {
	/**
	 * BCP 47 language of the text. Reserved: the structural rules are language-neutral apart from
	 * the English heading words (Introduction, Annex…), which are always recognised.
	 */
	lang?: string;
}
