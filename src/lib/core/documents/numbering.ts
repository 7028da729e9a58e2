/**
 * Paragraph numbers as delegations write them. A paragraph inserted between 2 and 3 is "2 bis",
 * the next one "2 ter", then "2 quater"… (the Latin ordinal series used in UN negotiation texts).
 * Some delegations write "tres" for "ter" (the Russian Federation's comments on the Chair's
 * draft do): both mean the third, so they compare equal in rank, but the text keeps what was
 * written.
 *
 * Worked example: parseNumber('2 bis') → { base: 2, suffix: 2 }; parseNumber('2') → { base: 2,
 * suffix: 1 } (a plain number is the first of its base); formatNumber({ base: 2, suffix: 3 }) →
 * '2 ter'; nextInsertedNumber('2', ['1', '2', '3']) → '2 bis'; with '2 bis' taken → '2 ter'.
 */

/** Latin ordinal suffixes by rank; index 2 is "bis". Index 0 and 1 are unused (1 = no suffix). */
const ORDINALS = [
	'',
	'',
	'bis',
	'ter',
	'quater',
	'quinquies',
	'sexies',
	'septies',
	'octies',
	'novies',
	'decies',
	'undecies',
	'duodecies',
	'terdecies',
	'quaterdecies',
	'quindecies',
	'sexdecies',
	'septdecies',
	'octodecies',
	'novodecies',
	'vicies'
] as const;

/** Spellings seen in practice for the same rank. */
const ALIASES: Record<string, number> = { tres: 3, nonies: 9 };

/** The rank of a Latin ordinal suffix ('bis' → 2, 'tres' → 3), or null when the word is not one. */
export function suffixRank(word: string): number | null {
	const w = word.toLowerCase();
	if (w in ALIASES) return ALIASES[w];
	const i = ORDINALS.indexOf(w as (typeof ORDINALS)[number]);
	return i >= 2 ? i : null;
}

/** A regular-expression alternation of every suffix spelling, longest first so "quaterdecies" wins over "quater". */
export const SUFFIX_PATTERN = [...ORDINALS.slice(2), ...Object.keys(ALIASES)].sort((a, b) => b.length - a.length).join('|');

export interface ParagraphNumber {
	base: number;
	/** 1 for a plain number, 2 for "bis", 3 for "ter"/"tres"… */
	suffix: number;
}

const NUMBER_RE = new RegExp(`^\\(?\\s*(\\d{1,6})\\s*(${SUFFIX_PATTERN})?\\s*\\)?\\.?$`, 'i');

/**
 * Reads a paragraph number: '2' → {2,1}, '2 bis' → {2,2}, '2bis.' → {2,2}, '(2 ter)' → {2,3},
 * '2 tres' → {2,3}. Returns null for anything else ('a', '1.1', 'IV').
 */
export function parseNumber(value: string): ParagraphNumber | null {
	const m = NUMBER_RE.exec(value.trim());
	if (!m) return null;
	const base = Number(m[1]);
	const suffix = m[2] ? suffixRank(m[2]) : 1;
	if (suffix === null) return null;
	return { base, suffix };
}

/** Writes a paragraph number in the canonical spelling: {2,1} → '2', {2,2} → '2 bis', {2,3} → '2 ter'. */
export function formatNumber(n: ParagraphNumber): string {
	if (n.suffix <= 1) return String(n.base);
	const word = ORDINALS[n.suffix];
	return word ? `${n.base} ${word}` : `${n.base} (${n.suffix})`;
}

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };

/** The value of a Roman numeral ('iv' → 4, 'XIV' → 14), or null when it is not one. */
export function romanValue(value: string): number | null {
	const s = value.toLowerCase();
	if (!/^[ivxlcdm]+$/.test(s)) return null;
	let total = 0;
	for (let i = 0; i < s.length; i++) {
		const v = ROMAN[s[i]];
		const next = i + 1 < s.length ? ROMAN[s[i + 1]] : 0;
		total += v < next ? -v : v;
	}
	return total > 0 ? total : null;
}

