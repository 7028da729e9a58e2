import { findFootnoteDefinitions, type FootnoteDefinition } from './footnotes';
import { sectionWord } from './headings';
import { analyseLine, type LineAnalysis } from './markers';
import { isBlankLine, isSeparatorLine, type SourceLine } from './lines';

/**
 * The first grouping of lines: runs of consecutive content lines ("pieces"), separator lines
 * ("noise") and footnote definitions. A run is cut before a line that starts something on its
 * own (a bullet, a number, a heading mark, a contents entry, a table row). Blank lines belong to
 * no piece; the assembler gives them to the unit before them. Whether a piece starts a new unit or
 * continues the previous one (across blank lines, page breaks and footnote blocks) is the
 * assembler's decision.
 *
 * Example (004): "2. At the nineteenth session…proposal ⏎ ⏎ by the Chair…the Working ⏎ ⏎ <nbsp run>
 * ⏎ 1 Transcribe texto… ⏎  Group. The list…" gives: content "2. At…proposal", content "by the
 * Chair…Working", noise (the separator), footnote 1, content " Group. The list…" (page start).
 */
export interface Piece {
	kind: 'content' | 'noise' | 'footnote';
	/** Index of the first line. */
	first: number;
	/** Index of the last line (inclusive). */
	last: number;
	/** The definition, for footnote pieces. */
	footnote?: FootnoteDefinition;
	/** Analysis of the first line (content pieces). */
	analysis: LineAnalysis;
	/** A blank line, a separator, a footnote or the start of the document comes before it. */
	breakBefore: boolean;
	/** A blank line, a separator, a footnote or the end of the document comes after it. */
	breakAfter: boolean;
	/** The first line after a footnote block or separator: its indentation is the page's, not the text's. */
	pageStart: boolean;
}

/** Whether a line starts something on its own, so a run of consecutive lines is cut before it. */
function startsOnItsOwn(a: LineAnalysis, text: string): boolean {
	return a.bullet || a.number !== null || a.mdHeading > 0 || a.labelled !== null || a.tocDots || a.tocTab || a.table || a.field || sectionWord(text) !== null;
}

/** Whether a piece starting with this line is one line long whatever follows. */
function singleLine(a: LineAnalysis, text: string): boolean {
	return a.mdHeading > 0 || a.tocDots || a.tocTab || a.table || a.field || sectionWord(text.replace(/^\s*(?:[IVXLC]{1,6}|\d{1,3})[.)]?\s+/, '')) !== null;
}

/** Splits the document's lines into pieces. Blank lines are not in any piece. */
export function buildPieces(lines: readonly SourceLine[]): Piece[] {
	const n = lines.length;
	const separator = lines.map((l) => isSeparatorLine(l.text));
	const blank = lines.map((l, i) => !separator[i] && isBlankLine(l.text));
	const defs = findFootnoteDefinitions(lines, separator, blank);
	const defAt = new Map<number, FootnoteDefinition>(defs.map((d) => [d.firstLine, d]));
	const analyses: (LineAnalysis | undefined)[] = new Array(n);
	const analysis = (i: number): LineAnalysis => (analyses[i] ??= analyseLine(lines[i].text));

	const pieces: Piece[] = [];
	let i = 0;
	while (i < n) {
		if (blank[i]) {
			i++;
			continue;
		}
		const previous = pieces[pieces.length - 1];
		const breakBefore = !previous || previous.last < i - 1 || previous.kind !== 'content';
		const pageStart = previous !== undefined && previous.kind !== 'content';
		const def = defAt.get(i);
		if (separator[i]) {
			pieces.push({ kind: 'noise', first: i, last: i, analysis: analyseLine(''), breakBefore, breakAfter: true, pageStart });
			i++;
			continue;
		}
		if (def) {
			pieces.push({ kind: 'footnote', first: i, last: def.lastLine, footnote: def, analysis: analyseLine(''), breakBefore, breakAfter: true, pageStart });
			i = def.lastLine + 1;
			continue;
		}
		const a = analysis(i);
		let last = i;
		if (!singleLine(a, lines[i].text)) {
			while (last + 1 < n && !blank[last + 1] && !separator[last + 1] && !defAt.has(last + 1) && !startsOnItsOwn(analysis(last + 1), lines[last + 1].text)) last++;
		}
		pieces.push({ kind: 'content', first: i, last, analysis: a, breakBefore, breakAfter: true, pageStart });
		i = last + 1;
	}
	for (let k = 0; k < pieces.length; k++) {
		const p = pieces[k];
		const next = pieces[k + 1];
		p.breakAfter = !next || next.first > p.last + 1 || next.kind !== 'content';
	}
	return pieces;
}
