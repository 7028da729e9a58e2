import { parseDocument } from '../documents/parse';
import type { ParsedUnit } from '../documents/types';
import { alignUnits } from './align';
import { chunkRef, chunksOf, contentUnits } from './chunks';
import { longestIncreasing } from './sequence';
import { sliceWithout, struckRanges } from './tokens';
import type { Amendment, TrackedSpan } from './types';
import { diffWords, type WordChange } from './words';

/**
 * The group a base unit belongs to for "the copy leaves out a whole part": all footnotes
 * together, each annex, and each headed section of the front matter (the executive summary).
 * Null for the body, where a removed section is an ordinary deletion.
 */
function wholePartGroup(u: ParsedUnit, byKey: Map<string, ParsedUnit>): string | null {
	if (u.kind === 'footnote') return 'footnotes';
	if (u.part.startsWith('annex')) return u.part;
	if (u.part !== 'front') return null;
	let root = u;
	while (root.parentKey && byKey.has(root.parentKey)) root = byKey.get(root.parentKey)!;
	return root.kind === 'heading' ? `front:${root.key}` : null;
}

/**
 * Derives the amendments that turn `baseText` into `editedText` (a delegation's edited copy, with
 * or without `~~deletion marks~~`): one per changed unit, new unit or removed unit, in the copy's
 * order (removals where the base had them). See docs/actions/deriveAmendments.md.
 *
 * Law: `applyAmendments(baseText, deriveAmendments(baseText, editedText))` is `editedText` without
 * its struck spans, byte for byte. To make that hold, units that differ only in typography get an
 * item flagged `layout` (not an amendment to review), and every item but a deletion carries the
 * copy's exact text in `editedSource`.
 *
 * `tracked` (optional): the copy's Word tracked changes as ranges of `editedText`; each item from a
 * unit of the copy gets the `authors` of the changes that fall in that unit.
 */
export function deriveAmendments(baseText: string, editedText: string, tracked: readonly TrackedSpan[] = []): Amendment[] {
	const base = parseDocument(baseText).units;
	const edited = parseDocument(editedText).units;
	const baseByKey = new Map(base.map((u) => [u.key, u]));
	const alignment = alignUnits(base, edited);
	const struck = struckRanges(editedText);
	const baseChunks = chunksOf(base);
	const editedChunks = chunksOf(edited);
	const baseChunkAt = new Map(baseChunks.map((c, i) => [chunkRef(c.owner, c.index), i]));
	const hasStruck = (start: number, end: number) => struck.some(([s, e]) => s < end && e > start);

	// Moves: aligned pairs out of the base's order (the longest in-order run stays put).
	const baseIndex = new Map(base.map((u, i) => [u.key, i]));
	const order = alignment.pairs.map((p) => baseIndex.get(p.base.key)!);
	const inOrder = new Set(longestIncreasing(order).map((i) => alignment.pairs[i].edited.key));

	const changes = new Map<string, WordChange>();
	for (const p of alignment.pairs) changes.set(p.edited.key, diffWords(p.base.text, p.edited.text));

	// A pair whose every piece is byte-identical, unstruck and in place is kept as it is.
	const pieces = new Map<string, { base: number; start: number; end: number }[]>();
	for (const c of editedChunks) pieces.set(c.owner, [...(pieces.get(c.owner) ?? []), { base: -1, start: c.start, end: c.end }]);
	const candidate = new Map<string, string>();
	for (const p of alignment.pairs) {
		if (!inOrder.has(p.edited.key) || changes.get(p.edited.key)!.changed) continue;
		const mine = pieces.get(p.edited.key) ?? [];
		const theirs = baseChunks.filter((c) => c.owner === p.base.key);
		if (mine.length !== theirs.length) continue;
		const same = mine.every((m, k) => !hasStruck(m.start, m.end) && editedText.slice(m.start, m.end) === baseText.slice(theirs[k].start, theirs[k].end));
		if (same) candidate.set(p.edited.key, p.base.key);
	}
	const seq: { chunk: number; base: number }[] = [];
	editedChunks.forEach((c, i) => {
		const owner = candidate.get(c.owner);
		if (owner !== undefined) seq.push({ chunk: i, base: baseChunkAt.get(chunkRef(owner, c.index))! });
	});
	const inSeq = new Set(longestIncreasing(seq.map((s) => s.base)).map((k) => seq[k].chunk));
	const kept = new Set([...candidate.keys()].filter((key) => editedChunks.every((c, i) => c.owner !== key || inSeq.has(i))));

	// One item per unit not kept, keyed by the copy's unit (or the base's, for removals).
	const items = new Map<string, Amendment>();
	const position = new Map<Amendment, number>();
	const editedPos = new Map(edited.map((u, i) => [u.key, i]));
	const pairOf = new Map(alignment.pairs.map((p) => [p.edited.key, p]));
	const insertedKeys = new Set(alignment.inserted.map((u) => u.key));
	let lastAligned: string | null = null;
	for (const u of edited) {
		const p = pairOf.get(u.key);
		if (p && kept.has(u.key)) {
			lastAligned = p.base.key;
			continue;
		}
		if (p) {
			const change = changes.get(u.key)!;
			const moved = !inOrder.has(u.key);
			const item: Amendment = {
				targetNumber: p.base.number,
				targetId: p.base.key,
				kind: moved ? 'move' : 'replace',
				deletedText: change.deletedText,
				insertedText: change.insertedText,
				resultText: change.resultText,
				wholePart: false,
				editedSource: []
			};
			if (moved) item.afterId = lastAligned;
			if (!moved && !change.changed) item.layout = true;
			items.set(u.key, item);
			position.set(item, editedPos.get(u.key)!);
			lastAligned = p.base.key;
		} else if (insertedKeys.has(u.key)) {
			const change = diffWords('', u.text);
			const item: Amendment = {
				targetNumber: u.number,
				targetId: u.key,
				kind: 'insert',
				deletedText: '',
				insertedText: change.insertedText,
				resultText: change.resultText,
				wholePart: false,
				afterId: lastAligned,
				editedSource: []
			};
			items.set(u.key, item);
			position.set(item, editedPos.get(u.key)!);
		}
	}

	if (tracked.length > 0) {
		for (const u of edited) {
			const item = items.get(u.key);
			if (!item) continue;
			const names = tracked.filter((t) => u.spans.some(([s, e]) => t.start < e && t.end > s)).map((t) => t.author);
			if (names.length > 0) item.authors = [...new Set(names)];
		}
	}

	// The copy's exact text, piece by piece. A replaced unit's piece goes where the base unit's
	// stood (so that amendments applied one at a time land in place); anything else goes after the
	// base piece before it. Places never go backwards, and never past the next kept piece: that is
	// what makes the round trip exact.
	const keptAt = editedChunks.map((c) => (kept.has(c.owner) ? baseChunkAt.get(chunkRef(pairOf.get(c.owner)!.base.key, c.index))! : -1));
	const nextKept: number[] = new Array(editedChunks.length);
	for (let i = editedChunks.length - 1, next = Infinity; i >= 0; i--) {
		nextKept[i] = next;
		if (keptAt[i] >= 0) next = keptAt[i];
	}
	let anchor = -1;
	editedChunks.forEach((c, i) => {
		if (keptAt[i] >= 0) {
			anchor = keptAt[i];
			return;
		}
		const p = pairOf.get(c.owner);
		if (p && inOrder.has(c.owner)) {
			const own = baseChunks.filter((b) => b.owner === p.base.key);
			const mine = own[Math.min(c.index, own.length - 1)];
			const wanted = mine ? baseChunkAt.get(chunkRef(mine.owner, mine.index))! : -1;
			if (wanted >= anchor && wanted < nextKept[i]) anchor = wanted;
		}
		const after = anchor < 0 ? null : chunkRef(baseChunks[anchor].owner, baseChunks[anchor].index);
		items.get(c.owner)?.editedSource?.push({ after, order: i, text: sliceWithout(editedText, c.start, c.end, struck) });
	});

	// Removals sit after the copy's position of the nearest aligned unit before them in the base.
	const alignedAt = new Map(alignment.pairs.map((p) => [p.base.key, editedPos.get(p.edited.key)!]));
	const removed = new Set(alignment.removed.map((u) => u.key));
	const groupsSeen = new Map<string, boolean>();
	const content = contentUnits(base);
	for (const u of content) {
		const g = wholePartGroup(u, baseByKey);
		if (g !== null) groupsSeen.set(g, (groupsSeen.get(g) ?? false) || !removed.has(u.key));
	}
	let at = -1;
	content.forEach((u, i) => {
		if (alignedAt.has(u.key)) at = alignedAt.get(u.key)!;
		if (!removed.has(u.key)) return;
		const g = wholePartGroup(u, baseByKey);
		const item: Amendment = {
			targetNumber: u.number,
			targetId: u.key,
			kind: 'delete',
			deletedText: u.text,
			insertedText: '',
			resultText: '',
			wholePart: g !== null && groupsSeen.get(g) === false
		};
		items.set(`\u0000${u.key}`, item);
		position.set(item, at + 0.5 + i / (content.length + 1) / 2);
	});

	const sorted = [...items.values()].sort((x, y) => position.get(x)! - position.get(y)!);
	return foldLayout(foldParts(sorted, (key) => wholePartGroup(baseByKey.get(key)!, baseByKey)));
}

