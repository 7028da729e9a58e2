import type { UnitKind } from '../shared/vocabulary';

/** A unit as stored (the `units` table), with only the fields print needs. */
export interface StoredUnitForPrint {
	key: string;
	kind: UnitKind;
	depth: number;
	parentKey?: string | null;
	part: string;
	number: string | null;
	text: string;
	notes: readonly { marker: string; offset: number }[];
	/** The unit's language; the document's when absent. */
	lang?: string | null;
}

/** A footnote reference where it stands in a unit's text. */
export interface PrintNoteRef {
	/** Character offset in the unit's `text`. */
	offset: number;
	/** The footnote's number in `Printable.footnotes` (1-based), or null when the document defines no such footnote. */
	n: number | null;
	/** The marker as the source wrote it, printed as is when the footnote is missing. */
	marker: string;
}

/**
 * Units print as: 'title' (a line of the title page), 'heading' and 'annex' (headings; an annex
 * starts a new page), 'paragraph', 'list_item', 'table_row', and 'footnote' for a footnote no
 * text refers to (printed where it stands, so nothing is lost). Referenced footnotes are not
 * units any more: they are `Printable.footnotes`.
 */
export type PrintKind = Exclude<UnitKind, 'blank'>;

export interface PrintUnit {
	key: string;
	kind: PrintKind;
	depth: number;
	part: string;
	number: string | null;
	/** Printed before the text: '1.', '(a)', '•', '2.' for a heading whose words lack its number; null for nothing. */
	label: string | null;
	text: string;
	notes: PrintNoteRef[];
	/** The unit's language (the document's unless the unit says otherwise). */
	lang: string;
	dir: 'ltr' | 'rtl';
}

/** A footnote, numbered 1, 2, 3… through the document in the order the text refers to them. */
export interface PrintFootnote {
	n: number;
	/** The marker the source gave it ('9'); a compilation of several contributions repeats markers, `n` never. */
	marker: string;
	text: string;
	/** The part of the unit that refers to it: HTML lists footnotes at the end of each part. */
	part: string;
	/** The key of the unit that refers to it. */
	refKey: string;
}

/** Words print adds around the document, in the document's language. */
export interface PrintLabels {
	/** The heading of the table of contents. */
	contents: string;
	/** The name of a part's footnote list (for assistive technology). */
	footnotes: string;
	/** The name of the link from a footnote back to where it is referred to. */
	backToText: string;
}

/** A document ready to print in any format: everything the HTML, DOCX and PDF writers read. */
export interface Printable {
	title: string;
	subtitle: string | null;
	/** BCP 47 language of the document ('en', 'ar', 'zh-Hant'). */
	lang: string;
	dir: 'ltr' | 'rtl';
	/** Lines under the title, e.g. "Version 3 · 22 November 2026". */
	meta: string[];
	/** Whether a table of contents (headings of depth 0 and 1) precedes the first unit after the front part. */
	toc: boolean;
	labels: PrintLabels;
	units: PrintUnit[];
	footnotes: PrintFootnote[];
}
