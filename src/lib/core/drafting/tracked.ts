import { conflictsIn, touches } from './conflicts';
import { wordEdits } from './edits';
import { versionUnits, type KeyedUnit } from './keys';
import { byNumber, followers, insertionNumbers } from './placement';
import { wordSegments, type LabelledEdit } from './segments';
import type { DraftAmendment, Segment, TrackedUnit, VersionText } from './types';

/**
 * The tracked-changes view of a base version with amendments shown inline: the base's units
 * (blank ones left out) in order, each followed by the units inserted or moved after it (in
 * amendment-number order, as `composeVersion` places them).
 *
 * - A replaced unit is 'changed': word segments ('same', 'del' of base words, 'ins' of new words,
 *   each labelled with its amendment); several replacements that combine are shown together.
 * - An inserted unit is 'inserted': one 'ins' segment, with the kind, depth, part and number it
 *   will have (key 'insert:' + amendment id).
 * - A deleted unit (or one a deletion covers) is 'deleted': one 'del' segment.
 * - A moved unit is 'moved-from' at its old place (one 'del' segment) and 'moved-to' at its new
 *   place (word segments of its changed text); both carry the unit's key.
 * - When amendments on a unit conflict, the unit stays 'changed' with its text as it is, and
 *   `alternatives` shows each amendment's change on its own.
 * Footnotes keep their kind and number, so the page can render them as notes.
 *
 * Example: base "1. A b.\n\n2. C.\n", #1 replaces "b" with "x" in paragraph 1 →
 *   [{ key: p1, state: 'changed', segments: [same 'A ', del 'b' #1, same ' ', ins 'x' #1, same '.'] },
 *    { key: p2, state: 'same', segments: [same 'C.'] }].
 */
export function trackChanges(base: VersionText, amendments: readonly DraftAmendment[]): TrackedUnit[] {
	const units = versionUnits(base);
	const byKey = new Map(units.map((u) => [u.key, u]));
	const sorted = [...amendments].sort(byNumber);
	const touched = touches(units, sorted);
	const conflicted = new Set(conflictsIn(units, sorted).flatMap((c) => [`${c.unitKey}\u0000${c.a}`, `${c.unitKey}\u0000${c.b}`]));
	const numbers = insertionNumbers(units, sorted);
	const placed = followers(sorted.filter((a) => a.kind === 'insert' || byKey.has(a.targetKey)));
	const out: TrackedUnit[] = [];

	const row = (u: KeyedUnit, state: TrackedUnit['state'], segments: Segment[], ids: string[]): TrackedUnit => ({
		key: u.key,
		kind: u.unit.kind,
		depth: u.unit.depth,
		part: u.unit.part,
		number: u.unit.number,
		state,
		segments,
		amendmentIds: ids
	});

	const emitFollowers = (afterKey: string | null) => {
		const after = afterKey === null ? undefined : byKey.get(afterKey);
		for (const a of placed.get(afterKey) ?? []) {
			if (a.kind === 'insert') {
				const first = units.find((u) => u.unit.kind !== 'blank');
				out.push({
					key: `insert:${a.id}`,
					kind: after?.unit.kind ?? 'paragraph',
					depth: after?.unit.depth ?? 0,
					part: after?.unit.part ?? first?.unit.part ?? 'body',
					number: numbers.get(a.id) ?? null,
					state: 'inserted',
					segments: a.resultText.trim() ? [{ kind: 'ins', text: a.resultText.replace(/\s+/g, ' ').trim(), amendmentId: a.id }] : [],
					amendmentIds: [a.id]
				});
			} else {
				const moved = byKey.get(a.targetKey)!;
				const edits = wordEdits(moved.unit.text, a.resultText).map((e) => ({ ...e, amendmentId: a.id }));
				out.push(row(moved, 'moved-to', wordSegments(moved.unit.text, edits), [a.id]));
			}
		}
	};

	emitFollowers(null);
	for (const u of units) {
		if (u.unit.kind === 'blank') continue;
		const list = touched.get(u.key) ?? [];
		const ids = list.map((t) => t.a.id);
		if (list.some((t) => conflicted.has(`${u.key}\u0000${t.a.id}`))) {
			const tracked = row(u, 'changed', [{ kind: 'same', text: u.unit.text }], ids);
			tracked.alternatives = list.map((t) => ({
				amendmentId: t.a.id,
				segments: t.role === 'delete' ? [{ kind: 'del', text: u.unit.text, amendmentId: t.a.id }] : wordSegments(u.unit.text, t.edits.map((e) => ({ ...e, amendmentId: t.a.id })))
			}));
			out.push(tracked);
		} else if (list.some((t) => t.role === 'delete')) {
			const by = list.find((t) => t.role === 'delete')!.a.id;
			out.push(row(u, 'deleted', [{ kind: 'del', text: u.unit.text, amendmentId: by }], ids));
		} else if (list.some((t) => t.role === 'move')) {
			const by = list.find((t) => t.role === 'move')!.a.id;
			out.push(row(u, 'moved-from', [{ kind: 'del', text: u.unit.text, amendmentId: by }], ids));
		} else if (list.length > 0) {
			const edits: LabelledEdit[] = list.flatMap((t) => t.edits.map((e) => ({ ...e, amendmentId: t.a.id })));
			out.push(row(u, edits.length ? 'changed' : 'same', wordSegments(u.unit.text, edits), ids));
		} else {
			out.push(row(u, 'same', [{ kind: 'same', text: u.unit.text }], []));
		}
		emitFollowers(u.key);
	}
	return out;
}