/**
 * A left-out part is one item: the deletion of its first unit, covering the others (the words of
 * all in `deletedText`, one unit a line). Footnotes stay one item each: they are scattered through
 * the text and each may be reinstated on its own.
 */
function foldParts(items: Amendment[], groupOf: (key: string) => string | null): Amendment[] {
	const heads = new Map<string, Amendment>();
	const out: Amendment[] = [];
	for (const a of items) {
		const g = a.wholePart ? groupOf(a.targetId) : null;
		if (g === null || g === 'footnotes') {
			out.push(a);
			continue;
		}
		const head = heads.get(g);
		if (!head) {
			heads.set(g, a);
			out.push(a);
			continue;
		}
		head.covers = [...(head.covers ?? []), a.targetId];
		head.deletedText = head.deletedText ? `${head.deletedText}\n${a.deletedText}` : a.deletedText;
	}
	return out;
}

/**
 * Typography is not an amendment, yet applying must give back the copy's bytes: the text of each
 * unit that differs only in typography rides on the nearest real amendment before it in the copy
 * (or the first one), which then `covers` that unit. Only when nothing else changed does a
 * `layout` item remain, one for the whole document.
 */
function foldLayout(items: Amendment[]): Amendment[] {
	const carriers = items.filter((a) => !a.layout && a.kind !== 'delete');
	const fallback = carriers[0] ?? items.find((a) => a.layout);
	if (!fallback) return items;
	const out: Amendment[] = [];
	let carrier: Amendment = fallback;
	for (const a of items) {
		if (!a.layout && a.kind !== 'delete') carrier = a;
		if (!a.layout || a === carrier) {
			out.push(a);
			continue;
		}
		carrier.editedSource = [...(carrier.editedSource ?? []), ...(a.editedSource ?? [])].sort((x, y) => x.order - y.order);
		carrier.covers = [...(carrier.covers ?? []), a.targetId];
	}
	return out;
}
