import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseDocument } from './parse';
import { partitionProblem, reproduce } from './reproduce';
import type { ParsedDocument } from './types';

/** The laws every parse obeys, whatever the input. */
function checkLaws(source: string, doc: ParsedDocument): void {
	expect(partitionProblem(source.length, doc.units)).toBeNull();
	expect(reproduce(doc.units)).toBe(source);
	expect(reproduce(source, doc.units)).toBe(source);
	const keys = doc.units.map((u) => u.key);
	expect(new Set(keys).size).toBe(keys.length);
	const seen = new Set<string>();
	for (const u of doc.units) {
		expect(u.text).not.toMatch(/[\uE000-\uF8FF]/);
		expect(u.source).toBe(u.spans.map(([s, e]) => source.slice(s, e)).join(''));
		if (u.parentKey !== null) expect(seen.has(u.parentKey)).toBe(true);
		for (const n of u.notes) {
			expect(n.offset).toBeGreaterThanOrEqual(0);
			expect(n.offset).toBeLessThanOrEqual(u.text.length);
		}
		seen.add(u.key);
	}
}

const fragment = fc.constantFrom(
	'The Group agreed that',
	'outcomes should promote',
	'Internet-',
	'related policy.',
	'twenty-',
	'first session',
	'1. ',
	'2. ',
	'2 bis ',
	'2 tres ',
	'64. ',
	'(1) ',
	'a) ',
	'vi. ',
	'- ',
	' - ',
	'\uF0B7 ',
	'\uF0FC ',
	'• ',
	'# ',
	'## ',
	'**',
	'*',
	'~~',
	'ANNEX I – Composition',
	'Annex 2: ',
	'GROUP A: Implementation (Questions 2 and 3)',
	'Option 1 – ',
	'Introduction',
	'Recommendations',
	'Table of Contents',
	'.....\t5',
	'\t',
	'|',
	'\u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 ',
	'__________',
	'---',
	'¹',
	'¹ ',
	'<sup>3</sup>',
	'[^1]: ',
	'Transparency9:',
	'Agenda.1',
	'“4.1 Enhanced',
	'”',
	'"',
	'From: ',
	'(12 December 2013)',
	'A/70/125',
	' ',
	'\u00A0'
);
const line = fc.array(fragment, { maxLength: 6 }).map((parts) => parts.join(''));
const structured = fc
	.tuple(fc.array(line, { maxLength: 25 }), fc.constantFrom('\n', '\r\n', '\r'))
	.map(([lines, eol]) => lines.join(eol));

describe('parseDocument laws (property)', () => {
	it('is lossless, with unique keys, clean text and valid parents, on structured inputs', () => {
		fc.assert(
			fc.property(structured, (source) => checkLaws(source, parseDocument(source))),
			{ numRuns: 400 }
		);
	});
	it('never throws and stays lossless on arbitrary strings', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (source) => checkLaws(source, parseDocument(source))),
			{ numRuns: 400 }
		);
		fc.assert(
			fc.property(fc.array(fc.oneof(fc.string({ maxLength: 20 }), fragment, fc.constant('\n'), fc.constant('\n\n'))).map((a) => a.join('')), (source) =>
				checkLaws(source, parseDocument(source))
			),
			{ numRuns: 400 }
		);
	});
	it('is deterministic (property)', () => {
		fc.assert(
			fc.property(structured, (source) => {
				expect(parseDocument(source)).toEqual(parseDocument(source));
			}),
			{ numRuns: 100 }
		);
	});
	it('handles the empty input and a lone line break', () => {
		expect(parseDocument('').units).toEqual([]);
		checkLaws('\n', parseDocument('\n'));
		checkLaws('x', parseDocument('x'));
	});
});

const corpusDir = resolve(process.cwd(), process.env.PLENARY_CORPUS_DIR ?? '../shared/corpus');
const corpusFiles = existsSync(corpusDir) ? readdirSync(corpusDir).filter((f) => /^\d{3}_.*\.txt$/.test(f)) : [];

describe.skipIf(corpusFiles.length === 0)('parseDocument laws on the corpus', () => {
	it.each(corpusFiles)('%s is lossless, deterministic and free of private-use glyphs', (file) => {
		const source = readFileSync(join(corpusDir, file), 'utf8');
		const doc = parseDocument(source);
		checkLaws(source, doc);
		expect(parseDocument(source)).toEqual(doc);
		expect(doc.units.filter((u) => u.kind !== 'blank').length).toBeGreaterThan(10);
	});
});
