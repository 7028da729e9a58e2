import { describe, expect, it } from 'vitest';
import { parseDocument } from '../documents/parse';
import { AmendmentMismatch } from '../amendments/apply';
import { ConflictingAmendments } from './conflicts';
import { composeVersion } from './compose';
import type { DraftAmendment, VersionText } from './types';

const v = (text: string): VersionText => ({ text, keys: parseDocument(text).units.map((u) => u.key) });
let n = 0;
const am = (a: Partial<DraftAmendment> & Pick<DraftAmendment, 'kind'>): DraftAmendment => {
	n++;
	return { id: `a${n}`, number: n, targetKey: '', afterKey: null, resultText: '', ...a };
};

const BASE = v('Introduction\n\n1. The group met in Geneva.\n\n2. Transparency¹ is **key** here.\n\n- first item\n\n- second item\n\n3.  The last\nparagraph wraps.\n\n¹ A note.\n');

describe('composeVersion: replace', () => {
	it('changes only the edited words of the source; number, marks and footnote markers stay', () => {
		const out = composeVersion(BASE, [am({ kind: 'replace', targetKey: 'intro-p2', resultText: 'Openness is key everywhere.' })]);
		expect(out.text).toBe(BASE.text.replace('2. Transparency¹ is **key** here.', '2. Openness¹ is **key** everywhere.'));
	});

	it('merges several replacements of one unit', () => {
		const out = composeVersion(BASE, [
			am({ kind: 'replace', targetKey: 'intro-p1', resultText: 'The Group met in Geneva.' }),
			am({ kind: 'replace', targetKey: 'intro-p1', resultText: 'The group met twice in New York.' })
		]);
		expect(out.text).toContain('1. The Group met twice in New York.\n\n2.');
	});

	it('edits across a soft line break without touching the rest', () => {
		const out = composeVersion(BASE, [am({ kind: 'replace', targetKey: 'intro-p3', resultText: 'The final paragraph wraps.' })]);
		expect(out.text).toContain('3.  The final\nparagraph wraps.\n\n¹ A note.');
	});

	it('keeps keys of replaced units', () => {
		const out = composeVersion(BASE, [am({ kind: 'replace', targetKey: 'intro-p1', resultText: 'Something else entirely.' })]);
		expect(out.keys).toEqual(BASE.keys);
	});
});

