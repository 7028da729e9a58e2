import type { PrintNoteRef, PrintUnit } from './types';

/**
 * Walks a unit's text in order, cut at its footnote references: `text` for each run of words,
 * `note` for each reference. Example: "Transparency:" with a reference at 12 → text('Transparency'),
 * note(ref), text(':'). Empty runs are skipped.
 */
export function eachPiece(u: Pick<PrintUnit, 'text' | 'notes'>, text: (s: string) => void, note: (ref: PrintNoteRef) => void): void {
	let at = 0;
	for (const ref of u.notes) {
		if (ref.offset > at) text(u.text.slice(at, ref.offset));
		note(ref);
		at = Math.max(at, ref.offset);
	}
	if (at < u.text.length) text(at === 0 ? u.text : u.text.slice(at));
}
