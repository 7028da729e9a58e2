import { SUFFIX_PATTERN } from '../documents/numbering';
import { analyseLine } from '../documents/markers';
import type { ParsedUnit } from '../documents/types';

/**
 * How a new unit is written in the style of the unit it follows: the same prefix (indentation,
 * bullet, number shape) with its own number, the same clean-text line, and the same separator
 * (the white space after the unit, usually a blank line).
 *
 * Examples, following "2.\tText\n\n" with number '2 bis' → "2 bis.\tNew\n\n"; following
 * "- item\n" → "- New\n"; following "**2.** Text" (which the parser reads as unnumbered) → "New".
 *
 * Numbers outside the plain Arabic series are written where the old one stood ("(a)" → "(a) bis"),
 * which the parser may not read back as a number.
 */
export interface UnitStyle {
	/** The prefix of the first line: indentation, heading mark, bullet, number. */
	prefix: string;
	/** Where the number stands in `prefix`, when the unit's number is written there. */
	number: [number, number] | null;
	/** The white space after the unit's text (its blank lines). */
	separator: string;
}

const ARABIC = new RegExp(`^\\d{1,6}(?:[ \\t]*(?:${SUFFIX_PATTERN})\\b)?`, 'i');
const FORMS = [ARABIC, /^\(\s*\d{1,6}[^)]*\)/, /^\d{1,3}(?:\.\d{1,3})+/, /^\([a-z]{1,5}\)/i, /^[a-z]{1,5}(?=[.)])/i];

/** The style of a unit (see `UnitStyle`). */
export function unitStyle(unit: ParsedUnit): UnitStyle {
	const source = unit.source;
	const lineEnd = source.indexOf('\n');
	const line = lineEnd < 0 ? source : source.slice(0, lineEnd);
	const a = analyseLine(line);
	const end = a.strip.length > 0 ? Math.max(...a.strip.map(([, e]) => e)) : a.indent;
	const prefix = line.slice(0, end);
	let number: [number, number] | null = null;
	if (unit.number !== null && a.number && a.strip.length > 0) {
		const [s] = a.strip[a.strip.length - 1];
		const written = prefix.slice(s);
		for (const form of FORMS) {
			const m = form.exec(written);
			if (m) {
				number = [s, s + m[0].length];
				break;
			}
		}
	}
	return { prefix, number, separator: /[\s\u00A0]*$/.exec(source)?.[0] ?? '' };
}

/** The prefix with another number in place of the unit's own (or as is when it has none). */
export function prefixWithNumber(style: UnitStyle, number: string | null): string {
	if (!style.number || number === null) return style.prefix;
	const [s, e] = style.number;
	return style.prefix.slice(0, s) + number + style.prefix.slice(e);
}

/**
 * The text of a new unit placed after `after`: `lead` goes before it, `body` is its line,
 * `trail` the separator after it. With no unit before (the start of the document) it is a plain
 * paragraph followed by a blank line.
 */
export function writeUnit(after: ParsedUnit | null, number: string | null, text: string, last = false): { lead: string; body: string; trail: string } {
	const clean = text.replace(/\s+/g, ' ').trim();
	if (!after) return { lead: '', body: clean, trail: '\n\n' };
	const style = unitStyle(after);
	return { ...separators(style.separator, last), body: prefixWithNumber(style, number) + clean };
}

/**
 * The white space around a unit placed after one whose trailing white space is `separator`: the
 * same separator after it. At the end of the text (no line break, or a single one) a blank line
 * goes before it instead, so it does not run on from the last unit.
 */

export function separators(separator: string, last = false): { lead: string; trail: string } {
	if (!separator.includes('\n')) return { lead: '\n\n', trail: '' };
	if (last && !/\n[^\S\n]*\n/.test(separator)) return { lead: '\n', trail: separator };
	return { lead: '', trail: separator };
}
