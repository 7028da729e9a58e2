import { AmendmentMismatch } from '../amendments/apply';
import { parseDocument } from '../documents/parse';
import type { ParsedUnit } from '../documents/types';
import { ConflictingAmendments, conflictsIn } from './conflicts';
import { byPosition, wordEdits } from './edits';
import { carryKeys, claim, versionUnits } from './keys';
import { byNumber, followers, insertionNumbers } from './placement';
import { renumberText } from './renumber';
import { editSource, joinedSource, sourceOps } from './rewrite';
import { separators, unitStyle, writeUnit } from './style';
import type { ComposedVersion, DraftAmendment, VersionText, WordEdit } from './types';

/** A change to the base text: [start, end) replaced by `text`; `rank` orders changes at one point. */
interface DocOp {
	start: number;
	end: number;
	text: string;
	/** 0: inside a unit; 1: a unit placed after one (then by `seq`). */
	rank: number;
	seq: number;
	/** For a placed unit: where its first line starts in `text`, and the key it will have (null: a new one). */
	placed?: { offset: number; key: string | null };
}

/**
 * Composes the next version of a draft from a base version and a set of amendments that do not
 * conflict (see `findConflicts`; otherwise throws `ConflictingAmendments`). Throws
 * `AmendmentMismatch` when an amendment names a unit the base does not have.
 *
 * - Replace: all replacements of one unit are merged word by word (`wordEdits` against the
 *   unit's clean text) and carried onto its source, so number, bullet, emphasis marks, footnote
 *   markers and trailing white space stay; unchanged text stays byte for byte.
 * - Delete: the unit's source (and that of the units it `covers`) leaves the text.
 * - Insert: a new unit after `afterKey`'s source (before the next unit), written in that unit's
 *   style (see `writeUnit`), numbered as `insertionNumbers` says.
 * - Move: the unit leaves its place and goes after `afterKey`, with its changed words applied to
 *   its source. Places are those of the base: a unit moved or inserted after a unit that is
 *   itself moved goes where that unit stood.
 * Units placed after the same unit come in amendment-number order, so the input order never
 * matters; the empty set gives back the base text byte for byte.
 *
 * Keys: every unit of the base that stays (and every moved unit) keeps its key, found by where
 * its text lands; new units get their parsed key, made unique against the base's keys; anything
 * else is settled by `carryKeys`. With `renumber`, the numbers are then made consecutive
 * (`renumberText`) and `renumbering` lists the changed numbers by key.
 *
 * Example: base "1. A b.\n\n2. C.\n" (keys p1, p2), #1 replace p1 → "A x.", #2 insert after p1
 * "New." → "1. A x.\n\n1 bis. New.\n\n2. C.\n", keys [p1, body-p1bis, p2].
 */
