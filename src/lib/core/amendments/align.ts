import type { ParsedUnit } from '../documents/types';
import { contentUnits } from './chunks';
import { tokenize, wordSet, type Token } from './tokens';

/** Units of a base version paired with the units of an edited copy. */
export interface Alignment {
	/** Aligned pairs, in the copy's order. */
	pairs: { base: ParsedUnit; edited: ParsedUnit; score: number }[];
	/** Base units with no counterpart in the copy, in base order. */
	removed: ParsedUnit[];
	/** Units of the copy with no counterpart in the base, in the copy's order. */
	inserted: ParsedUnit[];
}

interface Side {
	unit: ParsedUnit;
	index: number;
	/** Relative position in its document, 0…1. */
	at: number;
	tokens: Token[];
	words: Set<string>;
	/** Present words' keys joined: equal when the texts differ in typography only. */
	norm: string;
	family: string;
}

/** What a unit may pair with: titles and headings with their like, text with text, notes with notes. */
const ROLE: Record<string, string> = { title: 'heading', heading: 'heading', annex: 'heading', footnote: 'note', blank: 'blank' };

/** Annexes are documents of their own: a unit never aligns across an annex boundary. */
const family = (u: ParsedUnit): string => `${u.part.startsWith('annex') ? u.part : 'main'}:${ROLE[u.kind] ?? 'text'}`;

function sides(units: readonly ParsedUnit[]): Side[] {
	const list = contentUnits(units);
	return list.map((unit, index) => {
		const tokens = tokenize(unit.text);
		return {
			unit,
			index,
			at: list.length > 1 ? index / (list.length - 1) : 0,
			tokens,
			words: wordSet(tokens),
			norm: tokens
				.filter((t) => !t.struck)
				.map((t) => t.key)
				.join(' '),
			family: family(unit)
		};
	});
}

function overlap(a: Set<string>, b: Set<string>): number {
	const [small, large] = a.size < b.size ? [a, b] : [b, a];
	let n = 0;
	for (const w of small) if (large.has(w)) n++;
	return n;
}

/** Word-set similarity: Dice's coefficient, or a high containment (one unit merged into, or split from, the other). */
function similarity(a: Side, b: Side, shared = overlap(a.words, b.words)): number {
	if (a.words.size === 0 && b.words.size === 0) return a.norm === b.norm ? 1 : 0.5;
	const dice = (2 * shared) / (a.words.size + b.words.size);
	const least = Math.min(a.words.size, b.words.size);
	const contained = least >= 10 && shared / least >= 0.9 ? (shared / least) * 0.8 : 0;
	return Math.max(dice, contained);
}

/** Words so common in a document that they say nothing about which unit is which. */
const COMMON_SHARE = 0.25;
const MATCH = 0.5;
const BY_KEY = 0.3;

/**
 * Pairs the units of an edited copy with those of its base version. Three passes, each over what
 * the previous left: (1) identical text up to typography, the nearest by position when repeated;
 * (2) the same structural key (same section, same number or place) with some words in common;
 * (3) the most similar by word sets (Dice's coefficient, or containment for merges and splits),
 * best first, above a threshold. Pairs never cross an annex boundary, and footnotes pair only with
 * footnotes, headings and titles only with headings and titles: text a copy moves out of a left-out annex into the body is an insertion there.
 */
export function alignUnits(base: readonly ParsedUnit[], edited: readonly ParsedUnit[]): Alignment {
	const b = sides(base);
	const e = sides(edited);
	const baseOf = new Map<number, Side>();
	const editedOf = new Map<number, Side>();
	const scores = new Map<number, number>();
	const pair = (x: Side, y: Side, score: number) => {
		baseOf.set(y.index, x);
		editedOf.set(x.index, y);
		scores.set(y.index, score);
	};

	const byNorm = new Map<string, Side[]>();
	for (const x of b) if (x.norm) byNorm.set(x.norm, [...(byNorm.get(x.norm) ?? []), x]);
	for (const y of e) {
		const options = (byNorm.get(y.norm) ?? []).filter((x) => !editedOf.has(x.index) && x.family === y.family);
		if (options.length === 0) continue;
		const best = options.reduce((p, q) => (Math.abs(q.at - y.at) < Math.abs(p.at - y.at) ? q : p));
		pair(best, y, 1);
	}

	const byKey = new Map(b.map((x) => [x.unit.key, x]));
	for (const y of e) {
		if (baseOf.has(y.index)) continue;
		const x = byKey.get(y.unit.key);
		if (!x || editedOf.has(x.index) || x.family !== y.family) continue;
		const s = similarity(x, y);
		if (s >= BY_KEY) pair(x, y, s);
	}

	const index = new Map<string, Side[]>();
	for (const x of b) if (!editedOf.has(x.index)) for (const w of x.words) index.set(w, [...(index.get(w) ?? []), x]);
	const limit = Math.max(8, Math.ceil(b.length * COMMON_SHARE));
	const candidates: { x: Side; y: Side; s: number }[] = [];
	for (const y of e) {
		if (baseOf.has(y.index)) continue;
		const shared = new Map<Side, number>();
		for (const w of y.words) {
			const list = index.get(w);
			if (!list || list.length > limit) continue;
			for (const x of list) shared.set(x, (shared.get(x) ?? 0) + 1);
		}
		for (const x of shared.keys()) {
			if (x.family !== y.family) continue;
			const s = similarity(x, y, overlap(x.words, y.words));
			if (s >= MATCH) candidates.push({ x, y, s: s - Math.abs(x.at - y.at) * 0.05 });
		}
	}
	candidates.sort((p, q) => q.s - p.s || p.y.index - q.y.index || p.x.index - q.x.index);
	for (const { x, y, s } of candidates) if (!editedOf.has(x.index) && !baseOf.has(y.index)) pair(x, y, s);

	return {
		pairs: e.filter((y) => baseOf.has(y.index)).map((y) => ({ base: baseOf.get(y.index)!.unit, edited: y.unit, score: scores.get(y.index)! })),
		removed: b.filter((x) => !editedOf.has(x.index)).map((x) => x.unit),
		inserted: e.filter((y) => !baseOf.has(y.index)).map((y) => y.unit)
	};
}
