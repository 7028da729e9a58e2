import { diffArrays } from 'diff';
import { tokenize } from '../amendments/tokens';
import { applyWordEdits, wordEdits } from './edits';
import { versionUnits } from './keys';
import type { CarryResult, DraftAmendment, VersionText, WordEdit } from './types';

/**
 * Brings an amendment proposed against an older version to the current one, or says why it
 * cannot: 'target-gone' (its unit, or a unit it covers, is not in the new version),
 * 'place-gone' (the unit it is placed after is not), 'text-changed' (the words it changes were
 * changed in between).
 *
 * An insertion carries as it is once its place exists. A unit whose clean text did not change
 * carries the amendment as it is. Otherwise each word edit must lie in a stretch of words the two
 * versions share — its words unchanged and consecutive in the new text, and for an insertion the
 * two words around the point still side by side (or the point still the start or end) — and the
 * result text is recomputed on the new text. Anything else is refused: it never guesses.
 *
 * Example: old "The group met in Geneva.", amendment "The group met twice in Geneva."; new
 * "The Working Group met in Geneva." → carried with resultText "The Working Group met twice in
 * Geneva."; had the new text said "met in New York", it is 'text-changed'.
 */
export function carryForward(oldBase: VersionText, newBase: VersionText, a: DraftAmendment): CarryResult {
	const oldUnits = new Map(versionUnits(oldBase).map((u) => [u.key, u.unit]));
	const newUnits = new Map(versionUnits(newBase).map((u) => [u.key, u.unit]));
	if ((a.kind === 'insert' || a.kind === 'move') && a.afterKey !== null && !newUnits.has(a.afterKey)) {
		if (a.kind === 'insert' || newUnits.has(a.targetKey)) return { ok: false, reason: 'place-gone' };
	}
	if (a.kind === 'insert') return { ok: true, amendment: a };
	for (const key of [a.targetKey, ...(a.kind === 'delete' ? (a.covers ?? []) : [])]) {
		if (!oldUnits.has(key) || !newUnits.has(key)) return { ok: false, reason: 'target-gone' };
	}
	if (a.kind === 'move' && a.afterKey !== null && !newUnits.has(a.afterKey)) return { ok: false, reason: 'place-gone' };

	if (a.kind === 'delete') {
		const same = [a.targetKey, ...(a.covers ?? [])].every((key) => wordEdits(oldUnits.get(key)!.text, newUnits.get(key)!.text).length === 0);
		return same ? { ok: true, amendment: a } : { ok: false, reason: 'text-changed' };
	}

	const oldText = oldUnits.get(a.targetKey)!.text;
	const newText = newUnits.get(a.targetKey)!.text;
	if (oldText === newText) return { ok: true, amendment: a };
	const edits = wordEdits(oldText, a.resultText);
	const moved = mapEdits(oldText, newText, edits);
	if (!moved) return { ok: false, reason: 'text-changed' };
	return { ok: true, amendment: { ...a, resultText: applyWordEdits(newText, moved) } };
}

/**
 * Word edits of the old text as edits of the new one, through the word diff between the two;
 * null when an edit touches words that changed.
 */
export function mapEdits(oldText: string, newText: string, edits: readonly WordEdit[]): WordEdit[] | null {
	const a = tokenize(oldText);
	const b = tokenize(newText);
	const map: number[] = new Array(a.length).fill(-1);
	let i = 0;
	let j = 0;
	for (const part of diffArrays(
		a.map((t) => t.key),
		b.map((t) => t.key)
	)) {
		const n = part.count ?? part.value.length;
		if (part.removed) i += n;
		else if (part.added) j += n;
		else for (let k = 0; k < n; k++) map[i++] = j++;
	}
	const out: WordEdit[] = [];
	for (const e of edits) {
		if (e.from < e.to) {
			for (let k = e.from; k < e.to; k++) {
				if (map[k] < 0 || (k > e.from && map[k] !== map[k - 1] + 1)) return null;
			}
			out.push({ from: map[e.from], to: map[e.to - 1] + 1, insert: e.insert });
			continue;
		}
		// An insertion point: its neighbours must still stand side by side.
		const left = e.from > 0 ? map[e.from - 1] : -1;
		const right = e.from < a.length ? map[e.from] : b.length;
		if ((e.from > 0 && left < 0) || (e.from < a.length && right < 0) || right !== left + 1) return null;
		out.push({ from: right, to: right, insert: e.insert });
	}
	return out;
}
