import { describe, expect, it } from 'vitest';
import { parseDocument } from '../documents/parse';
import { carryKeys, VersionMismatch, versionUnits } from './keys';

describe('versionUnits', () => {
	it('zips the parsed units with the stable keys', () => {
		const out = versionUnits({ text: '1. A.\n\n2. B.\n', keys: ['k1', 'k2'] });
		expect(out.map((u) => [u.key, u.unit.text])).toEqual([
			['k1', 'A.'],
			['k2', 'B.']
		]);
	});

	it('throws when the keys do not fit the text', () => {
		expect(() => versionUnits({ text: '1. A.\n\n2. B.\n', keys: ['k1'] })).toThrow(VersionMismatch);
	});
});

describe('carryKeys', () => {
	const previous = versionUnits({ text: 'Introduction\n\n1. Alpha beta.\n\n2. Gamma delta.\n\n3. Epsilon zeta.\n', keys: ['h', 'a', 'b', 'c'] });

	it('keeps the key of a renumbered or moved unit', () => {
		const next = parseDocument('Introduction\n\n1. Epsilon zeta.\n\n2. Alpha beta.\n').units;
		expect(carryKeys(previous, next)).toEqual(['h', 'c', 'a']);
	});

	it('gives a new unit its parsed key, made unique against old and new keys', () => {
		const next = parseDocument('Introduction\n\n1. Alpha beta.\n\n2. Something new entirely.\n').units;
		const keys = carryKeys(previous, next);
		expect(keys.slice(0, 2)).toEqual(['h', 'a']);
		expect(keys[2]).toBe('intro-p2');
		const clash = carryKeys(versionUnits({ text: '1. Old text here.\n', keys: ['body-p1'] }), parseDocument('1. Unrelated words.\n').units);
		expect(clash).toEqual(['body-p1-2']);
	});

	it('pins forced keys first', () => {
		const next = parseDocument('Introduction\n\n1. Alpha beta.\n\n2. Gamma delta.\n').units;
		expect(carryKeys(previous, next, new Map([[2, 'a']]))).toEqual(['h', 'intro-p1', 'a']);
	});
});
