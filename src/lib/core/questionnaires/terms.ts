/**
 * Frequent terms: the words and two- and three-word phrases respondents use in their text
 * answers, counted by distinct respondents, and shown only when at least k respondents used them
 * (so a term can never point at one person).
 *
 * An answer's terms (`answerTerms`), in any of the six UN languages:
 * - words as `similarity/tokenise.ts` finds them: NFKC, lower case, punctuation dropped,
 *   Chinese cut into words by `Intl.Segmenter`; accents are kept (they are spelling in French and
 *   Spanish), Arabic vowel marks and the tatweel are dropped (they are not);
 * - French elisions are cut from words ("l'homme" → "homme") but kept inside phrases;
 * - a **word** counts unless it is a stop word (`stop-words.ts`), a single letter (a single Chinese
 *   character is a word), or longer than 40 characters;
 * - a **phrase** is two or three consecutive words with no punctuation between them, not starting
 *   or ending with a stop word ("freedom of expression", not "of expression"); Chinese words are
 *   joined without a space ("加强合作");
 * - distinct, in order of first use, at most 100 words, 60 two-word and 40 three-word phrases.
 *
 * Worked example: `answerTerms('Enhanced cooperation; the role of governments.')` →
 * `['enhanced', 'cooperation', 'role', 'governments', 'enhanced cooperation', 'role of governments']`.
 */
import { words } from '../similarity/tokenise';
import { NOT_STATED } from './not-stated';
import { STOP_WORDS } from './stop-words';

export const MAX_WORDS = 100;
export const MAX_PAIRS = 60;
export const MAX_TRIPLES = 40;
/** At most this many terms per answer. */
export const MAX_TERMS = MAX_WORDS + MAX_PAIRS + MAX_TRIPLES;
const MAX_WORD_LENGTH = 40;
/** Only the start of a very long answer is read: more would add nothing the caps let through. */
const MAX_TEXT = 50_000;

/** Arabic harakat, the superscript alef and Quranic marks, and the tatweel. */
const ARABIC_MARKS = /[\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
const HAS_ARABIC_MARK = /[\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/;
const ELISION = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)'(?=.)/;
const HAN = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+$/u;
/** Anything but spaces between two words breaks a phrase. */
const JOINS = /^[\s\u00A0\u200B-\u200D\u2060\u3000]*$/;

interface Token {
	/** The word as counted alone (elision cut). */
	text: string;
	/** The word as shown inside a phrase (elision kept). */
	shown: string;
	stop: boolean;
	/** Starts a new phrase: punctuation (or anything but space) stood between it and the word before. */
	breakBefore: boolean;
}

function tokens(text: string): Token[] {
	const source = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
	const out: Token[] = [];
	let end = -1;
	for (const w of words(source, { foldDiacritics: false })) {
		let shown = w.text;
		if (HAS_ARABIC_MARK.test(shown)) shown = shown.replace(ARABIC_MARKS, '');
		const t = shown.includes("'") ? shown.replace(ELISION, '') : shown;
		const breakBefore = end < 0 || !JOINS.test(source.slice(end, w.start));
		end = w.end;
		if (t !== '') out.push({ text: t, shown, stop: STOP_WORDS.has(t), breakBefore });
	}
	return out;
}

const countable = (t: Token) => !t.stop && t.text.length <= MAX_WORD_LENGTH && ([...t.text].length > 1 || HAN.test(t.text));

function join(parts: readonly Token[]): string {
	let out = parts[0].shown;
	for (let i = 1; i < parts.length; i++) out += (HAN.test(parts[i - 1].text) && HAN.test(parts[i].text) ? '' : ' ') + parts[i].shown;
	return out;
}

/**
 * The distinct terms of one text answer: words, then two-word and three-word phrases, each in
 * order of first use and capped (see the top of this file). Deterministic.
 */
export function answerTerms(text: string): string[] {
	const ts = tokens(text);
	const found = [new Set<string>(), new Set<string>(), new Set<string>()];
	const caps = [MAX_WORDS, MAX_PAIRS, MAX_TRIPLES];
	for (let i = 0; i < ts.length; i++) {
		for (let n = 1; n <= 3; n++) {
			if (found[n - 1].size >= caps[n - 1] || i + n > ts.length) continue;
			const parts = ts.slice(i, i + n);
			if (parts.some((p, j) => j > 0 && p.breakBefore)) continue;
			const first = parts[0];
			const last = parts[n - 1];
			if (!countable(first) || !countable(last) || parts.some((p) => p.text.length > MAX_WORD_LENGTH)) continue;
			found[n - 1].add(n === 1 ? first.text : join(parts));
		}
	}
	return found.flatMap((s) => [...s]);
}

/** The terms of one respondent's answer, with their stakeholder group (null: not stated). */
export interface TermSet {
	respondent: string;
	group: string | null;
	terms: readonly string[];
}

export interface FrequentTerm {
	term: string;
	/** Distinct respondents who used it. */
	count: number;
}

export interface FrequentTerms {
	overall: FrequentTerm[];
	/** Per stakeholder group (`not_stated` for none): terms used by at least k respondents of that group. */
	byGroup: Record<string, FrequentTerm[]>;
}

const byCountThenTerm = (a: FrequentTerm, b: FrequentTerm) => b.count - a.count || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0);

/**
 * The terms used by at least `k` distinct respondents, overall and per stakeholder group (a term
 * appears for a group only when at least `k` distinct respondents of that group used it), most
 * used first, then by term. A respondent counts once per term however many answers repeat it.
 * `limit` keeps only the first so many of each list.
 */
export function frequentTerms(sets: readonly TermSet[], k: number, options: { limit?: number } = {}): FrequentTerms {
	if (!Number.isInteger(k) || k < 1) throw new RangeError('k must be a whole number of at least 1');
	// Visit the sets respondent by respondent: a term then counts a respondent only when it last saw another one.
	const order = sets.map((_, i) => i).sort((a, b) => (sets[a].respondent < sets[b].respondent ? -1 : sets[a].respondent > sets[b].respondent ? 1 : a - b));
	const overall = new Map<string, { count: number; last: string }>();
	const groups = new Map<string, Map<string, { count: number; last: string }>>();
	const tally = (map: Map<string, { count: number; last: string }>, term: string, respondent: string) => {
		const entry = map.get(term);
		if (!entry) map.set(term, { count: 1, last: respondent });
		else if (entry.last !== respondent) {
			entry.count++;
			entry.last = respondent;
		}
	};
	for (const i of order) {
		const { respondent, terms } = sets[i];
		const group = sets[i].group ?? NOT_STATED;
		let inGroup = groups.get(group);
		if (!inGroup) groups.set(group, (inGroup = new Map()));
		for (const term of terms) {
			tally(overall, term, respondent);
			tally(inGroup, term, respondent);
		}
	}
	const frequent = (map: Map<string, { count: number }>) => {
		const list: FrequentTerm[] = [];
		for (const [term, { count }] of map) if (count >= k) list.push({ term, count });
		list.sort(byCountThenTerm);
		return options.limit === undefined ? list : list.slice(0, options.limit);
	};
	const byGroup: Record<string, FrequentTerm[]> = {};
	for (const group of [...groups.keys()].sort()) {
		const list = frequent(groups.get(group)!);
		if (list.length > 0) byGroup[group] = list;
	}
	return { overall: frequent(overall), byGroup };
}
