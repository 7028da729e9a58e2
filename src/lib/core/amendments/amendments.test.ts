import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { alignUnits } from './align';
import { applyAmendments, AmendmentMismatch } from './apply';
import { deriveAmendments } from './derive';
import { parseDocument } from '../documents/parse';
import { longestIncreasing } from './sequence';
import { tokenize, withoutStruck } from './tokens';
import { diffWords } from './words';

const roundTrip = (base: string, edited: string) => applyAmendments(base, deriveAmendments(base, edited));

const BASE = [
	'Introduction',
	'',
	'1. The group met five times in Geneva.',
	'',
	'2. It adopted its methods of work by consensus.',
	'',
	'3. The Chair presented a draft report.',
	'',
	'Recommendations',
	'',
	'1. The group recommends that cooperation be guided by:',
	'- • Transparency;',
	'- • Inclusiveness;',
	'- • International dimension.',
	'',
	'2. Stakeholders should share information.',
	''
].join('\n');

describe('diffWords', () => {
	it('reports only the removed and added words, and the full new text', () => {
		const d = diffWords('The group met five times in Geneva.', 'The group met six times in New York.');
		expect(d).toEqual({ deletedText: 'five Geneva', insertedText: 'six New York', resultText: 'The group met six times in New York.', changed: true });
	});

	it('takes struck words as deletions even when the same word also appears unmarked', () => {
		const d = diffWords('the rights of states and the rights of people', 'the rights of states and ~~the rights~~ of people the rights');
		expect(d.deletedText).toBe('the rights');
		expect(d.insertedText).toBe('the rights');
		expect(d.resultText).toBe('the rights of states and of people the rights');
	});

	it('ignores typography alone: quotes, apostrophes, bullets, dashes at wraps, spacing', () => {
		expect(diffWords('the Group´s “view”  on twenty-first', "the Group's \"view\" on twentyfirst").changed).toBe(false);
		expect(diffWords('\uF0B7 Transparency', '✓ Transparency').changed).toBe(false);
		expect(diffWords('the Group view', 'the group view').changed).toBe(true);
	});

	it('tokenises struck spans apart from the rest', () => {
		expect(tokenize('a ~~b c~~ d').map((t) => [t.text, t.struck])).toEqual([
			['a', false],
			['b', true],
			['c', true],
			['d', false]
		]);
	});
});

describe('alignUnits', () => {
	const units = (s: string) => parseDocument(s).units;

	it('pairs renumbered and reordered paragraphs by their words', () => {
		const edited = BASE.replace('1. The group met five times in Geneva.\n\n2. It adopted its methods of work by consensus.', '1. It adopted its methods of work by consensus.\n\n2. The group met five times in Geneva.');
		const a = alignUnits(units(BASE), units(edited));
		const byText = new Map(a.pairs.map((p) => [p.base.text, p.edited]));
		expect(byText.get('It adopted its methods of work by consensus.')?.number).toBe('1');
		expect(byText.get('The group met five times in Geneva.')?.number).toBe('2');
		expect(a.removed).toEqual([]);
		expect(a.inserted).toEqual([]);
	});

	it('leaves a new paragraph unmatched as an insertion, and a dropped one as a removal', () => {
		const edited = BASE.replace('3. The Chair presented a draft report.', '3. Delegations asked for more time.');
		const a = alignUnits(units(BASE), units(edited));
		expect(a.removed.map((u) => u.text)).toEqual(['The Chair presented a draft report.']);
		expect(a.inserted.map((u) => u.text)).toEqual(['Delegations asked for more time.']);
	});
});

describe('deriveAmendments', () => {
	it('finds one replacement per changed unit, with only the changed words', () => {
		const edited = BASE.replace('- • International dimension.', '- ✓ International ~~dimension~~ extent.');
		const found = deriveAmendments(BASE, edited);
		expect(found).toHaveLength(1);
		expect(found[0]).toMatchObject({ kind: 'replace', deletedText: 'dimension', insertedText: 'extent', resultText: 'International extent.', wholePart: false });
	});

	it('finds nothing when only typography changed, yet applying gives back the copy', () => {
		const edited = BASE.replace(/• /g, '\uF0B7 ').replace('five times', 'five  times');
		const found = deriveAmendments(BASE, edited);
		expect(found.every((a) => a.layout === true)).toBe(true);
		expect(found.length).toBeLessThanOrEqual(1);
		expect(applyAmendments(BASE, found)).toBe(edited);
		expect(deriveAmendments(BASE, BASE)).toEqual([]);
	});

	it('inserts a "bis" paragraph after the unit it follows and deletes a removed one', () => {
		const edited = BASE.replace('2. It adopted', '1 bis. The group also held informal consultations.\n\n2. It adopted').replace('3. The Chair presented a draft report.\n\n', '');
		const found = deriveAmendments(BASE, edited);
		expect(found.map((a) => [a.kind, a.targetNumber])).toEqual([
			['insert', '1 bis'],
			['delete', '3']
		]);
		expect(found[0].afterId).toBe('intro-p1');
		expect(applyAmendments(BASE, found)).toBe(edited);
	});

	it('calls a paragraph that changes place a move', () => {
		const edited = BASE.replace('3. The Chair presented a draft report.\n\n', '').replace('Introduction\n\n', 'Introduction\n\n3. The Chair presented a draft report.\n\n');
		const found = deriveAmendments(BASE, edited);
		expect(found.map((a) => [a.kind, a.targetId, a.afterId])).toEqual([['move', 'intro-p3', 'intro']]);
		expect(applyAmendments(BASE, found)).toBe(edited);
	});
});

