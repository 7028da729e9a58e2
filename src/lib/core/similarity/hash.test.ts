import { describe, expect, it } from 'vitest';
import { hashShingle, hashWord } from './hash';

describe('hashWord (FNV-1a, 32 bits)', () => {
	it('gives the published values', () => {
		expect(hashWord('')).toBe(0x811c9dc5);
		expect(hashWord('a')).toBe(0xe40c292c);
		expect(hashWord('foobar')).toBe(0xbf9cf968);
	});
});

describe('hashShingle (MurmurHash3 x86 32 over the word hashes)', () => {
	it('gives the published values for seed 0x9747b28c', () => {
		// "aaaa" and "abcd" are one little-endian 4-byte block each.
		expect(hashShingle([0x61616161], 0, 1) >>> 0).toBe(0x5a97808a);
		expect(hashShingle([0x64636261], 0, 1) >>> 0).toBe(0xf0478627);
	});
	it('reads only the words it is given, in order', () => {
		const h = [1, 2, 3, 4, 5, 6];
		expect(hashShingle(h, 1, 3)).toBe(hashShingle([2, 3, 4], 0, 3));
		expect(hashShingle(h, 0, 2)).not.toBe(hashShingle([2, 1], 0, 2));
	});
	it('fits a signed 32-bit integer column', () => {
		for (let i = 0; i < 1000; i++) {
			const v = hashShingle([i, i * 7, i * 13], 0, 3);
			expect(Number.isInteger(v) && v >= -(2 ** 31) && v < 2 ** 31).toBe(true);
		}
	});
});
