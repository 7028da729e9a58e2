import { describe, expect, it } from 'vitest';
import { analyse } from './analysis';
import { fingerprint, isSampled, queryFingerprint } from './fingerprint';
import { SAMPLE_EVERY } from './parameters';

/** A deterministic text of `n` words that rarely repeats a shingle. */
function prose(n: number, seed = 1): string {
	const vocabulary = 'state stakeholder internet governance public policy cooperation enhanced forum capacity building developing country role respective development access security trust data platform process mandate report group member'.split(' ');
	let x = seed;
	const out: string[] = [];
	for (let i = 0; i < n; i++) {
		x = (Math.imul(x, 1103515245) + 12345) >>> 0;
		out.push(vocabulary[(x >>> 8) % vocabulary.length]);
	}
	return out.join(' ');
}

describe('fingerprint', () => {
	it('keeps about one distinct shingle hash in SAMPLE_EVERY, ascending, each sampled', () => {
		const a = analyse(prose(4000));
		const fp = fingerprint(a);
		expect(fp).toEqual([...fp].sort((x, y) => x - y));
		expect(new Set(fp).size).toBe(fp.length);
		for (const h of fp) expect(isSampled(h) && a.distinct.has(h)).toBe(true);
		const rate = fp.length / a.distinct.size;
		expect(rate).toBeGreaterThan(0.8 / SAMPLE_EVERY);
		expect(rate).toBeLessThan(1.2 / SAMPLE_EVERY);
	});
	it('is the same for a passage wherever it stands', () => {
		const passage = prose(300, 7);
		const inside = fingerprint(`${prose(200, 2)}. ${passage}. ${prose(200, 3)}`);
		for (const h of fingerprint(passage)) expect(inside).toContain(h);
	});
	it('is empty for a text without words', () => {
		expect(fingerprint(' — , . ')).toEqual([]);
	});
});

describe('queryFingerprint', () => {
	it('is the whole fingerprint when short enough', () => {
		const text = prose(200);
		expect(queryFingerprint(text, 1000)).toEqual(fingerprint(text));
	});
	it('keeps the smallest hashes (unsigned) when too long, always the same ones', () => {
		const text = prose(4000);
		const all = fingerprint(text).map((h) => h >>> 0).sort((a, b) => a - b);
		const cut = queryFingerprint(text, 50);
		expect(cut).toHaveLength(50);
		expect(cut.map((h) => h >>> 0).sort((a, b) => a - b)).toEqual(all.slice(0, 50));
		expect(queryFingerprint(text, 50)).toEqual(cut);
	});
});
