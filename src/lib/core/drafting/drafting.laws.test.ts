import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDocument } from '../documents/parse';
import { tokenize } from '../amendments/tokens';
import { composeVersion } from './compose';
import { findConflicts } from './conflicts';
import { carryKeys, versionUnits } from './keys';
import { renumberText } from './renumber';
import { trackChanges } from './tracked';
import type { DraftAmendment, VersionText } from './types';

/**
 * The laws of drafting, checked on generated drafts: numbered paragraphs with bullet lists under
 * some of them, and random sets of word replacements, insertions, deletions and moves.
 */
const WORDS = ['the', 'Group', 'recommends', 'that', 'States', 'should', 'consider', 'policy', 'Internet', 'public', 'cooperation', 'enhanced', 'all', 'stakeholders'];
const word = fc.constantFrom(...WORDS);
const sentence = fc.array(word, { minLength: 2, maxLength: 9 }).map((w) => `${w.join(' ')}.`);

const draft = fc
	.array(fc.record({ text: sentence, items: fc.array(sentence, { maxLength: 3 }), numbered: fc.boolean() }), { minLength: 1, maxLength: 6 })
	.map((paragraphs) => {
		let text = 'Recommendations\n\n';
		let n = 0;
		for (const p of paragraphs) {
			text += `${++n}. ${p.text}\n\n`;
			for (const item of p.items) text += `- ${item}\n\n`;
		}
		return text;
	});

const version = (text: string): VersionText => ({ text, keys: parseDocument(text).units.map((u) => u.key) });

/** Choices that turn into amendments once the draft is parsed. */
const choice = fc.record({
	kind: fc.constantFrom('replace', 'replace', 'insert', 'delete', 'move'),
	unit: fc.nat(),
	from: fc.nat(),
	length: fc.nat({ max: 3 }),
	words: fc.array(word, { maxLength: 3 }),
	newNumber: fc.option(fc.constantFrom('1 bis', '2 bis', '3 ter'), { nil: null })
});

type Choice = typeof choice extends fc.Arbitrary<infer T> ? T : never;

function amendmentsFor(base: VersionText, choices: Choice[]): DraftAmendment[] {
	const units = versionUnits(base).filter((u) => u.unit.kind !== 'blank');
	return choices.map((c, i) => {
		const target = units[c.unit % units.length];
		const id = `a${i + 1}`;
		if (c.kind === 'insert') return { id, number: i + 1, kind: 'insert', targetKey: '', afterKey: c.unit % 5 === 0 ? null : target.key, resultText: `${c.words.join(' ') || 'New'} text.`, newNumber: c.newNumber };
		if (c.kind === 'delete') return { id, number: i + 1, kind: 'delete', targetKey: target.key, afterKey: null, resultText: '' };
		if (c.kind === 'move') return { id, number: i + 1, kind: 'move', targetKey: target.key, afterKey: units[c.from % units.length].key, resultText: c.words.length ? `${target.unit.text} ${c.words.join(' ')}` : target.unit.text };
		const tokens = tokenize(target.unit.text).map((t) => t.text);
		const from = c.from % (tokens.length + 1);
		const to = Math.min(tokens.length, from + c.length);
		const result = [...tokens.slice(0, from), ...c.words, ...tokens.slice(to)].join(' ');
		return { id, number: i + 1, kind: 'replace', targetKey: target.key, afterKey: null, resultText: result };
	});
}

/** Drops amendments until no two conflict (the later of each conflicting pair goes). */
function compatible(base: VersionText, list: DraftAmendment[]): DraftAmendment[] {
	let out = list;
	for (let c = findConflicts(base, out); c.length > 0; c = findConflicts(base, out)) out = out.filter((a) => a.id !== c[0].b);
	return out;
}

