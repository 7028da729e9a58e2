import { display } from './escape';
import type { StoredTocEntry, TocUnit } from './types';
import { allWordings, wordingFor } from './wording';

/**
 * Reads the table of contents back from the units of a stored compilation, so pages and tests
 * can check the structure of what was stored without trusting the generator.
 *
 * The structure `compileCall` writes: in the body, each part is a top-level heading (depth 0) —
 * the categories in framework order, then the uncategorised part, which is always the last one —
 * and each submission a heading right under it (depth 1); each annex is an annex unit. Headings
 * deeper than that (headings inside a contribution) and everything in the front part (title,
 * abstract, the printed contents list) are not entries. Category codes are read from the category
 * heading's wording ("GROUP B: …" → 'B'), trying `lang`'s wording first.
 *
 * Example: units of "# GROUP A: X / ## 1. Draft recommendations submitted by Japan (7 February
 * 2014) / # Draft recommendations that could not be categorized / Annex 1 – Questionnaire" →
 * category A, submission '1' in A, uncategorized, annex.
 */
export function tocOf(units: readonly TocUnit[], lang?: string): StoredTocEntry[] {
	const wordings = lang ? [wordingFor(lang), ...allWordings()] : allWordings();
	const picked = units.filter((u) => u.kind === 'annex' || (u.kind === 'heading' && u.part === 'body' && u.depth <= 1));
	let lastPart = -1;
	picked.forEach((u, i) => {
		if (u.kind === 'heading' && u.depth === 0) lastPart = i;
	});
	let category: string | null = null;
	return picked.map((u, i): StoredTocEntry => {
		const heading = display(u.text);
		if (u.kind === 'annex') {
			category = null;
			return { kind: 'annex', heading, level: 1, categoryCode: null, number: null };
		}
		if (u.depth === 0) {
			category = i === lastPart ? null : codeIn(heading, wordings);
			return { kind: i === lastPart ? 'uncategorized' : 'category', heading, level: 1, categoryCode: category, number: null };
		}
		return { kind: 'submission', heading, level: 2, categoryCode: category, number: u.number };
	});
}

function codeIn(heading: string, wordings: readonly { categoryCodeIn(h: string): string | null }[]): string | null {
	for (const w of wordings) {
		const code = w.categoryCodeIn(heading);
		if (code !== null) return code;
	}
	return null;
}
