import { longestIncreasing } from '../amendments/sequence';
import { wordEdits } from './edits';
import { versionUnits, type KeyedUnit } from './keys';
import { wordSegments } from './segments';
import type { CompareRow, VersionText } from './types';

/**
 * Two versions side by side, unit by unit, paired by stable key (blank units left out): rows in
 * the order of `b`, with each unit `a` had and `b` dropped placed where it stood (after the row
 * of the nearest unit before it that `b` kept). States: 'inserted' (only in b), 'deleted' (only
 * in a), 'moved' (out of a's order), 'changed' (other words), 'renumbered' (same words, other
 * number), 'same'. Segments are word segments of a's text against b's, as in `trackChanges`.
 *
 * Example: a "1. A.\n\n2. B.\n" (keys p1, p2), b "1. A x.\n\n2. New.\n\n3. B.\n" (keys p1, n1, p2) →
 *   p1 changed (same 'A', ins ' x'…), n1 inserted, p2 renumbered (2 → 3).
 */
export function compareVersions(a: VersionText, b: VersionText): CompareRow[] {
	const before = versionUnits(a).filter((u) => u.unit.kind !== 'blank');
	const after = versionUnits(b).filter((u) => u.unit.kind !== 'blank');
	const beforeAt = new Map(before.map((u, i) => [u.key, i]));
	const kept = new Set(after.map((u) => u.key));

	const paired = after.filter((u) => beforeAt.has(u.key));
	const inOrder = new Set(longestIncreasing(paired.map((u) => beforeAt.get(u.key)!)).map((i) => paired[i].key));

	// Dropped units go after the nearest kept unit before them (null: the start).
	const dropped = new Map<string | null, KeyedUnit[]>();
	let anchor: string | null = null;
	for (const u of before) {
		if (kept.has(u.key)) anchor = u.key;
		else dropped.set(anchor, [...(dropped.get(anchor) ?? []), u]);
	}

	const rows: CompareRow[] = [];
	const deleted = (u: KeyedUnit) =>
		rows.push({ key: u.key, kind: u.unit.kind, depth: u.unit.depth, part: u.unit.part, numberBefore: u.unit.number, numberAfter: null, state: 'deleted', segments: [{ kind: 'del', text: u.unit.text }], before: u.unit.text, after: '' });
	for (const u of dropped.get(null) ?? []) deleted(u);
	for (const u of after) {
		const i = beforeAt.get(u.key);
		if (i === undefined) {
			rows.push({ key: u.key, kind: u.unit.kind, depth: u.unit.depth, part: u.unit.part, numberBefore: null, numberAfter: u.unit.number, state: 'inserted', segments: [{ kind: 'ins', text: u.unit.text }], before: '', after: u.unit.text });
		} else {
			const old = before[i].unit;
			const edits = wordEdits(old.text, u.unit.text);
			const state: CompareRow['state'] = !inOrder.has(u.key) ? 'moved' : edits.length > 0 ? 'changed' : old.number !== u.unit.number ? 'renumbered' : 'same';
			rows.push({
				key: u.key,
				kind: u.unit.kind,
				depth: u.unit.depth,
				part: u.unit.part,
				numberBefore: old.number,
				numberAfter: u.unit.number,
				state,
				segments: edits.length > 0 ? wordSegments(old.text, edits) : [{ kind: 'same', text: u.unit.text }],
				before: old.text,
				after: u.unit.text
			});
		}
		for (const d of dropped.get(u.key) ?? []) deleted(d);
	}
	return rows;
}
