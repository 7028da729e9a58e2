import { groupItems } from '../corpus/units';
import { parseDocument } from '../documents/index';
import type { ParsedUnit } from '../documents/types';

/** One item of a contribution as its text yields it: a paragraph or list item with its sub-items and footnotes. */
export interface ContributionItemDraft {
	/** 1-based, in text order. */
	position: number;
	number: string | null;
	kind: 'paragraph' | 'list_item';
	text: string;
	source: string;
	notes: { marker: string; text: string }[];
}

/**
 * Reads a contribution's structured text into its items. Sections (headings) organise the text
 * but are not items: a category belongs to what is proposed, not to its title. A list that hangs
 * from a paragraph stays part of it, as in the rolling compilation ("(1) … the following items:"
 * with its list is one item).
 */
export function itemsFromText(text: string): { units: ParsedUnit[]; items: ContributionItemDraft[] } {
	const { units } = parseDocument(text);
	const notes = new Map(units.filter((u) => u.kind === 'footnote').map((u) => [u.number ?? '', u.text]));
	const body = units.filter((u) => u.kind === 'paragraph' || u.kind === 'list_item');
	const grouped = groupItems(body.map((unit) => ({ unit, categoryCode: null })));
	const byKey = new Map(units.map((u) => [u.key, u]));
	const items = grouped.map((g, i) => {
		const refs = g.unitKeys.flatMap((k) => byKey.get(k)?.notes ?? []);
		return {
			position: i + 1,
			number: g.number,
			kind: g.kind === 'list_item' ? ('list_item' as const) : ('paragraph' as const),
			text: g.text,
			source: g.source,
			notes: refs.map((r) => ({ marker: r.marker, text: notes.get(r.marker) ?? '' }))
		};
	});
	return { units, items };
}
