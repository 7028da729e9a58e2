import type { PrintFootnote, PrintNoteRef } from './types';

/**
 * Matches footnote references to footnote units. A reference names its footnote by marker only,
 * and markers repeat where documents are put together: a compilation holds each contribution's
 * own footnote "1". So a reference goes to the nearest footnote with its marker that comes after
 * it in the document (footnotes follow their text: at the foot of the page, or at the end), or,
 * when there is none after it, the nearest one before it.
 *
 * Worked example: units [X ¹, X's fn 1, Y ¹, Y's fn 1] → X's reference gets X's footnote (the
 * first "1" after it) and Y's gets Y's; with [fn 1, text ¹] the reference looks back and finds it.
 *
 * Every reference becomes its own footnote, numbered in the order of the text; a footnote unit
 * referred to twice prints twice, and one never referred to stays a unit (`unreferenced`).
 */

export interface NoteSource {
	kind: string;
	key: string;
	part: string;
	text: string;
	number: string | null;
	notes: readonly { marker: string; offset: number }[];
}

export interface ResolvedNotes {
	/** For each unit, its references (empty for footnote units), sorted by offset. */
	refs: PrintNoteRef[][];
	footnotes: PrintFootnote[];
	/** Indexes of footnote units that some reference resolved to. */
	referenced: Set<number>;
}

export function resolveFootnotes(units: readonly NoteSource[]): ResolvedNotes {
	// Positions of the footnote units of each marker, in document order.
	const byMarker = new Map<string, number[]>();
	units.forEach((u, i) => {
		if (u.kind !== 'footnote') return;
		const marker = u.number ?? '';
		const list = byMarker.get(marker);
		if (list) list.push(i);
		else byMarker.set(marker, [i]);
	});

	const refs: PrintNoteRef[][] = [];
	const footnotes: PrintFootnote[] = [];
	const referenced = new Set<number>();
	units.forEach((u, i) => {
		if (u.kind === 'footnote' || u.notes.length === 0) {
			refs.push([]);
			return;
		}
		const sorted = [...u.notes].sort((a, b) => a.offset - b.offset);
		refs.push(
			sorted.map((note) => {
				const target = nearest(byMarker.get(note.marker), i);
				const offset = Math.max(0, Math.min(u.text.length, note.offset));
				if (target === null) return { offset, n: null, marker: note.marker };
				referenced.add(target);
				const n = footnotes.length + 1;
				footnotes.push({ n, marker: note.marker, text: units[target].text, part: u.part, refKey: u.key });
				return { offset, n, marker: note.marker };
			})
		);
	});
	return { refs, footnotes, referenced };
}

/** The first position after `at`, else the last one before it; null when there is none. */
function nearest(positions: readonly number[] | undefined, at: number): number | null {
	if (!positions || positions.length === 0) return null;
	let lo = 0;
	let hi = positions.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (positions[mid] <= at) lo = mid + 1;
		else hi = mid;
	}
	return lo < positions.length ? positions[lo] : positions[lo - 1];
}
