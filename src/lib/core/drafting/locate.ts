import { analyseLine } from '../documents/markers';
import type { Token } from '../amendments/tokens';

/**
 * Where the words of a unit's clean text stand in its source. The clean text is the source
 * without its number or bullet, emphasis marks, HTML tags, footnote markers and line breaks, so
 * its characters appear in the source in order: a greedy subsequence match finds them. The
 * number or bullet, tags, `<sup>…</sup>` and `[^n]` markers are masked first so a word never
 * lands on them; if the masked match fails (the parser kept a number in the text), the match is
 * tried on the whole source.
 *
 * Worked example: source "- Transparency9:  \n", clean text "Transparency:", tokens
 * "Transparency" [0,12) and ":" [12,13) → [2,14) and [15,16): the marker "9" is skipped.
 */
export interface SourceWords {
	/** Character range of each token in the source. */
	words: { start: number; end: number }[];
	/** Where the unit's content starts (after its number or bullet) and ends (before trailing white space). */
	bounds: { start: number; end: number };
}

const MASKED = /<sup>[^<]*<\/sup>|<\/?[a-z][^<>]*>|\[\^[^\]\s]{1,12}\]|[\uE000-\uF8FF]/gi;

/** The structural prefix of a unit's first line (indentation, heading mark, bullet, number): its length. */
export function prefixLength(source: string): number {
	const lineEnd = source.indexOf('\n');
	const line = lineEnd < 0 ? source : source.slice(0, lineEnd);
	const a = analyseLine(line);
	return a.strip.length > 0 ? Math.max(...a.strip.map(([, e]) => e)) : a.indent;
}

function match(source: string, text: string, mask: Uint8Array | null): number[] | null {
	const pos: number[] = new Array(text.length).fill(-1);
	let j = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (/[\s\u00A0]/.test(c)) continue;
		while (j < source.length && ((mask && mask[j]) || source[j] !== c)) j++;
		if (j >= source.length) return null;
		pos[i] = j++;
	}
	return pos;
}

/** Finds the clean text's tokens in the unit's source; null when they cannot all be found. */
export function locateWords(source: string, text: string, tokens: readonly Token[]): SourceWords | null {
	const prefix = prefixLength(source);
	const mask = new Uint8Array(source.length);
	mask.fill(1, 0, prefix);
	for (const m of source.matchAll(MASKED)) mask.fill(1, m.index ?? 0, (m.index ?? 0) + m[0].length);
	const pos = match(source, text, mask) ?? match(source, text, null);
	if (!pos) return null;
	const words = tokens.map((t) => ({ start: pos[t.start], end: pos[t.end - 1] + 1 }));
	const trimmed = source.replace(/[\s\u00A0]+$/, '').length;
	const start = Math.min(prefix, words.length ? words[0].start : prefix, trimmed);
	return { words, bounds: { start, end: Math.max(trimmed, start) } };
}
