import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normaliseQuery, pageCount, searchParamsFrom, searchParamsSchema, searchQueryString, QUERY_MAX } from './query';

describe('normaliseQuery', () => {
	it('trims, collapses whitespace and drops control and private characters', () => {
		expect(normaliseQuery("  droits\u0000  de\tl'homme \uE000")).toBe("droits de l'homme");
	});
	it('composes accents so both spellings search alike', () => {
		expect(normaliseQuery('de\u0301claration')).toBe('déclaration');
	});
	it('keeps the operators websearch_to_tsquery understands', () => {
		expect(normaliseQuery('"enhanced cooperation" or -ITU')).toBe('"enhanced cooperation" or -ITU');
	});
	it('is idempotent and never longer than its input (property)', () => {
		fc.assert(
			fc.property(fc.string(), (s) => {
				const once = normaliseQuery(s);
				expect(normaliseQuery(once)).toBe(once);
				expect(once.length).toBeLessThanOrEqual(s.normalize('NFC').length);
			})
		);
	});
});

describe('searchParamsSchema', () => {
	const parse = (input: Record<string, string>) => searchParamsSchema.safeParse(input);

	it('accepts an empty request: no query, page 1', () => {
		const r = parse({});
		expect(r.success && r.data).toEqual({ q: '', page: 1 });
	});

	it('reads every filter, and blank filters as absent', () => {
		const r = parse({ q: ' sovereign ', body: 'wgec-2016-2018', kind: 'contribution', submitter: 'organisation:russian-federation', from: '2017-01-01', to: '2017-12-31', page: '3' });
		expect(r.success && r.data).toEqual({
			q: 'sovereign',
			body: 'wgec-2016-2018',
			kind: 'contribution',
			submitter: { kind: 'organisation', slug: 'russian-federation' },
			from: '2017-01-01',
			to: '2017-12-31',
			page: 3
		});
		const blank = parse({ q: 'x', body: '', kind: '', submitter: '', from: '', to: '', page: '' });
		expect(blank.success && blank.data).toEqual({ q: 'x', page: 1 });
	});

	it(`refuses a query over ${QUERY_MAX} characters and accepts one of exactly ${QUERY_MAX}`, () => {
		expect(parse({ q: 'a'.repeat(QUERY_MAX + 1) }).success).toBe(false);
		expect(parse({ q: 'a'.repeat(QUERY_MAX) }).success).toBe(true);
		const r = parse({ q: 'a'.repeat(QUERY_MAX + 1) });
		expect(!r.success && r.error.issues[0]).toMatchObject({ code: 'too_big', path: ['q'] });
	});

	it('refuses dates that are not ISO calendar days, and a range that ends before it starts', () => {
		for (const from of ['2017-02-30', '11/11/2017', '2017-1-1', 'yesterday']) {
			const r = parse({ q: 'x', from });
			expect(!r.success && r.error.issues[0]).toMatchObject({ path: ['from'], message: 'search.problem.date' });
		}
		const r = parse({ q: 'x', from: '2017-12-31', to: '2017-01-01' });
		expect(!r.success && r.error.issues[0]).toMatchObject({ path: ['to'], message: 'search.problem.dateOrder' });
	});

	it('refuses unknown kinds, malformed slugs and submitters, and silly pages', () => {
		expect(parse({ kind: 'memo' }).success).toBe(false);
		expect(parse({ body: 'WGEC 2016' }).success).toBe(false);
		expect(parse({ submitter: 'russian-federation' }).success).toBe(false);
		expect(parse({ submitter: 'robot:x' }).success).toBe(false);
		expect(parse({ submitter: 'person:' }).success).toBe(false);
		for (const page of ['0', '-1', '1.5', 'two', '100000']) expect(parse({ page }).success).toBe(false);
	});
});

describe('search addresses', () => {
	it('reads the first value of each known parameter', () => {
		const u = new URLSearchParams('q=a&q=b&kind=draft&other=x');
		expect(searchParamsFrom(u)).toEqual({ q: 'a', kind: 'draft' });
	});
	it('writes back only the filters given, with the page when not the first', () => {
		expect(searchQueryString({ q: 'sovereign rights', kind: 'draft', body: '' }, 2)).toBe('q=sovereign+rights&kind=draft&page=2');
		expect(searchQueryString({ q: 'x', page: '4' }, 1)).toBe('q=x');
	});
	it('counts pages', () => {
		expect(pageCount(0)).toBe(1);
		expect(pageCount(20)).toBe(1);
		expect(pageCount(21)).toBe(2);
		expect(pageCount(1e9)).toBe(500);
	});
});
