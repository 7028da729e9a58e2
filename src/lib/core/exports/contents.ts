import type { PrintUnit, Printable } from './types';

/** The deepest heading depth a table of contents lists: parts and the headings right under them (as the WGEC rolling document's contents do). */
export const CONTENTS_DEPTH = 1;

/**
 * The units a table of contents lists: headings and annexes of depth 0 and 1 after the front part,
 * in document order. The contents stand after the front part, so they list what follows them (as
 * the WGEC rolling document's 28 entries do: its abstract is not among them).
 */
export function contentsEntries(p: Printable): PrintUnit[] {
	return p.units.filter(isContentsEntry);
}

export function isContentsEntry(u: PrintUnit): boolean {
	return (u.kind === 'heading' || u.kind === 'annex') && u.depth <= CONTENTS_DEPTH && u.part !== 'front';
}

/**
 * Where the table of contents goes: before the first unit after the front part (title page,
 * summary, contents), as a document's own contents stand; at the end when all units are front.
 */
export function contentsPosition(p: Printable): number {
	const i = p.units.findIndex((u) => u.part !== 'front');
	return i === -1 ? p.units.length : i;
}

/** A heading's words as a table of contents shows them: its label and text, without footnote references. */
export function headingLine(u: PrintUnit): string {
	return u.label ? `${u.label} ${u.text}` : u.text;
}

/** The id of a unit's anchor in HTML ('u-' + key, as on the document's page). */
export function anchorId(key: string): string {
	return `u-${key}`;
}
