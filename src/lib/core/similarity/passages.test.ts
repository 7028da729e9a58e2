import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyse } from './analysis';
import { compare, containment } from './compare';
import { MIN_PASSAGE_WORDS } from './parameters';
import { commonPassages, type Passage } from './passages';
import { words } from './tokenise';

const FIRST = 'The Working Group recommends that all governments publish the data they hold on internet governance in open formats, so that every stakeholder can read and reuse it.';
const SECOND = 'Capacity building for developing countries should be a standing item of the agenda of the Forum and be funded by voluntary contributions from all stakeholders.';
const THIRD = 'The secretariat should compile the contributions received before each meeting and publish them on the website of the Commission.';
const CANDIDATE = [FIRST, SECOND, THIRD].join('\n\n');

const shown = (ps: Passage[]) => ps.map((p) => [p.query.text, p.candidate.text]);

describe('commonPassages', () => {
	it('finds two pasted paragraphs as two passages, as written in each text', () => {
		const query = `Our delegation has a proposal.\n\n${SECOND.replace('Capacity', 'capacity').replace('Forum', 'FORUM')}\n\nWe also add new wording of our own here.\n\n${FIRST}`;
		const ps = commonPassages(query, CANDIDATE);
		expect(shown(ps)).toEqual([
			[SECOND.replace('Capacity', 'capacity').replace('Forum', 'FORUM').slice(0, -1), SECOND.slice(0, -1)],
			[FIRST.slice(0, -1), FIRST.slice(0, -1)]
		]);
		expect(ps[0].candidate.start).toBe(CANDIDATE.indexOf(SECOND));
		expect(ps[1].query.start).toBe(query.indexOf(FIRST));
		expect(ps[1].words).toBe(words(FIRST).length);
	});
	it('cuts two adjacent pasted paragraphs at the paragraph break', () => {
		const ps = commonPassages(`Intro of ours.\n\n${FIRST}\n\n${SECOND}`, CANDIDATE);
		expect(ps.map((p) => p.candidate.start)).toEqual([CANDIDATE.indexOf(FIRST), CANDIDATE.indexOf(SECOND)]);
	});
	it('splits a paragraph around an edited word', () => {
		const edited = FIRST.replace('publish', 'release');
		const after = 'the data they hold on internet governance in open formats, so that every stakeholder can read and reuse it';
		// Seven words before the edit: too short to count unless the minimum is lowered.
		expect(commonPassages(edited, CANDIDATE).map((p) => p.query.text)).toEqual([after]);
		expect(commonPassages(edited, CANDIDATE, { minWords: 5 }).map((p) => p.query.text)).toEqual(['The Working Group recommends that all governments', after]);
	});
	it('leaves out stock phrases shorter than the minimum', () => {
		expect(commonPassages('We thank the Working Group recommends that all of you.', CANDIDATE)).toEqual([]);
		expect(commonPassages('We thank the Working Group recommends that all of you.', CANDIDATE, { minWords: 5 })).toHaveLength(1);
	});
	it('shows a passage the candidate repeats once', () => {
		const ps = commonPassages(FIRST, `${FIRST}\n\n${FIRST}`);
		expect(ps).toHaveLength(1);
		expect(ps[0].candidate.start).toBe(0);
	});
	it('finds passages in Chinese', () => {
		const zh = '工作组建议各国政府以开放格式公布其掌握的互联网治理数据，以便所有利益攸关方都能阅读和再利用。';
		const candidate = `发展中国家的能力建设应成为论坛议程的常设项目。\n\n${zh}`;
		const ps = commonPassages(`我们的代表团提出新的建议。${zh}`, candidate);
		expect(ps).toHaveLength(1);
		expect(ps[0].candidate.text).toBe(zh.slice(0, -1));
		expect(compare(zh, candidate).score).toBe(1);
	});
});

describe('compare', () => {
	it('scores containment both ways', () => {
		const c = compare(FIRST, CANDIDATE);
		expect(c.score).toBe(1);
		expect(c.coverage).toBeGreaterThan(0.2);
		expect(c.coverage).toBeLessThan(0.5);
		expect(compare('Entirely different words about nothing in particular at all.', CANDIDATE)).toEqual({ score: 0, coverage: 0, passages: [] });
		expect(compare('', CANDIDATE).score).toBe(0);
	});
});

