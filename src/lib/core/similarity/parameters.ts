/**
 * The parameters of Plenary's similarity method (see docs/similarity.md for why these values).
 * Stored fingerprints depend on SHINGLE_WORDS and SAMPLE_EVERY: changing either means recomputing
 * every contribution's fingerprints.
 */

/** Words per shingle: long enough that shared shingles mean shared wording, short enough to catch an edited sentence. */
export const SHINGLE_WORDS = 5;

/** A contribution keeps the shingle hashes divisible by this: about one in four. */
export const SAMPLE_EVERY = 4;

/** At most this many of the query's sampled hashes go to the database (the smallest, so always the same ones). */
export const MAX_QUERY_HASHES = 400;

/** A passage in common shorter than this many words is a stock phrase, not a borrowing. */
export const MIN_PASSAGE_WORDS = 10;
