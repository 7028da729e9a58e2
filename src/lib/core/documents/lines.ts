/**
 * The parser works line by line: every unit owns whole lines (with their line break), so the
 * units' spans partition the input by construction and nothing is ever dropped.
 *
 * Example: "a\n\nb" → lines [0,2) "a", [2,3) "", [3,4) "b".
 */
export interface SourceLine {
	/** Offset of the first character of the line. */
	start: number;
	/** Offset just after the line break (or the end of the input for the last line). */
	end: number;
	/** The line without its line break ("\n", "\r\n" or "\r"). */
	text: string;
}

/** Splits the input into lines that together cover every character of it. */
export function splitLines(source: string): SourceLine[] {
	const lines: SourceLine[] = [];
	const re = /\r\n|\n|\r/g;
	let start = 0;
	let m: RegExpExecArray | null;
	while ((m = re.exec(source)) !== null) {
		lines.push({ start, end: m.index + m[0].length, text: source.slice(start, m.index) });
		start = m.index + m[0].length;
	}
	if (start < source.length) lines.push({ start, end: source.length, text: source.slice(start) });
	return lines;
}

/**
 * Characters that carry nothing when alone on a line: white space (including the no-break space
 * Word uses for empty table cells), zero-width characters, and private-use glyphs (Word's Symbol
 * font bullets such as U+F0B7 extract to the private-use area).
 */
const EMPTYISH = /^[\s\u00A0\u200B\u200C\u200D\u2060\uFEFF\uE000-\uF8FF]*$/;

/** A line with no visible content. */
export function isBlankLine(text: string): boolean {
	return EMPTYISH.test(text);
}

/**
 * A footnote separator or horizontal rule: Word's footnote separator extracted as a long run of
 * no-break spaces ("\u00A0 \u00A0 …"), a run of underscores or dashes, or a Markdown thematic
 * break ("---", "***", "___"). Checked before blankness, because the no-break-space run is blank.
 */
export function isSeparatorLine(text: string): boolean {
	const nbsp = (text.match(/\u00A0/g) ?? []).length;
	if (nbsp >= 10 && /^[\s\u00A0]*$/.test(text)) return true;
	return /^\s{0,3}(?:[-_*=–—]\s*){3,}$/.test(text);
}
