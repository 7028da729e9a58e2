import { SUPERSCRIPT_CLASS } from './footnotes';

/**
 * Whether a paragraph may go on after a blank line, a page break or a footnote block. Extraction
 * from Word/PDF breaks paragraphs in the middle of sentences; a line that does not end a sentence
 * continues on the next content line, unless that line clearly starts something new.
 *
 * Worked examples:
 *   "…General Assembly on the"            → false (continues: "Overall Review…")
 *   "…as envisioned by the Tunis Agenda.1" → true  (a glued footnote marker after the full stop)
 *   "…in the following terms:"            → false (what follows belongs to it)
 *   "…governments; (9)"                   → true  (a trailing item number)
 *   "…the Information Society.”*"         → true
 */
export function endsSentence(line: string): boolean {
	let s = line.replace(/[\s\u00A0]+$/, '');
	s = s.replace(new RegExp(`(?:<sup>[^<]*</sup>|\\[\\^[^\\]]*\\]|[${SUPERSCRIPT_CLASS}]+|[*_~])+$`), '');
	s = s.replace(/\s*\(\d{1,3}\)$/, '');
	if (/\d[.,]\d{1,3}$/.test(s)) return false;
	return /[.!?;。！？；](?:["”’'»)\]*_]*)(?:\d{1,3})?$/.test(s);
}

/**
 * Whether a quotation opened in `text` is still open: more “ than ”, or an odd number of straight
 * double quotes. A paragraph quoting a resolution ("…in the following terms: “4.1 Enhanced
 * Cooperation ⏎ 64. We acknowledge… ⏎ 65. We note…”") stays one paragraph until the quotation closes.
 */
export function quotationOpen(text: string): boolean {
	const open = (text.match(/“/g) ?? []).length;
	const close = (text.match(/”/g) ?? []).length;
	if (open > close) return true;
	if (open === 0 && close === 0) return (text.match(/"/g) ?? []).length % 2 === 1;
	return false;
}

/** Lower-case words a heading does not end with ("Submitted by", "…submitted by the"). */
const TRAILING_STOPWORDS = new Set([
	'a', 'an', 'and', 'as', 'at', 'be', 'by', 'for', 'from', 'in', 'into', 'is', 'of', 'on', 'or', 'that', 'the', 'to', 'which', 'with', 'its', 'their', 'are', 'was', 'were', 'has', 'have', 'not'
]);

/** Whether the last word of `text` is one a heading cannot end with. */
export function endsWithStopword(text: string): boolean {
	const m = /([\p{L}]+)[^\p{L}]*$/u.exec(text);
	return m !== null && TRAILING_STOPWORDS.has(m[1]);
}
