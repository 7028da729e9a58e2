import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deriveAmendments } from '../amendments/derive';
import { parseDocument } from '../documents/parse';
import { composeVersion } from './compose';
import { findConflicts } from './conflicts';
import { compareVersions } from './compare';
import { trackChanges } from './tracked';
import type { DraftAmendment, VersionText } from './types';

/**
 * Version 2 of the real Chair's draft (004), composed from the amendments a delegation's edited
 * copy (000) yields. The files are read where they lie (../shared/corpus or PLENARY_CORPUS_DIR).
 */
const corpusDir = resolve(process.cwd(), process.env.PLENARY_CORPUS_DIR ?? '../shared/corpus');
const read = (prefix: string): string | null => {
	const name = existsSync(corpusDir) ? readdirSync(corpusDir).find((f) => f.startsWith(prefix) && f.endsWith('.txt')) : undefined;
	return name ? readFileSync(join(corpusDir, name), 'utf8') : null;
};
const draft = read('004_');
const copy = read('000_');

describe.skipIf(!draft || !copy)("composing version 2 of the Chair's draft (004) from a delegation's copy (000)", () => {
	const text = draft ?? '';
	const base: VersionText = { text, keys: parseDocument(text).units.map((u) => u.key) };
	const derived = deriveAmendments(text, copy ?? '').filter((a) => !a.layout);
	const all: DraftAmendment[] = derived.map((a, i) => ({
		id: `d${i + 1}`,
		number: i + 1,
		kind: a.kind,
		targetKey: a.kind === 'insert' ? '' : a.targetId,
		afterKey: a.afterId ?? null,
		resultText: a.resultText,
		...(a.kind === 'delete' && a.covers ? { covers: a.covers } : {}),
		...(a.kind === 'insert' ? { newNumber: a.targetNumber } : {})
	}));
	// The subset: every replacement and deletion, and the insertions of numbered paragraphs and of
	// units after unnumbered ones (a list item's rows after paragraph 2 would be written as paragraphs).
	const byKey = new Map(parseDocument(text).units.map((u) => [u.key, u]));
	const chosen = all.filter((a) => a.kind !== 'insert' || a.newNumber || (a.afterKey !== null && byKey.get(a.afterKey)?.number === null));
	const touched = new Set(chosen.flatMap((a) => [a.targetKey, ...(a.covers ?? [])]));

	it('chooses a set without conflicts that has every kind of change', () => {
		expect(findConflicts(base, chosen)).toEqual([]);
		expect(new Set(chosen.map((a) => a.kind))).toEqual(new Set(['replace', 'delete', 'insert']));
		expect(chosen.length).toBeGreaterThan(20);
	});

	it('composes a text that parses, with one key per unit, and keeps untouched units byte for byte', () => {
		const out = composeVersion(base, chosen);
		const units = parseDocument(out.text).units;
		expect(out.keys).toHaveLength(units.length);
		expect(new Set(out.keys).size).toBe(out.keys.length);
		expect(out.text).toContain('International extent');
		expect(out.text).not.toContain('International dimension');
		const kept = parseDocument(text).units.filter((u) => u.kind !== 'blank' && u.kind !== 'footnote' && !touched.has(u.key));
		expect(kept.length).toBeGreaterThan(30);
		for (const u of kept) for (const [s, e] of u.spans) expect(out.text, u.key).toContain(text.slice(s, e).trimEnd());
		const composed = new Map(units.map((u, i) => [out.keys[i], u]));
		for (const u of kept) expect(composed.get(u.key)?.source.trimEnd(), u.key).toBe(u.source.trimEnd());
	});

	it('applies the replacements word for word and keeps the units’ numbers', () => {
		const out = composeVersion(base, chosen);
		const composed = new Map(parseDocument(out.text).units.map((u, i) => [out.keys[i], u]));
		expect(composed.get('intro-p14')?.text).toContain('adopted');
		expect(composed.get('rec-p11')?.text).toContain('responsibilities');
		expect(composed.get('rec-p15')?.text).not.toContain('that abides by existing standards and best practices');
		expect(composed.get('rec-p15')?.number).toBe('15');
		expect(composed.has('rec-p19-li3')).toBe(false);
	});

	it('inserts paragraphs 2 bis and 2 tres after paragraph 2 and renumbers them 3 and 4 on request', () => {
		const plain = composeVersion(base, chosen);
		expect(plain.text).toMatch(/\n2 bis\. In response to item 69 of the Tunis Agenda/);
		const out = composeVersion(base, chosen, { renumber: true });
		expect(out.text).toMatch(/\n3\. In response to item 69 of the Tunis Agenda/);
		expect(out.text).toMatch(/\n4\. Some other participants/);
		expect(out.text).toMatch(/\n5\. The process towards enhanced cooperation/);
		const twoBis = out.renumbering.find((r) => r.from === '2 bis');
		expect(twoBis).toMatchObject({ to: '3' });
		const units = parseDocument(out.text).units;
		expect(units[out.keys.indexOf(twoBis!.key)].number).toBe('3');
		expect(out.renumbering.find((r) => r.key === 'rec-p19')).toEqual({ key: 'rec-p19', from: '19', to: '21' });
	});

	it('shows the same changes in the tracked view and in the comparison', () => {
		const tracked = trackChanges(base, chosen);
		expect(tracked.filter((u) => u.state === 'inserted').map((u) => u.number)).toEqual(expect.arrayContaining(['2 bis', '2 tres']));
		expect(tracked.find((u) => u.key === 'rec-p1-li7')?.segments).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'ins', text: 'extent' })]));
		const out = composeVersion(base, chosen, { renumber: true });
		const rows = compareVersions(base, { text: out.text, keys: out.keys });
		expect(rows.find((r) => r.key === 'rec-p1-li7')?.state).toBe('changed');
		expect(rows.find((r) => r.key === 'rec-p4')).toMatchObject({ state: 'renumbered', numberBefore: '4', numberAfter: '6' });
		expect(rows.find((r) => r.key === 'rec-p19-li3')?.state).toBe('deleted');
	});

	it('edits both pieces of a paragraph a footnote block splits, and moves it whole', () => {
		const p2 = parseDocument(text).units.find((u) => u.key === 'intro-p2')!;
		expect(p2.spans.length).toBe(2);
		const changed = p2.text.replace('At the nineteenth', 'At the twentieth').replace('The list', 'The full list');
		const out = composeVersion(base, [{ id: 'x', number: 1, kind: 'replace', targetKey: 'intro-p2', afterKey: null, resultText: changed }]);
		expect(out.text).toBe(text.replace('2. At the nineteenth', '2. At the twentieth').replace(' Group. The list', ' Group. The full list'));
		expect(out.keys).toEqual(base.keys);
		const moved = composeVersion(base, [{ id: 'm', number: 1, kind: 'move', targetKey: 'intro-p2', afterKey: 'intro-p4', resultText: p2.text }]);
		expect(moved.text).toContain('elected Chair of the Working Group. The list of the members');
		expect(moved.text).toContain('1 Transcribe texto paragraphs 69 to 71');
		const units = parseDocument(moved.text).units;
		const at = moved.keys.indexOf('intro-p2');
		expect(units[at].text).toBe(p2.text);
		expect(moved.keys[at - 1]).toBe('intro-p4');
	});
});
