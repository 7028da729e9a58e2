import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDocument } from '../documents/parse';
import { compileCall } from './compile';
import { isShown } from './select';
import { tocOf } from './toc';
import { FRAGMENTS, hostileCall as input, singleFragmentCall as single } from './hostile.fixtures';
import type { CompilationContribution, CompilationInput } from './types';

/**
 * The laws of the generator, over generated calls whose words are hostile: lines that look like
 * headings, annexes, numbers, contents entries, footnotes, tables, separators and markup.
 *
 *  1. What the text reads back as is what the generator says: tocOf(parse(text)) = entries.
 *  2. The entries are what the input asks for: per category (in framework order) one entry per
 *     shown contribution with items in it, then the uncategorised part, then one per annex.
 *  3. Every footnote the compilation numbers is defined once, in order.
 *
 * The hostile calls and fragments are in hostile.fixtures.ts (units.laws.test.ts uses them too).
 */

/** The entries the input asks for, computed the plain way. */
function expectedShape(x: CompilationInput): string[] {
	const codes = [...new Set(x.framework.map((c) => c.code))];
	const shown = x.contributions.filter(isShown);
	const out: string[] = [];
	for (const code of codes) {
		out.push(`category:${code}`);
		for (const c of shown) if (c.items.some((i) => i.categoryCode === code)) out.push(`submission:${code}:${c.id}`);
	}
	out.push('uncategorized');
	for (const c of shown) if (c.items.some((i) => i.categoryCode === null || !codes.includes(i.categoryCode))) out.push(`submission:null:${c.id}`);
	for (let i = 0; i < x.annexes.length; i++) out.push('annex');
	return out;
}

describe('compileCall with hostile words', () => {
	it('keeps every fragment, in every place and item shape, as words', () => {
		for (const fragment of FRAGMENTS) {
			for (const kind of ['paragraph', 'list_item', 'heading'] as const) {
				for (const number of [null, '(2)', '2', 'A', '2 bis']) {
					const x = single(fragment, kind, number);
					const compiled = compileCall(x);
					const toc = tocOf(parseDocument(compiled.text).units);
					const where = JSON.stringify({ fragment, kind, number });
					expect(toc, where).toEqual(compiled.entries.map(({ contributionId: _id, ...rest }) => rest));
					expect(toc.map((e) => `${e.kind}:${e.categoryCode}`), where).toEqual([
						'category:A',
						'submission:A',
						'category:B',
						'submission:B',
						'uncategorized:null',
						'submission:null',
						'annex:null',
						'annex:null'
					]);
				}
			}
		}
	});
});

describe('compileCall laws', () => {
	it('reads back as its own table of contents, which is the one the input asks for', () => {
		fc.assert(
			fc.property(input, (x) => {
				const compiled = compileCall(x);
				const units = parseDocument(compiled.text).units;
				expect(tocOf(units, x.lang)).toEqual(compiled.entries.map(({ contributionId: _id, ...rest }) => rest));
				const shape = compiled.entries.map((e) => (e.kind === 'category' ? `category:${e.categoryCode}` : e.kind === 'submission' ? `submission:${e.categoryCode}:${e.contributionId}` : e.kind));
				// The expected shape lists submissions in input order; compare as a multiset per part, the order is checked apart.
				expect([...shape].sort()).toEqual([...expectedShape(x)].sort());
				expect(shape.filter((s) => !s.startsWith('submission'))).toEqual(expectedShape(x).filter((s) => !s.startsWith('submission')));
				expect(units.filter((u) => u.kind === 'annex')).toHaveLength(x.annexes.length);
			}),
			{ numRuns: 300 }
		);
	});

	it('orders submissions by position, then date, then id, in every part', () => {
		fc.assert(
			fc.property(input, (x) => {
				const compiled = compileCall(x);
				const byId = new Map(x.contributions.map((c) => [c.id, c]));
				let previous: CompilationContribution | null = null;
				for (const e of compiled.entries) {
					if (e.kind !== 'submission') {
						previous = null;
						continue;
					}
					const c = byId.get(e.contributionId!)!;
					if (previous) {
						const key = (y: CompilationContribution) => [y.position, y.date ?? '\uffff', y.id] as const;
						const [a, b] = [key(previous), key(c)];
						expect(a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] <= b[2])))).toBe(true);
					}
					previous = c;
				}
			}),
			{ numRuns: 200 }
		);
	});

	it('defines every footnote it numbers, once and in order, and is deterministic', () => {
		fc.assert(
			fc.property(input, (x) => {
				const compiled = compileCall(x);
				expect(compileCall(x).text).toBe(compiled.text);
				const defined = compiled.text.match(/^\[\^(\d+)\]:/gm) ?? [];
				const annexDefinitions = x.annexes.reduce((n, a) => n + (a.text.match(/^\[\^[^\]\s]{1,12}\]:/gm) ?? []).length, 0);
				const itemNotes = x.contributions.filter(isShown).reduce((n, c) => n + c.items.reduce((m, i) => m + i.notes.length, 0), 0);
				expect(defined.length).toBe(itemNotes + annexDefinitions);
				const numbers = defined.slice(0, itemNotes).map((d) => Number(/\d+/.exec(d)![0]));
				expect(numbers).toEqual(numbers.map((_n, i) => i + 1));
				// Before the annexes, the parser finds exactly the references written: no glued digits ("G77",
				// "Agenda.1") taken for one, none lost.
				const units = parseDocument(compiled.text).units;
				const firstAnnex = units.find((u) => u.kind === 'annex');
				const body = firstAnnex ? compiled.text.slice(0, firstAnnex.spans[0][0]) : compiled.text;
				const written = (body.match(/\[\^\d+\]/g) ?? []).length - (body.match(/^\[\^\d+\]:/gm) ?? []).length;
				const read = units.filter((u) => !u.part.startsWith('annex-')).reduce((n, u) => n + u.notes.length, 0);
				expect(read).toBe(written);
				// Every note is referred to at least once (a marker the text names twice is referred to twice).
				expect(written).toBeGreaterThanOrEqual(itemNotes);
			}),
			{ numRuns: 200 }
		);
	});
});
