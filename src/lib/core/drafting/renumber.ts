import { parseNumber } from '../documents/numbering';
import { parseDocument } from '../documents/parse';
import type { ParsedUnit } from '../documents/types';
import { unitStyle } from './style';

/**
 * Numbers a text consecutively again after insertions and deletions. Within each sequence of
 * sibling units (same parent, same part, same kind) numbered in the plain Arabic series — '2',
 * '2 bis', '2 ter' or '2 tres', '2 quater'… — the numbers run on from the sequence's first
 * number, suffixes dropped: 1, 2, 2 bis, 2 tres, 3 → 1, 2, 3, 4, 5.
 *
 * Only the number in each unit's prefix changes; every other byte stays. Left as they are: letters
 * ('a', '(b)'), Roman numerals, parenthesised ('(1)') and decimal ('1.1') numbers, numbers that
 * are not in the unit's prefix (a heading "Option 1 – …"), and footnotes, whose markers in the
 * text would no longer match. A suffixed number written without a closing mark ("2 bis Text")
 * gets one when it becomes plain ("3. Text"), taken from a sibling, so it still reads as a number.
 * Renumbering twice changes nothing more.
 *
 * `changes[i].index` is the unit's index in `parseDocument` of the result.
 *
 * Example: "1. A.\n\n2. B.\n\n2 bis. C.\n\n3. D.\n" → "1. A.\n\n2. B.\n\n3. C.\n\n4. D.\n",
 * changes [{ index: 2, from: '2 bis', to: '3' }, { index: 3, from: '3', to: '4' }].
 */
export function renumberText(text: string): { text: string; changes: { index: number; from: string; to: string }[] } {
	const units = parseDocument(text).units;
	const groups = new Map<string, { index: number; unit: ParsedUnit }[]>();
	units.forEach((unit, index) => {
		if (unit.kind === 'footnote' || unit.kind === 'blank' || unit.number === null) return;
		if (!/^\d{1,6}(?: [a-z]+)?$/i.test(unit.number) || !parseNumber(unit.number)) return;
		const g = `${unit.parentKey ?? ''}\u0000${unit.part}\u0000${unit.kind}`;
		groups.set(g, [...(groups.get(g) ?? []), { index, unit }]);
	});
	const edits: { at: number; end: number; text: string }[] = [];
	const changes: { index: number; from: string; to: string }[] = [];
	for (const list of groups.values()) {
		const styled = list.map((x) => ({ ...x, style: unitStyle(x.unit) })).filter((x) => x.style.number !== null);
		if (styled.length === 0) continue;
		const closer = styled.map((x) => /^[.)]/.exec(x.style.prefix.slice(x.style.number![1]))?.[0]).find(Boolean) ?? '.';
		let next = parseNumber(styled[0].unit.number!)!.base;
		for (const x of styled) {
			const to = String(next++);
			if (to === x.unit.number) continue;
			const [s, e] = x.style.number!;
			const start = x.unit.spans[0][0];
			const closed = /^[.)]/.test(x.style.prefix.slice(e));
			edits.push({ at: start + s, end: start + e, text: closed ? to : to + closer });
			changes.push({ index: x.index, from: x.unit.number!, to });
		}
	}
	edits.sort((a, b) => a.at - b.at);
	let out = '';
	let at = 0;
	for (const e of edits) {
		out += text.slice(at, e.at) + e.text;
		at = e.end;
	}
	out += text.slice(at);
	changes.sort((a, b) => a.index - b.index);
	return { text: out, changes };
}
