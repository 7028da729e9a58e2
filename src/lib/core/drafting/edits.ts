import { diffArrays } from 'diff';
import { tokenize, type Token } from '../amendments/tokens';
import { applyOps, planEdits } from './splice';
import type { WordEdit } from './types';

const SPACE = /[\s\u00A0]/;

/**
 * The word changes that turn `baseText` into `resultText` (two clean unit texts), as token ranges
 * of `tokenize(baseText)`. Words are compared by their typography-folded keys, as `diffWords`
 * does, so straight and curly quotes, dashes and spacing are no edit.
 *
 * Example: ('International dimension.', 'International extent.') → [{ from: 1, to: 2, insert: ' extent' }]
 * — token 1 ("dimension") becomes "extent", with a space before it and none before the full stop;
 * ('a b c', 'a c') → [{ from: 1, to: 2, insert: ' ' }]; ('a c', 'a b c') → [{ from: 1, to: 1, insert: ' b ' }].
 */
export function wordEdits(baseText: string, resultText: string): WordEdit[] {
	const a = tokenize(baseText);
	const b = tokenize(resultText);
	const edits: WordEdit[] = [];
	let i = 0;
	let j = 0;
	let open: { from: number; to: number; first: number; last: number } | null = null;
	const close = () => {
		if (!open) return;
		edits.push({ from: open.from, to: open.to, insert: insertText(b, resultText, open.first, open.last, open.from > 0, open.to < a.length) });
		open = null;
	};
	for (const part of diffArrays(
		a.map((t) => t.key),
		b.map((t) => t.key)
	)) {
		const n = part.count ?? part.value.length;
		if (!part.added && !part.removed) {
			close();
			i += n;
			j += n;
			continue;
		}
		open ??= { from: i, to: i, first: j, last: j };
		if (part.removed) {
			i += n;
			open.to = i;
		} else {
			j += n;
			open.last = j;
		}
	}
	close();
	return edits;
}

/** The new words b[first, last) as written, with the spacing the new text has around them. */
function insertText(b: readonly Token[], text: string, first: number, last: number, before: boolean, after: boolean): string {
	if (first === last) {
		// A pure deletion: do the words around it stay apart?
		const start = first > 0 ? b[first - 1].end : 0;
		const end = first < b.length ? b[first].start : text.length;
		return before && after && SPACE.test(text.slice(start, end)) ? ' ' : '';
	}
	const words = text.slice(b[first].start, b[last - 1].end).replace(/\s+/g, ' ');
	// The gap to the neighbouring words decides, not the character next to the word: "a -b" has a space before "b".
	const lead = before && SPACE.test(text.slice(first > 0 ? b[first - 1].end : 0, b[first].start)) ? ' ' : '';
	const trail = after && SPACE.test(text.slice(b[last - 1].end, last < b.length ? b[last].start : text.length)) ? ' ' : '';
	return lead + words + trail;
}

/**
 * Applies word edits to a clean text and returns clean text (white space collapsed, trimmed).
 * `applyWordEdits(b, wordEdits(b, r))` equals `r` up to white space and typography.
 *
 * Example: applyWordEdits('a b c', [{ from: 1, to: 2, insert: ' B ' }]) → 'a B c'.
 */
export function applyWordEdits(baseText: string, edits: readonly WordEdit[]): string {
	const tokens = tokenize(baseText);
	const ops = planEdits(baseText, tokens, edits, { start: 0, end: baseText.length });
	return applyOps(baseText, ops).replace(/\s+/g, ' ').trim();
}

/**
 * Whether two edits of the same text collide: their ranges intersect, or both insert at the same
 * point, or one inserts strictly inside the other's range. Edits that only touch ([1,2) and
 * [2,3), or an insertion at 2 and [2,3)) do not collide.
 */
export function editsOverlap(x: WordEdit, y: WordEdit): boolean {
	const xi = x.from === x.to;
	const yi = y.from === y.to;
	if (xi && yi) return x.from === y.from;
	if (xi) return x.from > y.from && x.from < y.to;
	if (yi) return y.from > x.from && y.from < x.to;
	return x.from < y.to && y.from < x.to;
}

/** Whether any edit of one list collides with any of the other. */
export function editListsOverlap(xs: readonly WordEdit[], ys: readonly WordEdit[]): boolean {
	return xs.some((x) => ys.some((y) => editsOverlap(x, y)));
}

/** Sorts edits by position: an insertion before a replacement that starts at the same token. */
export function byPosition(x: WordEdit, y: WordEdit): number {
	return x.from - y.from || x.to - y.to;
}
