/**
 * How much two texts share, computed exactly on all their shingles (the fingerprints only find
 * the candidates).
 *
 * Worked example: a query of 100 distinct shingles, 40 of which stand in a candidate of 400
 * distinct shingles: score 0.4 (40 % of the query's wording is found there), coverage 0.1 (10 %
 * of the candidate's wording is in the query).
 */
import { analyse, type Analysis } from './analysis';
import { commonPassages, type Passage, type PassageOptions } from './passages';

export interface Comparison {
	/** Containment of the query in the candidate: shared distinct shingles / the query's, 0–1. */
	score: number;
	/** Containment of the candidate in the query: shared distinct shingles / the candidate's, 0–1. */
	coverage: number;
	/** The passages in common, in the query's order. */
	passages: Passage[];
}

/** Shared distinct shingles of the query and the candidate. */
export function sharedShingles(query: Analysis, candidate: Analysis): number {
	const [small, large] = query.distinct.size <= candidate.distinct.size ? [query.distinct, candidate.distinct] : [candidate.distinct, query.distinct];
	let shared = 0;
	for (const h of small) if (large.has(h)) shared += 1;
	return shared;
}

/**
 * The share of the query's distinct shingles that also stand in the candidate (0 for a text
 * without words). A text contains itself entirely: `containment(a, a) === 1`.
 */
export function containment(query: string | Analysis, candidate: string | Analysis): number {
	const q = typeof query === 'string' ? analyse(query) : query;
	const c = typeof candidate === 'string' ? analyse(candidate) : candidate;
	return q.distinct.size === 0 ? 0 : sharedShingles(q, c) / q.distinct.size;
}

/** Score, coverage and passages in common of a query and one candidate. */
export function compare(query: string | Analysis, candidate: string | Analysis, options: PassageOptions = {}): Comparison {
	const q = typeof query === 'string' ? analyse(query) : query;
	const c = typeof candidate === 'string' ? analyse(candidate) : candidate;
	const shared = sharedShingles(q, c);
	return {
		score: q.distinct.size === 0 ? 0 : shared / q.distinct.size,
		coverage: c.distinct.size === 0 ? 0 : shared / c.distinct.size,
		passages: shared === 0 ? [] : commonPassages(q, c, options)
	};
}
