import { fromSuperscript, SUPERSCRIPT_CLASS } from '../documents/footnotes';
import { sectionWord } from '../documents/headings';
import { isBlankLine, isSeparatorLine } from '../documents/lines';
import { analyseLine, readHeadingNumber } from '../documents/markers';

/**
 * Keeping contributed words from turning into structure when the compilation is read back.
 *
 * The compilation is structured text that the shared parser reads (headings, numbered
 * paragraphs, lists, footnotes, annexes), but the words inside it — imported headings, item
 * text, footnotes, names — come from contributors. A line "Annex 2: Budget" inside an item would
 * start an annex; "1. Introduction" alone would become a heading; "G77" could be taken for a
 * reference to footnote 77; "Issue #" loses its "#" as a closing heading mark. The parser has no
 * escape character, so the generator uses U+2060 WORD JOINER (invisible, not white space for the
 * parser, not trimmed) where, and only where, a line would otherwise be misread:
 *
 *   "Annex 2: Budget"   → "⁠Annex 2: Budget"       (before the start: no labelled heading)
 *   "see pages.....12"  → "see pages.....12⁠"      (after the end: no contents entry)
 *   "G77" (77 defined)  → "G⁠77"                   (between: no glued footnote reference)
 *   "[^3]", "<sup>3</sup>", "<b>" → "[⁠^3]", "<⁠sup>3</sup>", "<⁠b>" (kept as written)
 *
 * Text is also brought to the form the parser's cleaning gives, so headings read back exactly:
 * one line, runs of white space as one space, no private-use glyphs, "*" as "∗" (the parser drops
 * emphasis asterisks), superscript digits as plain digits (the parser takes them for footnote
 * references). `display()` removes the guards again: it is the text a reader sees.
 */

/** The invisible guard: U+2060 WORD JOINER. */
export const GUARD = '\u2060';

