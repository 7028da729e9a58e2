import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STAKEHOLDER_GROUPS } from '../shared/vocabulary';
import { analyseChoices, dimensionColumns, NOT_STATED, protectTally, tallyChoices, tallyGroups, type AnswerGroup, type ChoiceQuestion, type OptionGroup, type SubmittedResponse } from './aggregate';

const single: ChoiceQuestion = { id: 'q1', multiple: false, options: ['yes', 'no', 'unsure'] };
const several: ChoiceQuestion = { id: 'q2', multiple: true, options: ['a', 'b', 'c'] };

const response = (stakeholderGroup: string | null, countryIso2: string | null, answers: Record<string, string[]>): SubmittedResponse => ({
	stakeholderGroup,
	countryIso2,
	answers: new Map(Object.entries(answers))
});

const column = (dimension: Parameters<typeof dimensionColumns>[0], name: string) => dimensionColumns(dimension).indexOf(name);

describe('dimensionColumns', () => {
	it('lists each dimension with not_stated last', () => {
		expect(dimensionColumns('stakeholderGroup')).toEqual([...STAKEHOLDER_GROUPS, NOT_STATED]);
		expect(dimensionColumns('region')).toEqual(['Africa', 'Americas', 'Asia', 'Europe', 'Oceania', NOT_STATED]);
		expect(dimensionColumns('developmentStatus')).toEqual(['ldc', 'lldc', 'sids', 'developing', 'developed', NOT_STATED]);
	});
});

describe('tallyChoices', () => {
	const responses = [
		response('government', 'NP', { q1: ['yes'], q2: ['a', 'b', 'a'] }),
		response('civil_society', 'fr', { q1: ['no'], q2: ['b'] }),
		response(null, 'XX', { q1: ['yes'], q2: [] }),
		response('nonsense', null, { q1: ['yes', 'no'], q2: ['z', 'c'] }),
		response('government', 'BR', { q1: ['maybe'] })
	];
	const [t1, t2] = tallyChoices(responses, [single, several]);

	it('counts one option per respondent for single choice; several or unknown options are not counted', () => {
		expect(t1.overall).toEqual([2, 1, 0]);
		expect(t1.respondents).toBe(3);
	});

	it('puts unknown groups and countries under not_stated', () => {
		const byGroup = t1.tables.find((t) => t.dimension === 'stakeholderGroup')!;
		expect(byGroup.cells[0][column('stakeholderGroup', 'government')]).toBe(1);
		expect(byGroup.cells[0][column('stakeholderGroup', NOT_STATED)]).toBe(1);
		expect(byGroup.cells[1][column('stakeholderGroup', 'civil_society')]).toBe(1);
		const byRegion = t1.tables.find((t) => t.dimension === 'region')!;
		expect(byRegion.cells[0][column('region', 'Asia')]).toBe(1);
		expect(byRegion.cells[0][column('region', NOT_STATED)]).toBe(1);
		expect(byRegion.cells[1][column('region', 'Europe')]).toBe(1);
	});

	it('counts a country under its first development grouping: Nepal as an LDC only', () => {
		const byStatus = t1.tables.find((t) => t.dimension === 'developmentStatus')!;
		expect(byStatus.cells[0][column('developmentStatus', 'ldc')]).toBe(1);
		expect(byStatus.cells[0][column('developmentStatus', 'lldc')]).toBe(0);
		expect(byStatus.cells[1][column('developmentStatus', 'developed')]).toBe(1);
		expect(byStatus.respondents.reduce((s, v) => s + v, 0)).toBe(3);
	});

	it('counts a respondent once per option chosen for multiple choice, and respondents in the totals', () => {
		expect(t2.overall).toEqual([1, 2, 1]);
		expect(t2.respondents).toBe(3);
		const byGroup = t2.tables.find((t) => t.dimension === 'stakeholderGroup')!;
		expect(byGroup.respondents[column('stakeholderGroup', 'government')]).toBe(1);
		expect(byGroup.cells.map((r) => r[column('stakeholderGroup', 'government')])).toEqual([1, 1, 0]);
	});

	it('agrees with a plain recount, and single-choice tables add up', () => {
		const groups = [...STAKEHOLDER_GROUPS, null, 'other'];
		const countries = ['NP', 'FR', 'BR', 'US', 'FJ', 'KZ', 'XX', null];
		const arb = fc.array(
			fc.record({
				group: fc.constantFrom(...groups),
				country: fc.constantFrom(...countries),
				one: fc.subarray(['yes', 'no', 'unsure', 'bad'], { maxLength: 2 }),
				many: fc.array(fc.constantFrom('a', 'b', 'c', 'x'), { maxLength: 4 })
			}),
			{ maxLength: 60 }
		);
		fc.assert(
			fc.property(arb, (rows) => {
				const input = rows.map((r) => response(r.group, r.country, { q1: r.one, q2: r.many }));
				const [a, b] = tallyChoices(input, [single, several]);
				const chosen = (r: (typeof rows)[number]) => new Set(r.one.filter((c) => single.options.includes(c)));
				expect(a.respondents).toBe(rows.filter((r) => chosen(r).size === 1).length);
				expect(a.overall).toEqual(single.options.map((o) => rows.filter((r) => chosen(r).size === 1 && chosen(r).has(o)).length));
				expect(b.overall).toEqual(several.options.map((o) => rows.filter((r) => (r.many as string[]).includes(o)).length));
				expect(b.respondents).toBe(rows.filter((r) => r.many.some((c) => several.options.includes(c))).length);
				for (const t of a.tables) {
					t.cells.forEach((row, o) => expect(row.reduce((s, v) => s + v, 0)).toBe(a.overall[o]));
					t.respondents.forEach((n, j) => expect(t.cells.reduce((s, row) => s + row[j], 0)).toBe(n));
				}
				for (const t of b.tables) {
					t.cells.forEach((row, o) => expect(row.reduce((s, v) => s + v, 0)).toBe(b.overall[o]));
					expect(t.respondents.reduce((s, v) => s + v, 0)).toBe(b.respondents);
				}
			}),
			{ numRuns: 200, seed: 21 }
		);
	});
});

