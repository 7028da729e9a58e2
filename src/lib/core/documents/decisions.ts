import type { UnitKind } from '../shared/vocabulary';
import type { NumberMarker } from './markers';
import { followsInSequence } from './numbering';
import { endsSentence, quotationOpen } from './sentences';

/**
 * Decisions of the parser's assembler that do not depend on how the lines were found, written
 * once so that the compilation's reader (compilation/units.ts), which knows the shape of every
 * line it wrote, decides exactly as the parser does.
 */

/** An open list: each entry is a list item that may still take siblings or children. */
export interface ListEntry {
	key: string;
	parentKey: string | null;
	depth: number;
	/** Width of the item's leading white space. */
	indent: number;
	/** Numbering family and how the number is closed ('lower:dot', 'paren:paren'), or null for a bullet without a number. */
	shape: string | null;
}

/** A paragraph or list item still open, as far as continuation is concerned. */
export interface OpenUnit {
	kind: UnitKind;
	/** Its source text so far, lines joined with spaces (each piece's lines preceded by a space). */
	raw: string;
	/** Its last content line. */
	lastLine: string;
	/** How many ranges of lines it owns, and how many content lines. */
	ranges: readonly unknown[];
	content: readonly string[];
}

/**
 * Whether the open paragraph or list item takes the next piece: its quotation is open, or its
 * last line does not end a sentence — except that a lone label ("Timestamp") before a blank
 * line does not run on into a capitalised paragraph.
 */
export function continuesOpenUnit(open: OpenUnit | null, next?: { breakBefore: boolean; firstLine: string }): boolean {
	if (!open || (open.kind !== 'paragraph' && open.kind !== 'list_item')) return false;
	if (quotationOpen(open.raw)) return true;
	if (endsSentence(open.lastLine)) return false;
	if (next && next.breakBefore && open.ranges.length === 1 && open.content.length === 1 && open.raw.trim().split(/\s+/).length <= 2) {
		const start = next.firstLine.replace(/^[\s\u00A0*_]+/, '');
		if (/^\p{Lu}/u.test(start) && !/[,:;\-–]$/.test(open.lastLine.trim())) return false;
	}
	return true;
}

/** A list item's shape: letters and lower-case Roman numerals are one family ("v." comes between "iv." and "vi."). */
export function listShape(number: NumberMarker | null): string | null {
	if (!number) return null;
	const family = number.style === 'alpha' || number.style === 'roman' ? 'lower' : number.style;
	return `${family}:${number.shape}`;
}

/**
 * Where a new list item goes in the open list, which is cut back accordingly: after the last
 * item of the same shape (its sibling), else by indentation — a sibling of an item as indented,
 * a child of a less indented one, or the first item under `outerKey` (the open paragraph or
 * heading) at depth 1.
 */
export function placeListItem(list: ListEntry[], indent: number, shape: string | null, outerKey: string | null): { parentKey: string | null; depth: number } {
	const sameShape = shape ? lastWithShape(list, shape) : -1;
	if (sameShape >= 0) {
		const sibling = list[sameShape];
		list.length = sameShape;
		return { parentKey: sibling.parentKey, depth: sibling.depth };
	}
	while (list.length && list[list.length - 1].indent > indent) list.pop();
	const top = list[list.length - 1];
	if (top && top.indent === indent) {
		list.pop();
		return { parentKey: top.parentKey, depth: top.depth };
	}
	if (top) return { parentKey: top.key, depth: top.depth + 1 };
	return { parentKey: outerKey, depth: 1 };
}

/** The numbering a paragraph number continues: '(1)' → 'paren', '1.1' → 'decimal', '1.', '1)', '2 bis' → 'arabic'. */
export function numberFamily(number: NumberMarker): string {
	return number.style === 'paren' ? 'paren' : number.style === 'decimal' ? 'decimal' : 'arabic';
}

/**
 * What a numbered line that is not a heading or a bullet starts: a list item (letters, Roman
 * numerals, or "1)" right under a numbered paragraph of another numbering), a numbered paragraph
 * (the first of its numbering in the section, or the next), or — out of sequence — the rest of
 * the open unit when that unit takes it (`continues`), else a numbered paragraph anyway.
 */
export function numberedLine(
	number: NumberMarker,
	sequences: ReadonlyMap<string, string>,
	paragraphNumbered: boolean,
	continues: () => boolean
): 'list_item' | 'paragraph' | 'merge' {
	if (number.style === 'alpha' || number.style === 'roman') return 'list_item';
	const last = sequences.get(numberFamily(number));
	// "1) To formulate…" right under "(1) All stakeholders … the following items" is a list
	// in that paragraph, not a new numbering of the section.
	if (number.shape === 'close' && last === undefined && paragraphNumbered && sequences.size > 0) return 'list_item';
	if (last === undefined || followsInSequence(last, number.value)) return 'paragraph';
	return continues() ? 'merge' : 'paragraph';
}

/** The index of the last list entry of the given shape, or -1. */
function lastWithShape(items: readonly ListEntry[], shape: string): number {
	for (let i = items.length - 1; i >= 0; i--) if (items[i].shape === shape) return i;
	return -1;
}
