import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareNumbers, followsInSequence, formatNumber, nextInsertedNumber, parseNumber, romanValue } from './numbering';

describe('parseNumber', () => {
	it('reads plain numbers and the Latin ordinal series', () => {
		expect(parseNumber('2')).toEqual({ base: 2, suffix: 1 });
		expect(parseNumber('2 bis')).toEqual({ base: 2, suffix: 2 });
		expect(parseNumber('2bis.')).toEqual({ base: 2, suffix: 2 });
		expect(parseNumber('2 ter')).toEqual({ base: 2, suffix: 3 });
		expect(parseNumber('2 tres')).toEqual({ base: 2, suffix: 3 });
		expect(parseNumber('(12 quater)')).toEqual({ base: 12, suffix: 4 });
		expect(parseNumber('7 Decies')).toEqual({ base: 7, suffix: 10 });
	});
	it('returns null for what is not a paragraph number', () => {
		for (const v of ['a', '1.1', 'IV', '', '2 foo', 'bis']) expect(parseNumber(v)).toBeNull();
	});
});

describe('formatNumber', () => {
	it('writes the canonical spelling', () => {
		expect(formatNumber({ base: 2, suffix: 1 })).toBe('2');
		expect(formatNumber({ base: 2, suffix: 2 })).toBe('2 bis');
		expect(formatNumber({ base: 2, suffix: 3 })).toBe('2 ter');
		expect(formatNumber({ base: 5, suffix: 9 })).toBe('5 novies');
	});
	it('round-trips through parseNumber (property)', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 20 }), (base, suffix) => {
				expect(parseNumber(formatNumber({ base, suffix }))).toEqual({ base, suffix });
			})
		);
	});
});

describe('compareNumbers', () => {
	it('orders as a reader expects', () => {
		const sorted = ['10', '2 ter', '1.1', '2', '3', '2 bis', '1', '1 bis'].sort(compareNumbers);
		expect(sorted).toEqual(['1', '1.1', '1 bis', '2', '2 bis', '2 ter', '3', '10']);
		expect(['c', 'a', 'b'].sort(compareNumbers)).toEqual(['a', 'b', 'c']);
		expect(['iv', 'ii', 'ix'].sort(compareNumbers)).toEqual(['ii', 'iv', 'ix']);
		expect(compareNumbers('2 tres', '2 bis')).toBeGreaterThan(0);
	});

	const numberLike = fc.oneof(
		fc.tuple(fc.integer({ min: 1, max: 30 }), fc.constantFrom('', ' bis', ' ter', ' tres', ' quater')).map(([n, s]) => `${n}${s}`),
		fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 })).map(([a, b]) => `${a}.${b}`),
		fc.constantFrom('a', 'b', 'c', 'ii', 'iv', 'vi', '(1)', '(2)', 'III', 'x'),
		fc.string({ maxLength: 4 })
	);

	it('is a total order: antisymmetric, transitive, sorting does not depend on input order (property)', () => {
		fc.assert(
			fc.property(fc.array(numberLike, { maxLength: 12 }), fc.array(fc.nat()), (values, seeds) => {
				const shuffled = [...values];
				for (let i = shuffled.length - 1; i > 0; i--) {
					const j = (seeds[i] ?? 0) % (i + 1);
					[shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
				}
				expect([...shuffled].sort(compareNumbers)).toEqual([...values].sort(compareNumbers));
				for (const a of values)
					for (const b of values) {
						expect(Math.sign(compareNumbers(a, b)) + Math.sign(compareNumbers(b, a))).toBe(0);
						if (compareNumbers(a, b) === 0) expect(a).toBe(b);
					}
			})
		);
		fc.assert(
			fc.property(numberLike, numberLike, numberLike, (a, b, c) => {
				if (compareNumbers(a, b) <= 0 && compareNumbers(b, c) <= 0) expect(compareNumbers(a, c)).toBeLessThanOrEqual(0);
			})
		);
	});
});

describe('nextInsertedNumber', () => {
	it('gives bis, then ter', () => {
		expect(nextInsertedNumber('2', ['1', '2', '3'])).toBe('2 bis');
		expect(nextInsertedNumber('2', ['1', '2', '2 bis', '3'])).toBe('2 ter');
		expect(nextInsertedNumber('2 bis', ['2', '2 bis'])).toBe('2 ter');
		expect(nextInsertedNumber('2', ['2', '2 bis', '2 tres'])).toBe('2 quater');
		expect(nextInsertedNumber('(2)', ['(1)', '(2)'])).toBe('(2 bis)');
		expect(nextInsertedNumber('a', ['a', 'b'])).toBe('a bis');
	});
	it('never collides and always sorts after the anchor (property)', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 50 }), fc.array(fc.integer({ min: 1, max: 12 }), { maxLength: 8 }), (base, suffixes) => {
				const existing = [String(base), ...suffixes.map((s) => formatNumber({ base, suffix: s }))];
				const next = nextInsertedNumber(String(base), existing);
				expect(existing.map((e) => formatNumber(parseNumber(e)!))).not.toContain(next);
				expect(compareNumbers(String(base), next)).toBeLessThan(0);
				expect(compareNumbers(next, String(base + 1))).toBeLessThan(0);
			})
		);
	});
});

describe('followsInSequence and romanValue', () => {
	it('tells a next paragraph from a number inside a paragraph', () => {
		expect(followsInSequence('1', '2')).toBe(true);
		expect(followsInSequence('2', '2 bis')).toBe(true);
		expect(followsInSequence('2 tres', '3')).toBe(true);
		expect(followsInSequence('1', '64')).toBe(false);
		expect(followsInSequence('2', '2')).toBe(false);
		expect(followsInSequence('1.5', '2.1')).toBe(true);
		expect(followsInSequence('(1)', '(2)')).toBe(true);
	});
	it('reads Roman numerals', () => {
		expect(romanValue('iv')).toBe(4);
		expect(romanValue('XIV')).toBe(14);
		expect(romanValue('abc')).toBeNull();
	});
});
