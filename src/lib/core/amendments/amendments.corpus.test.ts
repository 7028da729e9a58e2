import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { applyAmendments } from './apply';
import { deriveAmendments } from './derive';
import { withoutStruck } from './tokens';
import { parseDocument } from '../documents/parse';
import type { Amendment } from './types';

/**
 * Golden expectations on real document pairs, stated as structure, numbers and short quotes.
 * The files are read where they lie (../shared/corpus or PLENARY_CORPUS_DIR), never copied.
 */
const corpusDir = resolve(process.cwd(), process.env.PLENARY_CORPUS_DIR ?? '../shared/corpus');
const extraDir = resolve(corpusDir, '../corpus-extra/dpg-standard');
const read = (dir: string, prefix: string): string | null => {
	const name = existsSync(dir) ? readdirSync(dir).find((f) => f.startsWith(prefix) && f.endsWith('.txt')) : undefined;
	return name ? readFileSync(join(dir, name), 'utf8') : null;
};

const draft = read(corpusDir, '004_');
const copy = read(corpusDir, '000_');

describe.skipIf(!draft || !copy)("a delegation's edited copy (000) against the Chair's draft (004)", () => {
	const found = deriveAmendments(draft ?? '', copy ?? '');
	const on = (id: string, kind: Amendment['kind'] = 'replace') => found.filter((a) => a.targetId === id && a.kind === kind);
	const one = (id: string, kind: Amendment['kind'] = 'replace') => {
		const list = on(id, kind);
		expect(list, `${kind} ${id}`).toHaveLength(1);
		return list[0];
	};

	it('derives between 8 and 60 items, none of them typography alone', () => {
		expect(found.length).toBeGreaterThanOrEqual(8);
		expect(found.length).toBeLessThanOrEqual(60);
		expect(found.filter((a) => a.layout)).toEqual([]);
	});

	it('finds "International dimension" → "International extent" and the removal in recommendation 1', () => {
		const item = one('rec-p1-li7');
		expect(item.deletedText).toMatch(/^dimension/);
		expect(item.insertedText).toBe('extent');
		const rec1 = one('rec-p1');
		expect(rec1.targetNumber).toBe('1');
		expect(rec1.deletedText).toContain('which we reaffirm in its entirety (including in particular paragraph 35)');
		expect(rec1.insertedText).toBe('');
	});

	it('finds the rewording inside recommendation 2', () => {
		const rec2 = one('rec-p2');
		expect(rec2.deletedText.length).toBeGreaterThan(20);
		expect(rec2.insertedText.length).toBeGreaterThan(20);
		expect(rec2.resultText).toMatch(/^The Group also recommends/);
	});

	it('finds paragraphs 2 bis and 2 tres with their lists as insertions after recommendation 2, not as moves from Annex III', () => {
		const inserted = found.filter((a) => a.kind === 'insert' && a.afterId === 'rec-p2');
		expect(inserted.map((a) => a.targetNumber).filter(Boolean)).toEqual(['2 bis', '2 tres']);
		expect(inserted.length).toBeGreaterThanOrEqual(2 + 6 + 4);
		expect(inserted.find((a) => a.targetNumber === '2 bis')?.insertedText).toContain('item 69 of the Tunis Agenda');
		expect(found.filter((a) => a.kind === 'move')).toEqual([]);
	});

	it('finds the addition at the end of recommendation 3', () => {
		const rec3 = one('rec-p3');
		expect(rec3.deletedText).toBe('');
		expect(rec3.insertedText).toContain('intergovernmental approach');
		expect(rec3.resultText).toContain(rec3.insertedText);
		expect(rec3.resultText.indexOf(rec3.insertedText)).toBeGreaterThan(rec3.resultText.length / 2);
	});

	it('finds the removal in recommendation 15 and in paragraph 15 of the introduction', () => {
		expect(one('rec-p15')).toMatchObject({ targetNumber: '15', insertedText: '', deletedText: 'that abides by existing standards and best practices' });
		const intro15 = one('intro-p15');
		expect(intro15.deletedText).toMatch(/^Annex III summarizes/);
		expect(intro15.insertedText).toBe('');
	});

	it('finds the changes to the list in recommendation 19', () => {
		const touched = found.filter((a) => a.targetId.startsWith('rec-p19-') || (a.kind === 'insert' && a.afterId?.startsWith('rec-p19')));
		expect(touched.some((a) => a.kind === 'insert' && /^Invite relevant UN agencies/.test(a.insertedText))).toBe(true);
		expect(touched.some((a) => a.deletedText === 'in the Internet Governance Forum.')).toBe(true);
		expect(touched.some((a) => a.kind === 'delete' && /^The specific recommendations/.test(a.deletedText))).toBe(true);
	});

	it('finds the typo corrections', () => {
		expect(one('intro-p14')).toMatchObject({ deletedText: 'adoped', insertedText: 'adopted' });
		expect(one('rec-p11')).toMatchObject({ deletedText: 'responsilibilities', insertedText: 'responsibilities' });
	});

	it('lists the dropped footnotes, the executive summary and the annexes as whole-part removals', () => {
		const notes = found.filter((a) => a.targetId.startsWith('fn-'));
		expect(notes.map((a) => a.targetNumber)).toEqual(Array.from({ length: 11 }, (_, i) => String(i + 1)));
		expect(notes.every((a) => a.kind === 'delete' && a.wholePart && a.deletedText.length > 0)).toBe(true);
		expect(one('summary', 'delete')).toMatchObject({ wholePart: true });
		const annexes = found.filter((a) => a.wholePart && a.targetId.startsWith('annex-'));
		expect(annexes.map((a) => a.targetNumber)).toEqual(['I', 'II', 'III']);
		expect(annexes[2].covers?.length).toBeGreaterThan(10);
		expect(found.filter((a) => a.wholePart).every((a) => a.kind === 'delete')).toBe(true);
		expect(found.filter((a) => !a.wholePart && a.targetId.startsWith('intro-p')).map((a) => a.targetId)).toEqual(['intro-p14', 'intro-p15']);
	});

	it('gives back the copy without its struck spans, byte for byte', () => {
		expect(applyAmendments(draft ?? '', found)).toBe(withoutStruck(copy ?? ''));
	});

	it('survives a JSON round trip (what the command line prints and reads)', () => {
		expect(applyAmendments(draft ?? '', JSON.parse(JSON.stringify(found)))).toBe(withoutStruck(copy ?? ''));
	});
});

