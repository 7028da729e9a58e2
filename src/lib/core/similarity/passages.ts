/**
 * Passages two texts have in common: maximal runs of shared shingles, turned back into the words
 * they cover and cut where either text starts a new paragraph, each given as it stands in both
 * texts (with character offsets), longest first when two claim the same words, shown in the
 * query's order.
 *
 * Worked example (shingles of 3 words, minimum 4 words): query "we urge states to publish data.
 * Other text." and candidate "Members urge states to publish data openly." share the shingles
 * "urge states to", "states to publish", "to publish data": one run of 3 shingles, so one passage
 * of 5 words, "urge states to publish data", at offsets 3–30 in the query and 8–35 in the candidate.
 */
import { analyse, type Analysis } from './analysis';
import { MIN_PASSAGE_WORDS } from './parameters';

export interface Span {
	/** Offset of the passage's first character in its text. */
	start: number;
	/** Offset just after its last character: `text.slice(start, end) === span.text`. */
	end: number;
	/** The passage as written in that text. */
	text: string;
}

export interface Passage {
	/** Its length in words. */
	words: number;
	query: Span;
	candidate: Span;
}

export interface PassageOptions {
	/** Shorter passages are left out (default MIN_PASSAGE_WORDS). */
	minWords?: number;
}

/** A run of consecutive shared shingles: query shingles q…q+length-1 equal candidate shingles c…c+length-1. */
interface Run {
	q: number;
	c: number;
	length: number;
}

/** Word ranges, inclusive, in both texts. */
interface Piece {
	q: number;
	c: number;
	words: number;
}

/** A shingle repeated more often than this in one text is boilerplate: its later copies are not followed. */
const MAX_REPEATS = 32;
const PARAGRAPH_BREAK = /\n\s*\n/;

/** The passages `queryText` and `candidateText` have in common, in the query's order. */
export function commonPassages(queryText: string | Analysis, candidateText: string | Analysis, options: PassageOptions = {}): Passage[] {
	const q = typeof queryText === 'string' ? analyse(queryText) : queryText;
	const c = typeof candidateText === 'string' ? analyse(candidateText) : candidateText;
	const minWords = Math.max(1, options.minWords ?? MIN_PASSAGE_WORDS);
	const pieces = sharedRuns(q.shingles, c.shingles)
		.flatMap((run) => cut(q, c, run))
		.filter((p) => p.words >= minWords);
	return withoutOverlaps(pieces)
		.sort((a, b) => a.q - b.q || a.c - b.c)
		.map((p) => ({ words: p.words, query: span(q, p.q, p.words), candidate: span(c, p.c, p.words) }));
}

/**
 * Every maximal diagonal run of equal shingles, found in one pass over the query: `open` maps a
 * candidate position matched at the previous query position to the query position its run began.
 */
function sharedRuns(q: Int32Array, c: Int32Array): Run[] {
	const at = new Map<number, number[]>();
	for (let j = 0; j < c.length; j++) {
		const list = at.get(c[j]);
		if (!list) at.set(c[j], [j]);
		else if (list.length < MAX_REPEATS) list.push(j);
	}
	const runs: Run[] = [];
	let open = new Map<number, number>();
	for (let i = 0; i <= q.length; i++) {
		const next = new Map<number, number>();
		const matches = i < q.length ? at.get(q[i]) : undefined;
		if (matches) for (const j of matches) next.set(j, open.get(j - 1) ?? i);
		for (const [j, start] of open) {
			if (!next.has(j + 1)) runs.push({ q: start, c: j - (i - 1 - start), length: i - start });
		}
		open = next;
	}
	return runs;
}

/**
 * The words a run covers, cut where the two texts' words differ (a hash collision) or where
 * either text starts a new paragraph: two pasted paragraphs are two passages.
 */
function cut(q: Analysis, c: Analysis, run: Run): Piece[] {
	const total = run.length + q.span - 1;
	const pieces: Piece[] = [];
	let from = -1;
	const close = (to: number) => {
		if (from >= 0) pieces.push({ q: run.q + from, c: run.c + from, words: to - from });
		from = -1;
	};
	for (let w = 0; w < total; w++) {
		const qw = q.words[run.q + w];
		const cw = c.words[run.c + w];
		if (!qw || !cw || qw.text !== cw.text) {
			close(w);
			continue;
		}
		if (from >= 0 && (breaks(q, run.q + w) || breaks(c, run.c + w))) close(w);
		if (from < 0) from = w;
	}
	close(total);
	return pieces;
}

/** Whether a paragraph break stands between word `index - 1` and word `index`. */
function breaks(a: Analysis, index: number): boolean {
	return PARAGRAPH_BREAK.test(a.text.slice(a.words[index - 1].end, a.words[index].start));
}

/**
 * Longest first, a piece is kept unless it shares words with one already kept, in either text:
 * a passage the candidate repeats is shown once.
 */
function withoutOverlaps(pieces: Piece[]): Piece[] {
	const kept: Piece[] = [];
	const sorted = [...pieces].sort((a, b) => b.words - a.words || a.q - b.q || a.c - b.c);
	for (const p of sorted) {
		const clash = kept.some((k) => overlaps(p.q, k.q, p.words, k.words) || overlaps(p.c, k.c, p.words, k.words));
		if (!clash) kept.push(p);
	}
	return kept;
}

function overlaps(a: number, b: number, aLength: number, bLength: number): boolean {
	return a < b + bLength && b < a + aLength;
}

function span(a: Analysis, first: number, count: number): Span {
	const start = a.words[first].start;
	const end = a.words[first + count - 1].end;
	return { start, end, text: a.text.slice(start, end) };
}
