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
const LETTER = /^\p{L}$/u;
const NUMBER = /^\p{N}$/u;
const CLOSERS = ')]”’"\'';

/** The character (code point) ending just before `i`, or ''. */
function charBefore(line: string, i: number): string {
	if (i <= 0) return '';
	const low = line.charCodeAt(i - 1);
	return low >= 0xdc00 && low <= 0xdfff && i >= 2 ? line.slice(i - 2, i) : line.charAt(i - 1);
}

/** The character (code point) starting at `i`, or ''. */
function charAt(line: string, i: number): string {
	const cp = line.codePointAt(i);
	return cp === undefined ? '' : String.fromCodePoint(cp);
}

const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** A letter (any script), for a character given as a string. ASCII is decided without a regular expression. */
function isLetter(ch: string): boolean {
	if (ch.length === 1 && ch.charCodeAt(0) < 128) return isAsciiLetter(ch.charCodeAt(0));
	return ch !== '' && LETTER.test(ch);
}

/** A character a glued reference may follow: a letter, a closing bracket or a closing quote. */
function joinsReference(ch: string): boolean {
	return ch !== '' && (CLOSERS.includes(ch) || isLetter(ch));
}

/**
 * Whether the digits at [start, end) are what the parser's cleaning may take for a footnote
 * reference glued to the word before: 1–3 digits right after a letter, a closing bracket or
 * quote (one of ".,;:" may come between), not followed by a letter, a digit, or ".5"/",5"
 * (documents/clean.ts, MARKER_RE's last branch).
 */
function gluedAt(line: string, start: number, end: number): boolean {
	if (end - start > 3 || start === 0) return false;
	// Most digits follow a space or an opening bracket: nothing glued.
	const b = line.charCodeAt(start - 1);
	if (b === 32 || b === 40 || b === 45) return false;
	const next = line.charCodeAt(end); // NaN at the end of the line
	if (next < 128) {
		if (isAsciiLetter(next)) return false;
	} else if (!Number.isNaN(next)) {
		const after = charAt(line, end);
		if (LETTER.test(after) || NUMBER.test(after)) return false;
	}
	if ((next === 46 || next === 44) && isDigit(line.charCodeAt(end + 1))) return false;
	const before = charBefore(line, start);
	if (joinsReference(before)) return true;
	return before.length === 1 && '.,;:'.includes(before) && joinsReference(charBefore(line, start - 1));
}

/**
 * The guards that depend on where a line stands: the parser takes digits glued to a word for a
 * footnote reference only when they are one of the next two footnotes it expects — the next two
 * numbers defined in the document after the last reference it has read (documents/footnotes.ts,
 * `FootnoteSequence`). Lines are finished in document order, so this guard follows the same
 * sequence and touches only those digits: with footnotes 1–9 defined and "[^3]" read, "Agenda.4"
 * becomes "Agenda.⁠4" while "G77" stays as it is.
 */
export class LineGuard {
	private readonly defined: number[];
	private last = 0;
	/** Index in `defined` of the first number after `last`. */
	private next = 0;

	/** @param defined the numeric footnote markers the whole document defines (any order, repeats allowed). */
	constructor(defined: Iterable<number>) {
		this.defined = [...new Set(defined)].filter((n) => Number.isInteger(n) && n >= 0).sort((a, b) => a - b);
	}

	/**
	 * Guards the glued digits the parser would take for a reference, notes the references the line
	 * makes, and guards a line ending the parser would read as a contents entry or a closing
	 * heading mark. Finds digit runs first and looks around each: a Unicode look-behind over
	 * millions of characters costs more than the rest of the compilation.
	 */
	finish(line: string): string {
		let out = line;
		if (this.next < this.defined.length && /\d/.test(line)) {
			let pieces: string[] | null = null;
			let from = 0;
			const re = /\[\^(\d+)\]|\d+/g;
			let m: RegExpExecArray | null;
			while ((m = re.exec(line)) !== null) {
				if (m[1] !== undefined) {
					this.saw(Number(m[1]));
					continue;
				}
				const start = m.index;
				const end = start + m[0].length;
				if (end - start > 3 || !this.expects(Number(m[0])) || !gluedAt(line, start, end)) continue;
				pieces ??= [];
				pieces.push(line.slice(from, start), GUARD);
				from = start;
			}
			if (pieces) out = pieces.join('') + line.slice(from);
		}
		const last = out.charCodeAt(out.length - 1);
		if ((isDigit(last) || last === 35 /* # */ || last === 32 || last === 9 || last === 0xa0) && END_TRAP.test(out)) out += GUARD;
		return out;
	}

