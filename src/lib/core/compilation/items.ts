import { bulletContent, GUARD, headingContent, numberReadsBack, paragraphContent } from './escape';
import type { CompilationItem } from './types';

/**
 * How an item is written under its submission heading, with its own numbering:
 *
 *   paragraph "(3)"       → "(3) Text…"            list item "(1)" → "- (1) Text…"
 *   paragraph unnumbered  → (blank line) "Text…"   heading "I"     → "### I. Introduction"
 *   sub-items (the item's further lines) → "  - Sub-item…" under it, so the parser hangs them
 *   from the item and `groupItems` gives the same item back.
 *
 * Numbers are printed as written, a bare numeral with its full stop ('1' → "1.", 'a' → "a.",
 * '(1)', '2 bis', '1.1' as they are). A number the parser would not read back ("A.", "Art. 5")
 * stays as the first words of the text, guarded like any text.
 *
 * Items follow one another without blank lines (a numbered line or a bullet starts a new unit by
 * itself, and a numbered line right after another line is never taken for a heading); an
 * unnumbered paragraph needs a blank line before it, or it would run on from the line before.
 */
export interface WrittenItem {
	lines: string[];
	/** Whether a blank line must come before it. */
	blankBefore: boolean;
	/** The number as printed before the text when the parser reads it back as the item's number ("(1)", "2."); null when the item has none (or it stays words). */
	printed: string | null;
}

const BARE_NUMERAL = /^(?:\d+|[A-Za-z]|[IVXLCDMivxlcdm]+)$/;

/** An item number as printed: a bare numeral gets its full stop ('1' → "1."), others stay as written. */
export function printedNumber(number: string): string {
	return BARE_NUMERAL.test(number) ? `${number}.` : number;
}

/**
 * Writes an item's lines. `lines` are its clean lines (references already renumbered, see
 * footnotes.ts); `number` is its number in clean form, or null.
 */
export function writeItem(kind: CompilationItem['kind'], number: string | null, lines: readonly string[]): WrittenItem {
	const first = lines[0] ?? '';
	const rest: string[] = [];
	for (let i = 1; i < lines.length; i++) rest.push(`  - ${bulletContent(lines[i])}`);
	const printed = number ? printedNumber(number) : null;
	// A line with nothing the parser would keep would merge into the line before ("(2)" alone) or vanish.
	const content = /^[\s_]*$/.test(first) ? GUARD + first : first;
	const numbered = printed !== null && numberReadsBack(printed);
	const words = printed !== null && !numbered ? `${printed} ${content}` : content;
	const readBack = numbered ? printed : null;
	switch (kind) {
		case 'heading':
			return { lines: [`### ${numbered ? `${printed} ${headingContent(content)}` : headingContent(words)}`, ...rest], blankBefore: false, printed: readBack };
		case 'list_item':
			return { lines: [`- ${numbered ? `${printed} ${content}` : bulletContent(words)}`, ...rest], blankBefore: false, printed: readBack };
		default:
			if (numbered) return { lines: [`${printed} ${content}`, ...rest], blankBefore: false, printed: readBack };
			return { lines: [paragraphContent(words), ...rest], blankBefore: true, printed: null };
	}
}
