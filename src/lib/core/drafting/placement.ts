import { formatNumber, nextInsertedNumber, parseNumber } from '../documents/numbering';
import type { KeyedUnit } from './keys';
import { unitStyle } from './style';
import type { DraftAmendment } from './types';

/**
 * Where insertions and moves go, and the numbers new units get. Both the composed text and the
 * tracked-changes view use this, so they agree.
 *
 * Insertions and moves placed after the same unit come in the order of their amendment numbers
 * (then ids), never in input order. A new unit after a numbered unit takes the proposer's
 * `newNumber` when no sibling (same parent, part and kind) that stays has it, nor an earlier insertion, else the next free number
 * after the unit it follows ('2' → '2 bis' → '2 ter'); after an unnumbered unit it has none.
 *
 * Example: after paragraph '2' (siblings 1, 2, 3), insertions #4 (no number) and #2 (newNumber
 * '2 bis') → #2 first as '2 bis', then #4 as '2 ter'.
 */

/** Orders amendments by number, then id: the one order every computation uses. */
export function byNumber(x: DraftAmendment, y: DraftAmendment): number {
	return x.number - y.number || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
}

/** Insertions and moves grouped by the unit they follow (null: the start), each group in order. */
export function followers(amendments: readonly DraftAmendment[]): Map<string | null, DraftAmendment[]> {
	const out = new Map<string | null, DraftAmendment[]>();
	for (const a of [...amendments].sort(byNumber)) {
		if (a.kind !== 'insert' && a.kind !== 'move') continue;
		const list = out.get(a.afterKey) ?? [];
		list.push(a);
		out.set(a.afterKey, list);
	}
	return out;
}

/** The same number in rank: '2 ter' and '2 tres' are one; other numbers compare as written. */
function numberId(value: string): string {
	const p = parseNumber(value);
	return p && !/^\(/.test(value.trim()) ? `${p.base}:${p.suffix}` : value.trim().toLowerCase();
}

/** The number each insertion gets (by amendment id); null for an unnumbered new unit. */
export function insertionNumbers(units: readonly KeyedUnit[], amendments: readonly DraftAmendment[]): Map<string, string | null> {
	const byKey = new Map(units.map((u, i) => [u.key, { ...u, index: i }]));
	const group = (u: KeyedUnit) => `${u.unit.parentKey ?? ''}\u0000${u.unit.part}\u0000${u.unit.kind}`;
	// Numbers of units that leave their place (deleted, covered, moved) are free again.
	const leaving = new Set(amendments.flatMap((a) => (a.kind === 'delete' ? [a.targetKey, ...(a.covers ?? [])] : a.kind === 'move' ? [a.targetKey] : [])));
	const taken = new Map<string, Set<string>>();
	for (const u of units) {
		if (u.unit.number === null || leaving.has(u.key)) continue;
		const g = group(u);
		const set = taken.get(g) ?? new Set<string>();
		set.add(numberId(u.unit.number));
		taken.set(g, set);
	}
	const inserts = amendments.filter((a) => a.kind === 'insert');
	const at = (a: DraftAmendment) => (a.afterKey === null ? -1 : (byKey.get(a.afterKey)?.index ?? -1));
	inserts.sort((x, y) => at(x) - at(y) || byNumber(x, y));
	const out = new Map<string, string | null>();
	for (const a of inserts) {
		const after = a.afterKey === null ? undefined : byKey.get(a.afterKey);
		if (!after || after.unit.number === null || unitStyle(after.unit).number === null) {
			out.set(a.id, null);
			continue;
		}
		const g = group(after);
		const set = taken.get(g) ?? new Set<string>();
		taken.set(g, set);
		const wanted = a.newNumber?.trim();
		let number: string;
		if (wanted && !set.has(numberId(wanted))) number = wanted;
		else {
			const existing = [...set].map((id) => (/^\d+:\d+$/.test(id) ? formatNumber({ base: Number(id.split(':')[0]), suffix: Number(id.split(':')[1]) }) : id));
			number = nextInsertedNumber(after.unit.number, existing);
		}
		set.add(numberId(number));
		out.set(a.id, number);
	}
	return out;
}
