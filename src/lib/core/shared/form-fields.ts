import { z } from 'zod';
import { SLUG_MAX, SLUG_PATTERN } from './slug';

/**
 * Building blocks for the zod schemas of forms. A form sends strings; an empty field means "not
 * given", so optional fields turn '' into null (the database's "unknown") and required fields
 * report `common.required` rather than "invalid". Custom messages are catalog keys, which
 * `problemsFrom` passes through to the page.
 */

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** A required single-line or multi-line text, trimmed, at most `max` characters. */
export const requiredText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().min(1).max(max));

/** An optional text: null when blank. */
export const optionalText = (max: number) =>
	z.preprocess(blankToUndefined, z.string().trim().max(max).optional()).transform((v) => v ?? null);

/** An optional text stored as '' when blank (columns that are NOT NULL DEFAULT ''). */
export const textOrEmpty = (max: number) =>
	z.preprocess(blankToUndefined, z.string().trim().max(max).optional()).transform((v) => v ?? '');

/** True for a real calendar day written YYYY-MM-DD (rejects 2017-02-30). */
export function isCalendarDate(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const d = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

const isoDateString = z.string().trim().refine(isCalendarDate, { message: 'admin.error.date' });

/** A required ISO date (YYYY-MM-DD). */
export const requiredDate = () => z.preprocess(blankToUndefined, isoDateString);

/** An optional ISO date: null when blank. */
export const optionalDate = () => z.preprocess(blankToUndefined, isoDateString.optional()).transform((v) => v ?? null);

/** An optional slug: null when blank (the command then derives one from the name). */
export const optionalSlug = () =>
	z
		.preprocess(blankToUndefined, z.string().trim().max(SLUG_MAX).regex(SLUG_PATTERN, { message: 'admin.error.slug' }).optional())
		.transform((v) => v ?? null);

/** One value of a fixed vocabulary, required. */
export const requiredChoice = <T extends readonly [string, ...string[]]>(values: T) =>
	z.preprocess(blankToUndefined, z.enum(values, { error: (issue) => (issue.input === undefined ? 'common.required' : 'common.invalid') }));

/** One value of a fixed vocabulary, or null when left blank. */
export const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) =>
	z.preprocess(blankToUndefined, z.enum(values).optional()).transform((v) => v ?? null);

const ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a database id (a UUID), so a route can answer 404 before asking the database. */
export const isId = (value: unknown): value is string => typeof value === 'string' && ID_PATTERN.test(value);

/** A required record id (UUID). */
export const requiredId = () => z.preprocess(blankToUndefined, z.string().trim().regex(ID_PATTERN, { message: 'common.invalid' }));

/** An optional record id: null when blank. */
export const optionalId = () =>
	z.preprocess(blankToUndefined, z.string().trim().regex(ID_PATTERN, { message: 'common.invalid' }).optional()).transform((v) => v ?? null);

/** A checkbox: browsers send "on" when ticked and nothing when not. */
export const checkbox = () => z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());

/** Adds "end before start" to the end field when both dates are given and out of order. */
export function endNotBeforeStart<T extends Record<string, unknown>>(startKey: keyof T & string, endKey: keyof T & string) {
	return (value: T, ctx: z.RefinementCtx) => {
		const start = value[startKey];
		const end = value[endKey];
		if (typeof start === 'string' && typeof end === 'string' && end < start) {
			ctx.addIssue({ code: 'custom', path: [endKey], message: 'admin.error.endBeforeStart' });
		}
	};
}

/** A form that names one record, e.g. a delete button's form. */
export const recordIdInput = z.object({ id: requiredId() });
