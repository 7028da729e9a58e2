/**
 * The query parameters of the open-data lists, as zod schemas (the OpenAPI document describes
 * them from the same schemas), and the one function that reads them from a request's address.
 *
 * Unknown and repeated parameters are refused rather than ignored: a typo such as `?bdy=wgec`
 * would otherwise silently return the whole list.
 */
import { z } from 'zod';
import type { InvalidParam, Problem } from './records';

export const LIMIT_MAX = 1000;
/** JSON pages are small by default; a CSV is a download, so it holds as many rows as allowed. */
export const LIMIT_DEFAULT = { json: 100, csv: LIMIT_MAX } as const;
export const OFFSET_MAX = 10_000_000;

export type Format = 'json' | 'csv';
export type FilterName = 'body' | 'call' | 'submitter' | 'questionnaire';

const wholeNumber = (min: number, max: number) =>
	z
		.string()
		.regex(/^[0-9]{1,9}$/, 'must be a whole number')
		.transform(Number)
		.pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

const slug = z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

/** Every query parameter a list may accept, with its schema and documentation. */
export const QUERY_PARAMETERS = {
	limit: { schema: wholeNumber(1, LIMIT_MAX), description: `How many records to return, from 1 to ${LIMIT_MAX}.` },
	offset: { schema: wholeNumber(0, OFFSET_MAX), description: 'How many records to skip from the start of the list (default 0).' },
	format: { schema: z.enum(['json', 'csv'], 'must be json or csv'), description: 'json (default) or csv. The same CSV is also served at this path with a .csv suffix, its canonical address.' },
	body: { schema: slug, description: 'Only records of the body with this slug (e.g. wgec-2016-2018).' },
	call: { schema: slug, description: 'Only contributions answering the call with this slug.' },
	questionnaire: { schema: slug, description: 'Only responses to the questionnaire with this slug.' },
	submitter: { schema: slug, description: 'Only contributions submitted (alone or jointly) by the organisation or person with this slug; a co-submitter counts once it has confirmed.' }
} as const;

export type ParameterName = keyof typeof QUERY_PARAMETERS;

/** The path parameter of single-record addresses. */
export const SLUG_PARAMETER = { schema: slug, description: 'The record\'s slug, as found in its list.' };

export interface ListQuery {
	limit: number;
	offset: number;
	format: Format;
	body?: string;
	call?: string;
	submitter?: string;
	questionnaire?: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: Problem };

/** A problem answer (RFC 9457). With `about:blank` the title is the HTTP status text. */
export function problem(status: 400 | 404, detail: string, invalidParams?: InvalidParam[]): Problem {
	const title = status === 400 ? 'Bad Request' : 'Not Found';
	return invalidParams ? { type: 'about:blank', title, status, detail, invalidParams } : { type: 'about:blank', title, status, detail };
}

/**
 * Reads a list's query. `filters` are the filters this list accepts; `form` says whether the
 * address was the list's own (JSON unless `?format=csv`) or its `.csv` form (no `format`).
 * Example: "?body=wgec&limit=5" on /meetings → { limit: 5, offset: 0, format: 'json', body: 'wgec' }.
 */
export function parseListQuery(search: URLSearchParams, filters: readonly FilterName[], form: 'plain' | 'csv'): Parsed<ListQuery> {
	const allowed: ParameterName[] = ['limit', 'offset', ...(form === 'plain' ? (['format'] as const) : []), ...filters];
	const invalid: InvalidParam[] = [];
	const raw: Partial<Record<ParameterName, string>> = {};
	for (const name of new Set(search.keys())) {
		const values = search.getAll(name);
		if (!(allowed as string[]).includes(name)) invalid.push({ name, reason: `is not a parameter of this list (accepted: ${allowed.join(', ')})` });
		else if (values.length > 1) invalid.push({ name, reason: 'must be given only once' });
		else raw[name as ParameterName] = values[0];
	}
	const out: ListQuery = { limit: 0, offset: 0, format: form === 'csv' ? 'csv' : 'json' };
	for (const name of Object.keys(raw) as ParameterName[]) {
		const parsed = QUERY_PARAMETERS[name].schema.safeParse(raw[name]);
		if (!parsed.success) invalid.push({ name, reason: parsed.error.issues[0]?.message ?? 'is not valid' });
		else Object.assign(out, { [name]: parsed.data });
	}
	if (invalid.length > 0) {
		return { ok: false, problem: problem(400, invalid.map((i) => `${i.name} ${i.reason}`).join('; '), invalid) };
	}
	if (raw.limit === undefined) out.limit = LIMIT_DEFAULT[out.format];
	return { ok: true, value: out };
}

/** Single records take no query parameters; any given is refused so that a typo is noticed. */
export function parseItemQuery(search: URLSearchParams): Parsed<null> {
	const names = [...new Set(search.keys())];
	if (names.length === 0) return { ok: true, value: null };
	const invalid = names.map((name) => ({ name, reason: 'is not a parameter of this address (it takes none)' }));
	return { ok: false, problem: problem(400, invalid.map((i) => `${i.name} ${i.reason}`).join('; '), invalid) };
}
