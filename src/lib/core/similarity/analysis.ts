/**
 * A text cut into words and word shingles, ready to compare or fingerprint.
 *
 * Worked example (shingles of 3 words for brevity): "We support the Chair's draft" has the
 * shingles "we support the", "support the chair's", "the chair's draft", each hashed from its
 * words' hashes. A text with fewer words than a shingle has one shingle of all its words, so that
 * even a short text is similar to itself.
 */
import { hashShingle, hashWord } from './hash';
import type { NormaliseOptions } from './normalise';
import { SHINGLE_WORDS } from './parameters';
import { words, type Word } from './tokenise';

export interface Analysis {
	text: string;
	words: Word[];
	/** Hash of the shingle that starts at each word (shorter than `words` by SHINGLE_WORDS - 1). */
	shingles: Int32Array;
	/** Words per shingle: SHINGLE_WORDS, or the word count of a shorter text. */
	span: number;
	/** The distinct shingle hashes. */
	distinct: Set<number>;
}

/** Cuts `text` into normalised words and hashes its shingles. */
export function analyse(text: string, options: NormaliseOptions = {}): Analysis {
	const list = words(text, options);
	const span = Math.min(SHINGLE_WORDS, list.length);
	const count = span === 0 ? 0 : list.length - span + 1;
	const wordHashes = new Uint32Array(list.length);
	for (let i = 0; i < list.length; i++) wordHashes[i] = hashWord(list[i].text);
	const shingles = new Int32Array(count);
	const distinct = new Set<number>();
	for (let i = 0; i < count; i++) {
		shingles[i] = hashShingle(wordHashes, i, span);
		distinct.add(shingles[i]);
	}
	return { text, words: list, shingles, span, distinct };
}