const GUARDS = /\u2060/g;
const WHITE = /[\s\u200B]+/g;
const INVISIBLE = /[\u2060\uE000-\uF8FF]/;
const NEEDS_WHITE = /[\t\n\v\f\r\u00A0\u1680\u2000-\u200B\u2028\u2029\u202F\u205F\u3000\uFEFF]| {2}/;
const SPECIAL = new RegExp(`[*<${SUPERSCRIPT_CLASS}]|\\[\\^`);
/** Anything `cleanRun` changes: one scan decides the common case (nothing to do). */
const ANY_CHANGE = new RegExp(`[\\u2060\\uE000-\\uF8FF\\t\\n\\v\\f\\r\\u00A0\\u1680\\u2000-\\u200B\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF*<${SUPERSCRIPT_CLASS}]| {2}|\\[\\^`);
const PRIVATE_USE = /[\uE000-\uF8FF]/g;
const SUPERSCRIPTS = new RegExp(`[${SUPERSCRIPT_CLASS}]+`, 'g');
const MARKDOWN_REF = /\[\^/g;
/** The HTML tags the parser's cleaning removes (and <sup>, which it reads as a footnote reference). */
const HTML_TAG = /<(?=\/?(?:ul|ol|li|p|br|span|div|b|i|em|strong|u|sub|sup|small|font)(?:\s[^<>]*)?\/?>)/gi;
/** A line ending the parser reads as a contents entry ("…… 12") or a closing Markdown heading mark (" ##"). */
const END_TRAP = /(?:(?:\.{3,}|…{2,})[ \t\u00A0]*\d{1,4}|\s#+)[ \t\u00A0]*$/;
/** A label word that starts an annex ("Annex 2", "APPENDIX B"), after optional Markdown and emphasis marks. */
const ANNEX_LABEL = /^([ \t\u00A0]*(?:#{1,6}[ \t]+)?[*_~\s]*)(annex|appendix)/i;
const MARKDOWN_REF_WORD = /\[\^([^\]\s]{1,12})\]/g;
/** What the parser's line analysis needs to see of a line's start (numbers, bullets, labels, quotes). */
const HEAD = 80;

/**
 * One run of inline text in the parser's clean form, without guards: white space collapsed (not
 * trimmed, so runs can be joined), private-use glyphs out, "*" → "∗", superscript digits plain,
 * "[^" and HTML tags broken so they stay words. Fast path: most text has nothing to change.
 */
export function cleanRun(s: string): string {
	if (!ANY_CHANGE.test(s)) return s;
	let t = s;
	// Invisible marks go first, as the parser drops private-use glyphs before it collapses spaces.
	if (INVISIBLE.test(t)) t = t.replace(GUARDS, '').replace(PRIVATE_USE, '');
	if (NEEDS_WHITE.test(t)) t = t.replace(WHITE, ' ');
	if (!SPECIAL.test(t)) return t;
	return t
		.replace(/\*/g, '∗')
		.replace(SUPERSCRIPTS, (m) => fromSuperscript(m))
		.replace(MARKDOWN_REF, `[${GUARD}^`)
		.replace(HTML_TAG, `<${GUARD}`);
}

/** Removes the spaces `cleanRun` may leave at either end. */
export function trimSpaces(s: string): string {
	return s.charCodeAt(0) === 32 || s.charCodeAt(s.length - 1) === 32 ? s.replace(/^ +| +$/g, '') : s;
}

/** A whole line of inline text in clean form (collapsed and trimmed). */
export function cleanLine(s: string): string {
	return trimSpaces(cleanRun(s));
}

/** The text a reader sees: the guards removed. */
export function display(s: string): string {
	return s.includes(GUARD) ? s.replace(GUARDS, '') : s;
}

/**
 * Splits text at its Markdown footnote references, so the caller can renumber those it knows and
 * keep the others as words: "a[^2] b" → ['a', '2', ' b'] (odd indexes are markers).
 */
export function splitReferences(s: string): string[] {
	if (!s.includes('[^')) return [s];
	return s.split(MARKDOWN_REF_WORD);
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const LETTER = /\p{L}/u;
const CLOSERS = ')]”’"\'';

/**
 * Whether the digits at [start, end) are what the parser's cleaning may take for a footnote
 * reference glued to the word before: 1–3 digits right after a letter, a closing bracket or
 * quote (one of ".,;:" may come between), not followed by a letter, a digit, or ".5"/",5"
 * (documents/clean.ts, MARKER_RE's last branch).
 */
function gluedAt(line: string, start: number, end: number): boolean {
	if (end - start > 3 || start === 0) return false;
	const after = line.charAt(end);
	if (after && (LETTER.test(after) || /\p{N}/u.test(after))) return false;
	if ((after === '.' || after === ',') && isDigit(line.charCodeAt(end + 1))) return false;
	const joins = (ch: string) => ch !== '' && (CLOSERS.includes(ch) || LETTER.test(ch));
	const before = line.charAt(start - 1);
	if (joins(before)) return true;
	return '.,;:'.includes(before) && start >= 2 && joins(line.charAt(start - 2));
}

/** The guards that depend on the compilation: its footnote numbers. */
export class LineGuard {
	/** @param footnotes how many footnotes the compilation defines (numbered 1…n). */
	constructor(private readonly footnotes: number) {}

	/**
	 * Puts a guard before digits glued to a word when they could name one of the compilation's
	 * footnotes ("G77" with 77 footnotes → "G⁠77"), and after a line ending the parser would read
	 * as a contents entry or a closing heading mark. Scans digit runs by hand: a Unicode
	 * look-behind over millions of characters costs more than the rest of the compilation.
	 */
	finish(line: string): string {
		let out = line;
		if (this.footnotes > 0) {
			let pieces: string[] | null = null;
			let from = 0;
			for (let i = 0; i < line.length; i++) {
				if (!isDigit(line.charCodeAt(i))) continue;
				let j = i + 1;
				while (j < line.length && isDigit(line.charCodeAt(j))) j++;
				const n = Number(line.slice(i, j));
				if (n >= 1 && n <= this.footnotes && gluedAt(line, i, j)) {
					pieces ??= [];
					pieces.push(line.slice(from, i), GUARD);
					from = i;
				}
				i = j - 1;
			}
			if (pieces) out = pieces.join('') + line.slice(from);
		}
		const last = out.charCodeAt(out.length - 1);
		if ((isDigit(last) || last === 35 /* # */ || last === 32 || last === 9 || last === 0xa0) && END_TRAP.test(out)) out += GUARD;
		return out;
	}
}

/**
 * The content of a Markdown heading line ("## <content>"), guarded so the line stays a heading
 * with this content: it must not open with a number the parser would cut ("1. …"), a label that
 * makes it an annex ("Annex 2: …"; other labels such as "GROUP A:" keep it a heading), a quotation
 * mark (a quotation is never a heading), or be a section word ("Contents").
 */
export function headingContent(content: string): string {
	const a = analyseLine(`# ${content}`);
	const annex = a.labelled !== null && (a.labelled.label === 'annex' || a.labelled.label === 'appendix');
	// Nothing but "_" after a number ("## 2. _") is a bare number, which the parser runs into the line before.
	const risky = a.number !== null || annex || a.quoteStart || isSectionWord(content) || /^[\s_]*$/.test(content);
	return risky ? GUARD + content : content;
}

/**
 * The content of a title line ("# <content>"): as for headings, and no label at all — a labelled
 * line ("Option 1 – Forum", "Part 2: …") is a heading, never a title, and would end the title page.
 */
export function titleContent(content: string): string {
	const guarded = headingContent(content);
	if (guarded !== content) return guarded;
	return analyseLine(`# ${content}`).labelled !== null ? GUARD + content : content;
}

/**
 * The content of a line that starts an unnumbered paragraph, guarded so it is neither a list item,
 * a numbered paragraph, a heading of any kind (Markdown, labelled, numbered, section word), a
 * table row, an e-mail header field, a separator nor a footnote definition.
 */
export function paragraphContent(content: string): string {
	const a = analyseLine(content);
	const risky =
		a.bullet ||
		a.number !== null ||
		a.mdHeading > 0 ||
		a.labelled !== null ||
		a.field ||
		a.table ||
		readHeadingNumber(content) !== null ||
		isSectionWord(content) ||
		isSeparatorLine(content) ||
		// "[^4]: …" at the start of a line after a blank one is a footnote definition.
		/^(?:[_~]|\[\^)/.test(content);
	return risky ? GUARD + content : content;
}

/**
 * Whether a line is a section word ("Introduction", "Contents") as the parser sees it: on the line
 * as written, and on its clean text, where footnote references are gone ("Introduction[^1]").
 */
function isSectionWord(content: string): boolean {
	return sectionWord(content) !== null || (content.includes('[^') && sectionWord(content.replace(MARKDOWN_REF_WORD, '')) !== null);
}

/** The content of a bullet line ("- <content>"), guarded so the parser strips only the bullet (no second glyph, no number). */
export function bulletContent(content: string): string {
	const line = `- ${content}`;
	const a = analyseLine(line);
	const risky = a.number !== null || (a.strip[0] !== undefined && a.strip[0][1] !== 2) || isSeparatorLine(line);
	return risky ? GUARD + content : content;
}

/**
 * Whether `number` printed before `content` is read back as exactly that number (so the content
 * that follows is taken as text): "(1) …", "1. …", "a) …", "2 bis …", "1.1 …" are; "A. …",
 * "Art. 5 …", "1000. …" are not.
 */
export function numberReadsBack(printed: string, content: string): boolean {
	const a = analyseLine(`${printed} ${content}`);
	return a.number !== null && !a.bullet && a.strip.length === 1 && a.strip[0][0] === 0 && a.strip[0][1] === printed.length + 1;
}

/**
 * Guards the lines of an annex's own text: only a line that would start another annex is touched
 * ("Annex 3: Budget" → "⁠Annex 3: Budget"); the rest of its structure is the annex's.
 */
export function guardAnnexLine(line: string): string {
	const a = analyseLine(line);
	if (!a.labelled || (a.labelled.label !== 'annex' && a.labelled.label !== 'appendix') || a.bullet || a.number !== null) return line;
	const guarded = line.replace(ANNEX_LABEL, `$1${GUARD}$2`);
	// A shape the pattern does not foresee: a guard at the very start still stops the annex.
	return guarded === line ? GUARD + line : guarded;
}
