/**
 * What the generator wrote on each line of a compilation, kept while it writes so the units can
 * be read from the lines without parsing them (units.ts). One role per line of `lines` (the text
 * is `lines.join('\n')`).
 */
export const LINE = {
	/** Title, subtitle, abstract and the contents heading. */
	front: 0,
	/** "- GROUP A: …", "  - 1. Draft recommendations submitted by …": an entry of the contents list. */
	contentsEntry: 11,
	/** "# GROUP A: …" or the uncategorised part's heading. */
	part: 1,
	/** "## 1. Draft recommendations submitted by …". */
	submission: 2,
	/** "- (1) Text" or "- Text": an item written as a list item. */
	listItem: 3,
	/** "(3) Text": an item written as a paragraph whose number reads back. */
	numberedParagraph: 4,
	/** "Text" after a blank line: an unnumbered paragraph (also the empty part's sentence). */
	paragraph: 5,
	/** "### I. Introduction": a heading inside a contribution. */
	headingItem: 6,
	/** "  - Text": an item's further line. */
	subItem: 7,
	blank: 8,
	/** "[^4]: Text": a footnote definition. */
	definition: 9,
	/** An annex's heading line and its own text, to the end. */
	annex: 10
} as const;

export type LineRole = (typeof LINE)[keyof typeof LINE];

export interface CompilationLayout {
	lines: string[];
	roles: LineRole[];
	/** For list items, numbered paragraphs and contents entries: the number as printed ("(1)", "2."), or null when there is none. */
	numbers: (string | null)[];
	/** The first line after the front (the first contents entry). */
	frontEnd: number;
	/** The first line of the annexes; `lines.length` when there are none. */
	annexStart: number;
}
