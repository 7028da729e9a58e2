import { z } from 'zod';
import { CALL_ELIGIBILITIES, LOCALES } from '../shared/vocabulary';
import { checkbox, isCalendarDate, isId, optionalText, requiredChoice, requiredText, textOrEmpty } from '../shared/form-fields';
import { readFramework } from './framework';

/** Longest contribution text accepted from a form: about 100 pages. */
export const CONTRIBUTION_TEXT_MAX = 300_000;
export const TITLE_MAX = 300;

const list = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const idList = (max: number) => z.preprocess(list, z.array(z.string().refine(isId, { message: 'common.invalid' })).max(max));
const dateField = () =>
	z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().refine(isCalendarDate, { message: 'admin.error.date' }));
const lines = (max: number, each: number) =>
	z
		.string()
		.max(max)
		.transform((s) => s.split('\n').map((l) => l.trim()).filter(Boolean))
		.pipe(z.array(z.string().max(each)).max(100));

/**
 * A call for contributions as the secretariat's form sends it. The framework is written one
 * category a line, "A. Title (Questions 2 and 3)"; dates are days, a call closing at the end of its
 * closing day (UTC).
 */
export const callInput = z
	.object({
		title: requiredText(TITLE_MAX),
		description: textOrEmpty(10_000),
		questions: lines(50_000, 2_000),
		framework: z.string().max(20_000).default(''),
		eligibility: requiredChoice(CALL_ELIGIBILITIES),
		opensOn: dateField(),
		closesOn: dateField(),
		languages: z.preprocess(list, z.array(z.enum(LOCALES, { message: 'common.invalid' })).min(1, { message: 'common.required' })),
		compilationTitle: textOrEmpty(TITLE_MAX)
	})
	.transform((c, ctx) => {
		const framework = readFramework(c.framework);
		if (framework.problem) ctx.addIssue({ code: 'custom', path: ['framework'], message: framework.problem });
		for (const cat of framework.categories)
			if (cat.questions.some((q) => q > c.questions.length)) ctx.addIssue({ code: 'custom', path: ['framework'], message: 'contributions.error.frameworkQuestion' });
		if (c.closesOn < c.opensOn) ctx.addIssue({ code: 'custom', path: ['closesOn'], message: 'admin.error.endBeforeStart' });
		return { ...c, framework: framework.categories };
	});
export type CallInput = z.output<typeof callInput>;

/**
 * A contribution as the writing form sends it: its structured text and, for each item the text
 * yields, a category code ('' for none) in item order. `token` identifies the form so that a
 * second post of it (a double click) finds the contribution the first one made.
 */
export const contributionInput = z.object({
	token: z.string().trim().regex(/^[A-Za-z0-9_-]{16,64}$/, { message: 'common.invalid' }),
	title: requiredText(TITLE_MAX),
	text: requiredText(CONTRIBUTION_TEXT_MAX),
	lang: requiredChoice(LOCALES),
	itemCategory: z.preprocess(list, z.array(z.string().trim().max(20)).max(5_000)),
	/** Organisations named as co-submitters: they confirm before they are shown. */
	coSubmitters: idList(50),
	onBehalfOf: optionalText(1_000),
	/** Who the secretariat records as submitters of a contribution it received (ignored for others). */
	submitters: idList(50),
	/** Accept a contribution after the closing date (secretariat only). */
	late: checkbox()
});
export type ContributionInput = z.output<typeof contributionInput>;

/** A revision: the new title and text, and the categories of the items it yields. */
export const revisionInput = contributionInput.pick({ token: true, title: true, text: true, itemCategory: true });
export type RevisionInput = z.output<typeof revisionInput>;