const versions = ['v1.0-', 'v1.1.4-2021', 'v1.1.4-2024'].map((p) => read(extraDir, p));

describe.skipIf(versions.some((v) => v === null))('three versions of a standard', () => {
	const pairs = [
		[versions[0]!, versions[1]!],
		[versions[1]!, versions[2]!]
	] as const;

	it.each(pairs.map((p, i) => [i + 1, ...p]))('pair %i: gives back the later version exactly', (_, before, after) => {
		expect(applyAmendments(before, deriveAmendments(before, after))).toBe(after);
	});

	it.each(pairs.map((p, i) => [i + 1, ...p]))('pair %i: touches only units whose words changed', (_, before, after) => {
		const found = deriveAmendments(before, after);
		const beforeUnits = parseDocument(before).units;
		const afterTexts = new Set(parseDocument(after).units.map((u) => u.text));
		const unchanged = new Set(beforeUnits.filter((u) => u.kind !== 'blank' && afterTexts.has(u.text)).map((u) => u.key));
		expect(found.length).toBeGreaterThan(0);
		for (const a of found) {
			if (a.kind === 'insert') continue;
			expect(unchanged.has(a.targetId), `${a.kind} ${a.targetId}`).toBe(false);
			expect(a.layout).toBeUndefined();
			expect(a.deletedText + a.insertedText).not.toBe('');
		}
		expect(found.filter((a) => a.kind !== 'insert').length).toBeLessThan(beforeUnits.filter((u) => u.kind !== 'blank').length);
	});
});