describe('composeVersion: delete, insert, move', () => {
	it('removes a deleted unit and the units it covers', () => {
		const out = composeVersion(BASE, [am({ kind: 'delete', targetKey: 'intro-p2-li1', covers: ['intro-p2-li2'] })]);
		expect(out.text).toBe(BASE.text.replace('- first item\n\n- second item\n\n', ''));
		expect(out.keys).toEqual(BASE.keys.filter((k) => !k.startsWith('intro-p2-li')));
	});

	it('inserts a numbered paragraph in the style of the one before, with the next free number', () => {
		const base = v('1. One.\n\n2. Two.\n\n3. Three.\n');
		const out = composeVersion(base, [am({ kind: 'insert', afterKey: 'body-p2', resultText: 'New.' }), am({ kind: 'insert', afterKey: 'body-p2', resultText: 'Newer.' })]);
		expect(out.text).toBe('1. One.\n\n2. Two.\n\n2 bis. New.\n\n2 ter. Newer.\n\n3. Three.\n');
		expect(out.keys).toEqual(['body-p1', 'body-p2', 'body-p2bis', 'body-p2ter', 'body-p3']);
	});

	it("takes the proposer's number unless a sibling has it", () => {
		const base = v('1. One.\n\n2. Two.\n\n2 bis. Taken.\n\n3. Three.\n');
		const out = composeVersion(base, [am({ kind: 'insert', afterKey: 'body-p1', resultText: 'A.', newNumber: '1 bis' }), am({ kind: 'insert', afterKey: 'body-p2', resultText: 'B.', newNumber: '2 bis' })]);
		expect(out.text).toBe('1. One.\n\n1 bis. A.\n\n2. Two.\n\n2 ter. B.\n\n2 bis. Taken.\n\n3. Three.\n');
	});

	it('orders insertions after one unit by amendment number, whatever the input order', () => {
		const base = v('1. One.\n\n2. Two.\n');
		const x: DraftAmendment = { id: 'x', number: 7, kind: 'insert', targetKey: '', afterKey: 'body-p1', resultText: 'Seventh.', newNumber: null };
		const y: DraftAmendment = { id: 'y', number: 3, kind: 'insert', targetKey: '', afterKey: 'body-p1', resultText: 'Third.', newNumber: null };
		expect(composeVersion(base, [x, y]).text).toBe('1. One.\n\n1 bis. Third.\n\n1 ter. Seventh.\n\n2. Two.\n');
		expect(composeVersion(base, [y, x]).text).toBe(composeVersion(base, [x, y]).text);
	});

	it('writes an unnumbered unit after an unnumbered one, with its bullet and separator', () => {
		const out = composeVersion(BASE, [am({ kind: 'insert', afterKey: 'intro-p2-li1', resultText: 'middle item' })]);
		expect(out.text).toContain('- first item\n\n- middle item\n\n- second item');
	});

	it('inserts at the start of the document', () => {
		const out = composeVersion(v('1. One.\n'), [am({ kind: 'insert', afterKey: null, resultText: 'Preamble.' })]);
		expect(out.text).toBe('Preamble.\n\n1. One.\n');
	});

	it('inserts after the last unit when the text has no final line break', () => {
		const out = composeVersion(v('1. One.\n\n2. Two.'), [am({ kind: 'insert', afterKey: 'body-p2', resultText: 'More.' })]);
		expect(out.text).toBe('1. One.\n\n2. Two.\n\n2 bis. More.');
	});

	it('gives inserted units fresh keys, never a key of the base', () => {
		const base = v('1. One.\n\n2. Two.\n');
		const out = composeVersion(base, [am({ kind: 'delete', targetKey: 'body-p2' }), am({ kind: 'insert', afterKey: 'body-p1', resultText: 'Other.', newNumber: '2' })]);
		expect(out.text).toBe('1. One.\n\n2. Other.\n\n');
		expect(out.keys).toEqual(['body-p1', 'body-p2-2']);
	});

	it('moves a unit with its changed words, keeping its key', () => {
		const base = v('1. One.\n\n2. Two words.\n\n3. Three.\n');
		const out = composeVersion(base, [am({ kind: 'move', targetKey: 'body-p1', afterKey: 'body-p3', resultText: 'One moved.' })]);
		expect(out.text).toBe('2. Two words.\n\n3. Three.\n\n1. One moved.\n');
		expect(out.keys).toEqual(['body-p2', 'body-p3', 'body-p1']);
	});

	it('gives back the base byte for byte for the empty set', () => {
		expect(composeVersion(BASE, []).text).toBe(BASE.text);
		expect(composeVersion(BASE, []).keys).toEqual(BASE.keys);
	});
});

describe('composeVersion: refusals and renumbering', () => {
	it('throws ConflictingAmendments with the conflicts', () => {
		const a = am({ kind: 'replace', targetKey: 'intro-p1', resultText: 'The team met in Geneva.' });
		const b = am({ kind: 'delete', targetKey: 'intro-p1' });
		try {
			composeVersion(BASE, [a, b]);
			expect.unreachable();
		} catch (e) {
			expect(e).toBeInstanceOf(ConflictingAmendments);
			expect((e as ConflictingAmendments).conflicts).toEqual([{ a: a.id, b: b.id, unitKey: 'intro-p1', reason: 'removed' }]);
		}
	});

	it('throws AmendmentMismatch for a unit the base does not have', () => {
		expect(() => composeVersion(BASE, [am({ kind: 'replace', targetKey: 'nope', resultText: 'x' })])).toThrow(AmendmentMismatch);
		expect(() => composeVersion(BASE, [am({ kind: 'insert', afterKey: 'nope', resultText: 'x' })])).toThrow(AmendmentMismatch);
	});

	it('renumbers on request and reports the changes by key', () => {
		const base = v('1. One.\n\n2. Two.\n\n3. Three.\n');
		const out = composeVersion(base, [am({ kind: 'insert', afterKey: 'body-p1', resultText: 'New.' }), am({ kind: 'delete', targetKey: 'body-p2' })], { renumber: true });
		expect(out.text).toBe('1. One.\n\n2. New.\n\n3. Three.\n');
		expect(out.keys).toEqual(['body-p1', 'body-p1bis', 'body-p3']);
		expect(out.renumbering).toEqual([{ key: 'body-p1bis', from: '1 bis', to: '2' }]);
	});
});