// Laws, over texts drawn from two vocabularies with no word in common.
const A = 'state stakeholder internet governance public policy cooperation enhanced forum capacity building developing country role access security trust data'.split(' ');
const B = 'river mountain violin pepper lantern orbit velvet harbour glacier saffron'.split(' ');
const separators = fc.constantFrom(' ', ' ', ' ', ', ', '. ', '.\n\n', ' — ', ' “', '” ');
const textOf = (vocabulary: string[], max: number, min = 0) =>
	fc
		.array(fc.tuple(fc.constantFrom(...vocabulary), fc.boolean(), separators), { minLength: min, maxLength: max, size: 'max' })
		.map((ws) => ws.map(([w, upper, sep]) => (upper ? w.toUpperCase() : w) + sep).join(''));

describe('laws', () => {
	it('a text is most similar to itself, with score 1', () => {
		fc.assert(
			fc.property(textOf(A, 80), textOf(A, 80), (t, other) => {
				fc.pre(words(t).length > 0);
				const self = compare(t, t).score;
				expect(self).toBe(1);
				expect(compare(t, other).score).toBeLessThanOrEqual(self);
			})
		);
	});
	it('passages are really in both texts, at the stated offsets', () => {
		fc.assert(
			fc.property(textOf(A, 40), textOf(A, 40), textOf(A, 40), textOf(A, 40), textOf(A, 60), fc.integer({ min: 1, max: 12 }), (a, b, d, e, shared, minWords) => {
				// Texts that share a run, so that there are passages to check.
				const q = `${a} ${shared} ${b}`;
				const c = `${d}\n\n${shared}${e}`;
				for (const p of commonPassages(q, c, { minWords })) {
					expect(q.slice(p.query.start, p.query.end)).toBe(p.query.text);
					expect(c.slice(p.candidate.start, p.candidate.end)).toBe(p.candidate.text);
					const qw = words(p.query.text).map((w) => w.text);
					expect(qw).toEqual(words(p.candidate.text).map((w) => w.text));
					expect(qw).toHaveLength(p.words);
					expect(p.words).toBeGreaterThanOrEqual(minWords);
				}
			})
		);
	});
	it('adding unrelated text to the query never raises a candidate’s score', () => {
		fc.assert(
			fc.property(textOf(A, 80), textOf(A, 80), textOf(B, 40), textOf(B, 40), (q, c, before, after) => {
				expect(containment(`${before} ${q} ${after}`, c)).toBeLessThanOrEqual(containment(q, c));
			})
		);
	});
	it('finds a passage planted in unrelated text', () => {
		fc.assert(
			fc.property(textOf(A, 60, MIN_PASSAGE_WORDS + 4), textOf(B, 40), textOf(B, 40), (raw, before, after) => {
				// One paragraph, so that the whole planted run is one passage.
				const c = raw.replaceAll('\n', ' ');
				const ws = words(c);
				const planted = c.slice(ws[2].start, ws[ws.length - 2].end);
				const ps = commonPassages(`${before} ${planted} ${after}`, c);
				expect(ps).toHaveLength(1);
				expect(ps[0].candidate.text).toBe(planted);
				expect(ps[0].words).toBe(ws.length - 3);
			})
		);
	});
	it('the score one way is the coverage the other way, both within 0–1', () => {
		fc.assert(
			fc.property(textOf(A, 60), textOf(A, 60), (a, b) => {
				const ab = compare(a, b);
				const ba = compare(b, a);
				expect(ab.score).toBe(ba.coverage);
				expect(ab.score).toBeGreaterThanOrEqual(0);
				expect(ab.score).toBeLessThanOrEqual(1);
			})
		);
	});
	it('case, quotation marks and spacing do not change the score', () => {
		fc.assert(
			fc.property(textOf(A, 60), textOf(A, 60), (q, c) => {
				const restyled = q.toUpperCase().replaceAll('“', '"').replaceAll(' ', '  ');
				expect(containment(analyse(restyled), analyse(c))).toBe(containment(q, c));
			})
		);
	});
});
