import type { ParsedUnit } from '../documents/types';

/**
 * What the generator of a call's rolling compilation reads: the call, its framework and its
 * contributions as the caller loaded them. The generator is pure: it decides what is shown, in
 * which order and under which heading; the caller only leaves out co-submitters who have not
 * confirmed yet.
 */
export interface CompilationInput {
	/** The compilation's title, e.g. "Proposals of Draft Recommendations". */
	title: string;
	/** e.g. "Rolling Document"; null for none. */
	subtitle: string | null;
	/** The call the contributions answer; the abstract names it. */
	callTitle: string;
	/** BCP 47 language of the compilation: the template wording, list and date formats follow it. */
	lang: string;
	/** The framework's categories, in framework order. Codes are short labels ("A", "B2") without ": ". */
	framework: CompilationCategory[];
	contributions: CompilationContribution[];
	/** Annexes in order, each as structured text (Markdown-like, as the shared parser reads it). */
	annexes: { title: string; text: string }[];
}

export interface CompilationCategory {
	code: string;
	title: string;
	/** The numbers of the guiding questions the category covers. */
	questions: number[];
}

export interface CompilationContribution {
	id: string;
	/** Imported wording, kept as is; null → the template "Draft recommendations submitted by <submitters> (<date>)". */
	heading: string | null;
	/** Display names of the CONFIRMED submitters, in order. */
	submitters: string[];
	onBehalfOf: string | null;
	/** ISO date received (YYYY-MM-DD); headings render it "12 December 2013". */
	date: string | null;
	/** Order set by the secretariat (default: date received). */
	position: number;
	status: 'submitted' | 'withdrawn';
	published: boolean;
	mergedIntoId: string | null;
	items: CompilationItem[];
}

export interface CompilationItem {
	/** As written: "(1)", "1.", "a)", or the parser's normalised '1', 'a', '2 bis'; null when unnumbered. */
	number: string | null;
	kind: 'paragraph' | 'list_item' | 'heading';
	/** Clean text; lines after the first are the item's sub-items (as `groupItems` appends them). */
	text: string;
	/** The framework category, or null (uncategorised). A code not in the framework counts as uncategorised. */
	categoryCode: string | null;
	/** The item's footnotes, in order. The text may refer to one in place as `[^marker]`; otherwise the reference follows the item. */
	notes: { marker: string; text: string }[];
}

/** Kinds of table-of-contents entries, as in the WGEC rolling document's 28. */
export type TocEntryKind = 'category' | 'submission' | 'uncategorized' | 'annex';

/** One entry of a compilation's table of contents, in document order. */
export interface TocEntry {
	kind: TocEntryKind;
	/** The heading as the compilation shows it (without its number). */
	heading: string;
	/** 1 for parts (categories, the uncategorised part, annexes), 2 for submissions. */
	level: 1 | 2;
	/** The category of a category entry and of the submissions under it; null elsewhere. */
	categoryCode: string | null;
	/** The submission's number within its part ('1', '2'…), as printed before its heading; null for parts and past 999. */
	number: string | null;
	/** The contribution a submission entry shows; null for parts. */
	contributionId: string | null;
}

/** A table-of-contents entry as read back from a stored compilation's units (contributions are not named in the text). */
export type StoredTocEntry = Omit<TocEntry, 'contributionId'>;

/** The fields of a unit `tocOf` reads: a `ParsedUnit`, or a stored unit row. */
export type TocUnit = Pick<ParsedUnit, 'kind' | 'depth' | 'part' | 'number' | 'text'>;

/** The generated compilation: its structured text and its table of contents. */
export interface CompiledCall {
	/** The whole compilation as structured text (Markdown the shared parser reads back). */
	text: string;
	entries: TocEntry[];
	/** How many footnotes the compilation defines (numbered 1…n through the document). */
	footnoteCount: number;
}