export function composeVersion(base: VersionText, amendments: readonly DraftAmendment[], options: { renumber?: boolean } = {}): ComposedVersion {
	const units = versionUnits(base);
	const byKey = new Map(units.map((u) => [u.key, u.unit]));
	const need = (key: string) => {
		if (!byKey.has(key)) throw new AmendmentMismatch(`unit "${key}" is not in the base version.`);
		return byKey.get(key)!;
	};
	for (const a of amendments) {
		if (a.kind !== 'insert') need(a.targetKey);
		if (a.kind === 'delete') for (const key of a.covers ?? []) need(key);
		if ((a.kind === 'insert' || a.kind === 'move') && a.afterKey !== null) need(a.afterKey);
	}
	const conflicts = conflictsIn(units, amendments);
	if (conflicts.length > 0) throw new ConflictingAmendments(conflicts);

	const sorted = [...amendments].sort(byNumber);
	const removed = new Set<string>();
	const replaced = new Map<string, WordEdit[]>();
	for (const a of sorted) {
		if (a.kind === 'delete') for (const key of [a.targetKey, ...(a.covers ?? [])]) removed.add(key);
		if (a.kind === 'move') removed.add(a.targetKey);
		if (a.kind === 'replace') replaced.set(a.targetKey, [...(replaced.get(a.targetKey) ?? []), ...wordEdits(byKey.get(a.targetKey)!.text, a.resultText)]);
	}

	const ops: DocOp[] = [];
	for (const { key, unit } of units) {
		if (removed.has(key)) {
			for (const [start, end] of unit.spans) ops.push({ start, end, text: '', rank: 0, seq: 0 });
			continue;
		}
		const edits = replaced.get(key);
		if (edits) ops.push(...toDocument(unit, sourceOps(unit.source, unit.text, [...edits].sort(byPosition))));
	}

	const numbers = insertionNumbers(units, sorted);
	for (const [afterKey, list] of followers(sorted)) {
		const after = afterKey === null ? null : byKey.get(afterKey)!;
		const at = after ? after.spans[after.spans.length - 1][1] : 0;
		const last = at === base.text.length;
		list.forEach((a, seq) => {
			if (a.kind === 'insert') {
				const { lead, body, trail } = writeUnit(after, numbers.get(a.id) ?? null, a.resultText, last);
				ops.push({ start: at, end: at, text: lead + body + trail, rank: 1, seq, placed: { offset: lead.length, key: null } });
				return;
			}
			const moved = byKey.get(a.targetKey)!;
			const edits = wordEdits(moved.text, a.resultText);
			const source = editSource(joinedSource(moved, base.text), moved.text, edits).replace(/[\s\u00A0]+$/, '');
			const { lead, trail } = after ? separators(unitStyle(after).separator, last) : { lead: '', trail: '\n\n' };
			ops.push({ start: at, end: at, text: lead + source + trail, rank: 1, seq, placed: { offset: lead.length, key: a.targetKey } });
		});
	}

	const { text, marks, placed } = build(base.text, ops, units.filter((u) => !removed.has(u.key)).map((u) => ({ key: u.key, at: u.unit.spans[0][0] })));
	const next = parseDocument(text).units;
	const unitAt = locator(next);
	const forced = new Map<number, string>();
	const claimed = new Set<number>();
	const pin = (index: number, key: string) => {
		if (index < 0 || claimed.has(index)) return;
		claimed.add(index);
		forced.set(index, key);
	};
	// A unit goes to what starts it: first the marks at a unit's first character, then the rest
	// (a unit the parser joined to the one before it).
	const all = [...marks, ...placed].map((m) => ({ ...m, index: unitAt(m.at) }));
	const startsAt = (m: { at: number; index: number }) => m.index >= 0 && next[m.index].spans[0][0] === m.at;
	const ordered = [...all.filter(startsAt), ...all.filter((m) => !startsAt(m))];
	const used = new Set<string>(units.map((u) => u.key));
	for (const m of ordered) {
		if (m.index < 0 || claimed.has(m.index)) continue;
		pin(m.index, m.key ?? claim(next[m.index].key, used));
	}
	const keys = carryKeys(units, next, forced);
	if (!options.renumber) return { text, keys, renumbering: [] };

	const renumbered = renumberText(text);
	const after = parseDocument(renumbered.text).units;
	const finalKeys = after.length === next.length ? keys : carryKeys(next.map((unit, i) => ({ key: keys[i], unit })), after);
	return {
		text: renumbered.text,
		keys: finalKeys,
		renumbering: renumbered.changes.map((c) => ({ key: finalKeys[c.index], from: c.from, to: c.to }))
	};
}

