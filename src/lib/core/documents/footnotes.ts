import type { SourceLine } from './lines';

/**
 * Footnotes as they come out of Word and PDF text extraction.
 *
 * Definitions come in three shapes:
 *  1. At the bottom of a page, after a separator line (a long run of no-break spaces or
 *     underscores): "9 We note with concern…" on the next line, continuation lines after it, until
 *     a blank line or a line that starts with white space (PDF extraction indents the first line
 *     of the next page: " public policy. Particular attention…").
 *  2. A superscript marker at the start of a line after a blank line: "¹ The message sent by…".
 *  3. Markdown: "[^9]: We note…".
 *
 * References in the running text are either explicit (superscript digits "…2013.¹", "<sup>9</sup>",
 * "[^9]") or, after PDF extraction, plain digits glued to the word before them: "Transparency9:",
 * "groups10 and", "Agenda.1". Glued digits are ambiguous ("WGEC7" is a reference, "A/70/125" is
 * not), so they only count when the document defines a footnote with that number and it is the
 * next one expected: references appear in ascending order. Worked example for 004: footnotes 1–11
 * are defined; reading on, "Agenda.1" is accepted (1 expected), "meeting3," only after 2 was seen,
 * and "paragraph 35" never (a space separates it from the word, and 35 is not defined).
 */

export interface FootnoteDefinition {
	/** The marker in plain digits or as written ('9', '1', '*'). */
	marker: string;
	/** Index of the first line of the definition. */
	firstLine: number;
	/** Index of the last line of the definition (continuation lines included). */
	lastLine: number;
	/** Length of the marker prefix on the first line (marker and the spaces after it). */
	prefixLength: number;
}

const SUPERSCRIPT_DIGITS: Record<string, string> = {
	'⁰': '0',
	'¹': '1',
	'²': '2',
	'³': '3',
	'⁴': '4',
	'⁵': '5',
	'⁶': '6',
	'⁷': '7',
	'⁸': '8',
	'⁹': '9'
};

/** "¹²" → "12". */
export function fromSuperscript(s: string): string {
	return [...s].map((c) => SUPERSCRIPT_DIGITS[c] ?? c).join('');
}

/** The superscript digits, for use inside a regular-expression character class. */
export const SUPERSCRIPT_CLASS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

const PAGE_NOTE_RE = /^(\d{1,3})[ \t\u00A0]+(?=\S)/;
const SUPERSCRIPT_NOTE_RE = new RegExp(`^[ \\t]*([${SUPERSCRIPT_CLASS}]{1,3})[ \\t\\u00A0]*(?=\\S)`);
/** A Markdown footnote definition's start, "[^9]: ": its marker, and the prefix cut from its text. */
export const MARKDOWN_NOTE_RE = /^\[\^([^\]\s]{1,12})\]:[ \t]*/;

/**
 * Finds the footnote definitions of a document. `separator[i]` and `blank[i]` classify line i.
 * Lines inside a definition are reported once, so the parser can give each definition its unit.
 */
export function findFootnoteDefinitions(lines: readonly SourceLine[], separator: readonly boolean[], blank: readonly boolean[]): FootnoteDefinition[] {
	const defs: FootnoteDefinition[] = [];
	const n = lines.length;
	let i = 0;
	while (i < n) {
		if (separator[i]) {
			let j = i + 1;
			if (j < n && blank[j] && !separator[j]) j++;
			const first = j < n ? PAGE_NOTE_RE.exec(lines[j].text) : null;
			if (first) {
				let current: FootnoteDefinition = { marker: String(Number(first[1])), firstLine: j, lastLine: j, prefixLength: first[0].length };
				defs.push(current);
				j++;
				while (j < n) {
					const text = lines[j].text;
					if (blank[j] || separator[j] || /^[ \t\u00A0]/.test(text)) break;
					const m = PAGE_NOTE_RE.exec(text);
					const k = m ? Number(m[1]) : NaN;
					const previous = Number(current.marker);
					if (m && k > previous && k <= previous + 2) {
						current = { marker: String(k), firstLine: j, lastLine: j, prefixLength: m[0].length };
						defs.push(current);
					} else {
						current.lastLine = j;
					}
					j++;
				}
				i = j;
				continue;
			}
			i++;
			continue;
		}
		const afterBreak = i === 0 || blank[i - 1] || separator[i - 1] || (defs.length > 0 && defs[defs.length - 1].lastLine === i - 1);
		const sup = afterBreak ? SUPERSCRIPT_NOTE_RE.exec(lines[i].text) : null;
		const md = afterBreak && !sup ? MARKDOWN_NOTE_RE.exec(lines[i].text) : null;
		if (sup || md) {
			const marker = sup ? fromSuperscript(sup[1]) : (md as RegExpExecArray)[1];
			const def: FootnoteDefinition = { marker, firstLine: i, lastLine: i, prefixLength: (sup ?? (md as RegExpExecArray))[0].length };
			defs.push(def);
			let j = i + 1;
			while (j < n && !blank[j] && !separator[j] && !SUPERSCRIPT_NOTE_RE.test(lines[j].text) && !MARKDOWN_NOTE_RE.test(lines[j].text)) {
				def.lastLine = j;
				j++;
			}
			i = j;
			continue;
		}
		i++;
	}
	return defs;
}

/**
 * Follows the document's footnote numbering while reading the running text in order, to decide
 * whether glued digits are a reference. Explicit references (superscripts) also advance it.
 */
export class FootnoteSequence {
	private readonly defined: number[];
	private last = 0;

	constructor(markers: readonly string[]) {
		this.defined = [...new Set(markers.filter((m) => /^\d+$/.test(m)).map(Number))].sort((a, b) => a - b);
	}

	/**
	 * Whether glued digits `n` are the next reference: a defined footnote, after the last one seen,
	 * and at most one defined footnote skipped (a reference the extraction lost).
	 */
	acceptsGlued(n: number): boolean {
		const upcoming = this.defined.filter((d) => d > this.last).slice(0, 2);
		if (!upcoming.includes(n)) return false;
		this.last = n;
		return true;
	}

	/** Records an explicit reference (superscript, <sup>, [^n]). */
	sawExplicit(marker: string): void {
		if (/^\d+$/.test(marker)) this.last = Math.max(this.last, Number(marker));
	}
}
