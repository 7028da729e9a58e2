import { describe, expect, it } from 'vitest';
import { LIMIT_DEFAULT, LIMIT_MAX, parseItemQuery, parseListQuery } from './params';

const q = (s: string) => new URLSearchParams(s);

describe('list query', () => {
	it('defaults to the first page of 100 as JSON, and of 1000 as CSV', () => {
		expect(parseListQuery(q(''), [], 'plain')).toEqual({ ok: true, value: { limit: LIMIT_DEFAULT.json, offset: 0, format: 'json' } });
		expect(parseListQuery(q('format=csv'), [], 'plain')).toEqual({ ok: true, value: { limit: LIMIT_DEFAULT.csv, offset: 0, format: 'csv' } });
		expect(parseListQuery(q(''), [], 'csv')).toEqual({ ok: true, value: { limit: LIMIT_DEFAULT.csv, offset: 0, format: 'csv' } });
	});

	it('reads limit, offset and the filters the list accepts', () => {
		expect(parseListQuery(q('limit=5&offset=10&body=wgec-2016-2018&submitter=egypt'), ['body', 'submitter'], 'plain')).toEqual({
			ok: true,
			value: { limit: 5, offset: 10, format: 'json', body: 'wgec-2016-2018', submitter: 'egypt' }
		});
		expect(parseListQuery(q(`limit=${LIMIT_MAX}`), [], 'plain').ok).toBe(true);
	});

	it.each([
		['limit=0', 'limit'],
		[`limit=${LIMIT_MAX + 1}`, 'limit'],
		['limit=abc', 'limit'],
		['limit=1.5', 'limit'],
		['limit=-1', 'limit'],
		['limit=', 'limit'],
		['offset=-3', 'offset'],
		['format=xml', 'format'],
		['body=', 'body'],
		['bdy=wgec', 'bdy'],
		['limit=1&limit=2', 'limit']
	])('answers 400 for %s, naming %s', (search, name) => {
		const r = parseListQuery(q(search), ['body'], 'plain');
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.problem).toMatchObject({ type: 'about:blank', title: 'Bad Request', status: 400 });
		expect(r.problem.invalidParams?.map((p) => p.name)).toEqual([name]);
		expect(r.problem.detail).toContain(name);
	});

	it('refuses filters the list does not have, and format on a .csv address', () => {
		expect(parseListQuery(q('body=wgec'), [], 'plain').ok).toBe(false);
		expect(parseListQuery(q('submitter=egypt'), ['body'], 'plain').ok).toBe(false);
		expect(parseListQuery(q('format=csv'), [], 'csv').ok).toBe(false);
	});

	it('reports every bad parameter at once', () => {
		const r = parseListQuery(q('limit=0&offset=x&foo=1'), [], 'plain');
		expect(r.ok ? [] : r.problem.invalidParams?.map((p) => p.name).sort()).toEqual(['foo', 'limit', 'offset']);
	});
});

describe('single-record query', () => {
	it('takes no parameters', () => {
		expect(parseItemQuery(q('')).ok).toBe(true);
		const r = parseItemQuery(q('limit=1'));
		expect(r.ok ? null : r.problem.status).toBe(400);
	});
});