/** Source operations of a unit (offsets in its joined source) as operations on the document. */
function toDocument(unit: ParsedUnit, ops: readonly { start: number; end: number; text: string }[]): DocOp[] {
	const starts: number[] = [];
	let total = 0;
	for (const [s, e] of unit.spans) {
		starts.push(total);
		total += e - s;
	}
	const spanOf = (offset: number, zeroWidth: boolean) => {
		for (let k = 0; k < unit.spans.length; k++) {
			const len = unit.spans[k][1] - unit.spans[k][0];
			if (offset < starts[k] + len || (zeroWidth && offset === starts[k] + len) || k === unit.spans.length - 1) return k;
		}
		return unit.spans.length - 1;
	};
	const doc = (offset: number, k: number) => unit.spans[k][0] + (offset - starts[k]);
	const out: DocOp[] = [];
	for (const op of ops) {
		const k = spanOf(op.start, op.start === op.end);
		const m = op.start === op.end ? k : spanOf(op.end - 1, false);
		if (k === m) {
			out.push({ start: doc(op.start, k), end: doc(op.end, k), text: op.text, rank: 0, seq: 0 });
			continue;
		}
		// An edit across a footnote block or page break: the new words go where the old ones began;
		// the white space ending each piece stays, so the block in between keeps its lines.
		const [s0, e0] = unit.spans[k];
		const firstText = unit.source.slice(starts[k], starts[k] + (e0 - s0));
		const keepEnd = starts[k] + firstText.replace(/[\s\u00A0]+$/, '').length;
		out.push({ start: doc(op.start, k), end: doc(Math.max(op.start, keepEnd), k), text: op.text, rank: 0, seq: 0 });
		for (let j = k + 1; j <= m; j++) {
			const [s, e] = unit.spans[j];
			const piece = unit.source.slice(starts[j], starts[j] + (e - s));
			const lead = piece.length - piece.replace(/^[\s\u00A0]+/, '').length;
			const trailStart = starts[j] + piece.replace(/[\s\u00A0]+$/, '').length;
			const from = starts[j] + lead;
			const to = j === m ? op.end : trailStart;
			if (to > from) out.push({ start: doc(from, j), end: doc(to, j), text: '', rank: 0, seq: 0 });
		}
	}
	return out;
}

/**
 * Applies the operations to the base text and reports where things landed: each surviving base
 * unit (by the start of its first span) and each placed unit (its first line).
 */
function build(text: string, ops: DocOp[], survivors: { key: string; at: number }[]): { text: string; marks: { key: string; at: number }[]; placed: { key: string | null; at: number }[] } {
	ops.sort((x, y) => x.start - y.start || (x.end === x.start ? 0 : 1) - (y.end === y.start ? 0 : 1) || x.rank - y.rank || x.seq - y.seq);
	const pending = [...survivors].sort((x, y) => x.at - y.at);
	const marks: { key: string; at: number }[] = [];
	const placed: { key: string | null; at: number }[] = [];
	let out = '';
	let at = 0;
	let m = 0;
	const copyTo = (end: number, inclusive: boolean) => {
		while (m < pending.length && (pending[m].at < end || (inclusive && pending[m].at === end))) {
			if (pending[m].at >= at) marks.push({ key: pending[m].key, at: out.length + (pending[m].at - at) });
			m++;
		}
		out += text.slice(at, end);
		at = end;
	};
	for (const op of ops) {
		if (op.start < at) continue;
		copyTo(op.start, op.end > op.start);
		if (op.placed) placed.push({ key: op.placed.key, at: out.length + op.placed.offset });
		out += op.text;
		at = op.end;
	}
	copyTo(text.length, true);
	return { text: out, marks, placed };
}

/** The index of the unit whose spans hold character `at` (-1 when none does). */
function locator(units: readonly ParsedUnit[]): (at: number) => number {
	const spans = units.flatMap((u, i) => u.spans.map(([s, e]) => ({ s, e, i }))).sort((x, y) => x.s - y.s);
	return (at) => {
		let lo = 0;
		let hi = spans.length - 1;
		while (lo <= hi) {
			const mid = (lo + hi) >> 1;
			if (spans[mid].e <= at) lo = mid + 1;
			else if (spans[mid].s > at) hi = mid - 1;
			else return spans[mid].i;
		}
		return -1;
	};
}
