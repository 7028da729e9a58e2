import type { ParsedUnit } from '../documents/types';
import type { ContributionItemPlan, SourceRef } from './plan';

/** Small queries over a parsed document's units, shared by the interpreters. */

/** The first unit whose text matches, optionally among units of some kinds. */
export function findUnit(units: readonly ParsedUnit[], re: RegExp, kinds?: readonly string[]): ParsedUnit | null {
	return units.find((u) => (!kinds || kinds.includes(u.kind)) && re.test(u.text)) ?? null;
}

/** A source reference to a unit (or to the document when the unit is unknown). */
export const sourceOf = (documentKey: string, unit: ParsedUnit | null): SourceRef => ({ documentKey, unitKey: unit?.key ?? null });

/** A trailing item number as the rolling document writes it: "…issues; (9)" → { number: '(9)', text: '…issues;' }. */
export function trailingNumber(text: string): { number: string; text: string } | null {
	const m = /^(.*?)\s*\((\d{1,3})\)$/s.exec(text);
	return m && m[1] ? { number: `(${m[2]})`, text: m[1] } : null;
}

/**
 * Groups a run of units into contribution items: a unit starts an item unless it hangs from the
 * item being built (a list item under a paragraph, a sub-item under an item), in which case it
 * is appended to it. Headings inside a submission (India's draft report structure) are items of
 * their own, so nothing of the submission is lost.
 *
 * Example: RF items "- Notes the importance…; (9)" each under the submission heading → three
 * items numbered '(9)', '(10)', '(11)'; Japan's "(1) … the following items" with its "1)"…"6)"
 * list → one item numbered '(1)'.
 */
export function groupItems(units: readonly { unit: ParsedUnit; categoryCode: string | null }[], startPosition = 1): ContributionItemPlan[] {
	const items: ContributionItemPlan[] = [];
	let current: ContributionItemPlan | null = null;
	let keys = new Set<string>();
	for (const { unit, categoryCode } of units) {
		if (unit.kind === 'blank' || unit.kind === 'footnote' || unit.kind === 'title' || unit.kind === 'annex') continue;
		if (current && unit.parentKey !== null && keys.has(unit.parentKey)) {
			current.text += `\n${unit.text}`;
			current.source += unit.source;
			current.unitKeys.push(unit.key);
			keys.add(unit.key);
			continue;
		}
		const trailing = unit.number === null ? trailingNumber(unit.text) : null;
		current = {
			position: startPosition + items.length,
			number: unit.number ?? trailing?.number ?? null,
			categoryCode,
			kind: unit.kind,
			text: trailing?.text ?? unit.text,
			source: unit.source,
			unitKeys: [unit.key]
		};
		// A heading is an item of its own; what follows it is not folded into it.
		keys = new Set(unit.kind === 'heading' ? [] : [unit.key]);
		items.push(current);
	}
	return items;
}