describe('laws of composition', () => {
	it('the empty set gives back the base text byte for byte, and its keys', () => {
		fc.assert(
			fc.property(draft, (text) => {
				const base = version(text);
				const out = composeVersion(base, []);
				expect(out.text).toBe(text);
				expect(out.keys).toEqual(base.keys);
			})
		);
	});

	it('THE LAW: every order of a set of non-conflicting amendments gives the same text and keys', () => {
		fc.assert(
			fc.property(draft, fc.array(choice, { maxLength: 8 }), fc.array(fc.nat(), { minLength: 8, maxLength: 8 }), (text, choices, order) => {
				const base = version(text);
				const set = compatible(base, amendmentsFor(base, choices));
				const shuffled = [...set].map((a, i) => ({ a, k: order[i % order.length] * 31 + i })).sort((x, y) => x.k - y.k).map((x) => x.a);
				const reversed = [...set].reverse();
				const one = composeVersion(base, set);
				expect(composeVersion(base, shuffled)).toEqual(one);
				expect(composeVersion(base, reversed)).toEqual(one);
				expect(new Set(one.keys).size).toBe(one.keys.length);
				expect(one.keys.length).toBe(parseDocument(one.text).units.length);
				expect(trackChanges(base, shuffled)).toEqual(trackChanges(base, set));
			}),
			{ numRuns: 300 }
		);
	});

	it('applies each replacement: the replaced unit reads as the amendment says', () => {
		fc.assert(
			fc.property(draft, fc.array(choice, { maxLength: 6 }), (text, choices) => {
				const base = version(text);
				const set = compatible(base, amendmentsFor(base, choices)).filter((a) => a.kind === 'replace');
				const out = composeVersion(base, compatible(base, set));
				const byKey = new Map(parseDocument(out.text).units.map((u, i) => [out.keys[i], u]));
				const keyOf = (s: string) => tokenize(s).map((t) => t.key);
				for (const a of set.filter((x) => set.filter((y) => y.targetKey === x.targetKey).length === 1)) {
					expect(keyOf(byKey.get(a.targetKey)?.text ?? '')).toEqual(keyOf(a.resultText));
				}
			}),
			{ numRuns: 200 }
		);
	});

	it('findConflicts does not depend on the input order', () => {
		fc.assert(
			fc.property(draft, fc.array(choice, { maxLength: 8 }), (text, choices) => {
				const base = version(text);
				const set = amendmentsFor(base, choices);
				expect(findConflicts(base, [...set].reverse())).toEqual(findConflicts(base, set));
			}),
			{ numRuns: 200 }
		);
	});
});

describe('laws of renumbering and keys', () => {
	// Numbers as drafts have them: rising, with gaps where paragraphs left and suffixes where they came in.
	const numbered = fc
		.tuple(fc.integer({ min: 1, max: 3 }), fc.array(fc.record({ step: fc.constantFrom('next', 'next', 'gap', 'suffix'), tres: fc.boolean(), items: fc.nat({ max: 2 }) }), { minLength: 1, maxLength: 8 }))
		.map(([start, steps]) => {
			const suffixes = ['', ' bis', ' ter', ' quater', ' quinquies'];
			let base = start;
			let rank = 0;
			return steps
				.map((p, i) => {
					if (i > 0 && p.step === 'suffix' && rank < 4) rank++;
					else if (i > 0) {
						base += p.step === 'gap' ? 2 : 1;
						rank = 0;
					}
					const suffix = rank === 2 && p.tres ? ' tres' : suffixes[rank];
					return `${base}${suffix}. Paragraph ${i} text.\n\n${'- an item\n\n'.repeat(p.items)}`;
				})
				.join('');
		});

	it('is idempotent and changes only numbers', () => {
		fc.assert(
			fc.property(numbered, (text) => {
				const once = renumberText(text);
				expect(renumberText(once.text).text).toBe(once.text);
				const before = parseDocument(text).units;
				const after = parseDocument(once.text).units;
				expect(after.map((u) => [u.kind, u.text])).toEqual(before.map((u) => [u.kind, u.text]));
				expect(once.text.replace(/^\d+(?: [a-z]+)?\.?/gm, '#')).toBe(text.replace(/^\d+(?: [a-z]+)?\.?/gm, '#'));
				for (const c of once.changes) expect(after[c.index].number).toBe(c.to);
			})
		);
	});

	it('carryKeys never gives a key twice', () => {
		fc.assert(
			fc.property(draft, draft, fc.array(fc.tuple(fc.nat(), fc.constantFrom('k1', 'k2', 'body-p1')), { maxLength: 4 }), (a, b, pins) => {
				const previous = versionUnits(version(a));
				const next = parseDocument(b).units;
				const keys = carryKeys(previous, next, new Map(pins.map(([i, k]) => [i % (next.length + 1), k])));
				expect(keys).toHaveLength(next.length);
				expect(new Set(keys).size).toBe(keys.length);
			})
		);
	});
});
