/**
 * Fingerprints: the sample of a text's shingle hashes that is stored, and looked up, to find
 * contributions that share wording with a text.
 *
 * The sample keeps a hash when it is divisible by SAMPLE_EVERY (hash-mod sampling). The choice
 * depends on the shingle alone, never on its neighbours, so a passage copied into another text
 * keeps the same sampled hashes there, and the share of a query's sampled hashes found in a
 * contribution estimates the share of its shingles found there without bias. (Winnowing picks
 * the minimum of each window instead: it guarantees a hit for every long enough copy, but a
 * hash's selection then depends on the text around it.)
 */
import { analyse, type Analysis } from './analysis';
import { MAX_QUERY_HASHES, SAMPLE_EVERY } from './parameters';

/** Whether a shingle hash belongs to the sample. */
export function isSampled(hash: number): boolean {
	return (hash >>> 0) % SAMPLE_EVERY === 0;
}

/** The distinct sampled shingle hashes of a text, ascending: what is stored for a contribution. */
export function fingerprint(text: string | Analysis): number[] {
	const a = typeof text === 'string' ? analyse(text) : text;
	const out: number[] = [];
	for (const h of a.distinct) if (isSampled(h)) out.push(h);
	return out.sort((x, y) => x - y);
}

/**
 * The hashes a lookup sends to the database: the text's fingerprint, cut to the `max` smallest
 * (by unsigned value) when longer. Those are a uniform sample of the fingerprint too, and always
 * the same ones for the same text, so a long query costs no more than a page of text.
 */
export function queryFingerprint(text: string | Analysis, max: number = MAX_QUERY_HASHES): number[] {
	const all = fingerprint(text);
	if (all.length <= max) return all;
	return all
		.map((h) => h >>> 0)
		.sort((x, y) => x - y)
		.slice(0, max)
		.map((h) => h | 0)
		.sort((x, y) => x - y);
}
