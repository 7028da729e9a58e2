import { z } from 'zod';
import { DOCUMENT_KINDS } from '../shared/vocabulary';
import { isCalendarDate } from '../shared/form-fields';
import { SLUG_MAX, SLUG_PATTERN } from '../shared/slug';

/**
 * The search request as a page receives it (`/{locale}/search?q=…&body=…&kind=…&submitter=…&from=…&to=…&page=…`),
 * validated and normalised. Filters name things by slug so addresses stay readable and stable:
 * `body=wgec-2016-2018`, `submitter=organisation:russian-federation` or `submitter=person:avri-doria`.
 */

/** The longest query accepted, in characters as typed. */
export const QUERY_MAX = 200;
/** Results per page. */
export const PAGE_SIZE = 20;
/** The last page a visitor can ask for; deeper pages are not useful and cost the database. */
export const PAGE_MAX = 500;

/** What the kind filter offers: every document kind, and contributions ('contribution' is both). */
export const SEARCH_KINDS = DOCUMENT_KINDS;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const SUBMITTER_KINDS = ['organisation', 'person'] as const;
export type SubmitterKind = (typeof SUBMITTER_KINDS)[number];

/**
 * The query as the database should see it: Unicode NFC (so "é" typed either way is one letter),
 * without control or private-use characters (the latter are our highlight markers), with runs of
 * whitespace collapsed. Operators that `websearch_to_tsquery` understands ("quotes", OR, -word)
 * are kept as typed: that function never fails on odd input, so nothing else needs escaping.
 *
 * Example: "  droits\u0000  de\tl'homme " → "droits de l'homme".
 */
export function normaliseQuery(raw: string): string {
	return raw
		.normalize('NFC')
		.replace(/[\p{Cc}\p{Co}]/gu, ' ')
		.replace(/\s+/gu, ' ')
		.trim();
}

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const isoDate = z.string().trim().refine(isCalendarDate, { message: 'search.problem.date' });
const slug = z.string().trim().max(SLUG_MAX).regex(SLUG_PATTERN, { message: 'search.problem.unknownFilter' });
const submitter = z
	.string()
	.trim()
	.max(SLUG_MAX + 20)
	.transform((v, ctx) => {
		const [kind, ...rest] = v.split(':');
		const s = rest.join(':');
		if (!(SUBMITTER_KINDS as readonly string[]).includes(kind) || !SLUG_PATTERN.test(s)) {
			ctx.addIssue({ code: 'custom', message: 'search.problem.unknownFilter' });
			return z.NEVER;
		}
		return { kind: kind as SubmitterKind, slug: s };
	});

/** The search parameters of the page, each optional except the query (which may be empty). */
export const searchParamsSchema = z
	.object({
		q: z.preprocess((v) => v ?? '', z.string().max(QUERY_MAX)).transform(normaliseQuery),
		body: optional(slug),
		kind: optional(z.enum(SEARCH_KINDS, { message: 'search.problem.unknownFilter' })),
		submitter: optional(submitter),
		from: optional(isoDate),
		to: optional(isoDate),
		page: z.preprocess((v) => blankToUndefined(v) ?? '1', z.coerce.number().int().min(1).max(PAGE_MAX))
	})
	.superRefine((v, ctx) => {
		if (v.from && v.to && v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'search.problem.dateOrder' });
	});

export type SearchParams = z.infer<typeof searchParamsSchema>;
export type SearchParamsInput = Partial<Record<keyof SearchParams, string>>;

/** The names the page reads from its address, in the order they are written back. */
export const SEARCH_PARAM_NAMES = ['q', 'body', 'kind', 'submitter', 'from', 'to', 'page'] as const;

/** The first value of each search parameter in an address (repeated names keep the first). */
export function searchParamsFrom(url: URLSearchParams): SearchParamsInput {
	const out: SearchParamsInput = {};
	for (const name of SEARCH_PARAM_NAMES) {
		const v = url.get(name);
		if (v !== null) out[name] = v;
	}
	return out;
}

/**
 * The query string of a search with the same filters on another page: empty filters are left out
 * and page 1 is implied. Example: ({q:'sovereign', kind:'draft'}, 2) → "q=sovereign&kind=draft&page=2".
 */
export function searchQueryString(params: SearchParamsInput, page = 1): string {
	const out = new URLSearchParams();
	for (const name of SEARCH_PARAM_NAMES) {
		if (name === 'page') continue;
		const v = params[name];
		if (v) out.set(name, v);
	}
	if (page > 1) out.set('page', String(page));
	return out.toString();
}

/** The value of the submitter filter for an organisation or a person: "organisation:<slug>". */
export function submitterParam(kind: SubmitterKind, slug: string): string {
	return `${kind}:${slug}`;
}

/** Number of pages for a total (at least 1, at most PAGE_MAX). */
export function pageCount(total: number, size = PAGE_SIZE): number {
	return Math.min(PAGE_MAX, Math.max(1, Math.ceil(total / size)));
}
