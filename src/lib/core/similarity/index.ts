/**
 * Similar contributions: normalisation, words in any script, shingles, fingerprints, and the
 * exact comparison (score and passages in common). See docs/similarity.md.
 */
export { analyse, type Analysis } from './analysis';
export { compare, containment, sharedShingles, type Comparison } from './compare';
export { fingerprint, isSampled, queryFingerprint } from './fingerprint';
export { hashShingle, hashWord } from './hash';
export { normaliseText, normaliseWord, type NormaliseOptions } from './normalise';
export { MAX_QUERY_HASHES, MIN_PASSAGE_WORDS, SAMPLE_EVERY, SHINGLE_WORDS } from './parameters';
export { commonPassages, type Passage, type PassageOptions, type Span } from './passages';
export { words, type Word } from './tokenise';
