import { z } from 'zod';
import { isCalendarDate } from '../../core/shared/form-fields';
import { CONTRIBUTION_STATUSES, STAKEHOLDER_GROUPS } from '../../core/shared/vocabulary';

/** Contributions per page of the list. */
export const LIST_PAGE_SIZE = 50;

/** The list's filters as the address names them (slugs and codes, so that an address can be read and shared). */
export const LIST_PARAM_NAMES = ['call', 'category', 'submitter', 'group', 'region', 'from', 'to', 'status'] as const;
export type ListParamName = (typeof LIST_PARAM_NAMES)[number];

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const text = (max: number) => z.preprocess(blank, z.string().trim().max(max).optional());
const day = () => z.preprocess(blank, z.string().trim().refine(isCalendarDate, { message: 'admin.error.date' }).optional());

/** The list's query, validated: every filter optional, the page a positive number. */
export const listParamsSchema = z
	.object({
		call: text(200),
		category: text(20),
		submitter: text(200),
		group: z.preprocess(blank, z.enum(STAKEHOLDER_GROUPS).optional()),
		region: text(100),
		from: day(),
		to: day(),
		status: z.preprocess(blank, z.enum(CONTRIBUTION_STATUSES).optional()),
		page: z.preprocess(blank, z.coerce.number().int().min(1).max(100_000).optional())
	})
	.refine((p) => !p.from || !p.to || p.from <= p.to, { path: ['to'], message: 'admin.error.endBeforeStart' });
export type ListParams = z.output<typeof listParamsSchema>;

/** The raw query values (first of each), as the form shows them back. */
export function listInput(search: URLSearchParams): Record<ListParamName | 'page', string> {
	const out = {} as Record<ListParamName | 'page', string>;
	for (const name of [...LIST_PARAM_NAMES, 'page'] as const) out[name] = search.get(name) ?? '';
	return out;
}

/** The address of another page of the same list: the filters kept, empty ones dropped. */
export function listQueryString(input: Partial<Record<ListParamName, string>>, page: number): string {
	const q = new URLSearchParams();
	for (const name of LIST_PARAM_NAMES) {
		const v = input[name]?.trim();
		if (v) q.set(name, v);
	}
	if (page > 1) q.set('page', String(page));
	return q.toString();
}

/** How many pages `total` contributions fill (at least one). */
export function listPageCount(total: number): number {
	return Math.max(1, Math.ceil(total / LIST_PAGE_SIZE));
}
