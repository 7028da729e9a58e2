import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerTerms, frequentTerms, MAX_TERMS, type TermSet } from './terms';

describe('answerTerms', () => {
	it('finds words and phrases without stop words at their ends (worked example)', () => {
		expect(answerTerms('Enhanced cooperation; the role of governments.')).toEqual([
			'enhanced',
			'cooperation',
			'role',
			'governments',
			'enhanced cooperation',
			'role of governments'
		]);
	});

	it('does not run a phrase across punctuation', () => {
		expect(answerTerms('Internet governance. Capacity building')).toEqual(['internet', 'governance', 'capacity', 'building', 'internet governance', 'capacity building']);
	});

	it('lower-cases, applies NFKC and drops punctuation, keeping French and Spanish accents', () => {
		expect(answerTerms('ＷＳＩＳ : Coopération renforcée!')).toEqual(['wsis', 'coopération', 'renforcée', 'coopération renforcée']);
		expect(answerTerms('« Coopération » renforcée')).toEqual(['coopération', 'renforcée']);
		expect(answerTerms('La participación de los países')).toEqual(['participación', 'países']);
	});

	it("cuts French elisions from words (l'homme is homme) and keeps them in phrases", () => {
		expect(answerTerms("les droits de l’homme")).toEqual(['droits', 'homme', "droits de l'homme"]);
	});

	it('drops Russian stop words', () => {
		expect(answerTerms('Роль правительств в управлении интернетом')).toEqual([
			'роль',
			'правительств',
			'управлении',
			'интернетом',
			'роль правительств',
			'управлении интернетом',
			'правительств в управлении'
		]);
	});

	it('cuts Chinese into words and joins Chinese phrases without a space', () => {
		const terms = answerTerms('各国政府加强合作。');
		expect(terms).toContain('政府');
		expect(terms).toContain('加强');
		expect(terms).toContain('加强合作');
		expect(terms.every((t) => !t.includes(' '))).toBe(true);
	});

	it('strips Arabic vowel marks and the tatweel', () => {
		expect(answerTerms('التَّعَاوُن')).toEqual(answerTerms('التعاون'));
		expect(answerTerms('التعـــاون')).toEqual(['التعاون']);
		expect(answerTerms('في التعاون الدولي')).toEqual(['التعاون', 'الدولي', 'التعاون الدولي']);
	});

	it('drops single letters and very long tokens', () => {
		expect(answerTerms('x y z ok')).toEqual(['ok']);
		expect(answerTerms('a'.repeat(41))).toEqual([]);
	});

	it('is capped, distinct and deterministic', () => {
		fc.assert(
			fc.property(fc.array(fc.constantFrom('policy', 'internet', 'the', 'of', '.', 'cooperation', '政府', 'التعاون', 'роль', 'états'), { maxLength: 400 }), (parts) => {
				const text = parts.join(' ');
				const terms = answerTerms(text);
				expect(terms.length).toBeLessThanOrEqual(MAX_TERMS);
				expect(new Set(terms).size).toBe(terms.length);
				expect(answerTerms(text)).toEqual(terms);
			}),
			{ numRuns: 200, seed: 9 }
		);
		const long = Array.from({ length: 1000 }, (_, i) => `word${i}`).join(' ');
		expect(answerTerms(long).length).toBe(MAX_TERMS);
	});
});

describe('frequentTerms', () => {
	const set = (respondent: string, group: string | null, text: string): TermSet => ({ respondent, group, terms: answerTerms(text) });

	it('reports a term only when k distinct respondents used it, overall and per group', () => {
		const sets = [
			set('r1', 'government', 'capacity building'),
			set('r2', 'government', 'capacity building and more'),
			set('r3', 'civil_society', 'capacity matters'),
			set('r4', null, 'capacity'),
			set('r1', 'government', 'capacity again')
		];
		const result = frequentTerms(sets, 3);
		expect(result.overall).toEqual([{ term: 'capacity', count: 4 }]);
		expect(result.byGroup).toEqual({});
		const two = frequentTerms(sets, 2);
		expect(two.overall).toEqual([
			{ term: 'capacity', count: 4 },
			{ term: 'building', count: 2 },
			{ term: 'capacity building', count: 2 }
		]);
		expect(two.byGroup).toEqual({
			government: [
				{ term: 'building', count: 2 },
				{ term: 'capacity', count: 2 },
				{ term: 'capacity building', count: 2 }
			]
		});
		expect(frequentTerms(sets, 2, { limit: 1 }).overall).toEqual([{ term: 'capacity', count: 4 }]);
	});

	const sets = fc.array(
		fc.record({
			respondent: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
			group: fc.constantFrom('government', 'civil_society', null),
			terms: fc.uniqueArray(fc.constantFrom('t1', 't2', 't3', 't4', 't5'), { maxLength: 5 })
		}),
		{ maxLength: 30 }
	);

	it('law: no term is reported with fewer than k distinct respondents, and counts are exact', () => {
		fc.assert(
			fc.property(sets, fc.integer({ min: 1, max: 5 }), (input, k) => {
				const result = frequentTerms(input, k);
				const distinct = (term: string, group?: string) => new Set(input.filter((s) => (s.terms as readonly string[]).includes(term) && (group === undefined || (s.group ?? 'not_stated') === group)).map((s) => s.respondent)).size;
				for (const { term, count } of result.overall) {
					expect(count).toBe(distinct(term));
					expect(count).toBeGreaterThanOrEqual(k);
				}
				for (const [group, list] of Object.entries(result.byGroup))
					for (const { term, count } of list) {
						expect(count).toBe(distinct(term, group));
						expect(count).toBeGreaterThanOrEqual(k);
					}
				// Every term that qualifies is reported.
				for (const term of ['t1', 't2', 't3', 't4', 't5']) expect(result.overall.some((t) => t.term === term)).toBe(distinct(term) >= k);
				const counts = result.overall.map((t) => t.count);
				expect(counts).toEqual([...counts].sort((x, y) => y - x));
			}),
			{ numRuns: 300, seed: 31 }
		);
	});

	it("law: adding the same respondent's answer again changes nothing", () => {
		fc.assert(
			fc.property(sets, fc.nat(), fc.integer({ min: 1, max: 4 }), (input, pick, k) => {
				fc.pre(input.length > 0);
				const again = input[pick % input.length];
				expect(frequentTerms([...input, { ...again }], k)).toEqual(frequentTerms(input, k));
			}),
			{ numRuns: 300, seed: 37 }
		);
	});

	it('rejects a bad k', () => {
		expect(() => frequentTerms([], 0)).toThrow(RangeError);
	});
});
