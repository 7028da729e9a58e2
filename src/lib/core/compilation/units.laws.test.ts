import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDocument } from '../documents/parse';
import type { ParsedUnit } from '../documents/types';
import { compileCallWithUnits, writeCall } from './compile';
import { FRAGMENTS, hostileCall, singleFragmentCall } from './hostile.fixtures';
import type { CompilationInput } from './types';
import { readUnits } from './units';

/**
 * The compilation's units read from what the generator wrote are exactly the parser's: same
 * keys, kinds, depths, parents, parts, numbers, clean text, sources, spans and footnote
 * references, in the same order — over calls whose words are hostile, every fragment in every
 * item shape, and a call shaped like a large one.
 */
function parsed(text: string): ParsedUnit[] {
	return parseDocument(text).units;
}

/** The units read without parsing the parts, or null when the reading gave up (the caller then parses). */
function read(x: CompilationInput): { text: string; units: ParsedUnit[] | null } {
	const { layout } = writeCall(x);
	const text = layout.lines.join('\n');
	return { text, units: readUnits(text, layout) };
}

describe('the units of a compilation, read from what the generator wrote', () => {
	it('are the units the parser reads, for every hostile fragment in every place and item shape', () => {
		let readable = 0;
		let cases = 0;
		for (const fragment of FRAGMENTS) {
			for (const kind of ['paragraph', 'list_item', 'heading'] as const) {
				for (const number of [null, '(2)', '2', 'A', '2 bis', 'b)', 'iv']) {
					const { text, units } = read(singleFragmentCall(fragment, kind, number));
					cases += 1;
					if (units === null) continue;
					readable += 1;
					expect(units, JSON.stringify({ fragment, kind, number })).toEqual(parsed(text));
				}
			}
		}
		// Giving up is for what the generator does not foresee, not for hostile words in general.
		expect(readable).toBeGreaterThan(cases * 0.9);
	});

	it('are the units the parser reads, over generated hostile calls', () => {
		let readable = 0;
		fc.assert(
			fc.property(hostileCall, (x) => {
				const { text, units } = read(x);
				if (units !== null) {
					readable += 1;
					expect(units).toEqual(parsed(text));
				}
			}),
			{ numRuns: 400 }
		);
		expect(readable).toBeGreaterThan(300);
	});

	it('are what compileCallWithUnits gives, with the same text as compileCall', () => {
		fc.assert(
			fc.property(hostileCall, (x) => {
				const compiled = compileCallWithUnits(x);
				expect(compiled.units).toEqual(parsed(compiled.text));
			}),
			{ numRuns: 100 }
		);
	});

	it('follow paragraphs that run on, numbers out of sequence, sub-items and headings inside contributions', () => {
		const x: CompilationInput = {
			title: 'Proposals of Draft Recommendations',
			subtitle: null,
			callTitle: 'A call',
			lang: 'en',
			framework: [{ code: 'A', title: 'Implementation', questions: [2, 3] }],
			contributions: [
				{
					id: 'c1',
					heading: null,
					submitters: ['Japan'],
					onBehalfOf: null,
					date: '2014-02-07',
					position: 1,
					status: 'submitted',
					published: true,
					mergedIntoId: null,
					items: [
						{ number: 'I', kind: 'heading', text: 'Principles', categoryCode: 'A', notes: [] },
						{ number: '(1)', kind: 'paragraph', text: 'All stakeholders should consider the following items', categoryCode: 'A', notes: [] },
						{ number: '1)', kind: 'paragraph', text: 'To formulate policy;\nwith sub-items\nand more', categoryCode: 'A', notes: [{ marker: '1', text: 'A note.' }] },
						{ number: '(3)', kind: 'paragraph', text: 'Out of sequence, and the one before does not end a sentence', categoryCode: 'A', notes: [] },
						{ number: null, kind: 'paragraph', text: 'and this runs on from it', categoryCode: 'A', notes: [] },
						{ number: 'a', kind: 'list_item', text: 'A lettered item.', categoryCode: 'A', notes: [] },
						{ number: null, kind: 'paragraph', text: 'A new paragraph.', categoryCode: null, notes: [{ marker: '*', text: 'Starred.' }] }
					]
				}
			],
			annexes: [{ title: 'Questionnaire', text: '## Questions\n\n1. Which?\n\n---\n\n¹ A note of its own.' }]
		};
		const { text, units } = read(x);
		expect(units).not.toBeNull();
		expect(units).toEqual(parsed(text));
		expect(units!.some((u) => u.kind === 'list_item' && u.depth === 2)).toBe(true);
		expect(units!.some((u) => u.kind === 'paragraph' && u.text.endsWith('and this runs on from it'))).toBe(true);

		// Without a title the text opens with a blank line, whose unit counts before the annex's separator.
		const untitled = read({ ...x, title: '' });
		expect(untitled.units).not.toBeNull();
		expect(untitled.units).toEqual(parsed(untitled.text));
		expect(untitled.units!.filter((u) => u.kind === 'blank').map((u) => u.key)).toEqual(['blank-1', 'blank-2']);
	});
});