	/** Whether `n` is one of the next two defined numbers (what the parser would accept glued). */
	private expects(n: number): boolean {
		return this.defined[this.next] === n || this.defined[this.next + 1] === n;
	}

	/** An explicit reference: the parser's sequence moves on to it. */
	private saw(n: number): void {
		if (n <= this.last) return;
		this.last = n;
		while (this.next < this.defined.length && this.defined[this.next] <= n) this.next++;
	}
}

/** The line analysis of the start of a line (all the guards need; a whole 2,000-character paragraph is not worth scanning). */
function analyseStart(line: string) {
	return analyseLine(line.length > HEAD ? line.slice(0, HEAD) : line);
}

/** Whether a line could be a separator ("---", "- --", "___"): only lines opening with such a mark are worth asking. */
function separatorLike(line: string): boolean {
	return /^[-_*=–—]/.test(line) && isSeparatorLine(line);
}

/**
 * The content of a Markdown heading line ("## <content>"), guarded so the line stays a heading
 * with this content: it must not open with a number the parser would cut ("1. …"), a label that
 * makes it an annex ("Annex 2: …"; other labels such as "GROUP A:" keep it a heading), a quotation
 * mark (a quotation is never a heading), or be a section word ("Contents").
 */
export function headingContent(content: string): string {
	const a = analyseStart(`# ${content}`);
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
	return analyseStart(`# ${content}`).labelled !== null ? GUARD + content : content;
}

/**
 * The content of a line that starts an unnumbered paragraph, guarded so it is neither a list item,
 * a numbered paragraph, a heading of any kind (Markdown, labelled, numbered, section word), a
 * table row, an e-mail header field, a separator nor a footnote definition.
 */
export function paragraphContent(content: string): string {
	const a = analyseStart(content);
	const risky =
		a.bullet ||
		a.number !== null ||
		a.mdHeading > 0 ||
		a.labelled !== null ||
		a.field ||
		(content.startsWith('|') && content.endsWith('|')) ||
		readHeadingNumber(content) !== null ||
		isSectionWord(content) ||
		separatorLike(content) ||
		// "[^4]: …" at the start of a line after a blank one is a footnote definition.
		/^(?:[_~]|\[\^)/.test(content);
	return risky ? GUARD + content : content;
}

/**
 * Whether a line is a section word ("Introduction", "Contents") as the parser sees it: on the line
 * as written, and on its clean text, where footnote references are gone ("Introduction[^1]").
 * Thirty characters without "*", "_" or "#" at the start are too long for any section word.
 */
function isSectionWord(content: string): boolean {
	const plain = content.includes('[^') ? content.replace(MARKDOWN_REF_WORD, '') : content;
	return sectionWordAlone(content) || (plain !== content && sectionWordAlone(plain));
}

function sectionWordAlone(text: string): boolean {
	return !/^[^*_#]{30}/.test(text) && sectionWord(text) !== null;
}

/** The content of a bullet line ("- <content>"), guarded so the parser strips only the bullet (no second glyph, no number). */
export function bulletContent(content: string): string {
	const a = analyseStart(`- ${content}`);
	const risky = a.number !== null || (a.strip[0] !== undefined && a.strip[0][1] !== 2) || (/^[-_*=–—]/.test(content) && isSeparatorLine(`- ${content}`));
	return risky ? GUARD + content : content;
}

/**
 * Whether `number` printed before a space and some text is read back as exactly that number
 * (so the text that follows is taken as text): "(1)", "1.", "a)", "2 bis", "1.1" are; "A.",
 * "Art. 5", "1000." are not.
 */
export function numberReadsBack(printed: string): boolean {
	let known = readsBack.get(printed);
	if (known === undefined) {
		// What follows the number does not matter: the space after it ends the number.
		const a = analyseStart(`${printed} x`);
		known = a.number !== null && !a.bullet && a.strip.length === 1 && a.strip[0][0] === 0 && a.strip[0][1] === printed.length + 1;
		if (readsBack.size > 10_000) readsBack.clear();
		readsBack.set(printed, known);
	}
	return known;
}

const readsBack = new Map<string, boolean>();

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