describe('applyAmendments', () => {
	it('refuses amendments that name units the base does not have', () => {
		const found = deriveAmendments(BASE, BASE.replace('five', 'six'));
		expect(() => applyAmendments('Something else entirely.\n', found)).toThrow(AmendmentMismatch);
	});

	it('applies a hand-written replacement from its result text', () => {
		const out = applyAmendments(BASE, [
			{ targetNumber: '3', targetId: 'intro-p3', kind: 'replace', deletedText: 'a draft', insertedText: 'the final', resultText: '3. The Chair presented the final report.', wholePart: false }
		]);
		expect(out).toBe(BASE.replace('3. The Chair presented a draft report.', '3. The Chair presented the final report.'));
	});

	it('applies a subset: the units of dropped amendments keep their base text', () => {
		const edited = BASE.replace('five', 'six').replace('by consensus', 'by vote');
		const found = deriveAmendments(BASE, edited);
		expect(found).toHaveLength(2);
		expect(applyAmendments(BASE, [found[1]])).toBe(BASE.replace('by consensus', 'by vote'));
	});
});

describe('the round-trip law: apply(base, derive(base, copy)) is the copy without struck spans', () => {
	const word = fc.constantFrom('the', 'group', 'states', 'rights', 'Internet', 'policy', 'cooperation', 'public', '“issues”', 'Group´s', 'twenty-', 'first', 'and', 'of', '~~', '•', '\uF0B7', '.', ',');
	const sentence = fc.array(word, { minLength: 1, maxLength: 12 }).map((w) => w.join(' '));
	const block = fc.oneof(
		sentence.map((s) => s + '.'),
		fc.tuple(fc.integer({ min: 1, max: 30 }), fc.constantFrom('', ' bis', ' ter'), sentence).map(([n, suf, s]) => `${n}${suf}. ${s}`),
		sentence.map((s) => `- • ${s}`),
		sentence.map((s) => `Annex ${s}`),
		sentence.map((s) => `${s}\n${s}`)
	);
	const doc = fc.tuple(fc.array(block, { maxLength: 12 }), fc.constantFrom('\n', '\n\n', '\n\n\n', '  \n\n')).map(([bs, sep]) => bs.join(sep) + (bs.length ? '\n' : ''));
	const edit = fc.oneof(
		fc.record({ op: fc.constant('replace' as const), at: fc.nat(), text: sentence }),
		fc.record({ op: fc.constant('strike' as const), at: fc.nat(), text: sentence }),
		fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: block }),
		fc.record({ op: fc.constant('delete' as const), at: fc.nat(), text: fc.constant('') }),
		fc.record({ op: fc.constant('swap' as const), at: fc.nat(), text: fc.constant('') }),
		fc.record({ op: fc.constant('space' as const), at: fc.nat(), text: fc.constant('') })
	);
	const applyEdit = (base: string, e: { op: string; at: number; text: string }): string => {
		const lines = base.split('\n');
		const i = lines.length ? e.at % lines.length : 0;
		const words = (lines[i] ?? '').split(' ');
		const w = words.length ? e.at % words.length : 0;
		switch (e.op) {
			case 'replace':
				words.splice(w, 1, e.text);
				lines[i] = words.join(' ');
				break;
			case 'strike':
				words.splice(w, 1, `~~${words[w] || 'x'}~~ ${e.text}`);
				lines[i] = words.join(' ');
				break;
			case 'insert':
				lines.splice(i, 0, '', e.text);
				break;
			case 'delete':
				lines.splice(i, 1);
				break;
			case 'swap':
				if (lines.length > 1) [lines[i], lines[(i + 1) % lines.length]] = [lines[(i + 1) % lines.length], lines[i]];
				break;
			default:
				lines[i] = (lines[i] ?? '').replace(' ', '  ') + ' ';
		}
		return lines.join('\n');
	};

	it('holds for generated documents and edits', () => {
		fc.assert(
			fc.property(doc, fc.array(edit, { maxLength: 6 }), (base, edits) => {
				const edited = edits.reduce(applyEdit, base);
				expect(roundTrip(base, edited)).toBe(withoutStruck(edited));
			}),
			{ numRuns: 300 }
		);
	});

	it('holds for any two strings', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 200 }), fc.string({ maxLength: 200 }), (base, edited) => {
				expect(roundTrip(base, edited)).toBe(withoutStruck(edited));
			}),
			{ numRuns: 300 }
		);
	});

	it('finds nothing between a document (without deletion marks) and itself', () => {
		fc.assert(
			fc.property(doc.filter((d) => !d.includes('~~')), (base) => {
				expect(deriveAmendments(base, base)).toEqual([]);
			}),
			{ numRuns: 100 }
		);
	});
});

describe('longestIncreasing', () => {
	it('returns the indexes of one longest strictly increasing run', () => {
		expect(longestIncreasing([0, 3, 1, 2])).toEqual([0, 2, 3]);
		expect(longestIncreasing([])).toEqual([]);
		expect(longestIncreasing([2, 2, 2])).toHaveLength(1);
	});
});
