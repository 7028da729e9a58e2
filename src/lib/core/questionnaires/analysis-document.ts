/**
 * The analysis document of a questionnaire as structured text (Markdown that the shared document
 * parser reads), so that it is stored, compared and printed (HTML, DOCX, PDF) like every other
 * document version: a title, front paragraphs (the questionnaire, its dates, the number of
 * responses, the protection rule), then one part per question with its sections — a summary,
 * tables of protected counts (one Markdown pipe row per table row), frequent terms, and the
 * consented answers, each under the respondent's name.
 *
 * The caller passes what may be published and nothing else: protected counts already written as
 * text ("12", "hidden"), and answers only of respondents who agreed to be cited. This file only
 * makes sure their words stay words: question texts, option labels, summaries, names and answers
 * come from people, so a line "1. Introduction" or "Annex 2: Budget" in an answer must not become
 * structure when the text is read back. The compilation's guards (`../compilation/escape.ts`,
 * U+2060 WORD JOINER where and only where a line would be misread) do that here too.
 *
 *   # Analysis of the responses to the questionnaire
 *   Questionnaire on enhanced cooperation.
 *   ## Question 2. Has enhanced cooperation been implemented?
 *   ### Respondents per option
 *   | Option | Respondents | Share |
 *   | Yes | 12 | 60 % |
 *   | No | hidden | – |
 *
 * Same input, same bytes: the generation that changes nothing adds no version.
 */
import { cleanLine, headingContent, LineGuard, paragraphContent, titleContent } from '../compilation/escape';

/** A table: its caption (written as a heading above it), header cells and rows of cells. */
export interface AnalysisDocumentTable {
	caption: string;
	header: readonly string[];
	rows: readonly (readonly string[])[];
}

/** One section of a question's part: a heading, then paragraphs, a table, and sub-sections. */
export interface AnalysisDocumentSection {
	heading: string;
	/** Free text: blank lines separate paragraphs, single line breaks become spaces. */
	paragraphs?: readonly string[];
	tables?: readonly AnalysisDocumentTable[];
	/** Sub-sections one level down (e.g. one per cited respondent). */
	sections?: readonly AnalysisDocumentSection[];
}

export interface AnalysisDocument {
	title: string;
	/** The paragraphs under the title: questionnaire, dates, responses, how counts are protected. */
	front: readonly string[];
	parts: readonly { heading: string; sections: readonly AnalysisDocumentSection[] }[];
}

/** What a table cell may not hold: the pipe that separates cells. */
const PIPE = /\|/g;
/** Written in an empty cell, so the row keeps its shape when printed. */
const EMPTY_CELL = '–';

/** The paragraphs of a free text: blank lines separate them, other line breaks are spaces. */
function paragraphsOf(text: string): string[] {
	return text
		.replace(/\r\n?/g, '\n')
		.split(/\n[ \t\u00A0]*\n/)
		.map(cleanLine)
		.filter((p) => p.length > 0);
}

/**
 * Writes the document. Headings go from `#` (the title) through `##` (a question), `###` (its
 * sections) to `####` (sub-sections and table captions inside a section).
 */
export function writeAnalysisDocument(doc: AnalysisDocument): string {
	const guard = new LineGuard([]);
	const lines: string[] = [];
	const block = (line: string) => lines.push(guard.finish(line), '');
	const heading = (level: number, text: string) => {
		const clean = cleanLine(text);
		if (clean) block(`${'#'.repeat(level)} ${level === 1 ? titleContent(clean) : headingContent(clean)}`);
	};
	const paragraphs = (texts: readonly string[]) => {
		for (const text of texts) for (const p of paragraphsOf(text)) block(paragraphContent(p));
	};
	const cell = (text: string) => cleanLine(text).replace(PIPE, '¦') || EMPTY_CELL;
	const row = (cells: readonly string[]) => lines.push(guard.finish(`| ${cells.map(cell).join(' | ')} |`));
	const table = (level: number, t: AnalysisDocumentTable) => {
		heading(level, t.caption);
		row(t.header);
		for (const r of t.rows) row(r);
		lines.push('');
	};
	const section = (level: number, s: AnalysisDocumentSection) => {
		heading(level, s.heading);
		paragraphs(s.paragraphs ?? []);
		// A table right under its section's heading needs no caption of its own when it is the only one.
		const tables = s.tables ?? [];
		for (const t of tables) {
			if (tables.length === 1 && t.caption === s.heading) {
				row(t.header);
				for (const r of t.rows) row(r);
				lines.push('');
			} else table(Math.min(level + 1, 6), t);
		}
		for (const sub of s.sections ?? []) section(Math.min(level + 1, 6), sub);
	};

	heading(1, doc.title);
	paragraphs(doc.front);
	for (const part of doc.parts) {
		heading(2, part.heading);
		for (const s of part.sections) section(3, s);
	}
	while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
	return lines.join('\n') + '\n';
}
