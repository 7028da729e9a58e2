import type { UnitKind } from '../shared/vocabulary';

/**
 * A version of a draft: its exact text, and the stable key of each unit `parseDocument(text)`
 * yields, in order (`keys.length === parseDocument(text).units.length`). A stable key follows a
 * paragraph across versions, whatever its number or place. For a version imported from a file,
 * `keys[i]` is just the parsed key.
 */
export interface VersionText {
	text: string;
	keys: readonly string[];
}

/** What an amendment does to its target unit. */
export type DraftAmendmentKind = 'replace' | 'insert' | 'delete' | 'move';

/**
 * An amendment as stored against one version of a draft. Keys are stable keys of that version.
 *
 * Example: replace the words of paragraph 'rec-p3' →
 *   { id: 'a1', number: 1, kind: 'replace', targetKey: 'rec-p3', afterKey: null, resultText: 'The new text.' }
 * and insert a paragraph "2 bis" after 'rec-p2' →
 *   { id: 'a2', number: 2, kind: 'insert', targetKey: '', afterKey: 'rec-p2', resultText: 'Added.', newNumber: '2 bis' }
 */
export interface DraftAmendment {
	/** Identity; conflicts and labels name it. */
	id: string;
	/** Per document 1, 2, 3…; orders insertions placed after the same unit (not the input order). */
	number: number;
	kind: DraftAmendmentKind;
	/** The base unit (ignored for an insertion, may be ''). */
	targetKey: string;
	/** Insert and move: the base unit the new or moved unit follows; null = the start of the document. */
	afterKey: string | null;
	/** The unit's full new clean text ('' for a deletion); for a move, the moved unit's (possibly changed) text. */
	resultText: string;
	/** Deletion only: further base units removed with it (a whole left-out part). */
	covers?: readonly string[];
	/** Insertion: the number the proposer gave the new unit ("2 bis"), if any. */
	newNumber?: string | null;
}

/**
 * A change of words: the tokens [from, to) of `tokenize(baseText)` are replaced by `insert`.
 * `insert` holds the new words as written, with one leading space when the new text has white
 * space before them and one trailing space when it has white space after them. A deletion has no
 * words: `insert` is ' ' when the words around it stay apart, '' when they close up ("a foo, b"
 * → "a, b"). An insertion has `from === to`.
 */
export interface WordEdit {
	from: number;
	to: number;
	insert: string;
}

/** Two amendments that cannot both be applied; `a` has the lower number. */
export interface Conflict {
	a: string;
	b: string;
	/** The base unit where they collide. */
	unitKey: string;
	/** 'overlap': the same words changed twice; 'removed': one removes a unit the other needs; 'moved': one moves a unit the other changes or moves. */
	reason: 'overlap' | 'removed' | 'moved';
}

/** A run of text in a tracked-changes or comparison view. */
export interface Segment {
	kind: 'same' | 'ins' | 'del';
	text: string;
	/** For 'ins' and 'del' in a tracked-changes view: the amendment that makes the change. */
	amendmentId?: string;
}

/** One unit of the tracked-changes view (see `trackChanges`). */
export interface TrackedUnit {
	/** The base unit's stable key; for an insertion, 'insert:' + the amendment id. */
	key: string;
	kind: UnitKind;
	depth: number;
	part: string;
	number: string | null;
	state: 'same' | 'changed' | 'inserted' | 'deleted' | 'moved-from' | 'moved-to';
	segments: Segment[];
	/** The amendments shown on this unit, by number. */
	amendmentIds: string[];
	/** When amendments on this unit conflict: each one's change shown on its own. */
	alternatives?: { amendmentId: string; segments: Segment[] }[];
}

/** One row of a comparison of two versions (see `compareVersions`). */
export interface CompareRow {
	key: string;
	kind: UnitKind;
	depth: number;
	part: string;
	numberBefore: string | null;
	numberAfter: string | null;
	/** 'renumbered': the same words under another number. */
	state: 'same' | 'changed' | 'inserted' | 'deleted' | 'moved' | 'renumbered';
	segments: Segment[];
	before: string;
	after: string;
}

/** What `composeVersion` returns: the new version and the numbers it changed. */
export interface ComposedVersion {
	text: string;
	keys: string[];
	/** With `renumber`: each unit whose number changed, by stable key. */
	renumbering: { key: string; from: string; to: string }[];
}

/** What `carryForward` returns. */
export type CarryResult = { ok: true; amendment: DraftAmendment } | { ok: false; reason: 'target-gone' | 'text-changed' | 'place-gone' };
