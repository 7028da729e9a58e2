import { tokenize } from '../amendments/tokens';
import type { ParsedUnit } from '../documents/types';
import { applyWordEdits } from './edits';
import { locateWords, prefixLength } from './locate';
import { planEdits, type TextOp } from './splice';
import type { WordEdit } from './types';

/**
 * Word edits of a unit's clean text carried onto its source, so the unit keeps its number,
 * bullet, emphasis marks, footnote markers and trailing white space, and every byte outside the
 * edited words stays. When the words cannot be found in the source (it should not happen), the
 * unit's content is rewritten from its edited clean text, keeping prefix and trailing space.
 *
 * Example: unit "3. The old text.\n\n" (clean "The old text."), edit { from: 1, to: 2, insert: ' new ' }
 * → [{ start: 6, end: 11, text: ' new ' }] → "3. The new text.\n\n".
 */
export function sourceOps(source: string, cleanText: string, edits: readonly WordEdit[]): TextOp[] {
	if (edits.length === 0) return [];
	const tokens = tokenize(cleanText);
	const located = locateWords(source, cleanText, tokens);
	if (located) return planEdits(source, located.words, edits, located.bounds);
	const start = prefixLength(source);
	const end = Math.max(start, source.replace(/[\s\u00A0]+$/, '').length);
	return [{ start, end, text: applyWordEdits(cleanText, edits) }];
}

/** Applies `sourceOps` to a source string. */
export function editSource(source: string, cleanText: string, edits: readonly WordEdit[]): string {
	let out = '';
	let at = 0;
	for (const op of sourceOps(source, cleanText, edits)) {
		out += source.slice(at, op.start) + op.text;
		at = op.end;
	}
	return out + source.slice(at);
}

/**
 * A unit's source as one piece of text, for moving it: a unit split by a footnote block or page
 * break has its pieces joined with one space (none after a word-internal hyphen), so it reads
 * as one paragraph wherever it goes.
 */
export function joinedSource(unit: ParsedUnit, text: string): string {
	const parts = unit.spans.map(([s, e]) => text.slice(s, e));
	if (parts.length === 1) return parts[0];
	let out = parts[0].replace(/[\s\u00A0]+$/, '');
	for (let i = 1; i < parts.length; i++) {
		const next = i === parts.length - 1 ? parts[i].replace(/^[\s\u00A0]+/, '') : parts[i].trim();
		if (!next) continue;
		out += (/[\p{L}\p{N}]-$/u.test(out) ? '' : ' ') + next;
	}
	return out;
}
