import { parseDocument } from '../documents/parse';
import { chunkRef, chunksOf } from './chunks';
import type { Amendment, EditedPiece } from './types';

/** An amendment that cannot be applied to this base text (another version's, or malformed). */
export class AmendmentMismatch extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'AmendmentMismatch';
	}
}

/**
 * The pieces an amendment contributes. Derived amendments carry the copy's exact text
 * (`editedSource`); one written by hand is placed from `resultText`: a replacement where its
 * target stood (keeping the target's trailing blank lines), an insertion after `afterId`.
 */
function piecesOf(a: Amendment, trailing: (key: string) => { ref: string; gap: string } | null): EditedPiece[] {
	if (a.editedSource) return a.editedSource;
	if (a.kind === 'delete') return [];
	const where = a.kind === 'insert' || a.kind === 'move' ? (a.afterId ?? null) : a.targetId;
	if (where === null) return [{ after: null, order: -1, text: `${a.resultText}\n\n` }];
	const t = trailing(where);
	if (!t) throw new AmendmentMismatch(`unit "${where}" is not in the base text.`);
	return [{ after: t.ref, order: Number.MAX_SAFE_INTEGER, text: `${a.resultText}${t.gap || '\n\n'}` }];
}

/**
 * Applies amendments to a base text and returns the resulting text. Every unit an amendment
 * replaces, moves, deletes or `covers` loses its base text; the amendments' pieces are placed after the base
 * pieces they name, in the copy's order. Applying all that `deriveAmendments(base, copy)` found
 * gives back the copy (without struck spans) byte for byte.
 *
 * Throws `AmendmentMismatch` when an amendment names a unit or piece the base does not have.
 */
export function applyAmendments(baseText: string, amendments: readonly Amendment[]): string {
	const units = parseDocument(baseText).units;
	const chunks = chunksOf(units);
	const refs = new Set(chunks.map((c) => chunkRef(c.owner, c.index)));
	const owners = new Set(chunks.map((c) => c.owner));
	const trailing = (key: string) => {
		const mine = chunks.filter((c) => c.owner === key);
		if (mine.length === 0) return null;
		const last = mine[mine.length - 1];
		const text = baseText.slice(last.start, last.end);
		return { ref: chunkRef(key, last.index), gap: /\s*$/.exec(text)?.[0] ?? '' };
	};

	const removed = new Set<string>();
	const placed = new Map<string | null, EditedPiece[]>();
	for (const a of amendments) {
		if (a.kind !== 'insert') {
			if (!owners.has(a.targetId)) throw new AmendmentMismatch(`unit "${a.targetId}" is not in the base text.`);
			removed.add(a.targetId);
		}
		for (const key of a.covers ?? []) {
			if (!owners.has(key)) throw new AmendmentMismatch(`unit "${key}" is not in the base text.`);
			removed.add(key);
		}
		for (const p of piecesOf(a, trailing)) {
			if (p.after !== null && !refs.has(p.after)) throw new AmendmentMismatch(`place "${p.after}" is not in the base text.`);
			placed.set(p.after, [...(placed.get(p.after) ?? []), p]);
		}
	}
	for (const list of placed.values()) list.sort((x, y) => x.order - y.order);

	const out: string[] = (placed.get(null) ?? []).map((p) => p.text);
	for (const c of chunks) {
		if (!removed.has(c.owner)) out.push(baseText.slice(c.start, c.end));
		for (const p of placed.get(chunkRef(c.owner, c.index)) ?? []) out.push(p.text);
	}
	return out.join('');
}
