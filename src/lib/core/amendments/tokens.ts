/**
 * Words as compared when deriving amendments. Two texts that differ only in typography compare
 * equal: quotes and apostrophes are straightened, dashes and hyphens do not count (so a hyphen
 * left at a line wrap, "twenty-first" vs "twentyfirst", is no change), and bullet glyphs and
 * other lone symbols are dropped. Line breaks and doubled spaces never reach a token.
 *
 * Explicit deletion marks: `~~struck words~~` in an edited copy are tokens flagged `struck`.
 */

/** An explicit deletion mark: two tildes, some text, two tildes. */
const STRUCK = /~~(?:[^~]|~(?!~))+?~~/g;

/** Character ranges [start, end) of `~~…~~` marks (the tildes included). */
export function struckRanges(text: string): [number, number][] {
	return [...text.matchAll(STRUCK)].map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length] as [number, number]);
}

/** The text without its struck spans: "a ~~b~~ c" → "a  c". */
export function withoutStruck(text: string): string {
	return text.replace(STRUCK, '');
}

/** `text.slice(start, end)` without the parts that fall in `ranges` (sorted, not overlapping). */
export function sliceWithout(text: string, start: number, end: number, ranges: readonly [number, number][]): string {
	let out = '';
	let at = start;
	for (const [s, e] of ranges) {
		if (e <= at) continue;
		if (s >= end) break;
		if (s > at) out += text.slice(at, s);
		at = Math.max(at, e);
	}
	if (at < end) out += text.slice(at, end);
	return out;
}

export interface Token {
	/** The token as written. */
	text: string;
	/** The comparison key: typography folded; '' for tokens that do not count. */
	key: string;
	start: number;
	end: number;
	struck: boolean;
}

const TOKEN = /[\p{L}\p{N}]+(?:[-‐‑'’‘´`′][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;
const PLAIN = /^[A-Za-z0-9]+$/;
const DASHES = /[-‐‑‒–—―\u00AD]/g;

/** The comparison key of one token: quotes straightened, dashes out, bullets and private-use glyphs out. */
export function tokenKey(token: string): string {
	if (PLAIN.test(token)) return token;
	// quotes first: NFKC would turn the acute accent used as an apostrophe into a combining mark
	const t = token
		.replace(/[‘’‚‛′´`]/g, "'")
		.replace(/[“”„‟″«»]/g, '"')
		.normalize('NFKC')
		.replace(DASHES, '')
		// bullet glyphs, and the '#' of a Markdown heading mark left inside a paragraph
		.replace(/[\uE000-\uF8FF•◦▪▫●○■□✓✔➢➤►▶·∙⁃#]/g, '');
	return t;
}

/** Tokens of a clean text; words inside `~~…~~` are flagged struck, the tildes themselves dropped. */
export function tokenize(text: string): Token[] {
	const out: Token[] = [];
	let at = 0;
	const push = (from: number, to: number, struck: boolean) => {
		for (const m of text.slice(from, to).matchAll(TOKEN)) {
			const start = from + (m.index ?? 0);
			if (m[0] === '~') continue;
			out.push({ text: m[0], key: tokenKey(m[0]), start, end: start + m[0].length, struck });
		}
	};
	for (const [s, e] of struckRanges(text)) {
		push(at, s, false);
		push(s + 2, e - 2, true);
		at = e;
	}
	push(at, text.length, false);
	return out.filter((t) => t.key !== '');
}

/** Lower-cased word keys (letters and digits only) for similarity. */
export function wordSet(tokens: readonly Token[]): Set<string> {
	const set = new Set<string>();
	for (const t of tokens) if (/[\p{L}\p{N}]/u.test(t.key)) set.add(t.key.toLowerCase());
	return set;
}
