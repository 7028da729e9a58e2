/**
 * Words of a text in any script, each with where it stands in the text.
 *
 * Scripts written with spaces between words (Latin, Cyrillic, Arabic, Greek, Hangul, Devanagari…)
 * are cut by a Unicode pattern: a word is a run of letters, marks and digits, with apostrophes
 * inside ("l’homme", "don't"). Runs in scripts written without spaces (Chinese, Japanese, Thai, Lao,
 * Khmer, Myanmar) are then cut into words by `Intl.Segmenter` with granularity 'word', which knows
 * their dictionaries: "增强合作工作组" → 增强 | 合作 | 工作 | 组.
 *
 * Why not the segmenter for everything: on Node 20 it is about 20 times slower than the pattern on
 * Latin text, and its cost grows with the square of the string's length (16,000 characters took
 * 20 ms, 1,000,000 took over five minutes), so it only ever sees short runs.
 *
 * Worked example: `words('Enhanced co-operation, “l’Homme”')` →
 * `[{ text: 'enhanced', start: 0, end: 8 }, { text: 'co', … }, { text: 'operation', … }, { text: "l'homme", start: 24, end: 31 }]`.
 */
import { normaliseWord, type NormaliseOptions } from './normalise';

export interface Word {
	/** The word's comparable form (see `normaliseWord`). */
	text: string;
	/** Offset of its first UTF-16 code unit in the text. */
	start: number;
	/** Offset just after its last code unit: `text.slice(start, end)` is the word as written. */
	end: number;
}

const WORD_CHARS = '\\p{L}\\p{M}\\p{N}\\u200C\\u200D';
const WORD = new RegExp(`[${WORD_CHARS}]+(?:['\\u2019\\u02BC][${WORD_CHARS}]+)*`, 'gu');
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
/** Longest run handed to the segmenter at once (see the note on its cost above). */
const SEGMENT_RUN = 256;

let segmenter: Intl.Segmenter | null = null;
function wordSegmenter(): Intl.Segmenter {
	// A fixed locale, so that a text is cut the same way on every server whatever its LANG.
	segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
	return segmenter;
}

/** The words of `text` in order, normalised, with their offsets into `text`. */
export function words(text: string, options: NormaliseOptions = {}): Word[] {
	const out: Word[] = [];
	WORD.lastIndex = 0;
	for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
		const run = m[0];
		if (UNSPACED.test(run)) segmentRun(run, m.index, options, out);
		else out.push({ text: normaliseWord(run, options), start: m.index, end: m.index + run.length });
	}
	return out;
}

function segmentRun(run: string, offset: number, options: NormaliseOptions, out: Word[]): void {
	let from = 0;
	while (from < run.length) {
		let to = Math.min(run.length, from + SEGMENT_RUN);
		// Never cut a surrogate pair in two.
		if (to < run.length && /[\uD800-\uDBFF]/.test(run[to - 1])) to += 1;
		const piece = run.slice(from, to);
		for (const s of wordSegmenter().segment(piece)) {
			if (!s.isWordLike) continue;
			const start = offset + from + s.index;
			out.push({ text: normaliseWord(s.segment, options), start, end: start + s.segment.length });
		}
		from = to;
	}
}