describe('tallyGroups', () => {
	it('gives the same tallies as tallyChoices from counts grouped by question, group, country (and option)', () => {
		const arb = fc.array(
			fc.record({
				group: fc.constantFrom(...STAKEHOLDER_GROUPS, null, 'other'),
				country: fc.constantFrom('NP', 'fr', 'BR', 'FJ', 'XX', null),
				one: fc.subarray(single.options as string[], { minLength: 0, maxLength: 1 }),
				many: fc.subarray(several.options as string[])
			}),
			{ maxLength: 80 }
		);
		fc.assert(
			fc.property(arb, (rows) => {
				const options = new Map<string, OptionGroup>();
				const answered = new Map<string, AnswerGroup>();
				const add = <T extends AnswerGroup>(map: Map<string, T>, key: string, value: T) => {
					const found = map.get(key);
					if (found) found.count++;
					else map.set(key, value);
				};
				for (const r of rows) {
					for (const [questionId, codes] of [['q1', r.one], ['q2', r.many]] as const) {
						if (codes.length === 0) continue;
						const base = { questionId, stakeholderGroup: r.group, countryIso2: r.country, count: 1 };
						add(answered, `${questionId}|${r.group}|${r.country}`, { ...base });
						for (const code of codes) add(options, `${questionId}|${r.group}|${r.country}|${code}`, { ...base, code });
					}
				}
				const expected = tallyChoices(rows.map((r) => response(r.group, r.country, { q1: r.one, q2: r.many })), [single, several]);
				expect(tallyGroups(options.values(), answered.values(), [single, several])).toEqual(expected);
			}),
			{ numRuns: 200, seed: 5 }
		);
	});
});

describe('protectTally and analyseChoices', () => {
	it('publishes no count between 0 and k, and the same option totals in every table', () => {
		const rows: SubmittedResponse[] = [];
		for (let i = 0; i < 40; i++) rows.push(response(STAKEHOLDER_GROUPS[i % 3], ['FR', 'BR', 'NP', 'US'][i % 4], { q1: [single.options[i % 2]], q2: ['a', 'b'].slice(0, 1 + (i % 2)) }));
		rows.push(response('private_sector', 'FJ', { q1: ['unsure'], q2: ['c'] }));
		for (const analysis of analyseChoices(rows, [single, several], 5)) {
			expect(analysis.k).toBe(5);
			const hidden = analysis.overall.counts.map((c) => 'suppressed' in c);
			for (const { table } of analysis.tables) {
				expect(table.rowTotals.map((c) => 'suppressed' in c)).toEqual(hidden);
				for (const c of [...table.cells.flat(), ...table.columnTotals, ...table.rowTotals, table.total]) if ('count' in c) expect(c.count === 0 || c.count >= 5).toBe(true);
			}
			for (const c of analysis.overall.counts) if ('count' in c) expect(c.count === 0 || c.count >= 5).toBe(true);
		}
	});

	it('hides the lone private-sector respondent from Fiji everywhere', () => {
		const rows: SubmittedResponse[] = [];
		for (let i = 0; i < 30; i++) rows.push(response('government', 'FR', { q1: ['yes'] }));
		for (let i = 0; i < 30; i++) rows.push(response('civil_society', 'BR', { q1: ['no'] }));
		rows.push(response('private_sector', 'FJ', { q1: ['no'] }));
		const [analysis] = analyseChoices(rows, [single], 5);
		const byGroup = analysis.tables.find((t) => t.dimension === 'stakeholderGroup')!;
		expect(byGroup.table.cells[1][column('stakeholderGroup', 'private_sector')]).toEqual({ suppressed: true });
		expect(byGroup.table.columnTotals[column('stakeholderGroup', 'private_sector')]).toEqual({ suppressed: true });
		const byStatus = analysis.tables.find((t) => t.dimension === 'developmentStatus')!;
		expect(byStatus.table.cells[1][column('developmentStatus', 'sids')]).toEqual({ suppressed: true });
	});

	it('protects a tally on its own, the same way every time', () => {
		const rows = [response('government', 'FR', { q1: ['yes'] }), response('government', 'FR', { q1: ['no'] })];
		const [tally] = tallyChoices(rows, [single]);
		expect(protectTally(tally, 5)).toEqual(protectTally(tally, 5));
		expect(protectTally(tally, 5).overall.total).toEqual({ suppressed: true });
	});
});
