import { editListsOverlap, wordEdits } from './edits';
import { versionUnits, type KeyedUnit } from './keys';
import { byNumber } from './placement';
import type { Conflict, DraftAmendment, VersionText, WordEdit } from './types';

/** A set of amendments that cannot be composed together. */
export class ConflictingAmendments extends Error {
	readonly conflicts: Conflict[];
	constructor(conflicts: Conflict[]) {
		super(`${conflicts.length} conflicting pair${conflicts.length === 1 ? '' : 's'} of amendments: ${conflicts.map((c) => `${c.a}/${c.b} on ${c.unitKey} (${c.reason})`).join(', ')}.`);
		this.name = 'ConflictingAmendments';
		this.conflicts = conflicts;
	}
}

type Role = 'replace' | 'delete' | 'move';

interface Touch {
	a: DraftAmendment;
	role: Role;
	/** Word edits of a replacement, or of a move that changes the text. */
	edits: WordEdit[];
}

/**
 * The units each amendment changes, and how: a replacement its target (with its word edits), a
 * deletion its target and `covers`, a move its target (with word edits when the text changes).
 */
export function touches(units: readonly KeyedUnit[], amendments: readonly DraftAmendment[]): Map<string, Touch[]> {
	const byKey = new Map(units.map((u) => [u.key, u.unit]));
	const out = new Map<string, Touch[]>();
	const add = (key: string, t: Touch) => {
		if (!byKey.has(key)) return;
		const list = out.get(key) ?? [];
		if (!list.some((x) => x.a.id === t.a.id)) list.push(t);
		out.set(key, list);
	};
	for (const a of [...amendments].sort(byNumber)) {
		const unit = byKey.get(a.targetKey);
		if (a.kind === 'replace' || a.kind === 'move') add(a.targetKey, { a, role: a.kind, edits: unit ? wordEdits(unit.text, a.resultText) : [] });
		else if (a.kind === 'delete') for (const key of [a.targetKey, ...(a.covers ?? [])]) add(key, { a, role: 'delete', edits: [] });
	}
	return out;
}

/** Why two changes to the same unit collide, or null when they combine. */
function clash(x: Touch, y: Touch): Conflict['reason'] | null {
	if (x.role === 'delete' || y.role === 'delete') return 'removed';
	if (x.role === 'move' || y.role === 'move') return x.edits.length && y.edits.length && editListsOverlap(x.edits, y.edits) ? 'overlap' : 'moved';
	return editListsOverlap(x.edits, y.edits) ? 'overlap' : null;
}

/**
 * The pairs of amendments that cannot both be applied to `base`. Two amendments conflict when
 * they change overlapping words of one unit (see `editsOverlap`); when one deletes (its target
 * or a unit it `covers`) or moves a unit the other replaces, deletes or moves (a move that also
 * changes overlapping words is an 'overlap'); or when one inserts or moves a unit after a unit
 * the other deletes. Two insertions after the same unit do not conflict (their numbers order
 * them), nor do word changes that only touch.
 *
 * The result does not depend on the input order: pairs are named lower number first, and sorted
 * by the two numbers, then by the unit's place in the base. Keys the base does not have are
 * ignored here (`composeVersion` rejects them).
 *
 * Example: #1 replaces "dimension" in 'rec-p1-li7', #2 deletes 'rec-p1-li7' →
 *   [{ a: '1', b: '2', unitKey: 'rec-p1-li7', reason: 'removed' }].
 */
export function findConflicts(base: VersionText, amendments: readonly DraftAmendment[]): Conflict[] {
	const units = versionUnits(base);
	return conflictsIn(units, amendments);
}

/** `findConflicts` on units already parsed. */
export function conflictsIn(units: readonly KeyedUnit[], amendments: readonly DraftAmendment[]): Conflict[] {
	const place = new Map(units.map((u, i) => [u.key, i]));
	const found = new Map<string, Conflict & { order: [number, number, number] }>();
	const report = (x: DraftAmendment, y: DraftAmendment, unitKey: string, reason: Conflict['reason']) => {
		if (x.id === y.id) return;
		const [a, b] = byNumber(x, y) <= 0 ? [x, y] : [y, x];
		const id = `${a.id}\u0000${b.id}\u0000${unitKey}`;
		if (!found.has(id)) found.set(id, { a: a.id, b: b.id, unitKey, reason, order: [a.number, b.number, place.get(unitKey) ?? -1] });
	};
	const touched = touches(units, amendments);
	for (const [key, list] of touched) {
		for (let i = 0; i < list.length; i++) {
			for (let j = i + 1; j < list.length; j++) {
				const reason = clash(list[i], list[j]);
				if (reason) report(list[i].a, list[j].a, key, reason);
			}
		}
	}
	for (const p of amendments) {
		if ((p.kind !== 'insert' && p.kind !== 'move') || p.afterKey === null) continue;
		for (const t of touched.get(p.afterKey) ?? []) if (t.role === 'delete') report(p, t.a, p.afterKey, 'removed');
	}
	return [...found.values()]
		.sort((x, y) => x.order[0] - y.order[0] || x.order[1] - y.order[1] || x.order[2] - y.order[2] || cmp(x.a, y.a) || cmp(x.b, y.b))
		.map(({ a, b, unitKey, reason }) => ({ a, b, unitKey, reason }));
}

function cmp(x: string, y: string): number {
	return x < y ? -1 : x > y ? 1 : 0;
}
