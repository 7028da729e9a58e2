import { parseDocument } from '../documents/parse';
import { bulletContent, cleanLine, display, guardAnnexLine, headingContent, LineGuard, paragraphContent, titleContent } from './escape';
import { FootnoteNumbers, numberItem, renumberAnnex } from './footnotes';
import { categoryHeading, questionsPhrase, submissionHeading } from './headings';
import { writeItem } from './items';
import { planCompilation } from './select';
import type { ParsedUnit } from '../documents/types';
import { LINE, type CompilationLayout, type LineRole } from './layout';
import type { CompilationContribution, CompilationInput, CompiledCall, TocEntry } from './types';
import { unitsOfCompilation } from './units';
import { wordingFor, type CompilationWording } from './wording';

/**
 * Generates a call's rolling compilation as structured text, with its table of contents.
 *
 * The text, in order (see docs/compilation.md):
 *
 *   # Proposals of Draft Recommendations           title, then subtitle (the parser's title lines)
 *   # Rolling Document
 *   # Abstract                                     names the call and the framework
 *   This compilation gathers … grouped by the framework: A. … (Questions 2 and 3); B. …
 *   # Contents                                     the entries, as a nested list
 *   - GROUP A: …
 *     - 1. Draft recommendations submitted by …
 *   # GROUP A: Implementation of … (Questions 2 and 3)       one part per category
 *   ## 1. Draft recommendations submitted by the Russian Federation (12 December 2013)
 *   - (1) Recalls paragraph 69 of the Tunis Agenda…[^1]     the items of that category
 *   [^1]: …                                                  their footnotes, renumbered
 *   # Draft recommendations that could not be categorized    always present
 *   Annex 1 – Message from the Chair …                       annexes with their own text
 *
 * Every heading is one line; contributed words are guarded so that nothing inside them becomes
 * structure (escape.ts), which is what lets `tocOf(parseDocument(text).units)` give back exactly
 * `entries` (without the contribution ids). Linear in the size of the input: lines are collected
 * in one array and joined once; grouping uses Maps.
 */
export function compileCall(input: CompilationInput): CompiledCall {
	const { layout, entries, footnoteCount } = writeCall(input);
	return { text: layout.lines.join('\n'), entries, footnoteCount };
}

/**
 * The compilation and its units: exactly the units `parseDocument(text)` gives (the stored
 * version's structure), read from what the generator knows of each line it wrote instead of
 * parsing some 25 MB of text for a large call. See units.ts.
 */
export function compileCallWithUnits(input: CompilationInput): CompiledCall & { units: ParsedUnit[] } {
	const { layout, entries, footnoteCount } = writeCall(input);
	const text = layout.lines.join('\n');
	return { text, entries, footnoteCount, units: unitsOfCompilation(text, layout) };
}