/**
 * A sort key: rank first (0 Arabic, 1 letters, 2 Roman numerals, 3 anything else), then values.
 * Arabic numbers sort by base, suffix, then decimal parts: '1' < '1.1' < '1 bis' < '2'.
 */
function sortKey(value: string): number[] {
	const v = value.trim();
	const plain = parseNumber(v);
	if (plain) return [0, plain.base, plain.suffix];
	const dec = /^\(?(\d{1,6})((?:\.\d{1,6})+)\.?\)?$/.exec(v);
	if (dec) return [0, Number(dec[1]), 1, ...dec[2].slice(1).split('.').map(Number)];
	const letter = /^\(?([a-z])\)?$/i.exec(v);
	if (letter && !/^\(?i\)?$/i.test(v)) return [1, letter[1].toLowerCase().charCodeAt(0)];
	const roman = /^\(?([ivxlcdm]+)\)?$/i.exec(v);
	if (roman) {
		const r = romanValue(roman[1]);
		if (r !== null) return [2, r];
	}
	return [3];
}

/**
 * Orders paragraph numbers as a reader expects: '2' < '2 bis' < '2 ter' < '3' < '10'; letters
 * alphabetically; Roman numerals by value. A total order: equal keys fall back to comparing the
 * strings, so only identical strings compare as 0.
 */
export function compareNumbers(a: string, b: string): number {
	const ka = sortKey(a);
	const kb = sortKey(b);
	const n = Math.min(ka.length, kb.length);
	for (let i = 0; i < n; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
	if (ka.length !== kb.length) return ka.length < kb.length ? -1 : 1;
	return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The number for a paragraph inserted after `after`, not colliding with `existing`: after '2'
 * comes '2 bis', then '2 ter' once '2 bis' exists ('2 tres' counts as taken "ter"). A
 * parenthesised number stays parenthesised: after '(2)' comes '(2 bis)'. For numbers outside
 * the Latin series ('a', '1.1') the result is `after` + ' bis' (then ' ter'…).
 */
export function nextInsertedNumber(after: string, existing: readonly string[]): string {
	const parsed = parseNumber(after);
	const wrapped = /^\(.*\)$/.test(after.trim());
	if (!parsed) {
		const taken = new Set(existing.map((e) => e.trim().toLowerCase()));
		for (let s = 2; s < ORDINALS.length; s++) {
			const candidate = `${after.trim()} ${ORDINALS[s]}`;
			if (!taken.has(candidate.toLowerCase())) return candidate;
		}
		return `${after.trim()} (${existing.length + 1})`;
	}
	const taken = new Set<number>();
	for (const e of existing) {
		const p = parseNumber(e);
		if (p && p.base === parsed.base) taken.add(p.suffix);
	}
	let suffix = parsed.suffix + 1;
	while (taken.has(suffix)) suffix++;
	const text = formatNumber({ base: parsed.base, suffix });
	return wrapped ? `(${text})` : text;
}

/**
 * Whether `next` plausibly continues a numbered sequence whose last number was `previous`: it
 * must come later and not jump far ahead. Used by the parser to tell a new paragraph "2." from a
 * number that merely starts a line inside paragraph 1 (e.g. "64." in a quoted resolution).
 * Examples: ('1','2') → true; ('2','2 bis') → true; ('2 tres','3') → true; ('1','64') → false;
 * ('2','2') → false; ('1.5','2.1') → true.
 */
export function followsInSequence(previous: string, next: string, maxJump = 2): boolean {
	if (compareNumbers(previous, next) >= 0) return false;
	const a = sortKey(previous);
	const b = sortKey(next);
	if (a[0] !== b[0]) return false;
	if (a[0] === 0) return b[1] - a[1] <= maxJump;
	if (a[0] === 1 || a[0] === 2) return b[1] - a[1] <= maxJump;
	return true;
}
