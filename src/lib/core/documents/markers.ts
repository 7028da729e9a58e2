import { romanValue, SUFFIX_PATTERN, suffixRank } from './numbering';

/**
 * What the start of a line says about it: a bullet, a paragraph number, a Markdown heading, a
 * labelled heading ("ANNEX I – …", "GROUP A: …", "Option 1 – …"), a table-of-contents entry, a
 * table row, an e-mail header field. The parser decides from these (and from context) whether
 * the line starts a new unit.
 *
 * Worked examples:
 *   "\uF0B7 Transparency9:"  → bullet, strip "\uF0B7 "
 *   "- ✓ International"      → bullet (two glyphs), strip "- ✓ "
 *   "- (1) With regard…"     → bullet with number '(1)'
 *   "2 bis In response…"     → number '2 bis' (style arabic)
 *   "*64. We acknowledge…"   → number '64' after an emphasis mark, strip only "64. "
 *   "2.1.Scope and Focus"    → number '2.1' (decimal), no space needed before a capital
 *   "ANNEX III – Institutional Framework" → labelled heading, label ANNEX, numeral III
 */

export type NumberStyle = 'arabic' | 'paren' | 'decimal' | 'alpha' | 'roman' | 'upper-roman' | 'bare';

export interface NumberMarker {
	/** Normalised number: '1', '2 bis', '(1)', '1.1', 'a', '(a)', 'vi', '(i)', 'II'. */
	value: string;
	style: NumberStyle;
	/** How the number was closed: 'dot' "1.", 'close' "1)", 'paren' "(1)", 'none' "2 bis". */
	shape: 'dot' | 'close' | 'paren' | 'none';
}

export interface LabelledHeading {
	/** The label word in lower case: 'annex', 'group', 'option'… */
	label: string;
	/** The numeral as written: 'III', '1', 'A'. */
	numeral: string;
}

export interface LineAnalysis {
	/** Width of the leading white space. */
	indent: number;
	/** Ranges of the line that are structural prefix (bullet, number, '#'), removed from the clean text. */
	strip: [number, number][];
	bullet: boolean;
	number: NumberMarker | null;
	/** Markdown heading level (1–6), or 0. */
	mdHeading: number;
	labelled: LabelledHeading | null;
	/** Ends with leader dots and a page number: "GROUP A: … (Questions 2 and 3).....\t5". */
	tocDots: boolean;
	/** Ends with a tab and a page number: a contents entry when it sits in a table of contents. */
	tocTab: boolean;
	/** A table row: cells separated by tabs, or a Markdown pipe row. */
	table: boolean;
	/** An e-mail header field: "From: …", "Date: …", "Subject: …". */
	field: boolean;
	/** The content (after markup) opens with a quotation mark. */
	quoteStart: boolean;
	/** Nothing follows the prefix (e.g. a line that is only "(1)"). */
	bare: boolean;
	/** The text after the prefix. */
	rest: string;
}

const BULLET_GLYPHS = '\\uE000-\\uF8FF•·▪◦●○‣⁃∙■□►▸▶➢➤✓✔❖';
const BULLET_RE = new RegExp(`^(?:[${BULLET_GLYPHS}][ \\t\\u00A0]*|[-–—*+][ \\t\\u00A0]+)(?:[${BULLET_GLYPHS}][ \\t\\u00A0]*)?`);
const EMPHASIS_RE = /^(?:\*{1,3}|_{1,2})(?=\S)/;
const LABELS = 'annex|appendix|group|part|chapter|section|option|category';
const LABELLED_RE = new RegExp(`^(${LABELS})\\s+([IVXLC]{1,6}|\\d{1,3}|[A-Z])(?=\\s*[:.–—-](?:\\s|$)|\\s*$)`, 'i');
const SUFFIX_NUMBER_RE = new RegExp(`^(\\d{1,3})[ \\t]*(${SUFFIX_PATTERN})\\b\\.?(?=[\\s\\u00A0]|$)`, 'i');

/** Reads a paragraph/list number at the start of `s`; returns it and its length (with following spaces). */
export function readNumber(s: string): { marker: NumberMarker; length: number } | null {
	// Every number starts with a digit, "(" or a lower-case letter: most lines are decided here.
	const first = s.charCodeAt(0);
	if (!((first >= 48 && first <= 57) || first === 40 || (first >= 97 && first <= 122))) return null;
	let m: RegExpExecArray | null;
	if ((m = SUFFIX_NUMBER_RE.exec(s))) {
		const rank = suffixRank(m[2]) ?? 2;
		const word = rank === 3 && m[2].toLowerCase() === 'tres' ? 'tres' : m[2].toLowerCase();
		return { marker: { value: `${Number(m[1])} ${word}`, style: 'arabic', shape: 'none' }, length: withSpaces(s, m[0].length) };
	}
	if ((m = /^(\d{1,3}(?:\.\d{1,3})+)\.?(?=[\s\u00A0]|$|[A-Z])/.exec(s))) {
		return { marker: { value: m[1], style: 'decimal', shape: 'dot' }, length: withSpaces(s, m[0].length) };
	}
	if ((m = /^(\d{1,3})([.)])(?=[\s\u00A0]|$)/.exec(s))) {
		return { marker: { value: String(Number(m[1])), style: 'arabic', shape: m[2] === '.' ? 'dot' : 'close' }, length: withSpaces(s, m[0].length) };
	}
	if ((m = /^\((\d{1,3})\)(?=[\s\u00A0]|$)/.exec(s))) {
		return { marker: { value: `(${Number(m[1])})`, style: 'paren', shape: 'paren' }, length: withSpaces(s, m[0].length) };
	}
	if ((m = /^\(([a-z]{1,5})\)(?=[\s\u00A0]|$)/.exec(s))) {
		const roman = isLowerRoman(m[1]);
		if (roman || m[1].length === 1) return { marker: { value: `(${m[1]})`, style: roman ? 'roman' : 'alpha', shape: 'paren' }, length: withSpaces(s, m[0].length) };
	}
	if ((m = /^([a-z]{1,5})([.)])(?=[\s\u00A0])/.exec(s))) {
		const roman = isLowerRoman(m[1]);
		if (roman || m[1].length === 1) {
			return { marker: { value: m[1], style: roman ? 'roman' : 'alpha', shape: m[2] === '.' ? 'dot' : 'close' }, length: withSpaces(s, m[0].length) };
		}
	}
	return null;
}

