import { alignUnits } from '../amendments/align';
import { parseDocument } from '../documents/parse';
import type { ParsedUnit } from '../documents/types';
import type { VersionText } from './types';

/** A unit of a version with its stable key. */
export interface KeyedUnit {
	key: string;
	unit: ParsedUnit;
}

/** A version whose keys do not fit its text. */
export class VersionMismatch extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'VersionMismatch';
	}
}

/**
 * The units of a version with their stable keys: `parseDocument(v.text).units` zipped with
 * `v.keys`. Throws `VersionMismatch` when the counts differ (keys stored for another text).
 *
 * Example: versionUnits({ text: '1. A.\n\n2. B.\n', keys: ['k1', 'k2'] }) →
 *   [{ key: 'k1', unit: <paragraph 1> }, { key: 'k2', unit: <paragraph 2> }].
 */
export function versionUnits(v: VersionText): KeyedUnit[] {
	const units = parseDocument(v.text).units;
	if (units.length !== v.keys.length) throw new VersionMismatch(`the version has ${units.length} units but ${v.keys.length} keys.`);
	return units.map((unit, i) => ({ key: v.keys[i], unit }));
}

/**
 * Stable keys for the units of a new version. A unit pinned by `forced` (next index → key) gets
 * that key; a unit aligned with a previous unit (`alignUnits`: same words, same structural key, or
 * similar words) keeps that unit's key; any other unit gets its parsed key, or the parsed key plus
 * '-2', '-3'… when that key is taken. Taken means given to another unit of the new version or
 * carried by any unit of the previous one, so a key that left the text never returns for another
 * paragraph. The result has no duplicates (a key forced twice goes to the first index only).
 *
 * Example: previous [intro-p1 "A.", intro-p2 "B.", intro-p3 "C."], next parsed as
 * [intro-p1 "A.", intro-p2 "C."] (paragraph 2 deleted, 3 renumbered) → ['intro-p1', 'intro-p3'].
 */
export function carryKeys(previous: readonly KeyedUnit[], next: readonly ParsedUnit[], forced: ReadonlyMap<number, string> = new Map()): string[] {
	const keys: (string | null)[] = next.map(() => null);
	const used = new Set<string>();
	for (const [i, key] of [...forced].sort((x, y) => x[0] - y[0])) {
		if (i < 0 || i >= next.length || used.has(key)) continue;
		keys[i] = key;
		used.add(key);
	}
	const open = next.filter((_, i) => keys[i] === null);
	const free = previous.filter((p) => !used.has(p.key));
	if (open.some((u) => u.kind !== 'blank') && free.length > 0) {
		const keyOf = new Map(free.map((p) => [p.unit, p.key]));
		const indexOf = new Map(next.map((u, i) => [u, i]));
		for (const pair of alignUnits(
			free.map((p) => p.unit),
			open
		).pairs) {
			const key = keyOf.get(pair.base);
			const i = indexOf.get(pair.edited);
			if (key === undefined || i === undefined || keys[i] !== null || used.has(key)) continue;
			keys[i] = key;
			used.add(key);
		}
	}
	for (const p of previous) used.add(p.key);
	return keys.map((key, i) => key ?? claim(next[i].key, used));
}

/** `base` if not in `used`, else `base-2`, `base-3`…; the key returned is added to `used`. */
export function claim(base: string, used: Set<string>): string {
	let key = base;
	for (let n = 2; used.has(key); n++) key = `${base}-${n}`;
	used.add(key);
	return key;
}