/** Writes the compilation's lines, noting what each one is (exported for the reading's tests). */
export function writeCall(input: CompilationInput): { layout: CompilationLayout; entries: TocEntry[]; footnoteCount: number } {
	const w = wordingFor(input.lang);
	const plan = planCompilation(input);

	// Footnotes are numbered through the document: the items' (parts in order), then the annexes'.
	let itemNotes = 0;
	for (const part of plan.parts) for (const section of part.sections) for (const item of section.items) itemNotes += item.notes.length;
	const annexes: { line: string; lines: string[] }[] = [];
	const annexMarkers: number[] = [];
	let nextNote = itemNotes + 1;
	input.annexes.forEach((annex, i) => {
		const renumbered = renumberAnnex(annexText(annex.text), nextNote);
		nextNote += renumbered.count;
		const lines = renumbered.text ? renumbered.text.split('\n').map(guardAnnexLine) : [];
		// An annex may define footnotes its own way ("¹ …" after a blank line): their numbers also
		// decide which glued digits the parser reads as references, everywhere in the document.
		if (lines.length) annexMarkers.push(...definedMarkers(lines.join('\n')));
		annexes.push({ line: annexLine(w, i + 1, cleanLine(annex.title)), lines });
	});
	const footnoteCount = nextNote - 1;
	const guard = new LineGuard([...Array.from({ length: footnoteCount }, (_v, k) => k + 1), ...annexMarkers]);

	// The table of contents, with each heading in the form the text writes it (guards included).
	const headingOf = new Map<CompilationContribution, string>();
	for (const c of plan.contributions) {
		headingOf.set(c, cleanLine(c.heading ?? '') || cleanLine(submissionHeading(input.lang, c.submitters, c.onBehalfOf, c.date)));
	}
	const toc: { entry: TocEntry; text: string }[] = [];
	const add = (entry: Omit<TocEntry, 'heading'>, text: string) => toc.push({ entry: { ...entry, heading: display(text) }, text });
	for (const part of plan.parts) {
		const code = part.category?.code ?? null;
		const text = cleanLine(part.category ? categoryHeading(w, part.category) : w.uncategorizedHeading);
		add({ kind: part.category ? 'category' : 'uncategorized', level: 1, categoryCode: code, number: null, contributionId: null }, text);
		part.sections.forEach((s, i) => {
			// The parser reads paragraph numbers of up to three digits; past 999 the heading goes unnumbered.
			const number = i < 999 ? String(i + 1) : null;
			add({ kind: 'submission', level: 2, categoryCode: code, number, contributionId: s.contribution.id }, headingOf.get(s.contribution)!);
		});
	}
	for (const annex of annexes) add({ kind: 'annex', level: 1, categoryCode: null, number: null, contributionId: null }, annex.line);

	const out: string[] = [];
	const roles: LineRole[] = [];
	const numbers: (string | null)[] = [];
	let role: LineRole = LINE.front;
	const line = (s: string, printed: string | null = null) => {
		out.push(guard.finish(s));
		roles.push(role);
		numbers.push(printed);
	};
	/** A line the guard leaves alone: blank lines, footnote definitions, annex text. */
	const raw = (s: string, as: LineRole = role) => {
		out.push(s);
		roles.push(as);
		numbers.push(null);
	};

	// Title page, abstract, contents: the parser's front part.
	const title = cleanLine(input.title);
	const subtitle = cleanLine(input.subtitle ?? '');
	if (title) line(`# ${titleContent(title)}`);
	if (subtitle) line(`# ${titleContent(subtitle)}`);
	raw('');
	const framework = plan.framework.map((c) => w.frameworkEntry(c.code, c.title, questionsPhrase(w, c.questions)));
	line(`# ${w.abstractHeading}`);
	raw('');
	line(paragraphContent(cleanLine(w.abstract(input.callTitle, framework))));
	raw('');
	line(`# ${w.contentsHeading}`);
	raw('');
	const frontEnd = out.length;
	role = LINE.contentsEntry;
	const bulleted = new Map<string, string>();
	for (const { entry, text } of toc) {
		if (entry.level === 1) line(`- ${bulletContent(text)}`);
		else if (entry.number) line(`  - ${entry.number}. ${text}`, `${entry.number}.`);
		else {
			let content = bulleted.get(text);
			if (content === undefined) {
				content = bulletContent(text);
				bulleted.set(text, content);
			}
			line(`  - ${content}`);
		}
	}
	raw('', LINE.blank);

	// The parts. A contribution's heading is the same in every part it appears in.
	const noteNumbers = new FootnoteNumbers();
	const guardedHeading = new Map<CompilationContribution, string>();
	let t = 0;
	for (const part of plan.parts) {
		role = LINE.part;
		line(`# ${headingContent(toc[t++].text)}`);
		raw('', LINE.blank);
		for (const section of part.sections) {
			role = LINE.submission;
			const { entry } = toc[t++];
			let content = guardedHeading.get(section.contribution);
			if (content === undefined) {
				content = headingContent(headingOf.get(section.contribution)!);
				guardedHeading.set(section.contribution, content);
			}
			line(entry.number ? `## ${entry.number}. ${content}` : `## ${content}`);
			const definitions: string[] = [];
			for (const item of section.items) {
				const numbered = numberItem(item, noteNumbers);
				const written = writeItem(item.kind, item.number === null ? null : cleanLine(item.number) || null, numbered.lines);
				if (written.blankBefore) raw('', LINE.blank);
				role = item.kind === 'heading' ? LINE.headingItem : item.kind === 'list_item' ? LINE.listItem : written.printed !== null ? LINE.numberedParagraph : LINE.paragraph;
				line(written.lines[0], written.printed);
				role = LINE.subItem;
				for (let k = 1; k < written.lines.length; k++) line(written.lines[k]);
				for (const d of numbered.definitions) definitions.push(d);
			}
			if (definitions.length) {
				raw('', LINE.blank);
				for (const d of definitions) raw(d, LINE.definition);
			}
			raw('', LINE.blank);
		}
		if (!part.category && part.sections.length === 0) {
			role = LINE.paragraph;
			line(paragraphContent(cleanLine(w.uncategorizedEmpty)));
			raw('', LINE.blank);
		}
	}

	// The annexes: heading line, then their own structured text.
	const annexStart = out.length;
	role = LINE.annex;
	for (const annex of annexes) {
		line(toc[t++].text);
		raw('');
		if (annex.lines.length) {
			for (const l of annex.lines) raw(l);
			raw('');
		}
	}

	return { layout: { lines: out, roles, numbers, frontEnd, annexStart }, entries: toc.map((x) => x.entry), footnoteCount };
}

/** The numeric footnote markers a text defines, as the parser finds them. */
function definedMarkers(text: string): number[] {
	return parseDocument(text)
		.units.filter((u) => u.kind === 'footnote' && u.number !== null && /^\d+$/.test(u.number))
		.map((u) => Number(u.number));
}

/** An annex's text with one kind of line break and no blank lines around it. */
function annexText(text: string): string {
	return text.replace(/\r\n?/g, '\n').replace(/^(?:[ \t]*\n)+/, '').replace(/\s+$/, '');
}

/** The parser takes a line for an annex heading only up to 250 characters: a longer title is shortened. */
const ANNEX_LINE_MAX = 240;

/** "Annex 2 – <title>", its title cut (at a character boundary, with "…") to keep the line short enough. */
function annexLine(w: CompilationWording, n: number, title: string): string {
	const full = w.annexHeading(n, title);
	if (full.length <= ANNEX_LINE_MAX) return full;
	const room = ANNEX_LINE_MAX - (w.annexHeading(n, 'x').length - 1) - 1;
	let cut = '';
	for (const ch of title) {
		if (cut.length + ch.length > room) break;
		cut += ch;
	}
	return w.annexHeading(n, `${cut.trimEnd()}…`);
}