/** `length` and the spaces, tabs and no-break spaces that follow it in `s`. */
function withSpaces(s: string, length: number): number {
	let end = length;
	for (let c = s.charCodeAt(end); c === 32 || c === 9 || c === 0xa0; c = s.charCodeAt(++end));
	return end;
}

/** 'i', 'iv', 'vii' are Roman numerals; a single 'v' or 'x' is read as a letter (it follows 'u', 'w'). */
function isLowerRoman(s: string): boolean {
	return (s.length > 1 || s === 'i') && romanValue(s) !== null;
}

/**
 * Numbers that only count in a heading: an upper-case Roman numeral with or without a dot ("I
 * Introduction", "II. Modus Operandi") or a bare Arabic number before a capital ("2 Background").
 * They are not used to split running text, where "I think" or "37 contributions" can start a line.
 */
export function readHeadingNumber(s: string): { marker: NumberMarker; length: number } | null {
	let m: RegExpExecArray | null;
	if ((m = /^([IVXLC]{1,6})([.)])?[ \t\u00A0]+(?=[A-Z])/.exec(s)) && romanValue(m[1]) !== null) {
		return { marker: { value: m[1], style: 'upper-roman', shape: m[2] === '.' ? 'dot' : m[2] ? 'close' : 'none' }, length: m[0].length };
	}
	if ((m = /^(\d{1,3})[ \t\u00A0]+(?=[A-Z])/.exec(s))) {
		return { marker: { value: String(Number(m[1])), style: 'bare', shape: 'none' }, length: m[0].length };
	}
	return null;
}

/** Whether the line ends with a digit, white space (space, tab, no-break space) aside. */
function endsWithDigit(text: string): boolean {
	let i = text.length - 1;
	while (i >= 0) {
		const c = text.charCodeAt(i);
		if (c !== 32 && c !== 9 && c !== 0xa0) break;
		i--;
	}
	const c = text.charCodeAt(i);
	return c >= 48 && c <= 57;
}

/** Analyses one line of text (without its line break). */
export function analyseLine(text: string): LineAnalysis {
	const indent = /^[ \t\u00A0]*/.exec(text)?.[0].length ?? 0;
	const strip: [number, number][] = [];
	let pos = indent;
	let bullet = false;
	let mdHeading = 0;
	let number: NumberMarker | null = null;

	const md = indent <= 3 ? /^(#{1,6})[ \t]+/.exec(text.slice(pos)) : null;
	if (md) {
		mdHeading = md[1].length;
		strip.push([pos, pos + md[0].length]);
		pos += md[0].length;
	}
	const b = mdHeading ? null : BULLET_RE.exec(text.slice(pos));
	if (b) {
		bullet = true;
		strip.push([pos, pos + b[0].length]);
		pos += b[0].length;
	}
	// An emphasis mark may open before the number ("*64. We acknowledge…*"): the mark stays (the
	// cleaner removes it with its closing partner), only the number is stripped.
	const emphasis = EMPHASIS_RE.exec(text.slice(pos));
	const numberAt = pos + (emphasis ? emphasis[0].length : 0);
	const n = readNumber(text.slice(numberAt));
	let contentAt = pos;
	if (n) {
		number = n.marker;
		strip.push([numberAt, numberAt + n.length]);
		if (!emphasis) contentAt = numberAt + n.length;
	}
	const rest = emphasis && n ? text.slice(pos, numberAt) + text.slice(numberAt + n.length) : text.slice(contentAt);
	const inner = rest.replace(/^[*_~\s]+/, '');
	const labelled = LABELLED_RE.exec(inner);
	// Contents entries end with a page number, tables need a tab or a pipe: cheap tests first,
	// as most lines are long paragraphs that are none of these.
	const endsDigit = endsWithDigit(text);
	const tab = text.includes('\t');
	return {
		indent,
		strip,
		bullet,
		number,
		mdHeading,
		labelled: labelled ? { label: labelled[1].toLowerCase(), numeral: labelled[2] } : null,
		tocDots: endsDigit && /(?:\.{3,}|…{2,})[ \t\u00A0]*\d{1,4}[ \t\u00A0]*$/.test(text),
		tocTab: endsDigit && tab && /\t[ \t\u00A0]*\d{1,4}[ \t\u00A0]*$/.test(text) && /\S/.test(text.slice(0, text.indexOf('\t'))),
		table: (tab && /\S\t+\S/.test(text)) || (text.includes('|') && /^\s*\|.*\|\s*$/.test(text)),
		field: /^(?:From|To|Cc|Bcc|Date|Subject|Sent by|Sent|Att\.?|Attn\.?)[ \t]*:[ \t]/i.test(text.slice(indent)),
		quoteStart: /^[“"‘«„]/.test(inner),
		bare: n !== null && !/[^\s*_]/.test(rest),
		rest
	};
}
