/**
 * What delegations take positions on, named in one string so forms, addresses and the database
 * agree: `contribution:{id}` (a proposal), `amendment:{id}`, `unit:{documentId}:{key}` (a
 * paragraph of a draft, by its stable key, so the position carries to the next version while the
 * paragraph keeps its key).
 */
import { isId } from '../shared/form-fields';

export const ITEM_KINDS = ['contribution', 'amendment', 'unit'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export type ItemRef = { kind: 'contribution'; id: string } | { kind: 'amendment'; id: string } | { kind: 'unit'; documentId: string; key: string };

/** A unit key as versions store them. */
const UNIT_KEY = /^[\w.@-]{1,200}$/;

/** The item a string names, or null when it names none. */
export function parseItem(value: unknown): ItemRef | null {
	if (typeof value !== 'string') return null;
	const [kind, first, ...rest] = value.trim().split(':');
	if ((kind === 'contribution' || kind === 'amendment') && rest.length === 0 && isId(first)) return { kind, id: first.toLowerCase() };
	if (kind === 'unit' && rest.length === 1 && isId(first) && UNIT_KEY.test(rest[0])) return { kind, documentId: first.toLowerCase(), key: rest[0] };
	return null;
}

/** The string that names an item: the inverse of `parseItem`. */
export function itemString(item: ItemRef): string {
	return item.kind === 'unit' ? `unit:${item.documentId}:${item.key}` : `${item.kind}:${item.id}`;
}

/** The item's reference as stored beside its kind: the id, or `{documentId}:{key}`. */
export function itemReference(item: ItemRef): string {
	return item.kind === 'unit' ? `${item.documentId}:${item.key}` : item.id;
}
